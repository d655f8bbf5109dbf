// What every time chart shares: the throttled series for the chosen window, the simulated-time
// axis (grid, ticks, tooltip, legend) and the event markers that fall inside the window.
// Recharts only accepts its own elements as direct children, so the axis is an element list.
import { CartesianGrid, Legend, Tooltip, XAxis } from 'recharts';
import type { Series } from '../../state/metricsSeries';
import { useAppStore } from '../../state/store';
import type { TimelineEvent } from '../../worker/client';
import { formatSimClock } from '../format';
import { eventMarkers } from './EventMarkers';
import { CHART_REDRAW_MS, useThrottled } from './useThrottled';

export const CHART_MARGIN = { top: 8, right: 8, bottom: 0, left: 0 };

const formatTick = (t: number) => formatSimClock(t * 1000);
const formatTooltipLabel = (t: unknown) => `t = ${formatSimClock(Number(t) * 1000)}`;

/** The series of the chosen time window, changing at most once per redraw period on `phaseMs`. */
export function useWindowSeries(phaseMs: number): Series {
  const series = useAppStore((s) => (s.chartWindow === 'all' ? s.series : s.windows[s.chartWindow]));
  return useThrottled(series, CHART_REDRAW_MS, phaseMs);
}

/** Grid, simulated-time X axis, tooltip and legend, in that order (spread into a chart). */
export function timeAxis() {
  return [
    <CartesianGrid key="grid" strokeDasharray="3 3" stroke="#d0d7de" />,
    <XAxis
      key="x"
      dataKey="t"
      type="number"
      domain={['dataMin', 'dataMax']}
      tickFormatter={formatTick}
      fontSize={11}
    />,
    <Tooltip key="tooltip" labelFormatter={formatTooltipLabel} />,
    <Legend key="legend" verticalAlign="top" height={20} iconSize={10} wrapperStyle={{ fontSize: 12 }} />,
  ];
}

/** Markers for the events inside the charted span (older ones would stretch the axis back). */
export function windowMarkers(events: readonly TimelineEvent[], series: Series, yAxisId?: string) {
  const first = series.points[0]?.startMs;
  const inside = first === undefined ? [] : events.filter((e) => e.atMs >= first);
  return eventMarkers(inside, yAxisId);
}
