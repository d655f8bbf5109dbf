// Charts redraw at most a few times a second: batches arrive ten times a second and Recharts
// redraws are the main thread's biggest cost, so a run at 10,000x must not starve clicks.
// Each chart also redraws on its own phase of a shared clock grid, so the three charts never redraw
// in the same task (one task redrawing all three measured as a 100-250 ms long task).
import { useEffect, useState } from 'react';

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
    const sinceGrid = (((performance.now() - phaseMs) % ms) + ms) % ms;
    const id = setTimeout(() => setShown(() => value), ms - sinceGrid);
    return () => clearTimeout(id);
  }, [value, shown, ms, phaseMs]);
  return shown;
}
