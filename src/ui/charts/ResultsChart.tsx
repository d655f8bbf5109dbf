// Requests per simulated second by result (Hit, RefreshHit, Miss, Error, generated), stacked, so
// an outage or an invalidation shows as a change of colour *and* of the legend's named band.
import { memo, useMemo } from 'react';
import { Area, AreaChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { toChartData } from '../../state/metricsSeries';
import { useAppStore } from '../../state/store';
import { formatSimClock } from '../format';
import { CHART_PHASE_MS, CHART_REDRAW_MS, useThrottled } from './useThrottled';
import { eventMarkers } from './EventMarkers';

export const RESULT_BANDS = [
  { key: 'hitPerSecond', name: 'Hit', color: '#1a7f37' },
  { key: 'refreshHitPerSecond', name: 'RefreshHit', color: '#54aeff' },
  { key: 'missPerSecond', name: 'Miss', color: '#d4a72c' },
  { key: 'errorPerSecond', name: 'Error', color: '#cf222e' },
  { key: 'generatedPerSecond', name: 'Generated', color: '#6e7781' },
] as const;

const MARGIN = { top: 8, right: 8, bottom: 0, left: 0 };
const formatTick = (t: number) => formatSimClock(t * 1000);
const formatTooltipLabel = (t: unknown) => `t = ${formatSimClock(Number(t) * 1000)}`;

function ResultsChart() {
  const series = useThrottled(
    useAppStore((s) => s.series),
    CHART_REDRAW_MS,
    CHART_PHASE_MS.results,
  );
  const timeline = useAppStore((s) => s.timeline);
  const data = useMemo(() => toChartData(series), [series]);
  return (
    <figure
      className="live-chart"
      data-testid="results-chart"
      aria-label="Requests per second by result over simulated time"
    >
      {data.length === 0 ? (
        <p className="live-chart__empty">Requests by result appear here.</p>
      ) : (
        <ResponsiveContainer width="100%" height="100%">
          <AreaChart data={data} margin={MARGIN}>
            <CartesianGrid strokeDasharray="3 3" stroke="#d0d7de" />
            <XAxis
              dataKey="t"
              type="number"
              domain={['dataMin', 'dataMax']}
              tickFormatter={formatTick}
              fontSize={11}
            />
            <YAxis width={48} fontSize={11} />
            <Tooltip labelFormatter={formatTooltipLabel} />
            <Legend verticalAlign="top" height={20} iconSize={10} wrapperStyle={{ fontSize: 12 }} />
            {RESULT_BANDS.map((b) => (
              <Area
                key={b.key}
                dataKey={b.key}
                name={`${b.name}/s`}
                stackId="results"
                stroke={b.color}
                fill={b.color}
                fillOpacity={0.6}
                isAnimationActive={false}
              />
            ))}
            {eventMarkers(timeline)}
          </AreaChart>
        </ResponsiveContainer>
      )}
    </figure>
  );
}

export default memo(ResultsChart);
