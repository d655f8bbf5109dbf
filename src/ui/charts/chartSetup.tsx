// What every time chart shares: the throttled series for the chosen window, the simulated-time
// axis (grid, ticks, tooltip, legend) and the event markers that fall inside the window.
// Recharts only accepts its own elements as direct children, so the axis is an element list.
import {
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  type XAxisTickContentProps,
} from 'recharts';
import { coarsen, type Series } from '../../state/metricsSeries';
import { useEffect, useMemo, useState, type ReactElement } from 'react';
import type { AppState } from '../../state/store';
import type { TimelineEvent } from '../../worker/client';
import { formatSimClock } from '../format';
import { eventMarkers } from './EventMarkers';
import { CHART_REDRAW_MS, useThrottledStore } from './useThrottled';

export const CHART_MARGIN = { top: 8, right: 8, bottom: 0, left: 0 };

/**
 * Tick labels are never measured in the DOM, which forced a page layout and was about a fifth of
 * a redraw's cost: every axis shows all the ticks it has (about five short labels, which fit
 * without overlapping; Recharts' default interval measures each label to drop overlapping ones),
 * a Y label's width 0 tells Recharts' Text not to measure its words for wrapping, and the time
 * axis draws its labels itself (timeTick).
 */
export const Y_AXIS = { fontSize: 11, interval: 0, tick: { width: 0 } } as const;
/** The hit-ratio axis (id "hit", 0-100 %) of the hit ratio charts. */
export const HIT_PERCENT_AXIS = {
  ...Y_AXIS,
  yAxisId: 'hit',
  domain: [0, 100],
  unit: '%',
  width: 44,
} as const;
const LEGEND_STYLE = { fontSize: 12 };

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

const selectSeriesAndLatency = (s: AppState) => [selectWindowSeries(s), s.latencyVersion] as const;
const sameItems = (a: readonly unknown[], b: readonly unknown[]) =>
  a.length === b.length && a.every((x, i) => Object.is(x, b[i]));

/**
 * useWindowSeries plus the version of the latency ring (mutated in place), changing together on
 * `phaseMs`: one redraw per period, never one per batch.
 */
export function useWindowSeriesAndLatency(phaseMs: number): { series: Series; latencyVersion: number } {
  const [raw, latencyVersion] = useThrottledStore(
    selectSeriesAndLatency,
    phaseMs,
    CHART_REDRAW_MS,
    sameItems,
  );
  const series = useMemo(() => coarsen(raw, CHART_MAX_POINTS), [raw]);
  return { series, latencyVersion };
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

/**
 * `data`, or before the first batch, `start`: the chart's moment t = 0 (zero requests, zero bytes;
 * ratios and latencies left out, as nothing was measured). The idle chart draws it hidden under
 * its prompt (.live-chart--empty), so Recharts' drawing code first runs while the page is idle and
 * not in the first redraw after Run, where it was a 50-60 ms long task.
 */
export function orStart<T extends { t: number }>(data: readonly T[], start: T): readonly T[] {
  return data.length > 0 ? data : [start];
}

/**
 * A time tick's label as plain SVG text (nothing to measure), except the axis' last tick: that
 * one marks the data's end, often a few pixels after the one before (the others are a round step
 * apart from the start), so the two labels would overlap. The function is module-level: a new one
 * each redraw would make Recharts re-register the axis and re-render the chart a second time.
 */
function timeTick({ x, y, payload, index, visibleTicksCount, fill }: XAxisTickContentProps) {
  if (index === visibleTicksCount - 1 && visibleTicksCount > 1) return null;
  return (
    <text x={x} y={y} dy="0.71em" textAnchor="middle" fill={fill} fontSize={11}>
      {formatTick(Number(payload.value))}
    </text>
  );
}

/** Grid, simulated-time X axis, tooltip and legend, in that order (spread into a chart). */
export function timeAxis() {
  return [
    <CartesianGrid key="grid" strokeDasharray="3 3" stroke="#d0d7de" />,
    <XAxis key="x" dataKey="t" type="number" domain={['dataMin', 'dataMax']} interval={0} tick={timeTick} />,
    <Tooltip key="tooltip" labelFormatter={formatTooltipLabel} />,
    <Legend key="legend" verticalAlign="top" height={20} iconSize={10} wrapperStyle={LEGEND_STYLE} />,
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
    <figure
      className={isEmpty ? 'live-chart live-chart--empty' : 'live-chart'}
      data-testid={testId}
      aria-label={label}
    >
      {isEmpty && <p className="live-chart__empty">{empty}</p>}
      {mounted && (
        <ResponsiveContainer width="100%" height="100%">
          {children}
        </ResponsiveContainer>
      )}
    </figure>
  );
}
