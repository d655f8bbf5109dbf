// What the worker reports: the chart series, cumulative totals and per-node badges.
import type { StateCreator } from 'zustand';
import type { SampledRequest, Stats } from '../../engine/types';
import * as client from '../../worker/client';
import type { LatencyPercentiles, NodeCounters, SimBatch, TimelineEvent } from '../../worker/client';
import {
  appendInterval,
  appendWindowed,
  CHART_WINDOW_MS,
  emptyWindowSeries,
  EMPTY_SERIES,
  type ChartWindow,
  LATENCY_CAPACITY,
  RingBuffer,
  type LatencyPoint,
  type Series,
} from '../metricsSeries';
import type { AppState } from '../store';

type RecentWindow = Exclude<ChartWindow, 'all'>;

export interface MetricsSlice {
  /** the whole run, coarsening as it grows */
  series: Series;
  /** the last 1 / 5 / 15 simulated minutes at fixed resolution */
  windows: Record<RecentWindow, Series>;
  /** the span the time charts show */
  chartWindow: ChartWindow;
  setChartWindow: (w: ChartWindow) => void;
  /** cumulative engine counters from the latest batch; null before the first one */
  stats: Stats | null;
  /** the latest batch's figures */
  lastRequestsPerSecond: number;
  lastHitRatio: number | null;
  /** the latest batch's origin requests per simulated second */
  lastOriginRequestsPerSecond: number;
  nodeCounters: Record<string, NodeCounters>;
  recentSamples: SampledRequest[];
  /** latency percentiles of recent batches (from the request sample), a bounded ring */
  latency: RingBuffer<LatencyPoint>;
  /** bumps when `latency` changes (it is mutated in place) */
  latencyVersion: number;
  lastLatency: LatencyPercentiles | null;
  /** applies one worker batch (the state layer registers this with the worker client) */
  applyBatch: (batch: SimBatch) => void;
  clearMetrics: () => void;
  /**
   * Sampled requests, oldest first, to find "a recent request through here": the latest batch's
   * plus the newest per viewer region, edge location and origin, asked of the worker on demand (a
   * batch's 40 often miss a small region, and the report after Pause holds none).
   */
  samplesForLookup: () => Promise<SampledRequest[]>;
}

const emptyWindows = (): Record<RecentWindow, Series> => ({
  '1m': emptyWindowSeries(CHART_WINDOW_MS['1m']),
  '5m': emptyWindowSeries(CHART_WINDOW_MS['5m']),
  '15m': emptyWindowSeries(CHART_WINDOW_MS['15m']),
});

const EMPTY_METRICS = {
  series: EMPTY_SERIES,
  windows: emptyWindows(),
  stats: null,
  lastRequestsPerSecond: 0,
  lastHitRatio: null,
  lastOriginRequestsPerSecond: 0,
  nodeCounters: {},
  recentSamples: [],
  lastLatency: null,
} satisfies Partial<MetricsSlice>;

/** Events only ever get appended (bounded), so equal length and equal last id mean the same list. */
function sameEvents(a: readonly TimelineEvent[], b: readonly TimelineEvent[]): boolean {
  return a.length === b.length && (a.length === 0 || a[a.length - 1]?.id === b[b.length - 1]?.id);
}

export const createMetricsSlice: StateCreator<AppState, [], [], MetricsSlice> = (set, get) => ({
  ...EMPTY_METRICS,
  latency: new RingBuffer<LatencyPoint>(LATENCY_CAPACITY),
  latencyVersion: 0,
  chartWindow: 'all',
  setChartWindow: (chartWindow) => set({ chartWindow }),

  applyBatch: (batch) =>
    set((s) => {
      // Batches from an earlier engine (before a reload) are stale.
      if (batch.loadId < s.loadId) return s;
      const lat = batch.latency;
      if (lat) s.latency.push({ t: batch.simTimeMs / 1000, p50: lat.p50, p95: lat.p95, p99: lat.p99 });
      return {
        latencyVersion: lat ? s.latencyVersion + 1 : s.latencyVersion,
        lastLatency: lat ?? s.lastLatency,
        limited: batch.limited,
        // same events as before -> same array, so the charts' markers do not redraw every batch
        timeline: sameEvents(s.timeline, batch.events) ? s.timeline : batch.events,
        loadId: batch.loadId,
        series: appendInterval(s.series, batch.interval, batch.simTimeMs, undefined, batch.tiers),
        windows: {
          '1m': appendWindowed(
            s.windows['1m'],
            batch.interval,
            batch.simTimeMs,
            CHART_WINDOW_MS['1m'],
            batch.tiers,
          ),
          '5m': appendWindowed(
            s.windows['5m'],
            batch.interval,
            batch.simTimeMs,
            CHART_WINDOW_MS['5m'],
            batch.tiers,
          ),
          '15m': appendWindowed(
            s.windows['15m'],
            batch.interval,
            batch.simTimeMs,
            CHART_WINDOW_MS['15m'],
            batch.tiers,
          ),
        },
        stats: batch.stats,
        lastRequestsPerSecond: batch.requestsPerSecond,
        lastHitRatio: batch.hitRatio,
        // an empty batch (a report after a load or an event) keeps the previous reading
        lastOriginRequestsPerSecond:
          batch.interval.simMs > 0
            ? (batch.interval.originRequests * 1000) / batch.interval.simMs
            : s.lastOriginRequestsPerSecond,
        nodeCounters: batch.nodes,
        recentSamples: batch.samples,
        simTimeMs: batch.simTimeMs,
        achievedSpeed: batch.running ? batch.achievedSpeed : 0,
        ...(batch.error ? { status: 'error' as const, error: batch.error } : {}),
      };
    }),

  clearMetrics: () => {
    get().latency.clear();
    set({ ...EMPTY_METRICS, windows: emptyWindows(), latencyVersion: get().latencyVersion + 1 });
  },

  samplesForLookup: async () => {
    const batch = get().recentSamples;
    // no scenario loaded or the worker restarting: the batch's samples are all there is
    const placed = await client.lastSeenSamples().catch(() => []);
    return [...placed, ...batch].sort((a, b) => a.atMs - b.atMs);
  },
});
