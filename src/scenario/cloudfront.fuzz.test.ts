// Fuzzing the CloudFront JSON import (issue 10): 10,000 inputs, mostly the real configs of
// fixtures/cloudfrontConfigs.ts with a few values deleted, replaced or given the wrong type, some
// as JSON text cut short, the rest arbitrary JSON. Each one imports as a Scenario or is refused with a
// ScenarioError naming the CloudFront field to fix; nothing else escapes and nothing hangs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../engine/errors';
import { importCloudFrontJson } from './cloudfront';
import { fullConfig, simpleS3Config } from './fixtures/cloudfrontConfigs';
import { applyMutations, mutations } from './fixtures/jsonMutations';

const RUNS = 10_000;
/** The hang guard, not a speed target: a normal import takes about a millisecond. */
const HANG_MS = 2_000;

function isClearRefusal(e: unknown): boolean {
  if (!(e instanceof ScenarioError)) return false;
  return e.message.length > 10 && /^[(A-Za-z_$"[]/.test(e.message) && !/undefined|\[object /.test(e.message);
}

const configs = [fullConfig, simpleS3Config];
const mutated = fc
  .tuple(fc.nat({ max: configs.length - 1 }), mutations)
  .map(([i, m]) => applyMutations(configs[i], m));
const inputs: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 8, arbitrary: mutated },
  // The paste box gets text: half-copied output is the common mistake.
  {
    weight: 1,
    arbitrary: fc.tuple(mutated, fc.nat()).map(([doc, cut]) => {
      const text = JSON.stringify(doc);
      return text.slice(0, cut % (text.length + 1));
    }),
  },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
);

describe('importCloudFrontJson under 10,000 mutated and generated configs', () => {
  it('imports, or refuses with a message naming the CloudFront field, every time and without hanging', () => {
    let slowest = 0;
    let refused = 0;
    const started = performance.now();
    fc.assert(
      fc.property(inputs, (input) => {
        const t0 = performance.now();
        try {
          expect(importCloudFrontJson(input).distribution).toBeDefined();
        } catch (e) {
          refused++;
          if (!isClearRefusal(e)) throw new Error(`unclear refusal: ${String(e)}`, { cause: e });
        }
        slowest = Math.max(slowest, performance.now() - t0);
      }),
      { numRuns: RUNS },
    );
    const total = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `CloudFront import fuzz: ${RUNS} inputs in ${total} s, ${refused} refused, slowest ${slowest.toFixed(1)} ms`,
    );
    expect(slowest).toBeLessThan(HANG_MS);
    expect(refused).toBeGreaterThan(RUNS / 4);
  }, 120_000);
});
