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
