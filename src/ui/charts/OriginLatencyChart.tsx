// Origin requests per second, and viewer latency p50 / p95 / p99 per batch. The percentiles come
// from the engine's bounded request sample (not every request), and the chart says so.
import { memo, useMemo } from 'react';
import { ComposedChart, Line, YAxis } from 'recharts';
import { toChartData } from '../../state/metricsSeries';
import { useAppStore } from '../../state/store';
import {
  CHART_MARGIN,
  orStart,
  Y_AXIS,
  timeAxis,
  ChartFigure,
  useWindowSeriesAndLatency,
  windowMarkers,
} from './chartSetup';
import { CHART_PHASE_MS } from './useThrottled';

interface Datum {
  t: number;
  originRequestsPerSecond?: number;
  p50?: number;
  p95?: number;
  p99?: number;
}

function OriginLatencyChart() {
  // one throttled read for both: subscribing to latencyVersion itself re-rendered the whole
  // Recharts tree on every batch (ten a second), the biggest main-thread cost of a run
  const { series, latencyVersion } = useWindowSeriesAndLatency(CHART_PHASE_MS.originLatency);
  const latency = useAppStore((s) => s.latency);
  const timeline = useAppStore((s) => s.timeline);
  const data = useMemo(() => {
    // Two sources on one time axis: chart points (origin load) and latency points (recent batches).
    const rows: Datum[] = toChartData(series).map((d) => ({
      t: d.t,
      originRequestsPerSecond: d.originRequestsPerSecond,
    }));
    const windowStart = (series.points[0]?.startMs ?? 0) / 1000;
    const recent = latency.toArray().filter((p) => p.t >= windowStart);
    const first = recent.length > 0 ? recent[0].t : Infinity;
    for (const p of recent) rows.push({ t: p.t, p50: round(p.p50), p95: round(p.p95), p99: round(p.p99) });
    // Keep the origin line to the span the latency ring still covers, so both share the axis.
    return rows.filter((r) => r.t >= first || recent.length === 0).sort((a, b) => a.t - b.t);
    // latencyVersion: the ring is mutated in place
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [series, latency, latencyVersion]);
  return (
    <ChartFigure
      testId="origin-latency-chart"
      label="Origin requests per second and viewer latency percentiles (computed from the request sample)"
      isEmpty={data.length === 0}
      empty="Origin load and latency percentiles appear here."
    >
      <ComposedChart data={orStart(data, START)} margin={CHART_MARGIN}>
        {timeAxis()}
        <YAxis yAxisId="ms" unit=" ms" width={60} {...Y_AXIS} />
        <YAxis yAxisId="rps" orientation="right" width={44} {...Y_AXIS} />
        <Line
          yAxisId="rps"
          name="Origin req/s"
          dataKey="originRequestsPerSecond"
          stroke="#0969da"
          dot={false}
          isAnimationActive={false}
          connectNulls
        />
        <Line
          yAxisId="ms"
          name="p50 (sample)"
          dataKey="p50"
          stroke="#1a7f37"
          dot={false}
          isAnimationActive={false}
          connectNulls
        />
        <Line
          yAxisId="ms"
          name="p95 (sample)"
          dataKey="p95"
          stroke="#d4a72c"
          strokeDasharray="5 3"
          dot={false}
          isAnimationActive={false}
          connectNulls
        />
        <Line
          yAxisId="ms"
          name="p99 (sample)"
          dataKey="p99"
          stroke="#cf222e"
          strokeDasharray="2 2"
          dot={false}
          isAnimationActive={false}
          connectNulls
        />
        {windowMarkers(timeline, series, 'ms')}
      </ComposedChart>
    </ChartFigure>
  );
}

/** t = 0 before any batch: no origin requests yet, and no latency measured. */
const START: Datum = { t: 0, originRequestsPerSecond: 0 };

const round = (ms: number) => Math.round(ms * 10) / 10;

export default memo(OriginLatencyChart);
