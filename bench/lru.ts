// The baseline: a bare byte-bounded LRU run over the same cache keys the workload generates. It
// is the ceiling for "one cache lookup per request" in this process, so the engine's rate can be
// read against it.
//
// runLru is the fair one: a Map from key to an integer slot plus typed-array prev/next links, so
// every operation is O(1). runMapLru is the naive "Map insertion order = recency" LRU the bench
// used first: it is kept for comparison because it is pathological, not because it is a ceiling.
// Its eviction (`cache.keys().next()`) walks over every entry deleted since the Map's last
// rehash (V8 keeps deleted entries in place until then), and with a 512 MiB edge evicting on
// most misses that walk dominates: ~0.2M/s on workload (b) against ~3M/s for runLru.
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

/** The O(1) LRU (Map key -> slot, typed-array links) over the trace: requests/s and hit ratio. */
export function runLru(trace: KeyTrace, capacityBytes: number): { rate: number; hitRatio: number } {
  const { keys, sizes } = trace;
  const index = new Map<string, number>();
  let cap = 1 << 12;
  let prev = new Int32Array(cap);
  let next = new Int32Array(cap);
  let slotSize = new Float64Array(cap);
  const slotKey: (string | undefined)[] = [];
  const free: number[] = [];
  let used = 0;
  let head = -1;
  let tail = -1;
  let bytes = 0;
  let hits = 0;
  const unlink = (s: number): void => {
    const p = prev[s];
    const q = next[s];
    if (p >= 0) next[p] = q;
    else head = q;
    if (q >= 0) prev[q] = p;
    else tail = p;
  };
  const append = (s: number): void => {
    prev[s] = tail;
    next[s] = -1;
    if (tail >= 0) next[tail] = s;
    else head = s;
    tail = s;
  };
  const start = performance.now();
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    const hit = index.get(key);
    if (hit !== undefined) {
      hits++;
      if (hit !== tail) {
        unlink(hit);
        append(hit);
      }
      continue;
    }
    const size = sizes[i];
    while (bytes + size > capacityBytes && head >= 0) {
      const h = head;
      unlink(h);
      index.delete(slotKey[h]!);
      slotKey[h] = undefined;
      bytes -= slotSize[h];
      free.push(h);
    }
    let slot = free.pop();
    if (slot === undefined) {
      slot = used++;
      if (slot >= cap) {
        cap *= 2;
        const p2 = new Int32Array(cap);
        p2.set(prev);
        prev = p2;
        const n2 = new Int32Array(cap);
        n2.set(next);
        next = n2;
        const s2 = new Float64Array(cap);
        s2.set(slotSize);
        slotSize = s2;
      }
    }
    slotKey[slot] = key;
    slotSize[slot] = size;
    bytes += size;
    append(slot);
    index.set(key, slot);
  }
  const seconds = (performance.now() - start) / 1000;
  return { rate: keys.length / seconds, hitRatio: hits / keys.length };
}

/** The naive Map-order LRU (see the note at the top): requests/s and hit ratio. */
export function runMapLru(trace: KeyTrace, capacityBytes: number): { rate: number; hitRatio: number } {
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
