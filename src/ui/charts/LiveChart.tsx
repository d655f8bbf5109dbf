// Hit ratio (%) and requests/s over simulated time, one point per batch (merged when the run
// grows long, see state/metricsSeries.ts). Animations are off: the data changes ten times a second.
import { memo, useMemo } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { toChartData } from '../../state/metricsSeries';
import { useAppStore } from '../../state/store';
import { formatSimClock } from '../format';
import { CHART_PHASE_MS, CHART_REDRAW_MS, useThrottled } from './useThrottled';
import './charts.css';
import { eventMarkers } from './EventMarkers';
import OriginLatencyChart from './OriginLatencyChart';
import ResultsChart from './ResultsChart';

const HIT_COLOR = '#1a7f37';
const RPS_COLOR = '#0969da';
const MARGIN = { top: 8, right: 8, bottom: 0, left: 0 };

const formatTick = (t: number) => formatSimClock(t * 1000);
const formatTooltipLabel = (t: unknown) => `t = ${formatSimClock(Number(t) * 1000)}`;

function LiveChart() {
  const series = useThrottled(
    useAppStore((s) => s.series),
    CHART_REDRAW_MS,
    CHART_PHASE_MS.live,
  );
  const timeline = useAppStore((s) => s.timeline);
  const data = useMemo(() => toChartData(series), [series]);

  return (
    <div className="live-charts">
      <figure
        className="live-chart"
        data-testid="live-chart"
        aria-label="Hit ratio and requests per second over simulated time"
      >
        {data.length === 0 ? (
          <p className="live-chart__empty">Press Run to fire simulated traffic.</p>
        ) : (
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={data} margin={MARGIN}>
              <CartesianGrid strokeDasharray="3 3" stroke="#d0d7de" />
              <XAxis
                dataKey="t"
                type="number"
                domain={['dataMin', 'dataMax']}
                tickFormatter={formatTick}
                fontSize={11}
              />
              <YAxis yAxisId="hit" domain={[0, 100]} unit="%" width={44} fontSize={11} />
              <YAxis yAxisId="rps" orientation="right" width={48} fontSize={11} />
              <Tooltip labelFormatter={formatTooltipLabel} />
              <Legend verticalAlign="top" height={20} iconSize={10} wrapperStyle={{ fontSize: 12 }} />
              <Line
                yAxisId="hit"
                name="Hit ratio %"
                dataKey="hitRatioPct"
                stroke={HIT_COLOR}
                dot={false}
                strokeWidth={2}
                isAnimationActive={false}
                connectNulls
              />
              <Line
                yAxisId="rps"
                name="Requests/s"
                dataKey="requestsPerSecond"
                stroke={RPS_COLOR}
                dot={false}
                strokeWidth={1.5}
                isAnimationActive={false}
              />
              {eventMarkers(timeline, 'hit')}
            </LineChart>
          </ResponsiveContainer>
        )}
      </figure>
      <ResultsChart />
      <OriginLatencyChart />
    </div>
  );
}

export default memo(LiveChart);
