// Charts redraw once a second: batches arrive ten times a second and Recharts redraws are the
// main thread's biggest cost, so a run at 10,000x must not starve clicks. One Recharts redraw is
// 15-30 ms of fixed cost (its store re-registers data and ticks and re-renders in a cascade), so
// at two a second, a redraw meeting a GC pause made the odd 50-90 ms long task; once a second
// halved the charts' script time (12.5-15.7% of the main thread to 8.9-9.1%, 60 s at 10,000x).
// Each chart also redraws on its own phase of a shared clock grid, so the three charts never redraw
// in the same task (one task redrawing all three measured as a 100-250 ms long task).
import { useEffect, useState } from 'react';
import { useAppStore, type AppState } from '../../state/store';

/** Chart redraws at most once per this many real ms (a chart always shows data at most this old). */
export const CHART_REDRAW_MS = 1000;

/** Phases (ms into each CHART_REDRAW_MS period) of the live charts: the Traffic tab's three a third
 * of a period apart, the Caches tab's two between them (only one tab is mounted at a time). */
export const CHART_PHASE_MS = {
  live: 0,
  results: CHART_REDRAW_MS / 3,
  originLatency: (2 * CHART_REDRAW_MS) / 3,
  popHit: CHART_REDRAW_MS / 6,
  tierFill: CHART_REDRAW_MS / 2,
} as const;

/** Real ms from `now` to the next moment `phaseMs` past a multiple of `ms` (in (0, ms]). */
export function msToPhase(now: number, ms: number, phaseMs: number): number {
  const sinceGrid = (((now - phaseMs) % ms) + ms) % ms;
  return ms - sinceGrid;
}

/**
 * `select(store state)`, re-rendering the caller only at moments `phaseMs` past a multiple of `ms`
 * on the page clock, and never in between: the store is read outside React, so a batch (ten a
 * second) costs the chart nothing until its turn. Any store subscription in a chart component
 * (even `useAppStore(select)` passed through a throttle) re-renders its whole Recharts tree on
 * every batch: about 10-30 ms each, ten times a second.
 * `select` and `equal` must be stable (module-level functions).
 */
export function useThrottledStore<T>(
  select: (s: AppState) => T,
  phaseMs: number,
  ms: number = CHART_REDRAW_MS,
  equal: (a: T, b: T) => boolean = Object.is,
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
    if (!equal(select(useAppStore.getState()), shown)) schedule();
    const unsubscribe = useAppStore.subscribe((s, prev) => {
      if (!equal(select(s), select(prev))) schedule();
    });
    return () => {
      unsubscribe();
      if (timer !== undefined) clearTimeout(timer);
    };
    // `shown` is read once, when subscribing: later changes arrive through the subscription.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [select, ms, phaseMs, equal]);
  return shown;
}
