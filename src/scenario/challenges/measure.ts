// Runs a challenge's scenario in the engine (Node or worker) and judges its goals the way the live
// panel does: metrics after `runMs`, request checks sent twice, a simulated second apart, and judged
// on the second answer, because the panel re-checks every half second (a response that got cached
// shows on the repeat).
import type { Scenario } from '../../engine/scenario';
import { evaluateAssertion, runProbes, type Evaluation } from '../assertions';
import { parseGoalsOrThrow, runInChunks } from '../lessons/measure';
/** Simulated time between the two rounds of request checks: a fetch started by the first has completed. */
const PROBE_REPEAT_MS = 1_000;

export async function measureChallenge(
  scenario: Scenario,
  expressions: readonly string[],
  runMs: number,
): Promise<Evaluation[]> {
  const asts = parseGoalsOrThrow(expressions);
  const { engine, samples } = await runInChunks(scenario, runMs);
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
