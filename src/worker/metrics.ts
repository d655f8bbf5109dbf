// Derived figures shared by the worker (per batch) and the state layer (per chart point, totals).
import type { RunSummary, Stats } from '../engine/types';
import type { IntervalCounts } from './protocol';

/**
 * CloudWatch's CacheHitRate as DESIGN.md defines it for EdgeLab: the share of cacheable requests
 * served from cache, counting RefreshHit as served from cache (a listed modelling choice).
 * Errors and function/CloudFront-generated responses are not cacheable lookups, so they are left out.
 * Returns null when nothing cacheable completed (a ratio of 0/0 is "no data", not 0%).
 */
export function cacheHitRatio(c: { hits: number; refreshHits: number; misses: number }): number | null {
  const cacheable = c.hits + c.refreshHits + c.misses;
  return cacheable === 0 ? null : (c.hits + c.refreshHits) / cacheable;
}

/** Origin offload: (edge requests - origin requests) / edge requests; null before any request. */
export function originOffload(requests: number, originRequests: number): number | null {
  return requests === 0 ? null : (requests - originRequests) / requests;
}

export function totalOriginRequests(stats: Stats): number {
  let n = 0;
  for (const id in stats.originRequests) n += stats.originRequests[id];
  return n;
}

export function emptyInterval(): IntervalCounts {
  return {
    simMs: 0,
    requests: 0,
    hits: 0,
    misses: 0,
    refreshHits: 0,
    errors: 0,
    generated: 0,
    originRequests: 0,
    bytesToViewers: 0,
  };
}

/** Adds one run() summary into an interval accumulator, in place (the loop reuses one object). */
export function addSummary(acc: IntervalCounts, s: RunSummary): void {
  acc.simMs += s.toMs - s.fromMs;
  acc.requests += s.requests;
  acc.hits += s.hits;
  acc.misses += s.misses;
  acc.refreshHits += s.refreshHits;
  acc.errors += s.errors;
  acc.generated += s.generated;
  acc.originRequests += s.originRequests;
  acc.bytesToViewers += s.bytesToViewers;
}

/** Requests per simulated second over an interval; 0 for an empty interval. */
export function requestsPerSecond(c: IntervalCounts): number {
  return c.simMs > 0 ? (c.requests * 1000) / c.simMs : 0;
}

/**
 * Nearest-rank percentile (q in 0-100) of the first `n` values of `sorted` (ascending).
 * Nearest-rank returns a value that was observed, so p99 of 10 samples is the largest one.
 */
export function percentile(sorted: ArrayLike<number>, n: number, q: number): number {
  if (n <= 0) return NaN;
  const rank = Math.ceil((q / 100) * n);
  return sorted[Math.min(n, Math.max(1, rank)) - 1];
}

/**
 * A fixed-size reservoir of latencies for one batch: flat memory whatever the traffic. When full,
 * it keeps every k-th value offered (k doubling), so a busy batch is still sampled evenly over time.
 */
export class LatencyReservoir {
  private readonly values: Float64Array;
  private n = 0;
  private offered = 0;
  private stride = 1;

  constructor(readonly capacity: number) {
    this.values = new Float64Array(capacity);
  }

  get size(): number {
    return this.n;
  }

  add(ms: number): void {
    if (this.offered++ % this.stride !== 0) return;
    if (this.n === this.capacity) {
      // Halve: keep every other value, then take every 2k-th from now on.
      for (let i = 0; i < this.n / 2; i++) this.values[i] = this.values[2 * i];
      this.n = Math.floor(this.n / 2);
      this.stride *= 2;
    }
    this.values[this.n++] = ms;
  }

  /** p50 / p95 / p99 of what was kept, then empties the reservoir; null when nothing was added. */
  takePercentiles(): { p50: number; p95: number; p99: number; sampled: number } | null {
    const n = this.n;
    this.n = 0;
    this.offered = 0;
    this.stride = 1;
    if (n === 0) return null;
    const sorted = this.values.subarray(0, n).sort();
    return {
      p50: percentile(sorted, n, 50),
      p95: percentile(sorted, n, 95),
      p99: percentile(sorted, n, 99),
      sampled: n,
    };
  }
}
