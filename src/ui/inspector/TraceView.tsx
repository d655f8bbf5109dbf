// The trace of one request as a waterfall: one row per pipeline stage with its detail, location,
// outcome and a bar placed at its simulated start and sized by its duration.
import { memo } from 'react';
import type { TraceStep } from '../../engine/types';
import { formatMs } from './RequestInspectorFormat';

const STAGE_LABELS: Record<TraceStep['stage'], string> = {
  viewer: 'Viewer',
  behavior: 'Behavior',
  'viewer-request-function': 'Viewer request fn',
  'cache-key': 'Cache key',
  edge: 'Edge cache',
  regional: 'Regional cache',
  shield: 'Origin Shield',
  'origin-request-function': 'Origin request fn',
  origin: 'Origin',
  'origin-response-function': 'Origin response fn',
  'viewer-response-function': 'Viewer response fn',
  response: 'Response',
};

function TraceView({ trace }: { trace: TraceStep[] }) {
  const start = trace.length > 0 ? trace[0].atMs : 0;
  let end = start;
  for (const s of trace) end = Math.max(end, s.atMs + s.durationMs);
  const span = Math.max(end - start, 1e-9);
  return (
    <table className="trace" aria-label="Trace waterfall" data-testid="inspector-trace">
      <thead>
        <tr>
          <th scope="col">Stage</th>
          <th scope="col">Detail</th>
          <th scope="col">Where</th>
          <th scope="col">Outcome</th>
          <th scope="col" className="trace__time-col">
            Simulated time ({formatMs(span)})
          </th>
        </tr>
      </thead>
      <tbody>
        {trace.map((s, i) => {
          const left = ((s.atMs - start) / span) * 100;
          const width = (s.durationMs / span) * 100;
          return (
            <tr key={i} className={`trace__row trace__row--${outcomeClass(s.outcome)}`}>
              <th scope="row">{STAGE_LABELS[s.stage] ?? s.stage}</th>
              <td className="trace__detail">{s.detail}</td>
              <td>{s.location ?? '–'}</td>
              <td>{s.outcome ?? '–'}</td>
              <td className="trace__time">
                <div className="trace__track" aria-hidden="true">
                  <div
                    className="trace__bar"
                    style={{
                      left: `${Math.min(left, 100)}%`,
                      width: `${Math.min(width, 100 - Math.min(left, 100))}%`,
                    }}
                  />
                </div>
                <span className="trace__ms">
                  +{formatMs(s.atMs - start)}
                  {s.durationMs > 0 ? `, ${formatMs(s.durationMs)}` : ''}
                </span>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** Colour class only: the outcome is always written out too. */
function outcomeClass(outcome: string | undefined): string {
  switch ((outcome ?? '').toLowerCase()) {
    case 'hit':
    case 'refreshhit':
    case 'ok':
    case 'not-modified':
      return 'good';
    case 'miss':
    case 'stale':
    case 'skipped':
    case 'failover':
      return 'warn';
    case 'error':
      return 'bad';
    default:
      return 'plain';
  }
}

export default memo(TraceView);
