// Runs a challenge's scenario in the engine (Node or worker) and judges its goals the way the live
// panel does: metrics after `runMs`, request checks sent twice, a simulated second apart, and judged
// on the second answer, because the panel re-checks every half second (a response that got cached
// shows on the repeat).
import { createEngine } from '../../engine';
import type { Scenario } from '../../engine/scenario';
import type { SampledRequest } from '../../engine/types';
import {
  evaluateAssertion,
  parseAssertion,
  runProbes,
  type AssertionAst,
  type Evaluation,
} from '../assertions';

/** Chunk of simulated time per run() call; latency is read from the last chunk's samples, like the live view. */
const CHUNK_MS = 10_000;
/** Simulated time between the two rounds of request checks: a fetch started by the first has completed. */
const PROBE_REPEAT_MS = 1_000;

export async function measureChallenge(
  scenario: Scenario,
  expressions: readonly string[],
  runMs: number,
): Promise<Evaluation[]> {
  const asts: AssertionAst[] = expressions.map((e) => {
    const r = parseAssertion(e);
    if (!r.ok) throw new Error(r.error);
    return r.ast;
  });
  const engine = await createEngine(scenario);
  let samples: SampledRequest[] = [];
  for (let t = 0; t < runMs; t += CHUNK_MS) samples = engine.run(Math.min(CHUNK_MS, runMs - t)).samples;
  // The run's own figures, before the probes add their requests.
  const simTimeMs = engine.now();
  const stats = engine.stats();
  const costTotal = engine.cost().total;
  const send = (req: Parameters<typeof engine.request>[0]) => engine.request(req);
  await runProbes(asts, scenario.distribution.domainName, send);
  engine.advance(PROBE_REPEAT_MS);
  const probes = await runProbes(asts, scenario.distribution.domainName, send);
  const metrics = { simTimeMs, stats, costTotal, samples, probes };
  return asts.map((a) => evaluateAssertion(a, metrics));
}
