// The scenario's own checks ("assertions", like a test): listed in the side panel with a live
// verdict and the measured value while traffic runs, added / edited / deleted here, and carried in
// the share link and the scenario file. Judged by the same code as lesson goals.
import { memo, useId, useMemo, useState, type FormEvent } from 'react';
import type { Assertion } from '../../engine/scenario';
import { parseAssertion, type Evaluation } from '../../scenario/assertions';
import { CheckHelp } from './CheckHelp';
import { checkExpressionError } from '../../state/slices/checksSlice';
import { useAppStore } from '../../state/store';
import { formatMeasured } from '../lessons/format';
import { GOAL_STATUS_ICON, useLiveEvaluation } from '../lessons/liveGoals';
import '../lessons/lessons.css';
import './checks.css';

/** Real time between two evaluations: probes and cost calls cross the worker boundary. */
const NO_CHECKS: Assertion[] = [];

// Words and a symbol, so the verdict never rests on colour alone.
const STATUS_TEXT: Record<Evaluation['status'], string> = { pass: 'Pass', fail: 'Fail', pending: 'Pending' };

/** Re-evaluates as batches arrive (and when the checks change); renders nothing. */
function ChecksEvaluator() {
  const checks = useAppStore((s) => s.scenario.assertions ?? NO_CHECKS);
  useLiveEvaluation('evaluateChecks', checks);
  return null;
}

/** Expression + optional name, validated as the user types; used to add and to edit. */
function CheckForm({
  initial,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  initial?: Assertion;
  submitLabel: string;
  onSubmit: (expression: string, label: string) => string | null;
  onCancel?: () => void;
}) {
  const [expression, setExpression] = useState(initial?.expression ?? '');
  const [label, setLabel] = useState(initial?.label ?? '');
  const [touched, setTouched] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const errorId = useId();
  const error = touched ? checkExpressionError(expression) : null;
  const message = error ?? refusal;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (checkExpressionError(expression)) return;
    const refused = onSubmit(expression, label);
    setRefusal(refused);
    if (!refused && !initial) {
      setExpression('');
      setLabel('');
      setTouched(false);
    }
  };

  return (
    <form className="checks__form" onSubmit={submit} noValidate>
      <label>
        Check
        <input
          type="text"
          value={expression}
          spellCheck={false}
          placeholder="hit ratio > 85% after 10 min"
          aria-invalid={message ? true : undefined}
          aria-describedby={message ? errorId : undefined}
          onChange={(e) => {
            setExpression(e.target.value);
            setTouched(true);
            setRefusal(null);
          }}
        />
      </label>
      <label>
        Name (optional)
        <input type="text" value={label} onChange={(e) => setLabel(e.target.value)} />
      </label>
      {message && (
        <p id={errorId} className="checks__error" role="alert">
          {message}
        </p>
      )}
      <div className="checks__actions">
        <button type="submit" className="btn btn--small" disabled={Boolean(error)}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="btn btn--small" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}

function CheckRow({ check, evaluation }: { check: Assertion; evaluation: Evaluation | undefined }) {
  const [editing, setEditing] = useState(false);
  const editCheck = useAppStore((s) => s.editCheck);
  const deleteCheck = useAppStore((s) => s.deleteCheck);
  const ast = useMemo(() => {
    const r = parseAssertion(check.expression);
    return r.ok ? r.ast : null;
  }, [check.expression]);
  const status = evaluation?.status ?? 'pending';
  const name = check.label ?? check.expression;

  if (editing) {
    return (
      <li className="lesson__goal" data-testid="check">
        <CheckForm
          initial={check}
          submitLabel="Save"
          onSubmit={(expression, label) => {
            const refused = editCheck(check.id, expression, label);
            if (!refused) setEditing(false);
            return refused;
          }}
          onCancel={() => setEditing(false)}
        />
      </li>
    );
  }
  return (
    <li className={`lesson__goal lesson__goal--${status}`} data-testid="check">
      <span className="lesson__goal-status" aria-hidden="true">
        {GOAL_STATUS_ICON[status]}
      </span>
      <div className="lesson__goal-body checks__body">
        <div>
          <strong data-testid="check-verdict">{STATUS_TEXT[status]}</strong>
          {check.label ? `: ${check.label}` : ''}
        </div>
        <code className="lesson__expr">{check.expression}</code>
        <div className="lesson__measured" data-testid="check-measured">
          measured: {formatMeasured(ast, evaluation?.measured ?? null)}
          {evaluation?.reason ? ` — ${evaluation.reason}` : ''}
        </div>
        <div className="checks__actions">
          <button
            type="button"
            className="btn btn--small"
            aria-label={`Edit check ${name}`}
            onClick={() => setEditing(true)}
          >
            Edit
          </button>
          <button
            type="button"
            className="btn btn--small"
            aria-label={`Delete check ${name}`}
            onClick={() => deleteCheck(check.id)}
          >
            Delete
          </button>
        </div>
      </div>
    </li>
  );
}

function ChecksPanel() {
  const checks = useAppStore((s) => s.scenario.assertions ?? NO_CHECKS);
  const evaluations = useAppStore((s) => s.checkEvaluations);
  const addCheck = useAppStore((s) => s.addCheck);
  const passed = checks.filter((c) => evaluations[c.id]?.status === 'pass').length;

  return (
    <section className="checks" aria-labelledby="checks-title" data-testid="checks-panel">
      <h2 id="checks-title">
        Checks{' '}
        {checks.length > 0 && (
          <span className="checks__count" data-testid="checks-count">
            ({passed} of {checks.length} passing)
          </span>
        )}
      </h2>
      {checks.length > 0 && <ChecksEvaluator />}
      {checks.length === 0 ? (
        <p className="checks__empty">
          No checks yet. A check is judged live while traffic runs and travels in the share link, e.g.{' '}
          <code>hit ratio &gt; 85% after 10 min</code> or{' '}
          <code>GET /index.html from Tokyo -&gt; X-Cache: Hit</code>.
        </p>
      ) : (
        <ul className="lesson__goals" aria-live="polite">
          {checks.map((c) => (
            <CheckRow key={c.id} check={c} evaluation={evaluations[c.id]} />
          ))}
        </ul>
      )}
      <details className="checks__add">
        <summary>Add a check</summary>
        <CheckForm submitLabel="Add check" onSubmit={addCheck} />
        <CheckHelp />
      </details>
    </section>
  );
}

export default memo(ChecksPanel);
