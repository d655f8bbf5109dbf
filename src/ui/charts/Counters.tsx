// Plain-text counters: what the chart shows, as exact numbers (and what the e2e tests read).
import { memo } from 'react';
import { useAppStore } from '../../state/store';
import { cacheHitRatio, originOffload, totalOriginRequests } from '../../state/derived';
import { formatBytes, formatCount, formatPercent, formatSimClock } from '../format';

function Counter({
  label,
  value,
  testId,
  hint,
}: {
  label: string;
  value: string;
  testId: string;
  hint?: string;
}) {
  return (
    <div className="counter" title={hint}>
      <dt>{label}</dt>
      <dd data-testid={testId}>{value}</dd>
    </div>
  );
}

function Counters() {
  const stats = useAppStore((s) => s.stats);
  const simTimeMs = useAppStore((s) => s.simTimeMs);
  const rps = useAppStore((s) => s.lastRequestsPerSecond);
  const originRps = useAppStore((s) => s.lastOriginRequestsPerSecond);
  const latency = useAppStore((s) => s.lastLatency);

  const requests = stats?.requests ?? 0;
  const origin = stats ? totalOriginRequests(stats) : 0;
  return (
    // Focusable because it scrolls on short screens: keyboard users must be able to scroll it too.
    <dl className="counters" aria-label="Simulation counters" tabIndex={0}>
      <Counter label="Simulated clock" value={formatSimClock(simTimeMs)} testId="sim-clock" />
      <Counter label="Requests" value={formatCount(requests)} testId="requests-total" />
      <Counter
        label="Hit ratio"
        value={formatPercent(stats ? cacheHitRatio(stats) : null)}
        testId="hit-ratio"
        hint="CacheHitRate: share of cacheable requests served from cache (RefreshHit counts as served from cache)"
      />
      <Counter label="Origin requests" value={formatCount(origin)} testId="origin-requests" />
      <Counter
        label="Origin offload"
        value={formatPercent(originOffload(requests, origin))}
        testId="origin-offload"
        hint="(edge requests - origin requests) / edge requests"
      />
      <Counter
        label="Requests/s"
        value={formatCount(Math.round(rps))}
        testId="requests-per-second"
        hint="simulated, latest batch"
      />
      <Counter
        label="Origin req/s"
        value={formatCount(Math.round(originRps))}
        testId="origin-requests-per-second"
        hint="simulated, latest batch"
      />
      <Counter
        label="Latency p50/95/99"
        value={latency ? `${ms(latency.p50)} / ${ms(latency.p95)} / ${ms(latency.p99)} ms` : '–'}
        testId="latency-percentiles"
        hint={`latest batch, computed from the request sample${latency ? ` (${formatCount(latency.sampled)} requests)` : ''}`}
      />
      <Counter label="Errors" value={formatCount(stats?.errors ?? 0)} testId="errors-total" />
      <Counter label="RefreshHits" value={formatCount(stats?.refreshHits ?? 0)} testId="refresh-hits-total" />
      <Counter label="To viewers" value={formatBytes(stats?.bytesToViewers ?? 0)} testId="bytes-to-viewers" />
    </dl>
  );
}

const ms = (v: number) => Math.round(v).toString();

export default memo(Counters);
