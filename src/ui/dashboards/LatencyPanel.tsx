// Viewer-seen latency p50 / p95 / p99 per viewer region, from the sampled run() requests the
// access log holds (not every request: the label says how many).
import { memo } from 'react';
import { useAppStore } from '../../state/store';
import { formatCount } from '../format';
import { usePolling } from './usePolling';

const REFRESH_MS = 1000;
const ms = (v: number): string => `${Math.round(v)} ms`;

function LatencyPanel() {
  const report = useAppStore((s) => s.latencyView);
  const error = useAppStore((s) => s.dashboardError);
  const refreshLatency = useAppStore((s) => s.refreshLatency);
  const viewers = useAppStore((s) => s.scenario.viewers);
  const nameOf = (id: string): string => viewers?.find((v) => v.id === id)?.name ?? id;
  usePolling(refreshLatency, REFRESH_MS, [refreshLatency]);

  if (!report) return <p className="dash__empty">{error ?? 'Reading latencies…'}</p>;
  if (report.sampleCount === 0)
    return <p className="dash__empty">No simulated traffic sampled yet: press Run.</p>;
  return (
    <div className="latency">
      <p className="latency__caption" data-testid="latency-caption">
        Time seen by the viewer, from a sample of {formatCount(report.sampleCount)} requests (nearest-rank
        percentiles).
      </p>
      <table className="latency__table">
        <thead>
          <tr>
            <th scope="col">Viewer region</th>
            <th scope="col">Samples</th>
            <th scope="col">p50</th>
            <th scope="col">p95</th>
            <th scope="col">p99</th>
          </tr>
        </thead>
        <tbody>
          {report.regions.map((r) => (
            <tr key={r.region}>
              <th scope="row">{nameOf(r.region)}</th>
              <td>{formatCount(r.count)}</td>
              <td>{ms(r.p50)}</td>
              <td>{ms(r.p95)}</td>
              <td>{ms(r.p99)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default memo(LatencyPanel);
