// A whole scenario in the URL hash: `#s=2.<base64url(deflate(json, dictionary 1))>`. The "2." is the
// link format (how the bytes are packed); the scenario inside carries its own `version` and goes
// through the migrations and the schema like any other document. The decoder never throws and never
// hangs: every failure becomes a sentence saying what is wrong and what to do.
//
// Link formats (each one is read forever; only the newest is written):
//   1  raw deflate of the JSON
//   2  deflate with a preset dictionary (linkDictionary1.ts, frozen): the presets' own JSON, so a
//      scenario made from a preset costs only its differences (every preset's link < 2,000 chars)
import { Inflate, deflateSync, strFromU8, strToU8 } from 'fflate';
import { ScenarioError } from '../engine/errors';
import type { Scenario } from '../engine/scenario';
import { decodeBase64Url, encodeBase64Url } from './base64url';
import { LINK_DICTIONARY_1_TEXT } from './linkDictionary1';
import { parseScenario } from './schema';

/** The link format this build writes; it reads every format up to this one. */
export const LINK_FORMAT = 2;

/** The deflate dictionary of each link format (none for format 1). Built once, on first use. */
const dictionaries = new Map<number, Uint8Array>();
function dictionaryOf(format: number): Uint8Array | undefined {
  if (format !== 2) return undefined;
  let d = dictionaries.get(format);
  if (!d) {
    d = strToU8(LINK_DICTIONARY_1_TEXT);
    dictionaries.set(format, d);
  }
  return d;
}

/** Limits that keep a hostile link cheap: a URL this long is already absurd, and no real scenario
 * inflates past 2 MB (the default one is ~4 KB), so anything bigger is a zip bomb or garbage. */
export const MAX_HASH_CHARS = 1_000_000;
export const MAX_INFLATED_BYTES = 2 * 1024 * 1024;
/** Compressed bytes fed to the inflater per step: deflate expands at most ~1032x, so one step can
 * overshoot the cap by about 0.5 MB before we stop. */
const INFLATE_CHUNK = 512;

const FIX_LINK = 'ask for the link again, or open a saved scenario file';

export function encodeScenarioToHash(scenario: Scenario): string {
  const json = JSON.stringify(scenario);
  const packed = deflateSync(strToU8(json), { level: 9, dictionary: dictionaryOf(LINK_FORMAT) });
  return `#s=${LINK_FORMAT}.${encodeBase64Url(packed)}`;
}

export type DecodeResult = { ok: true; scenario: Scenario } | { ok: false; error: string };

export function decodeScenarioFromHash(hash: string): DecodeResult {
  try {
    return decode(hash);
  } catch (e) {
    // Every expected failure is handled below; this is the guarantee that nothing escapes.
    return {
      ok: false,
      error: `This link could not be read (${e instanceof Error ? e.message : 'unknown error'}); ${FIX_LINK}.`,
    };
  }
}

function decode(hash: string): DecodeResult {
  if (typeof hash !== 'string') return { ok: false, error: `This link has no scenario in it; ${FIX_LINK}.` };
  if (hash.length > MAX_HASH_CHARS) {
    return {
      ok: false,
      error: `This link is too long to be an EdgeLab scenario (${hash.length} characters); ${FIX_LINK}.`,
    };
  }
  const payload = readParam(hash.replace(/^#/, ''), 's');
  if (payload === undefined)
    return {
      ok: false,
      error: `This link has no scenario in it (no "s=" in the part after #); ${FIX_LINK}.`,
    };
  const dot = payload.indexOf('.');
  const format = dot > 0 ? Number(payload.slice(0, dot)) : NaN;
  if (!Number.isInteger(format) || format < 1) {
    return {
      ok: false,
      error: `This link is damaged: it should start with "s=${LINK_FORMAT}." (the link format); ${FIX_LINK}.`,
    };
  }
  if (format > LINK_FORMAT) {
    return {
      ok: false,
      error: `This link was made by a newer EdgeLab (link format ${format}); update the app, then open the link again.`,
    };
  }
  const bytes = decodeBase64Url(payload.slice(dot + 1));
  if (!bytes || bytes.length === 0) {
    return {
      ok: false,
      error: `This link is damaged (it contains characters a link never has, or was cut short); ${FIX_LINK}.`,
    };
  }
  const inflated = inflateCapped(bytes, dictionaryOf(format));
  if (typeof inflated === 'string') return { ok: false, error: inflated };
  let json: unknown;
  try {
    json = JSON.parse(strFromU8(inflated));
  } catch {
    return { ok: false, error: `This link is damaged (its content is not valid JSON); ${FIX_LINK}.` };
  }
  try {
    return { ok: true, scenario: parseScenario(json) };
  } catch (e) {
    if (e instanceof ScenarioError)
      return { ok: false, error: `The scenario in this link is not valid: ${e.message}` };
    throw e;
  }
}

/** Value of `name` in "a=1&s=...". Hash parameters are not URL-encoded by us (base64url is URL-safe),
 * but a link passed through an encoder may be, so %xx is decoded when present. */
function readParam(query: string, name: string): string | undefined {
  for (const part of query.split('&')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq) === name) {
      const raw = part.slice(eq + 1);
      try {
        return raw.includes('%') ? decodeURIComponent(raw) : raw;
      } catch {
        return raw;
      }
    }
  }
  return undefined;
}

/** Inflates in small steps and gives up past MAX_INFLATED_BYTES; returns an error sentence on failure. */
function inflateCapped(compressed: Uint8Array, dictionary: Uint8Array | undefined): Uint8Array | string {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let tooBig = false;
  const inflater = new Inflate({ dictionary }, (chunk) => {
    total += chunk.length;
    if (total > MAX_INFLATED_BYTES) tooBig = true;
    else chunks.push(chunk);
  });
  try {
    for (let i = 0; i < compressed.length && !tooBig; i += INFLATE_CHUNK) {
      const end = Math.min(i + INFLATE_CHUNK, compressed.length);
      inflater.push(compressed.subarray(i, end), end === compressed.length);
    }
  } catch {
    return `This link is damaged (it was cut short or changed, so it cannot be unpacked); ${FIX_LINK}.`;
  }
  if (tooBig)
    return `This link unpacks to more than ${MAX_INFLATED_BYTES / 1024 / 1024} MB, far more than any scenario; it is not an EdgeLab link. ${capitalize(FIX_LINK)}.`;
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
