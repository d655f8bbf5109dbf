// Runs a scenario in the engine and judges goals against it: the unit tests use it to prove each
// lesson reachable, and it documents how the live panel's metrics map onto engine output.
import { createEngine } from '../../engine';
import type { Scenario } from '../../engine/scenario';
import type { CostBreakdown, Engine, SampledRequest, Stats } from '../../engine/types';
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

/** Parses goal expressions, refusing an unreadable one: a lesson or challenge must not ship one. */
export function parseGoalsOrThrow(expressions: readonly string[]): AssertionAst[] {
  return expressions.map((e) => {
    const r = parseAssertion(e);
    if (!r.ok) throw new Error(r.error);
    return r.ast;
  });
}

/** A fresh engine run for `runMs` in CHUNK_MS steps; the samples are the last chunk's. */
export async function runInChunks(
  scenario: Scenario,
  runMs: number,
): Promise<{ engine: Engine; samples: SampledRequest[] }> {
  const engine = await createEngine(scenario);
  let samples: SampledRequest[] = [];
  for (let t = 0; t < runMs; t += CHUNK_MS) samples = engine.run(Math.min(CHUNK_MS, runMs - t)).samples;
  return { engine, samples };
}

export async function measureLesson(
  scenario: Scenario,
  expressions: readonly string[],
  runMs: number,
): Promise<LessonRun> {
  const asts = parseGoalsOrThrow(expressions);
  const { engine, samples } = await runInChunks(scenario, runMs);
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

export interface ScenarioFigures {
  stats: Stats;
  /** cost().total and items, USD, scaled to a 30-day month */
  costPerMonth: CostBreakdown;
  /** mean latency of the last chunk's sampled requests, ms */
  latencyMs: number;
  /** sends one request after the run (a signed URL, a viewer from a given country) */
  request: Engine['request'];
}

const MS_PER_MONTH = 30 * 86_400_000;

/** Runs a scenario the way measureLesson does and returns the raw figures the lesson texts quote. */
export async function measureScenario(scenario: Scenario, runMs: number): Promise<ScenarioFigures> {
  const { engine, samples } = await runInChunks(scenario, runMs);
  const scale = MS_PER_MONTH / engine.now();
  const cost = engine.cost();
  const costPerMonth: CostBreakdown = { total: cost.total * scale };
  for (const k in cost) costPerMonth[k] = cost[k] * scale;
  let latency = 0;
  for (const s of samples) latency += s.latencyMs;
  return {
    stats: engine.stats(),
    costPerMonth,
    latencyMs: samples.length ? latency / samples.length : 0,
    request: (req) => engine.request(req),
  };
}
