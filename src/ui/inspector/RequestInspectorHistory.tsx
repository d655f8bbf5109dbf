// Requests sent from the inspector, newest first; choosing one shows it again.
import { memo } from 'react';
import { useAppStore } from '../../state/store';
import { cacheResult } from './RequestInspectorFormat';

function RequestInspectorHistory() {
  const entries = useAppStore((s) => s.inspected);
  const viewedId = useAppStore((s) => s.inspectedId);
  const view = useAppStore((s) => s.viewInspected);
  const clear = useAppStore((s) => s.clearInspected);
  if (entries.length === 0) return null;
  return (
    <nav className="inspector-history" aria-label="Sent requests">
      <div className="inspector-history__header">
        <h3>History</h3>
        <button type="button" className="btn btn--small" onClick={clear}>
          Clear
        </button>
      </div>
      <ol data-testid="inspector-history">
        {entries.map((e) => {
          const r = e.result;
          const label = r ? `${r.status} ${cacheResult(r.headers) || ''}`.trim() : 'failed';
          const t = r ? `t=${((r.trace[0]?.atMs ?? 0) / 1000).toFixed(1)} s` : '';
          return (
            <li key={e.id}>
              <button
                type="button"
                className={`link-button${e.id === viewedId ? ' is-active' : ''}`}
                aria-current={e.id === viewedId ? 'true' : undefined}
                onClick={() => view(e.id)}
              >
                #{e.id} {e.request.method} {shortUrl(e.request.url)} — {label} {t}
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

function shortUrl(url: string): string {
  const m = /^https?:\/\/[^/]+(.*)$/i.exec(url);
  return m ? m[1] || '/' : url;
}

export default memo(RequestInspectorHistory);
