// The chart's time series: a bounded list of points over simulated time. Points keep raw counts
// (not ratios), so two neighbours merge exactly; when the list is full, neighbours are merged
// pairwise and the bucket width doubles, so a long run keeps its whole history at even resolution
// in constant memory.
import { cacheHitRatio } from '../worker/metrics';
import type { IntervalCounts, TierBatch } from '../worker/protocol';

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
  /** exact cache lookups and hits per edge-location prefix (from the engine's per-cache counters) */
  pops?: Record<string, PopCounts>;
  /** bytes cached per tier at the point's end (a level, not a count) */
  fill?: TierBatch['fill'];
}

export interface PopCounts {
  lookups: number;
  hits: number;
}

export interface Series {
  points: SeriesPoint[];
  /** a point is closed once it spans this many simulated ms; 0 = one point per batch */
  bucketMs: number;
}

/** Chart points kept at most (a few hundred keep Recharts cheap at 10 updates a second). */
export const SERIES_CAPACITY = 240;

export const EMPTY_SERIES: Series = { points: [], bucketMs: 0 };

function mergePops(
  a: Record<string, PopCounts> | undefined,
  b: Record<string, PopCounts> | undefined,
): Record<string, PopCounts> | undefined {
  if (!a || !b) return a ?? b;
  const out: Record<string, PopCounts> = { ...a };
  for (const pop in b) {
    const x = out[pop];
    out[pop] = x ? { lookups: x.lookups + b[pop].lookups, hits: x.hits + b[pop].hits } : b[pop];
  }
  return out;
}

function merge(a: SeriesPoint, b: SeriesPoint): SeriesPoint {
  const pops = mergePops(a.pops, b.pops);
  const fill = b.fill ?? a.fill;
  return {
    ...(pops ? { pops } : {}),
    ...(fill ? { fill } : {}),
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
  tiers?: TierBatch,
): Series {
  if (interval.simMs <= 0) return series;
  const point: SeriesPoint = {
    ...(tiers ? { pops: popCounts(tiers), fill: tiers.fill } : {}),
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

/**
 * The series with neighbours merged pairwise (exactly, as counts) until at most `maxPoints`
 * remain: what a chart draws, so a redraw stays short whatever the series holds.
 */
export function coarsen(series: Series, maxPoints: number): Series {
  let { points, bucketMs } = series;
  while (points.length > maxPoints && points.length > 1) {
    const merged: SeriesPoint[] = [];
    for (let i = 0; i < points.length; i += 2)
      merged.push(i + 1 < points.length ? merge(points[i], points[i + 1]) : points[i]);
    points = merged;
    bucketMs *= 2;
  }
  return points === series.points ? series : { points, bucketMs };
}

function popCounts(t: TierBatch): Record<string, PopCounts> {
  const out: Record<string, PopCounts> = {};
  for (let i = 0; i < t.pops.length; i++) out[t.pops[i]] = { lookups: t.lookups[i], hits: t.hits[i] };
  return out;
}

/** Chart windows: the last N simulated minutes, or the whole run. */
export type ChartWindow = '1m' | '5m' | '15m' | 'all';

export const CHART_WINDOW_MS: Readonly<Record<Exclude<ChartWindow, 'all'>, number>> = {
  '1m': 60_000,
  '5m': 300_000,
  '15m': 900_000,
};

/** Points a windowed series keeps: one per window/WINDOW_POINTS of simulated time. */
export const WINDOW_POINTS = 120;

export function emptyWindowSeries(windowMs: number): Series {
  return { points: [], bucketMs: windowMs / WINDOW_POINTS };
}

/**
 * A recent window at fixed resolution: batches merge into buckets of window/WINDOW_POINTS and
 * points older than the window drop off, so "last minute" stays sharp after hours of simulation
 * (the whole-run series, by contrast, coarsens as it grows).
 */
export function appendWindowed(
  series: Series,
  interval: IntervalCounts,
  endMs: number,
  windowMs: number,
  tiers?: TierBatch,
): Series {
  const next = appendInterval(series, interval, endMs, Number.POSITIVE_INFINITY, tiers);
  if (next === series) return series;
  const from = endMs - windowMs;
  let drop = 0;
  while (drop < next.points.length - 1 && next.points[drop].endMs <= from) drop++;
  return drop === 0 ? next : { points: next.points.slice(drop), bucketMs: next.bucketMs };
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

/** The moment t = 0 before any batch: nothing requested yet, and no hit ratio measured. */
export const CHART_START: ChartDatum = {
  t: 0,
  hitRatioPct: null,
  requestsPerSecond: 0,
  hitPerSecond: 0,
  refreshHitPerSecond: 0,
  missPerSecond: 0,
  errorPerSecond: 0,
  generatedPerSecond: 0,
  originRequestsPerSecond: 0,
};

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

/** The PoPs with the most cache lookups over the series, busiest first. */
export function topPops(series: Series, n: number): string[] {
  const total = new Map<string, number>();
  for (const p of series.points) {
    for (const pop in p.pops) total.set(pop, (total.get(pop) ?? 0) + p.pops[pop].lookups);
  }
  return [...total.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, n)
    .map(([pop]) => pop);
}

export interface PopHitDatum {
  t: number;
  /** edge hit ratio over every PoP, percent; null without lookups */
  all: number | null;
  /** per chosen PoP, percent; null when it had no lookups in the point */
  [pop: string]: number | null;
}

const pctOf = (hits: number, lookups: number) =>
  lookups > 0 ? Math.round((hits / lookups) * 1000) / 10 : null;

/** Edge hit ratio per point: over all PoPs, and for each of `pops`. Points without PoP figures are left out. */
export function toPopHitData(series: Series, pops: readonly string[]): PopHitDatum[] {
  const out: PopHitDatum[] = [];
  for (const p of series.points) {
    if (!p.pops) continue;
    let hits = 0;
    let lookups = 0;
    for (const pop in p.pops) {
      hits += p.pops[pop].hits;
      lookups += p.pops[pop].lookups;
    }
    const row: PopHitDatum = { t: p.endMs / 1000, all: pctOf(hits, lookups) };
    for (const pop of pops) {
      const c = p.pops[pop];
      row[pop] = c ? pctOf(c.hits, c.lookups) : null;
    }
    out.push(row);
  }
  return out;
}

export interface FillDatum {
  t: number;
  /** megabytes cached, summed over every cache of the tier */
  edge: number;
  regional: number;
  shield: number;
}

/** The moment t = 0 before any batch: every cache empty. */
export const FILL_START: FillDatum = { t: 0, edge: 0, regional: 0, shield: 0 };

const mb = (bytes: number) => Math.round(bytes / 10_000) / 100;

export function toFillData(series: Series): FillDatum[] {
  const out: FillDatum[] = [];
  for (const p of series.points) {
    if (p.fill)
      out.push({
        t: p.endMs / 1000,
        edge: mb(p.fill.edge),
        regional: mb(p.fill.regional),
        shield: mb(p.fill.shield),
      });
  }
  return out;
}
