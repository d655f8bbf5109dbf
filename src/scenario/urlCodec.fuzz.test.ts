// Fuzzing the link decoder (issue 10), 10,000 inputs: arbitrary text, random bytes packed as links,
// real links with characters changed, inserted, deleted or cut off, and well-packed links around
// mutated scenarios (so the schema is reached too). The decoder never throws, never hangs, and every
// refusal is a sentence that says what is wrong and what to do.
import fc from 'fast-check';
import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { encodeBase64Url } from './base64url';
import { applyMutations, mutations } from './fixtures/jsonMutations';
import { PRESETS } from './presets';
import { decodeScenarioFromHash, encodeScenarioToHash } from './urlCodec';

const RUNS = 10_000;
/** The hang guard, not a speed target: a decode takes about a millisecond. */
const HANG_MS = 2_000;

const links = PRESETS.map((p) => encodeScenarioToHash(p.scenario));
const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_%.=&#+/'.split('');
const edit = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('replace', 'insert', 'delete', 'truncate'),
  char: fc.constantFrom(...alphabet),
});

const hashes: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 300 }).chain((s) => fc.constantFrom(s, `#s=1.${s}`, `#s=2.${s}`, `#s=${s}`)),
  fc
    .tuple(fc.uint8Array({ maxLength: 2_000 }), fc.constantFrom(1, 2, 3))
    .map(([bytes, format]) => `#s=${format}.${encodeBase64Url(bytes)}`),
  fc
    .tuple(fc.nat({ max: links.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 5 }))
    .map(([i, edits]) => {
      let h = links[i];
      for (const m of edits) {
        const at = m.at % (h.length + 1);
        if (m.kind === 'replace') h = h.slice(0, at) + m.char + h.slice(at + 1);
        else if (m.kind === 'insert') h = h.slice(0, at) + m.char + h.slice(at);
        else if (m.kind === 'delete') h = h.slice(0, at) + h.slice(at + 1);
        else h = h.slice(0, at);
      }
      return h;
    }),
  fc
    .tuple(fc.nat({ max: PRESETS.length - 1 }), mutations)
    .map(
      ([i, m]) =>
        `#s=1.${encodeBase64Url(deflateSync(strToU8(JSON.stringify(applyMutations(PRESETS[i].scenario, m)))))}`,
    ),
);

describe('link decoder under 10,000 generated and mutated links', () => {
  it('opens the scenario or explains what is wrong, every time and without hanging', () => {
    let slowest = 0;
    let refused = 0;
    const started = performance.now();
    fc.assert(
      fc.property(hashes, (hash) => {
        const t0 = performance.now();
        const r = decodeScenarioFromHash(hash);
        slowest = Math.max(slowest, performance.now() - t0);
        if (r.ok) {
          expect(r.scenario.version).toBeGreaterThan(0);
          return;
        }
        refused++;
        // A sentence naming the link (or the scenario field) and what to do, never a raw exception.
        expect(r.error).toMatch(/^This (link|scenario)|^[A-Za-z(]/);
        expect(r.error.length).toBeGreaterThan(20);
        expect(r.error).not.toMatch(/undefined|\[object |unknown error/);
      }),
      { numRuns: RUNS },
    );
    const total = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `link decoder fuzz: ${RUNS} links in ${total} s, ${refused} refused, slowest ${slowest.toFixed(1)} ms`,
    );
    expect(slowest).toBeLessThan(HANG_MS);
  }, 120_000);
});
