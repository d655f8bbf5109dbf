// A solved challenge's result, shareable as `#challenge=<id>&result=1.<base64url(json)>`. It is
// self-reported: anyone can make one, so the app says so wherever it shows one. The checksum only
// catches a hand-edited or truncated link, so that it reads "damaged" instead of showing odd numbers.
import { strFromU8, strToU8 } from 'fflate';
import { z } from 'zod';
import { decodeBase64Url, encodeBase64Url } from '../base64url';

export interface ChallengeResult {
  challengeId: string;
  /** how long the attempt took: the timer's running time when it was used, else since the challenge was opened */
  timeMs: number;
  /** true when timeMs comes from the timer */
  timed: boolean;
  hintsUsed: number;
  solutionViewed: boolean;
  /** wall-clock ms when every goal passed */
  solvedAt: number;
}

/** The link format this build writes and reads. */
const RESULT_FORMAT = '1';
/** A result link longer than this is not one of ours (ours are ~120 characters). */
const MAX_RESULT_CHARS = 1_000;
/** A week: no attempt takes longer, so a bigger figure is an edited link. */
const MAX_TIME_MS = 7 * 86_400_000;

const wire = z.strictObject({
  c: z.string().regex(/^[a-z0-9-]{1,64}$/),
  t: z.number().int().min(0).max(MAX_TIME_MS),
  m: z.union([z.literal(0), z.literal(1)]),
  h: z.number().int().min(0).max(100),
  s: z.union([z.literal(0), z.literal(1)]),
  d: z.number().int().min(0),
  k: z.string().regex(/^[0-9a-f]{8}$/),
});
type Wire = z.infer<typeof wire>;

/** FNV-1a (32-bit) of the fields in a fixed order: a typo detector, not a signature. */
function checksum(w: Omit<Wire, 'k'>): string {
  const text = `${w.c}|${w.t}|${w.m}|${w.h}|${w.s}|${w.d}`;
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

export function encodeChallengeResult(r: ChallengeResult): string {
  const fields = {
    c: r.challengeId,
    t: Math.round(r.timeMs),
    m: r.timed ? 1 : 0,
    h: r.hintsUsed,
    s: r.solutionViewed ? 1 : 0,
    d: Math.round(r.solvedAt),
  } as const;
  const json = JSON.stringify({ ...fields, k: checksum(fields) });
  return `${RESULT_FORMAT}.${encodeBase64Url(strToU8(json))}`;
}

export type DecodedResult = { ok: true; result: ChallengeResult } | { ok: false; error: string };

const DAMAGED = 'This result link is damaged or was edited';
const ASK = 'Ask for the link again; you can still try the challenge yourself.';

/**
 * Reads a result from a link. `challengeId` is the challenge the link names; `hintsTotal` its number
 * of hints. Never throws: every failure is a sentence saying what is wrong and what to do.
 */
export function decodeChallengeResult(text: string, challengeId: string, hintsTotal: number): DecodedResult {
  const fail = (why: string): DecodedResult => ({ ok: false, error: `${DAMAGED} (${why}). ${ASK}` });
  if (text.length > MAX_RESULT_CHARS) return fail('it is far too long');
  const dot = text.indexOf('.');
  if (dot < 0 || text.slice(0, dot) !== RESULT_FORMAT) return fail('unknown result format');
  const bytes = decodeBase64Url(text.slice(dot + 1));
  if (!bytes) return fail('it contains characters a result never has');
  let json: unknown;
  try {
    json = JSON.parse(strFromU8(bytes));
  } catch {
    return fail('its content is unreadable');
  }
  const parsed = wire.safeParse(json);
  if (!parsed.success) return fail('a field is missing or out of range');
  const w = parsed.data;
  const { k, ...fields } = w;
  if (checksum(fields) !== k) return fail('its checksum does not match');
  if (w.c !== challengeId) return fail(`it is a result for "${w.c}", not for "${challengeId}"`);
  if (w.h > hintsTotal) return fail(`it claims ${w.h} hints, but this challenge has ${hintsTotal}`);
  return {
    ok: true,
    result: {
      challengeId: w.c,
      timeMs: w.t,
      timed: w.m === 1,
      hintsUsed: w.h,
      solutionViewed: w.s === 1,
      solvedAt: w.d,
    },
  };
}
