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
}

export function toChartData(series: Series): ChartDatum[] {
  return series.points.map((p) => {
    const ratio = cacheHitRatio(p);
    const spanS = (p.endMs - p.startMs) / 1000;
    return {
      t: p.endMs / 1000,
      hitRatioPct: ratio === null ? null : Math.round(ratio * 1000) / 10,
      requestsPerSecond: spanS > 0 ? Math.round((p.requests / spanS) * 10) / 10 : 0,
    };
  });
}
