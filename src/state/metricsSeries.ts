// The chart's time series: a bounded list of points over simulated time. Points keep raw counts
// (not ratios), so two neighbours merge exactly; when the list is full, neighbours are merged
// pairwise and the bucket width doubles, so a long run keeps its whole history at even resolution
// in constant memory.
import { cacheHitRatio } from '../worker/metrics';
import type { IntervalCounts } from '../worker/protocol';

export interface SeriesPoint {
  /** simulated ms */
  startMs: number;
  endMs: number;
  requests: number;
  hits: number;
  refreshHits: number;
  misses: number;
  errors: number;
  generated: number;
  originRequests: number;
}

export interface Series {
  points: SeriesPoint[];
  /** a point is closed once it spans this many simulated ms; 0 = one point per batch */
  bucketMs: number;
}

/** Chart points kept at most (a few hundred keep Recharts cheap at 10 updates a second). */
export const SERIES_CAPACITY = 240;

export const EMPTY_SERIES: Series = { points: [], bucketMs: 0 };

function merge(a: SeriesPoint, b: SeriesPoint): SeriesPoint {
  return {
    startMs: a.startMs,
    endMs: b.endMs,
    requests: a.requests + b.requests,
    hits: a.hits + b.hits,
    refreshHits: a.refreshHits + b.refreshHits,
    misses: a.misses + b.misses,
    errors: a.errors + b.errors,
    generated: a.generated + b.generated,
    originRequests: a.originRequests + b.originRequests,
  };
}

/**
 * Adds one batch interval ending at `endMs`. Returns a new Series (the store needs a new
 * reference to re-render) and never mutates the input. Empty intervals are ignored.
 */
export function appendInterval(
  series: Series,
  interval: IntervalCounts,
  endMs: number,
  capacity: number = SERIES_CAPACITY,
): Series {
  if (interval.simMs <= 0) return series;
  const point: SeriesPoint = {
    startMs: endMs - interval.simMs,
    endMs,
    requests: interval.requests,
    hits: interval.hits,
    refreshHits: interval.refreshHits,
    misses: interval.misses,
    errors: interval.errors,
    generated: interval.generated,
    originRequests: interval.originRequests,
  };
  const points = series.points.slice();
  const last = points[points.length - 1];
  if (last && series.bucketMs > 0 && last.endMs - last.startMs < series.bucketMs) {
    points[points.length - 1] = merge(last, point);
  } else {
    points.push(point);
  }
  if (points.length <= capacity) return { points, bucketMs: series.bucketMs };

  const merged: SeriesPoint[] = [];
  for (let i = 0; i < points.length; i += 2) {
    merged.push(i + 1 < points.length ? merge(points[i], points[i + 1]) : points[i]);
  }
  const span = merged[merged.length - 1].endMs - merged[0].startMs;
  return { points: merged, bucketMs: Math.max(series.bucketMs * 2, span / merged.length) };
}

export interface ChartDatum {
  /** simulated seconds at the point's end */
  t: number;
  /** CacheHitRate in percent, null when nothing cacheable completed in the point */
  hitRatioPct: number | null;
  requestsPerSecond: number;
  /** per simulated second, by result (the stacked chart) */
  hitPerSecond: number;
  refreshHitPerSecond: number;
  missPerSecond: number;
  errorPerSecond: number;
  generatedPerSecond: number;
  originRequestsPerSecond: number;
}

const perSecond = (n: number, spanS: number) => (spanS > 0 ? Math.round((n / spanS) * 10) / 10 : 0);

export function toChartData(series: Series): ChartDatum[] {
  return series.points.map((p) => {
    const ratio = cacheHitRatio(p);
    const spanS = (p.endMs - p.startMs) / 1000;
    return {
      t: p.endMs / 1000,
      hitRatioPct: ratio === null ? null : Math.round(ratio * 1000) / 10,
      requestsPerSecond: perSecond(p.requests, spanS),
      hitPerSecond: perSecond(p.hits, spanS),
      refreshHitPerSecond: perSecond(p.refreshHits, spanS),
      missPerSecond: perSecond(p.misses, spanS),
      errorPerSecond: perSecond(p.errors, spanS),
      generatedPerSecond: perSecond(p.generated, spanS),
      originRequestsPerSecond: perSecond(p.originRequests, spanS),
    };
  });
}

/**
 * A fixed-capacity ring buffer: push overwrites the oldest entry once full, so memory stays flat
 * however long the run. Mutated in place; the store keeps a version number to signal changes.
 */
export class RingBuffer<T> {
  private readonly items: (T | undefined)[];
  private start = 0;
  private count = 0;

  constructor(readonly capacity: number) {
    if (!(capacity >= 1) || !Number.isInteger(capacity))
      throw new RangeError(`A ring buffer needs a whole capacity of at least 1 (got ${capacity}).`);
    this.items = new Array<T | undefined>(capacity);
  }

  get size(): number {
    return this.count;
  }

  push(item: T): void {
    if (this.count < this.capacity) {
      this.items[(this.start + this.count++) % this.capacity] = item;
    } else {
      this.items[this.start] = item;
      this.start = (this.start + 1) % this.capacity;
    }
  }

  /** Oldest first. */
  toArray(): T[] {
    const out: T[] = new Array<T>(this.count);
    for (let i = 0; i < this.count; i++) out[i] = this.items[(this.start + i) % this.capacity] as T;
    return out;
  }

  clear(): void {
    this.start = 0;
    this.count = 0;
    this.items.fill(undefined);
  }
}

/** One batch's latency percentiles at its simulated end time (seconds). */
export interface LatencyPoint {
  t: number;
  p50: number;
  p95: number;
  p99: number;
}

/** Latency points kept (the most recent batches; older ones drop off). */
export const LATENCY_CAPACITY = 240;
