// What the lesson, challenge and Checks panels share: judging goals live as batches arrive, and one
// goal row (verdict in words and a symbol, so colour is never the only signal).
import { useEffect, useRef } from 'react';
import type { AssertionAst, Evaluation } from '../../scenario/assertions';
import { useAppStore } from '../../state/store';
import { formatMeasured } from './format';

const EVALUATE_EVERY_MS = 500;

export const GOAL_STATUS_TEXT: Record<Evaluation['status'], string> = {
  pass: 'Passed',
  fail: 'Not yet',
  pending: 'Waiting',
};
export const GOAL_STATUS_ICON: Record<Evaluation['status'], string> = { pass: '✓', fail: '✗', pending: '…' };

/**
 * Calls the store's `action` as batches arrive (and when `extra` changes), at most every
 * EVALUATE_EVERY_MS: a verdict per batch would keep the worker busy answering probes.
 */
export function useLiveEvaluation(
  action: 'evaluateLesson' | 'evaluateChallenge' | 'evaluateChecks',
  extra?: unknown,
): void {
  const simTimeMs = useAppStore((s) => s.simTimeMs);
  const loadedRevision = useAppStore((s) => s.loadedRevision);
  const scenarioRevision = useAppStore((s) => s.scenarioRevision);
  const status = useAppStore((s) => s.status);
  const last = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    const run = () => {
      timer.current = null;
      last.current = performance.now();
      void useAppStore.getState()[action]();
    };
    const wait = EVALUATE_EVERY_MS - (performance.now() - last.current);
    if (wait <= 0) run();
    else if (timer.current === null) timer.current = setTimeout(run, wait);
  }, [action, simTimeMs, loadedRevision, scenarioRevision, status, extra]);

  useEffect(
    () => () => {
      if (timer.current !== null) clearTimeout(timer.current);
    },
    [],
  );
}

/** One goal: verdict, label (with an optional note), the expression, and what was measured. */
export function GoalItem({
  label,
  note,
  expression,
  ast,
  evaluation,
  testId,
}: {
  label: string;
  /** e.g. " (reached before)"; null for none */
  note: string | null;
  expression: string;
  ast: AssertionAst | null;
  evaluation: Evaluation | undefined;
  testId: string;
}) {
  const status = evaluation?.status ?? 'pending';
  return (
    <li className={`lesson__goal lesson__goal--${status}`} data-testid={testId}>
      <span className="lesson__goal-status" aria-hidden="true">
        {GOAL_STATUS_ICON[status]}
      </span>
      <div className="lesson__goal-body">
        <div>
          <strong className="lesson__goal-verdict">{GOAL_STATUS_TEXT[status]}</strong>
          {': '}
          {label}
          {note && <span className="lesson__reached">{note}</span>}
        </div>
        <code className="lesson__expr">{expression}</code>
        <div className="lesson__measured">
          measured: {formatMeasured(ast, evaluation?.measured ?? null)}
          {evaluation?.reason ? ` — ${evaluation.reason}` : ''}
        </div>
      </div>
    </li>
  );
}
