// The Lint tab: configuration advice for the scenario being edited (src/scenario/lint), warnings
// first. Choosing a finding selects the node it points at on the canvas.
import { memo } from 'react';
import { useAppStore } from '../../state/store';
import { useLintFindings } from './useLintFindings';
import './lint.css';

function LintPanel() {
  const findings = useLintFindings();
  const selectNode = useAppStore((s) => s.selectNode);
  const selected = useAppStore((s) => s.selectedNodeId);
  if (findings.length === 0) {
    return (
      <p className="dash__empty" data-testid="lint-empty">
        No configuration findings: no behavior is shadowed, no cache key is split by what varies per request,
        and the TTLs agree with the origins&apos; Cache-Control.
      </p>
    );
  }
  return (
    <ul className="lint" aria-label="Configuration findings">
      {findings.map((f) => (
        <li key={f.id}>
          <button
            type="button"
            className={`lint__item lint__item--${f.severity}${selected === f.nodeId ? ' is-selected' : ''}`}
            onClick={() => selectNode(f.nodeId)}
            title={`Select ${f.nodeId} on the canvas (field ${f.field})`}
          >
            <span className="lint__severity">{f.severity === 'warning' ? '⚠ Warning' : 'ℹ Info'}</span>
            <span className="lint__message">{f.message}</span>
            <span className="lint__field">{f.field}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

export default memo(LintPanel);
