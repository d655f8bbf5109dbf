// The small warning marker on a canvas node that a lint finding points at; its title (and
// accessible name) is the finding's message, so hovering or a screen reader tells what to change.
import { memo } from 'react';
import { useNodeLintFindings } from './useLintFindings';
import './lint.css';

function LintMarker({ nodeId }: { nodeId: string }) {
  const findings = useNodeLintFindings(nodeId);
  if (findings.length === 0) return null;
  const warning = findings.some((f) => f.severity === 'warning');
  const text = findings.map((f) => f.message).join('\n\n');
  return (
    <span
      className={`lint-marker lint-marker--${warning ? 'warning' : 'info'}`}
      data-testid={`lint-marker-${nodeId.replace(':', '-')}`}
      role="img"
      aria-label={`${warning ? 'Lint warning' : 'Lint note'}: ${text}`}
      title={text}
    >
      {warning ? '⚠' : 'i'}
      {findings.length > 1 && <span className="lint-marker__count">{findings.length}</span>}
    </span>
  );
}

export default memo(LintMarker);
