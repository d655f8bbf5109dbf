// One sent request as `curl -I` would show it (status line and every response header, Title-Case),
// with body size, latency, "why was this a miss?" and the trace waterfall.
import { memo } from 'react';
import type { InspectedRequest } from '../../state/slices/inspectorSlice';
import { cacheResult, formatBytes, formatMs, statusLine, titleCaseHeader } from './RequestInspectorFormat';
import TraceView from './TraceView';

function RequestInspectorResult({ entry }: { entry: InspectedRequest }) {
  const { request, result, error, explanation } = entry;
  if (error || !result) {
    return (
      <p className="inspector-result__error" role="alert">
        {error ?? 'No result.'}
      </p>
    );
  }
  const xCache = cacheResult(result.headers);
  const atS = ((result.trace[0]?.atMs ?? 0) / 1000).toFixed(1);
  return (
    <div className="inspector-result" data-testid="inspector-result">
      <p className="inspector-result__request">
        <code>
          {request.method} {request.url}
        </code>{' '}
        <span className="muted">sent at t={atS} s</span>
      </p>
      <div className="inspector-result__summary">
        <span className="inspector-result__status" data-testid="inspector-status">
          {statusLine(request.httpVersion ?? '1.1', result.status)}
        </span>
        {xCache && (
          <span
            className={`inspector-result__cache inspector-result__cache--${xCache === 'Hit' ? 'hit' : result.status >= 400 ? 'error' : 'miss'}`}
            data-testid="inspector-x-cache"
          >
            {xCache}
          </span>
        )}
        <span>
          Body <strong data-testid="inspector-body-size">{formatBytes(result.bodySize)}</strong>
        </span>
        <span>
          Latency <strong data-testid="inspector-latency">{formatMs(result.latencyMs)}</strong>
        </span>
      </div>
      {explanation && (
        <section
          className="inspector-why"
          aria-label="Why was this not a hit?"
          data-testid="inspector-explanation"
        >
          <h3>
            Why was this{' '}
            {xCache === 'RefreshHit' ? 'a RefreshHit' : xCache === 'Miss' ? 'a miss' : `a ${result.status}`}?
          </h3>
          <p>{explanation.summary}</p>
          {explanation.details.length > 0 && (
            <ul>
              {explanation.details.map((d, i) => (
                <li key={i}>{d}</li>
              ))}
            </ul>
          )}
        </section>
      )}
      <table className="inspector-headers" aria-label="Response headers">
        <tbody>
          {Object.entries(result.headers).map(([name, value]) => (
            <tr key={name} data-testid={`inspector-header-${name}`}>
              <th scope="row">{titleCaseHeader(name)}:</th>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <TraceView trace={result.trace} />
    </div>
  );
}

export default memo(RequestInspectorResult);
