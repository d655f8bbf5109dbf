// Charts redraw at most a few times a second: batches arrive ten times a second and Recharts
// redraws are the main thread's biggest cost, so a run at 10,000x must not starve clicks.
import { useEffect, useRef, useState } from 'react';

/** Chart redraws at most once per this many real ms. */
export const CHART_REDRAW_MS = 500;

/** `value`, but changing at most once per `ms` (the latest value always lands within `ms`). */
export function useThrottled<T>(value: T, ms: number = CHART_REDRAW_MS): T {
  const [shown, setShown] = useState(value);
  const last = useRef(0);
  useEffect(() => {
    const wait = last.current + ms - performance.now();
    if (wait <= 0) {
      last.current = performance.now();
      setShown(value);
      return;
    }
    const id = setTimeout(() => {
      last.current = performance.now();
      setShown(value);
    }, wait);
    return () => clearTimeout(id);
  }, [value, ms]);
  return shown;
}
