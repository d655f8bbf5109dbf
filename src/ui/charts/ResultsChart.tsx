// Requests per simulated second by result (Hit, RefreshHit, Miss, Error, generated), stacked, so
// an outage or an invalidation shows as a change of colour *and* of the legend's named band.
import { memo, useMemo } from 'react';
import { Area, AreaChart, YAxis } from 'recharts';
import { CHART_START, toChartData } from '../../state/metricsSeries';
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

// Okabe-Ito colours (Okabe & Ito, "Color Universal Design", 2008): told apart with every common
// colour-vision deficiency; the green and red used before had the same lightness, so deuteranopes
// could not tell Hit from Error. Error and Generated also get a dashed edge, a signal without colour.
export const RESULT_BANDS = [
  { key: 'hitPerSecond', name: 'Hit', color: '#009e73', dash: undefined },
  { key: 'refreshHitPerSecond', name: 'RefreshHit', color: '#56b4e9', dash: undefined },
  { key: 'missPerSecond', name: 'Miss', color: '#e69f00', dash: undefined },
  { key: 'errorPerSecond', name: 'Error', color: '#d55e00', dash: '4 2' },
  { key: 'generatedPerSecond', name: 'Generated', color: '#999999', dash: '1 2' },
] as const;

function ResultsChart() {
  const series = useWindowSeries(CHART_PHASE_MS.results);
  const timeline = useAppStore((s) => s.timeline);
  const data = useMemo(() => toChartData(series), [series]);
  return (
    <ChartFigure
      testId="results-chart"
      label="Requests per second by result over simulated time"
      isEmpty={data.length === 0}
      empty="Requests by result appear here."
    >
      <AreaChart data={orStart(data, CHART_START)} margin={CHART_MARGIN}>
        {timeAxis()}
        <YAxis width={48} {...Y_AXIS} />
        {RESULT_BANDS.map((b) => (
          <Area
            key={b.key}
            dataKey={b.key}
            name={`${b.name}/s`}
            stackId="results"
            stroke={b.color}
            strokeDasharray={b.dash}
            fill={b.color}
            fillOpacity={0.6}
            isAnimationActive={false}
          />
        ))}
        {windowMarkers(timeline, series)}
      </AreaChart>
    </ChartFigure>
  );
}

export default memo(ResultsChart);
