// What every time chart shares: the throttled series for the chosen window, the simulated-time
// axis (grid, ticks, tooltip, legend) and the event markers that fall inside the window.
// Recharts only accepts its own elements as direct children, so the axis is an element list.
import { CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis } from 'recharts';
import { coarsen, type Series } from '../../state/metricsSeries';
import { useEffect, useMemo, useState, type ReactElement } from 'react';
import type { AppState } from '../../state/store';
import type { TimelineEvent } from '../../worker/client';
import { formatSimClock } from '../format';
import { eventMarkers } from './EventMarkers';
import { useThrottledStore } from './useThrottled';

export const CHART_MARGIN = { top: 8, right: 8, bottom: 0, left: 0 };

const formatTick = (t: number) => formatSimClock(t * 1000);
const formatTooltipLabel = (t: unknown) => `t = ${formatSimClock(Number(t) * 1000)}`;

const selectWindowSeries = (s: AppState): Series =>
  s.chartWindow === 'all' ? s.series : s.windows[s.chartWindow];

/**
 * The series of the chosen time window, changing at most once per redraw period on `phaseMs`.
 * Read outside React between redraws: a batch (ten a second) must not re-render a Recharts tree.
 */
export function useWindowSeries(phaseMs: number): Series {
  const series = useThrottledStore(selectWindowSeries, phaseMs);
  return useMemo(() => coarsen(series, CHART_MAX_POINTS), [series]);
}

/** Points a chart draws at most: a Recharts redraw of 240 points took 50-60 ms (a long task). */
export const CHART_MAX_POINTS = 80;

/**
 * False until the page is first idle. Charts mount their (empty) Recharts tree then, not on the
 * first batch of a run, where mounting three of them was a 100-220 ms long task.
 */
function useIdleMounted(): boolean {
  const [mounted, setMounted] = useState(false);
  useEffect(() => {
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(() => setMounted(true), { timeout: 2_000 });
      return () => cancelIdleCallback(id);
    }
    const id = setTimeout(() => setMounted(true), 300);
    return () => clearTimeout(id);
  }, []);
  return mounted;
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

/**
 * A chart's figure: its label and test id, the empty-state text over the chart while there is
 * no data, and the Recharts chart in a ResponsiveContainer, mounted once the page is idle.
 */
export function ChartFigure({
  testId,
  label,
  isEmpty,
  empty,
  children,
}: {
  testId: string;
  label: string;
  isEmpty: boolean;
  empty: string;
  children: ReactElement;
}) {
  const mounted = useIdleMounted();
  return (
    <figure className="live-chart" data-testid={testId} aria-label={label}>
      {isEmpty && <p className="live-chart__empty">{empty}</p>}
      {mounted && (
        <ResponsiveContainer width="100%" height="100%">
          {children}
        </ResponsiveContainer>
      )}
    </figure>
  );
}
