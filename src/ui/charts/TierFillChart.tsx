// Bytes cached per tier over simulated time (edge PoPs, regional edge caches, Origin Shield),
// summed over every cache of the tier: how the caches warm, and where eviction caps them.
import { memo, useMemo } from 'react';
import { Line, LineChart, YAxis } from 'recharts';
import { FILL_START, toFillData } from '../../state/metricsSeries';
import { useAppStore } from '../../state/store';
import {
  CHART_MARGIN,
  orStart,
  Y_AXIS,
  timeAxis,
  ChartFigure,
  useWindowSeries,
  windowMarkers,
} from './chartSetup';
import { CHART_PHASE_MS } from './useThrottled';

function TierFillChart() {
  const series = useWindowSeries(CHART_PHASE_MS.tierFill);
  const timeline = useAppStore((s) => s.timeline);
  const data = useMemo(() => toFillData(series), [series]);
  return (
    <ChartFigure
      testId="tier-fill-chart"
      label="Bytes cached per tier over simulated time"
      isEmpty={data.length === 0}
      empty="Cache fill per tier appears here while traffic runs."
    >
      <LineChart data={orStart(data, FILL_START)} margin={CHART_MARGIN}>
        {timeAxis()}
        <YAxis yAxisId="mb" unit=" MB" width={64} {...Y_AXIS} />
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
    </ChartFigure>
  );
}

export default memo(TierFillChart);
