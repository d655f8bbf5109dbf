// The banner for whole-scenario events: a broken link, an import error, storage trouble, or what
// was just loaded. Errors are role="alert"; news is role="status". The tone is also written out
// ("Problem:" / "Done:") so colour is never the only signal.
import { memo } from 'react';
import { useAppStore } from '../../state/store';
import './scenario.css';

function ScenarioNotice() {
  const notice = useAppStore((s) => s.notice);
  const canRestore = useAppStore((s) => s.previousScenario !== null);
  const restorePrevious = useAppStore((s) => s.restorePrevious);
  const dismiss = useAppStore((s) => s.dismissNotice);
  if (!notice) return null;
  const error = notice.tone === 'error';
  return (
    <div
      className={`scenario-notice scenario-notice--${notice.tone}`}
      role={error ? 'alert' : 'status'}
      data-testid="scenario-notice"
    >
      <div className="scenario-notice__body">
        <strong>{error ? 'Problem: ' : 'Done: '}</strong>
        <span>{notice.text}</span>
        {notice.details && (
          <details className="scenario-notice__details">
            <summary>{notice.details.title}</summary>
            <ul aria-label="CloudFront fields kept, not simulated">
              {notice.details.items.map((f) => (
                <li key={f}>
                  <code>{f}</code>
                </li>
              ))}
            </ul>
          </details>
        )}
      </div>
      {canRestore && !error && (
        <button type="button" className="btn btn--small" onClick={restorePrevious}>
          Restore previous scenario
        </button>
      )}
      <button type="button" className="btn btn--small" onClick={dismiss} aria-label="Dismiss message">
        ×
      </button>
    </div>
  );
}

export default memo(ScenarioNotice);
