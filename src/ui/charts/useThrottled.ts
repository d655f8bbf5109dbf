// Charts redraw at most a few times a second: batches arrive ten times a second and Recharts
// redraws are the main thread's biggest cost, so a run at 10,000x must not starve clicks.
// Each chart also redraws on its own phase of a shared clock grid, so the three charts never redraw
// in the same task (one task redrawing all three measured as a 100-250 ms long task).
import { useEffect, useState } from 'react';
import { useAppStore, type AppState } from '../../state/store';

/** Chart redraws at most once per this many real ms. */
export const CHART_REDRAW_MS = 500;

/** Phases (ms into each CHART_REDRAW_MS period) of the live charts: the Traffic tab's three a third
 * of a period apart, the Caches tab's two between them (only one tab is mounted at a time). */
export const CHART_PHASE_MS = {
  live: 0,
  results: 170,
  originLatency: 340,
  popHit: 85,
  tierFill: 255,
} as const;

/**
 * `value`, but changing only at moments `phaseMs` past a multiple of `ms` on the page clock (the
 * latest value always lands within `ms`). Charts given different phases redraw in separate tasks.
 */
export function useThrottled<T>(value: T, ms: number = CHART_REDRAW_MS, phaseMs = 0): T {
  const [shown, setShown] = useState(value);
  useEffect(() => {
    if (Object.is(value, shown)) return;
    const id = setTimeout(() => setShown(() => value), msToPhase(performance.now(), ms, phaseMs));
    return () => clearTimeout(id);
  }, [value, shown, ms, phaseMs]);
  return shown;
}

/** Real ms from `now` to the next moment `phaseMs` past a multiple of `ms` (in (0, ms]). */
export function msToPhase(now: number, ms: number, phaseMs: number): number {
  const sinceGrid = (((now - phaseMs) % ms) + ms) % ms;
  return ms - sinceGrid;
}

/**
 * `select(store state)`, re-rendering the caller only on the phase grid (like useThrottled), and
 * never in between: the store is read outside React, so a batch (ten a second) costs the chart
 * nothing until its turn. (`useThrottled(useAppStore(select))` re-rendered the chart's whole
 * Recharts tree on every batch: about 10-30 ms each, three charts, ten times a second.)
 * `select` must be stable (a module-level function).
 */
export function useThrottledStore<T>(
  select: (s: AppState) => T,
  phaseMs: number,
  ms: number = CHART_REDRAW_MS,
): T {
  const [shown, setShown] = useState(() => select(useAppStore.getState()));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const show = () => {
      timer = undefined;
      const value = select(useAppStore.getState());
      setShown(() => value);
    };
    const schedule = () => {
      if (timer === undefined) timer = setTimeout(show, msToPhase(performance.now(), ms, phaseMs));
    };
    // A change between the first render and this effect is shown at the next turn too.
    if (!Object.is(select(useAppStore.getState()), shown)) schedule();
    const unsubscribe = useAppStore.subscribe((s, prev) => {
      if (!Object.is(select(s), select(prev))) schedule();
    });
    return () => {
      unsubscribe();
      if (timer !== undefined) clearTimeout(timer);
    };
    // `shown` is read once, when subscribing: later changes arrive through the subscription.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [select, ms, phaseMs]);
  return shown;
}
