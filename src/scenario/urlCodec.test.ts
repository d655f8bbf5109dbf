import fc from 'fast-check';
import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { encodeBase64Url } from './base64url';
import { fromCloudFront } from './cloudfront';
import { fullConfig } from './fixtures/cloudfrontConfigs';
import { PRESETS } from './presets';
import { cloneDefaultScenario, defaultScenario } from './presets/default';
import { decodeScenarioFromHash, encodeScenarioToHash, MAX_INFLATED_BYTES } from './urlCodec';

const FIX = 'ask for the link again, or open a saved scenario file.';
const linkOf = (json: string) => `#s=1.${encodeBase64Url(deflateSync(strToU8(json)))}`;
const errorOf = (hash: string) => {
  const r = decodeScenarioFromHash(hash);
  return r.ok ? 'decoded' : r.error;
};

describe('encode and decode', () => {
  it('the default scenario comes back equal, from a link under 2,000 characters', () => {
    const hash = encodeScenarioToHash(defaultScenario);
    expect(hash.startsWith('#s=1.')).toBe(true);
    expect(hash.length).toBeLessThan(2_000);
    expect(decodeScenarioFromHash(hash)).toEqual({ ok: true, scenario: defaultScenario });
  });

  it.each([
    ...PRESETS.map((p) => [p.id, p.scenario] as const),
    ['imported CloudFront config', fromCloudFront(fullConfig)] as const,
  ])('%s round-trips through a link', (_id, scenario) => {
    expect(decodeScenarioFromHash(encodeScenarioToHash(scenario))).toEqual({ ok: true, scenario });
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
      `This link is damaged: it should start with "s=1." (the link format); ${FIX}`,
    );
  });

  it('a link from a newer app', () => {
    expect(errorOf(good.replace('#s=1.', '#s=2.'))).toBe(
      'This link was made by a newer EdgeLab (link format 2); update the app, then open the link again.',
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
      fc.property(fc.string({ maxLength: 300 }), (s) => decodesSafely(s) && decodesSafely(`#s=1.${s}`)),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2_000 }), (bytes) =>
        decodesSafely(`#s=1.${encodeBase64Url(bytes)}`),
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
