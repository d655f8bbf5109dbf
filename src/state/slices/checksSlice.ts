// The scenario's own checks (scenario.assertions), outside lessons: add / edit / delete them as
// undoable edits, and judge them live against the running simulation with the same evaluation code
// as the lesson panel (src/scenario/assertions.ts). They travel with the scenario (file and link).
import type { StateCreator } from 'zustand';
import type { Assertion, Scenario } from '../../engine/scenario';
import { parseAssertion, type Evaluation } from '../../scenario/assertions';
import { MAX_ASSERTIONS } from '../../scenario/assertionRules';
import { refuse, type Command } from '../commands/types';
import { judgeGoals, parseGoals, pendingVerdicts } from '../judgeGoals';
import type { AppState } from '../store';

export interface ChecksSlice {
  /** live verdicts by assertion id */
  checkEvaluations: Record<string, Evaluation>;
  /** Adds a check; returns an error sentence (and changes nothing) when the expression cannot be read. */
  addCheck: (expression: string, label: string) => string | null;
  editCheck: (id: string, expression: string, label: string) => string | null;
  deleteCheck: (id: string) => void;
  /** Judges every check against the latest batch (plus cost and request checks). */
  evaluateChecks: () => Promise<void>;
}

/** null when the expression reads, else what to fix (names the column). */
export function checkExpressionError(expression: string): string | null {
  if (expression.trim() === '') return 'Write a check, e.g. "hitRatio > 85% after 10min".';
  const parsed = parseAssertion(expression);
  return parsed.ok ? null : parsed.error;
}

function nextId(list: readonly Assertion[]): string {
  const ids = new Set(list.map((a) => a.id));
  let n = list.length + 1;
  while (ids.has(`check-${n}`)) n++;
  return `check-${n}`;
}

function withAssertions(s: Scenario, list: Assertion[]): Scenario {
  const next = { ...s };
  if (list.length > 0) next.assertions = list;
  else delete next.assertions;
  return next;
}

function entry(id: string, expression: string, label: string): Assertion {
  const a: Assertion = { id, expression: expression.trim() };
  if (label.trim() !== '') a.label = label.trim();
  return a;
}

// Checks are read outside the engine, so editing them does not reload it (layoutOnly): the run
// in progress is judged by the new check at once.
export function addCheckCommand(expression: string, label: string): Command {
  return {
    label: 'Add check',
    layoutOnly: true,
    perform: (s) => {
      const list = s.assertions ?? [];
      if (list.length >= MAX_ASSERTIONS)
        refuse(`A scenario keeps at most ${MAX_ASSERTIONS} checks: delete one first.`);
      return withAssertions(s, [...list, entry(nextId(list), expression, label)]);
    },
  };
}

export function editCheckCommand(id: string, expression: string, label: string): Command {
  return {
    label: 'Edit check',
    layoutOnly: true,
    perform: (s) => {
      const list = s.assertions ?? [];
      const i = list.findIndex((a) => a.id === id);
      if (i < 0) refuse('That check was deleted meanwhile.');
      const next = list.slice();
      next[i] = entry(id, expression, label);
      return withAssertions(s, next);
    },
  };
}

export function deleteCheckCommand(id: string): Command {
  return {
    label: 'Delete check',
    layoutOnly: true,
    perform: (s) =>
      withAssertions(
        s,
        (s.assertions ?? []).filter((a) => a.id !== id),
      ),
  };
}

export const createChecksSlice: StateCreator<AppState, [], [], ChecksSlice> = (set, get) => {
  let evaluating = false;
  return {
    checkEvaluations: {},

    addCheck: (expression, label) => {
      const error = checkExpressionError(expression);
      if (error) return error;
      return get().applyEdit(addCheckCommand(expression, label))
        ? null
        : (get().canvasNotice?.text ?? 'Refused.');
    },

    editCheck: (id, expression, label) => {
      const error = checkExpressionError(expression);
      if (error) return error;
      return get().applyEdit(editCheckCommand(id, expression, label))
        ? null
        : (get().canvasNotice?.text ?? 'Refused.');
    },

    deleteCheck: (id) => {
      get().applyEdit(deleteCheckCommand(id));
    },

    evaluateChecks: async () => {
      const { loadedRevision, scenarioRevision, status, scenario } = get();
      const list = scenario.assertions ?? [];
      if (evaluating || list.length === 0) return;
      const pending = pendingVerdicts({ loadedRevision, scenarioRevision, status }, list);
      if (pending) {
        set({ checkEvaluations: pending });
        return;
      }
      evaluating = true;
      try {
        const evaluations = await judgeGoals(parseGoals(list), get());
        // The engine may have been rebuilt while we awaited: drop the stale verdict.
        if (get().loadedRevision !== loadedRevision) return;
        set({ checkEvaluations: evaluations });
      } catch {
        // The worker was reset under us: the next batch evaluates again.
      } finally {
        evaluating = false;
      }
    },
  };
};
