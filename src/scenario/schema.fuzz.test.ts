// Fuzzing the scenario parser (issue 10): 10,000 inputs, mostly mutated real scenarios (every preset
// with a few values deleted, replaced or given the wrong type), the rest arbitrary JSON. Each one is
// accepted as a valid Scenario or refused with a ScenarioError whose message names the field to fix;
// nothing else ever escapes, and no input takes long.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../engine/errors';
import { applyMutations, mutations } from './fixtures/jsonMutations';
import { PRESETS } from './presets';
import { parseScenario } from './schema';

const RUNS = 10_000;
/** The hang guard, not a speed target: a normal parse takes about a millisecond. */
const HANG_MS = 2_000;

/** What the user reads when a document is refused: where (a field path or "(document)") and what. */
function isClearRefusal(e: unknown): boolean {
  if (!(e instanceof ScenarioError)) return false;
  return e.message.length > 10 && /^[(A-Za-z_$"[]/.test(e.message) && !/undefined|\[object /.test(e.message);
}

const docs = PRESETS.map((p) => p.scenario);
const inputs: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 9,
    arbitrary: fc
      .tuple(fc.nat({ max: docs.length - 1 }), mutations)
      .map(([i, m]) => applyMutations(docs[i], m)),
  },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
);

describe('parseScenario under 10,000 mutated and generated documents', () => {
  it('accepts, or refuses with a message naming the field, every time and without hanging', () => {
    let slowest = 0;
    let refused = 0;
    const started = performance.now();
    fc.assert(
      fc.property(inputs, (input) => {
        const t0 = performance.now();
        try {
          expect(parseScenario(input).version).toBeGreaterThan(0);
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
      `parseScenario fuzz: ${RUNS} inputs in ${total} s, ${refused} refused, slowest ${slowest.toFixed(1)} ms`,
    );
    expect(slowest).toBeLessThan(HANG_MS);
    expect(refused).toBeGreaterThan(RUNS / 2); // the mutations really do break documents
  }, 120_000);
});
