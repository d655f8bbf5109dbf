// The baseline: a bare byte-bounded LRU on a Map (insertion order = recency), run over the same
// cache keys the workload generates. It is the ceiling for "one cache lookup per request" in
// this process, so the engine's rate can be read against it.
import type { Scenario } from '../src/engine/scenario';
import { buildCatalogs } from '../src/engine/traffic/catalog';
import { createGeneratedRequest, TrafficGenerator } from '../src/engine/traffic/generator';
import { createRng } from '../src/engine/util/rng';

export interface KeyTrace {
  keys: string[];
  sizes: Float64Array;
}

/** The first `n` requests of the scenario's traffic as cache keys and object sizes. */
export function keyTrace(scenario: Scenario, n: number, withVariations: boolean): KeyTrace {
  const catalogs = buildCatalogs(scenario);
  const gen = new TrafficGenerator(scenario, createRng(scenario.seed).fork('traffic'), { catalogs });
  const req = createGeneratedRequest();
  const keys: string[] = new Array(n);
  const sizes = new Float64Array(n);
  for (let i = 0; i < n && gen.next(req); i++) {
    keys[i] = withVariations ? `${req.path}?${req.query}|${req.header}|${req.cookie}` : req.path;
    sizes[i] = catalogs.get(req.originId)?.sizeBytes(req.objectIndex) ?? 1;
  }
  return { keys, sizes };
}

/** Runs the LRU over the trace; returns requests per second and the hit ratio. */
export function runLru(trace: KeyTrace, capacityBytes: number): { rate: number; hitRatio: number } {
  const cache = new Map<string, number>();
  let used = 0;
  let hits = 0;
  const { keys, sizes } = trace;
  const start = performance.now();
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    const size = cache.get(key);
    if (size !== undefined) {
      // move to the most recent end
      cache.delete(key);
      cache.set(key, size);
      hits++;
      continue;
    }
    const s = sizes[i];
    cache.set(key, s);
    used += s;
    while (used > capacityBytes) {
      const oldest = cache.keys().next().value as string;
      used -= cache.get(oldest)!;
      cache.delete(oldest);
    }
  }
  const seconds = (performance.now() - start) / 1000;
  return { rate: keys.length / seconds, hitRatio: hits / keys.length };
}
