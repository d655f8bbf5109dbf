// Runs a scenario in the engine and judges goals against it: the unit tests use it to prove each
// lesson reachable, and it documents how the live panel's metrics map onto engine output.
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

export interface LessonRun {
  evaluations: Evaluation[];
  simTimeMs: number;
}

/** Chunk of simulated time per run() call; latency is read from the last chunk's samples, like the live view. */
const CHUNK_MS = 10_000;

export async function measureLesson(
  scenario: Scenario,
  expressions: readonly string[],
  runMs: number,
): Promise<LessonRun> {
  const asts: AssertionAst[] = expressions.map((e) => {
    const r = parseAssertion(e);
    if (!r.ok) throw new Error(r.error);
    return r.ast;
  });
  const engine = await createEngine(scenario);
  let samples: SampledRequest[] = [];
  for (let t = 0; t < runMs; t += CHUNK_MS) samples = engine.run(Math.min(CHUNK_MS, runMs - t)).samples;
  const probes = await runProbes(asts, scenario.distribution.domainName, (req) => engine.request(req));
  const metrics = {
    simTimeMs: engine.now(),
    stats: engine.stats(),
    costTotal: engine.cost().total,
    samples,
    probes,
  };
  return { evaluations: asts.map((a) => evaluateAssertion(a, metrics)), simTimeMs: engine.now() };
}
