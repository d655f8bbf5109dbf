// Calls `refresh` now and then every `everyMs` while the component is mounted (the open tab):
// reports are pulled from the worker, so nothing is computed for tabs nobody looks at.
import { useEffect } from 'react';

/** Longest wait for one answer before polling again anyway. */
const GIVE_UP_MS = 5000;

export function usePolling(
  refresh: () => Promise<void> | void,
  everyMs: number,
  deps: readonly unknown[],
): void {
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      // A call to a worker that was just terminated (Reset) never answers: do not wait for it forever.
      await Promise.race([refresh(), new Promise((resolve) => setTimeout(resolve, GIVE_UP_MS))]);
      // Wait for one answer before asking again: a busy worker must not collect a queue of queries.
      if (!stopped) timer = setTimeout(() => void tick(), everyMs);
    };
    void tick();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
}
