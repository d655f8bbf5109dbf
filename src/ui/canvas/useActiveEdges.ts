// Which edges to animate, fed from the worker's sampled requests but outside React's per-batch
// render path: batches arrive ten times a second, and rebuilding every edge of the graph for each
// one kept the main thread busy at high speeds. The set is recomputed at most a few times a second
// and the canvas re-renders only when the set's content changes (the CSS animation runs by itself).
import { useEffect, useState } from 'react';
import type { TopologyView } from '../../state/derived';
import { useAppStore } from '../../state/store';
import { activeEdgeIds } from './buildGraph';

/** Edge animations refresh at most once per this many real ms (about 3 times a second). */
export const EDGE_REFRESH_MS = 300;

const EMPTY: ReadonlySet<string> = new Set();

/** A stable key for a set's content: sorted ids joined. */
function keyOf(set: ReadonlySet<string>): string {
  return [...set].sort().join('|');
}

export function useActiveEdges(view: TopologyView): ReadonlySet<string> {
  const [active, setActive] = useState<{ key: string; set: ReadonlySet<string> }>({ key: '', set: EMPTY });

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const refresh = () => {
      timer = null;
      const set = activeEdgeIds(useAppStore.getState().recentSamples, view);
      const key = keyOf(set);
      setActive((prev) => (prev.key === key ? prev : { key, set }));
    };
    refresh();
    const unsubscribe = useAppStore.subscribe((s, prev) => {
      if (s.recentSamples !== prev.recentSamples && timer === null)
        timer = setTimeout(refresh, EDGE_REFRESH_MS);
    });
    return () => {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
    };
  }, [view]);

  return active.set;
}
