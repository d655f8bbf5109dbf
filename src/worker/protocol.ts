// What the worker pushes to the UI while a simulation runs. Plain, structured-clone-safe data:
// it crosses the worker boundary about ten times a second, so it stays compact.
import type { SampledRequest, Stats } from '../engine/types';

/** Counts for one interval of simulated time (one batch, or a merged chart point). */
export interface IntervalCounts {
  /** simulated ms covered */
  simMs: number;
  requests: number;
  hits: number;
  misses: number;
  refreshHits: number;
  errors: number;
  generated: number;
  originRequests: number;
  bytesToViewers: number;
}

/** Live figures for one canvas node, keyed by the canvas node id ('pop:NRT', 'origin:assets', ...). */
export interface NodeCounters {
  requests: number;
  /** share served from this tier's cache, 0-1; null when nothing cacheable passed yet */
  hitRatio: number | null;
  /**
   * true when derived from the bounded request sample rather than an exact engine counter
   * (the engine's public Stats are per distribution and per origin, not per PoP).
   */
  estimated: boolean;
}

/** Latency percentiles of one batch, computed from the engine's bounded request sample (not every request). */
export interface LatencyPercentiles {
  p50: number;
  p95: number;
  p99: number;
  /** sampled requests the percentiles come from */
  sampled: number;
}

/** An event started from the UI (or the scenario), for the chart's markers and the timeline. */
export interface TimelineEvent {
  id: string;
  kind: string;
  /** simulated ms when it starts */
  atMs: number;
  durationMs?: number;
  /** what the person reads: "Origin outage (assets, 60 s)" */
  label: string;
}

/** Per-batch cache figures from the engine's per-cache counters: parallel arrays, one entry per
 * edge-location prefix that saw lookups in the batch (compact: it crosses the worker ten times a second). */
export interface TierBatch {
  pops: string[];
  /** cache lookups (hits + misses) in this batch */
  lookups: number[];
  hits: number[];
  /** bytes held in the caches now, summed per tier */
  fill: { edge: number; regional: number; shield: number };
}

export interface SimBatch {
  /** increases by one per batch since the last load(), so the UI can drop stale pushes */
  seq: number;
  /** identifies the loaded engine; batches from an earlier load are ignored */
  loadId: number;
  simTimeMs: number;
  running: boolean;
  /** the requested speed (simulated s per real s) */
  speed: number;
  /** the speed actually reached over this batch; below `speed` when the CPU cannot keep up */
  achievedSpeed: number;
  /** true when the engine could not keep up with `speed` in this batch (simulated time fell behind; no request is dropped) */
  limited: boolean;
  /** this batch's latency percentiles from the request sample; null when nothing was sampled */
  latency: LatencyPercentiles | null;
  /** events started since the load, oldest first (bounded) */
  events: TimelineEvent[];
  /** cumulative, from engine.stats() */
  stats: Stats;
  /** this batch only */
  interval: IntervalCounts;
  /** this batch: simulated requests per simulated second */
  requestsPerSecond: number;
  /** this batch: CacheHitRate, 0-1; null when no cacheable request completed */
  hitRatio: number | null;
  /** a bounded sample of this batch's requests (most recent last), for animation */
  samples: SampledRequest[];
  nodes: Record<string, NodeCounters>;
  /** this batch's exact per-PoP hits and the bytes cached per tier (src/worker/metricsPerPop.ts);
   * absent when the engine offers no per-cache counters */
  tiers?: TierBatch;
  /** set when the engine threw: the loop has stopped */
  error?: string;
}

export type LoadResult = { ok: true; loadId: number } | { ok: false; message: string; field?: string };
