// The configuration lint of the scenario being edited, shared by the Lint tab and every canvas
// node's marker. The lint code loads after the first render (it is not needed to paint the
// canvas; budget: scripts/budget.mjs). One cache for the whole app, keyed by the parts of the
// scenario the lint reads: dragging a node changes only `layout`, so it never re-lints, and N
// nodes cost one run.
import { useEffect, useReducer } from 'react';
import type { Scenario } from '../../engine/scenario';
import type { LintFinding } from '../../scenario/lint';
import { useAppStore } from '../../state/store';

type Lint = (s: Scenario) => LintFinding[];
let lint: Lint | null = null;
let loading: Promise<void> | null = null;
const waiting = new Set<() => void>();

function load(): void {
  loading ??= import('../../scenario/lint').then((m) => {
    lint = m.lintScenario;
    for (const wake of waiting) wake();
    waiting.clear();
  });
}

type Inputs = readonly unknown[];
const inputsOf = (s: Scenario): Inputs => [
  s.distribution,
  s.originSimulation,
  s.traffic,
  s.functions,
  s.cachePolicies,
];

let last: { inputs: Inputs; findings: LintFinding[] } | null = null;
const NONE: LintFinding[] = [];

function cachedLint(s: Scenario): LintFinding[] {
  if (!lint) return NONE;
  const inputs = inputsOf(s);
  if (last && last.inputs.every((v, i) => v === inputs[i])) return last.findings;
  last = { inputs, findings: lint(s) };
  return last.findings;
}

/** Every finding for the current scenario (a stable array until a linted field changes). */
export function useLintFindings(): LintFinding[] {
  const [, wake] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    if (lint) return;
    waiting.add(wake);
    load();
    return () => {
      waiting.delete(wake);
    };
  }, []);
  return useAppStore((s) => cachedLint(s.scenario));
}

/** The findings pointing at one canvas node (stable while they do not change). */
export function useNodeLintFindings(nodeId: string): LintFinding[] {
  const all = useLintFindings();
  const mine = all.filter((f) => f.nodeId === nodeId);
  return mine.length === 0 ? NONE : mine;
}
