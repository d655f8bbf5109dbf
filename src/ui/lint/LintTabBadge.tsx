// The count on the Lint tab: how many findings the current scenario has (warnings colour it).
import { memo } from 'react';
import { useLintFindings } from './useLintFindings';
import './lint.css';

function LintTabBadge() {
  const findings = useLintFindings();
  if (findings.length === 0) return null;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  const n = `${findings.length} finding${findings.length === 1 ? '' : 's'}`;
  const label = warnings > 0 ? `${n}, ${warnings} warning${warnings === 1 ? '' : 's'}` : n;
  return (
    <span className={`lint-badge${warnings > 0 ? '' : ' lint-badge--info'}`} title={label}>
      <span data-testid="lint-count" aria-hidden="true">
        {findings.length}
      </span>
      <span className="lint-sr">{` (${label})`}</span>
    </span>
  );
}

export default memo(LintTabBadge);
