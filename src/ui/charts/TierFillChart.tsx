// Bytes cached per tier over simulated time (edge PoPs, regional edge caches, Origin Shield),
// summed over every cache of the tier: how the caches warm, and where eviction caps them.
import { memo, useMemo } from 'react';
import { Line, LineChart, ResponsiveContainer, YAxis } from 'recharts';
import { toFillData } from '../../state/metricsSeries';
import { useAppStore } from '../../state/store';
import { CHART_MARGIN, timeAxis, useIdleMounted, useWindowSeries, windowMarkers } from './chartSetup';
import { CHART_PHASE_MS } from './useThrottled';

function TierFillChart() {
  const series = useWindowSeries(CHART_PHASE_MS.tierFill);
  const mounted = useIdleMounted();
  const timeline = useAppStore((s) => s.timeline);
  const data = useMemo(() => toFillData(series), [series]);
  return (
    <figure
      className="live-chart"
      data-testid="tier-fill-chart"
      aria-label="Bytes cached per tier over simulated time"
    >
      {data.length === 0 && (
        <p className="live-chart__empty">Cache fill per tier appears here while traffic runs.</p>
      )}
      {mounted && (
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={data} margin={CHART_MARGIN}>
            {timeAxis()}
            <YAxis yAxisId="mb" unit=" MB" width={64} fontSize={11} />
            <Line
              yAxisId="mb"
              name="Edge PoPs"
              dataKey="edge"
              stroke="#0969da"
              strokeWidth={2}
              dot={false}
              isAnimationActive={false}
            />
            <Line
              yAxisId="mb"
              name="Regional edge caches"
              dataKey="regional"
              stroke="#1b7c83"
              strokeDasharray="6 3"
              dot={false}
              isAnimationActive={false}
            />
            <Line
              yAxisId="mb"
              name="Origin Shield"
              dataKey="shield"
              stroke="#bc4c00"
              strokeDasharray="2 2"
              dot={false}
              isAnimationActive={false}
            />
            {windowMarkers(timeline, series, 'mb')}
          </LineChart>
        </ResponsiveContainer>
      )}
    </figure>
  );
}

export default memo(TierFillChart);
