// Judging goals (lesson goals, challenge goals, the scenario's own checks) against the live run:
// one place that parses them, says "pending" while no current engine exists, and gathers what the
// assertions read (cost and request probes only when needed) before evaluating each goal.
import {
  evaluateAssertion,
  gatherAssertionMetrics,
  parseAssertion,
  type AssertionAst,
  type Evaluation,
} from '../scenario/assertions';
import * as client from '../worker/client';
import type { AppState } from './store';

export interface ParsedGoal {
  id: string;
  ast: AssertionAst | null;
  /** what is wrong with the expression when ast is null */
  error?: string;
}

export function parseGoals(goals: readonly { id: string; expression: string }[]): ParsedGoal[] {
  return goals.map((g) => {
    const r = parseAssertion(g.expression);
    return r.ok ? { id: g.id, ast: r.ast } : { id: g.id, ast: null, error: r.error };
  });
}

/**
 * Pending verdicts while the engine's numbers belong to an older scenario (or nothing ran yet):
 * they would judge the wrong scenario. null when the goals can be measured now.
 */
export function pendingVerdicts(
  state: Pick<AppState, 'loadedRevision' | 'scenarioRevision' | 'status'>,
  goals: readonly { id: string }[],
): Record<string, Evaluation> | null {
  const { loadedRevision, scenarioRevision, status } = state;
  if (loadedRevision !== null && loadedRevision === scenarioRevision && status !== 'loading') return null;
  const reason = loadedRevision === null ? 'press Run to measure' : 'press Reset to run your latest change';
  const pending: Record<string, Evaluation> = {};
  for (const g of goals) pending[g.id] = { status: 'pending', measured: null, reason };
  return pending;
}

/** Measures the latest batch (plus cost and due request checks, through the worker) and judges each goal. */
export async function judgeGoals(
  goals: readonly ParsedGoal[],
  state: Pick<AppState, 'simTimeMs' | 'stats' | 'recentSamples' | 'scenario'>,
): Promise<Record<string, Evaluation>> {
  const metrics = await gatherAssertionMetrics(
    goals.flatMap((g) => (g.ast ? [g.ast] : [])),
    { simTimeMs: state.simTimeMs, stats: state.stats, samples: state.recentSamples },
    {
      cost: async () => (await client.costReport()).cost.total,
      send: client.request,
      domainName: state.scenario.distribution.domainName,
    },
  );
  const evaluations: Record<string, Evaluation> = {};
  for (const g of goals) {
    evaluations[g.id] = g.ast
      ? evaluateAssertion(g.ast, metrics)
      : { status: 'fail', measured: g.error ?? 'unreadable goal' };
  }
  return evaluations;
}
