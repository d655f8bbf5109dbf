// Edge hit ratio per PoP over simulated time: every PoP together plus the busiest few (a
// selector picks how many), from the engine's exact per-cache counters. A PoP's ratio counts
// its own cache's lookups (collapsed and revalidated requests count as hits, as at the node badge).
import { memo, useMemo } from 'react';
import { Line, LineChart, YAxis } from 'recharts';
import { topPops, toPopHitData, type PopHitDatum } from '../../state/metricsSeries';
import { useAppStore } from '../../state/store';
import {
  CHART_MARGIN,
  HIT_PERCENT_AXIS,
  orStart,
  timeAxis,
  ChartFigure,
  useWindowSeries,
  windowMarkers,
} from './chartSetup';
import { CHART_PHASE_MS } from './useThrottled';

/** Distinct hues plus dash patterns, so lines differ without colour too. */
const POP_STYLES = [
  { color: '#0969da', dash: undefined },
  { color: '#bf8700', dash: '6 3' },
  { color: '#8250df', dash: '2 2' },
  { color: '#cf222e', dash: '10 3 2 3' },
  { color: '#1b7c83', dash: '4 4' },
  { color: '#bc4c00', dash: '1 3' },
  { color: '#6e7781', dash: '8 2' },
  { color: '#1f6feb', dash: '3 6' },
] as const;

/** t = 0 before any batch: no lookups yet, so no ratio. */
const POP_HIT_START: PopHitDatum = { t: 0, all: null };

export const TOP_POP_CHOICES = [3, 5, 8] as const;

/** `top`: how many of the busiest PoPs get a line of their own (CachesPanel's selector). */
function PopHitChart({ top }: { top: number }) {
  const series = useWindowSeries(CHART_PHASE_MS.popHit);
  const timeline = useAppStore((s) => s.timeline);
  const pops = useMemo(() => topPops(series, top), [series, top]);
  const data = useMemo(() => toPopHitData(series, pops), [series, pops]);
  return (
    <ChartFigure
      testId="pop-hit-chart"
      label="Edge hit ratio per PoP over simulated time"
      isEmpty={data.length === 0}
      empty="Hit ratio per edge location appears here while traffic runs."
    >
      <LineChart data={orStart(data, POP_HIT_START)} margin={CHART_MARGIN}>
        {timeAxis()}
        <YAxis {...HIT_PERCENT_AXIS} />
        <Line
          yAxisId="hit"
          name="All PoPs %"
          dataKey="all"
          stroke="#1a7f37"
          strokeWidth={2.5}
          dot={false}
          isAnimationActive={false}
          connectNulls
        />
        {pops.map((pop, i) => (
          <Line
            key={pop}
            yAxisId="hit"
            name={`${pop} %`}
            dataKey={pop}
            stroke={POP_STYLES[i % POP_STYLES.length].color}
            strokeDasharray={POP_STYLES[i % POP_STYLES.length].dash}
            dot={false}
            isAnimationActive={false}
            connectNulls
          />
        ))}
        {windowMarkers(timeline, series, 'hit')}
      </LineChart>
    </ChartFigure>
  );
}

export default memo(PopHitChart);
