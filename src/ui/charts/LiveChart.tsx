// Hit ratio (%) and requests/s over simulated time, one point per batch (merged when the run
// grows long, see state/metricsSeries.ts), beside requests by result and origin load / latency,
// for the chosen time window. Animations are off: the data changes ten times a second.
import { memo, useMemo } from 'react';
import { Line, LineChart, YAxis } from 'recharts';
import { CHART_START, toChartData } from '../../state/metricsSeries';
import { useAppStore } from '../../state/store';
import {
  CHART_MARGIN,
  HIT_PERCENT_AXIS,
  orStart,
  Y_AXIS,
  timeAxis,
  ChartFigure,
  useWindowSeries,
  windowMarkers,
} from './chartSetup';
import { CHART_PHASE_MS } from './useThrottled';
import './charts.css';
import OriginLatencyChart from './OriginLatencyChart';
import ResultsChart from './ResultsChart';
import WindowSelect from './WindowSelect';

const HIT_COLOR = '#1a7f37';
const RPS_COLOR = '#0969da';

function LiveChart() {
  const series = useWindowSeries(CHART_PHASE_MS.live);
  const timeline = useAppStore((s) => s.timeline);
  const data = useMemo(() => toChartData(series), [series]);

  return (
    <div className="chart-tab">
      <div className="chart-tab__bar">
        <WindowSelect />
      </div>
      <div className="live-charts">
        <ChartFigure
          testId="live-chart"
          label="Hit ratio and requests per second over simulated time"
          isEmpty={data.length === 0}
          empty="Press Run to fire simulated traffic."
        >
          <LineChart data={orStart(data, CHART_START)} margin={CHART_MARGIN}>
            {timeAxis()}
            <YAxis {...HIT_PERCENT_AXIS} />
            <YAxis yAxisId="rps" orientation="right" width={48} {...Y_AXIS} />
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
            {windowMarkers(timeline, series, 'hit')}
          </LineChart>
        </ChartFigure>
        <ResultsChart />
        <OriginLatencyChart />
      </div>
    </div>
  );
}

export default memo(LiveChart);
