import fc from 'fast-check';
import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../engine/scenario';
import { encodeBase64Url } from './base64url';
import { fromCloudFront } from './cloudfront';
import { fullConfig } from './fixtures/cloudfrontConfigs';
import { PRESETS } from './presets';
import { cloneDefaultScenario, defaultScenario } from './presets/default';
import { LINK_DICTIONARY_1_TEXT } from './linkDictionary1';
import { decodeScenarioFromHash, encodeScenarioToHash, MAX_INFLATED_BYTES } from './urlCodec';

/** FNV-1a of linkDictionary1.ts when it was frozen: a change there breaks every format-2 link. */
const DICTIONARY_1_FNV = 3_251_321_704;
const FIX = 'ask for the link again, or open a saved scenario file.';
const linkOf = (json: string) => `#s=1.${encodeBase64Url(deflateSync(strToU8(json)))}`;
const errorOf = (hash: string) => {
  const r = decodeScenarioFromHash(hash);
  return r.ok ? 'decoded' : r.error;
};

describe('encode and decode', () => {
  it('the default scenario comes back equal, from a link under 2,000 characters', () => {
    const hash = encodeScenarioToHash(defaultScenario);
    expect(hash.startsWith('#s=2.')).toBe(true);
    expect(hash.length).toBeLessThan(2_000);
    expect(decodeScenarioFromHash(hash)).toEqual({ ok: true, scenario: defaultScenario });
  });

  it.each([
    ...PRESETS.map((p) => [p.id, p.scenario] as const),
    ['imported CloudFront config', fromCloudFront(fullConfig)] as const,
  ])('%s round-trips through a link', (_id, scenario) => {
    expect(decodeScenarioFromHash(encodeScenarioToHash(scenario))).toEqual({ ok: true, scenario });
  });

  // Link lengths (format 2, preset dictionary) against format 1 (plain deflate), in characters:
  //   default 49 (was 1,533), static-website 64 (2,281), api-acceleration 61 (2,120),
  //   hls-video 72 (2,301), multi-region-failover 61 (1,864), global-ecommerce 92 (3,069)
  // (printed as "link length ..." by the test below)
  const v1Length = (s: Scenario) => linkOf(JSON.stringify(s)).length;
  it.each([['default', defaultScenario] as const, ...PRESETS.map((p) => [p.id, p.scenario] as const)])(
    '%s: the link is under 2,000 characters',
    (id, scenario) => {
      const hash = encodeScenarioToHash(scenario);
      console.log(`link length ${id}: ${hash.length} characters (format 1: ${v1Length(scenario)})`);
      expect(hash.length).toBeLessThan(2_000);
      expect(hash.length).toBeLessThan(v1Length(scenario));
    },
  );

  it('an edited preset still gets a short link: only the differences cost', () => {
    const s = cloneDefaultScenario();
    s.name = 'My TTL experiment';
    s.seed = 7;
    s.traffic!.requestsPerSecond = 1234;
    const hash = encodeScenarioToHash(s);
    expect(hash.length).toBeLessThan(300);
    expect(decodeScenarioFromHash(hash)).toEqual({ ok: true, scenario: s });
  });

  it.each([['default', defaultScenario] as const, ...PRESETS.map((p) => [p.id, p.scenario] as const)])(
    '%s: a version-1 link (plain deflate, before the dictionary) still opens',
    (_id, scenario) => {
      expect(decodeScenarioFromHash(linkOf(JSON.stringify(scenario)))).toEqual({ ok: true, scenario });
    },
  );

  it('the link dictionary is frozen: links made with it depend on every byte', () => {
    let h = 0x811c9dc5; // FNV-1a over the UTF-16 code units
    for (let i = 0; i < LINK_DICTIONARY_1_TEXT.length; i++) {
      h ^= LINK_DICTIONARY_1_TEXT.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    expect([LINK_DICTIONARY_1_TEXT.length, h]).toEqual([25_517, DICTIONARY_1_FNV]);
  });

  it('keeps non-ASCII text intact', () => {
    const s = cloneDefaultScenario();
    s.name = 'Café ☕ — 東京 edge test';
    const r = decodeScenarioFromHash(encodeScenarioToHash(s));
    expect(r.ok && r.scenario.name).toBe('Café ☕ — 東京 edge test');
  });

  it('accepts the hash with or without #, among other parameters, or percent-encoded', () => {
    const payload = encodeScenarioToHash(defaultScenario).slice(1);
    expect(decodeScenarioFromHash(payload).ok).toBe(true);
    expect(decodeScenarioFromHash(`#tab=editor&${payload}&x=1`).ok).toBe(true);
    expect(decodeScenarioFromHash(`#${payload.replace('.', '%2E')}`).ok).toBe(true);
  });

  it('upgrades an old scenario inside a link through the migrations', () => {
    const { version: _v, ...draft } = cloneDefaultScenario();
    const r = decodeScenarioFromHash(linkOf(JSON.stringify(draft)));
    expect(r.ok && r.scenario.version).toBe(1);
  });
});

describe('bad links give a sentence saying what is wrong and what to do', () => {
  const good = encodeScenarioToHash(defaultScenario);

  it('no scenario in the hash', () => {
    expect(errorOf('')).toBe(`This link has no scenario in it (no "s=" in the part after #); ${FIX}`);
    expect(errorOf('#tab=editor')).toBe(
      `This link has no scenario in it (no "s=" in the part after #); ${FIX}`,
    );
  });

  it('a missing or garbled format prefix', () => {
    expect(errorOf('#s=abc')).toBe(
      `This link is damaged: it should start with "s=2." (the link format); ${FIX}`,
    );
  });

  it('a link from a newer app', () => {
    expect(errorOf(good.replace('#s=2.', '#s=3.'))).toBe(
      'This link was made by a newer EdgeLab (link format 3); update the app, then open the link again.',
    );
    expect(errorOf(linkOf(JSON.stringify({ ...defaultScenario, version: 9 })))).toBe(
      'The scenario in this link is not valid: version: this link was made by a newer EdgeLab (version 9); update the app (this one reads up to version 1)',
    );
  });

  it('characters base64url never has', () => {
    expect(errorOf(`${good.slice(0, 40)}+/${good.slice(42)}`)).toBe(
      `This link is damaged (it contains characters a link never has, or was cut short); ${FIX}`,
    );
  });

  it('a truncated link', () => {
    expect(errorOf(good.slice(0, good.length - 20))).toBe(
      `This link is damaged (it was cut short or changed, so it cannot be unpacked); ${FIX}`,
    );
  });

  it('valid compression of something that is not JSON', () => {
    expect(errorOf(linkOf('{"version": 1,'))).toBe(
      `This link is damaged (its content is not valid JSON); ${FIX}`,
    );
  });

  it('valid JSON that is not a valid scenario names the field', () => {
    const bad = cloneDefaultScenario();
    bad.traffic!.zipfAlpha = 3;
    expect(errorOf(linkOf(JSON.stringify(bad)))).toBe(
      'The scenario in this link is not valid: traffic.zipfAlpha: must be between 0.6 and 1.2 (got 3)',
    );
  });

  it('a zip bomb is stopped at the size cap, quickly', () => {
    const bomb = deflateSync(new Uint8Array(24 * 1024 * 1024).fill(32), { level: 9 }); // 24 MB of spaces, ~24 KB packed
    const started = performance.now();
    expect(errorOf(`#s=2.${encodeBase64Url(bomb)}`)).toBe(errorOf(`#s=1.${encodeBase64Url(bomb)}`));
    expect(errorOf(`#s=1.${encodeBase64Url(bomb)}`)).toBe(
      `This link unpacks to more than ${MAX_INFLATED_BYTES / 1024 / 1024} MB, far more than any scenario; it is not an EdgeLab link. Ask for the link again, or open a saved scenario file.`,
    );
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('a link over a million characters is refused before any work', () => {
    expect(errorOf(`#s=1.${'A'.repeat(1_000_001)}`)).toBe(
      `This link is too long to be an EdgeLab scenario (1000006 characters); ${FIX}`,
    );
  });
});

describe('fuzz: the decoder never throws and always answers quickly', () => {
  const good = encodeScenarioToHash(defaultScenario);
  const decodesSafely = (hash: string) => {
    const started = performance.now();
    const r = decodeScenarioFromHash(hash);
    const ms = performance.now() - started;
    return (
      (r.ok ? r.scenario.version === 1 : typeof r.error === 'string' && r.error.length > 20) && ms < 2_000
    ); // "never hangs": a generous bound, far above a normal decode (<1 ms)
  };

  it('random strings, random base64url payloads', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 300 }),
        (s) => decodesSafely(s) && decodesSafely(`#s=1.${s}`) && decodesSafely(`#s=2.${s}`),
      ),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 2_000 }),
        (bytes) =>
          decodesSafely(`#s=1.${encodeBase64Url(bytes)}`) && decodesSafely(`#s=2.${encodeBase64Url(bytes)}`),
      ),
      { numRuns: 300 },
    );
  });

  it('valid links with characters changed, inserted, deleted or cut off', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_%.=&#';
    const mutation = fc.record({
      at: fc.nat({ max: good.length - 1 }),
      kind: fc.constantFrom('replace', 'insert', 'delete', 'truncate'),
      char: fc.constantFrom(...alphabet.split('')),
    });
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 5 }), (mutations) => {
        let h = good;
        for (const m of mutations) {
          const at = Math.min(m.at, h.length);
          if (m.kind === 'replace') h = h.slice(0, at) + m.char + h.slice(at + 1);
          else if (m.kind === 'insert') h = h.slice(0, at) + m.char + h.slice(at);
          else if (m.kind === 'delete') h = h.slice(0, at) + h.slice(at + 1);
          else h = h.slice(0, at);
        }
        return decodesSafely(h);
      }),
      { numRuns: 400 },
    );
  });

  it('valid compression of mutated scenario JSON (schema errors, never exceptions)', () => {
    const json = JSON.stringify(defaultScenario);
    fc.assert(
      fc.property(fc.nat({ max: json.length - 1 }), fc.string({ maxLength: 8 }), (at, insert) =>
        decodesSafely(linkOf(json.slice(0, at) + insert + json.slice(at + 1))),
      ),
      { numRuns: 300 },
    );
  });
});
