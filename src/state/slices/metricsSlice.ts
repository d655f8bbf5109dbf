// What the worker reports: the chart series, cumulative totals and per-node badges.
import type { StateCreator } from 'zustand';
import type { SampledRequest, Stats } from '../../engine/types';
import type { NodeCounters, SimBatch } from '../../worker/client';
import { appendInterval, EMPTY_SERIES, type Series } from '../metricsSeries';
import type { AppState } from '../store';

export interface MetricsSlice {
  series: Series;
  /** cumulative engine counters from the latest batch; null before the first one */
  stats: Stats | null;
  /** the latest batch's figures */
  lastRequestsPerSecond: number;
  lastHitRatio: number | null;
  nodeCounters: Record<string, NodeCounters>;
  recentSamples: SampledRequest[];
  /** applies one worker batch (the state layer registers this with the worker client) */
  applyBatch: (batch: SimBatch) => void;
  clearMetrics: () => void;
}

const EMPTY_METRICS = {
  series: EMPTY_SERIES,
  stats: null,
  lastRequestsPerSecond: 0,
  lastHitRatio: null,
  nodeCounters: {},
  recentSamples: [],
} satisfies Partial<MetricsSlice>;

export const createMetricsSlice: StateCreator<AppState, [], [], MetricsSlice> = (set) => ({
  ...EMPTY_METRICS,

  applyBatch: (batch) =>
    set((s) => {
      // Batches from an earlier engine (before a reload) are stale.
      if (batch.loadId < s.loadId) return s;
      return {
        loadId: batch.loadId,
        series: appendInterval(s.series, batch.interval, batch.simTimeMs),
        stats: batch.stats,
        lastRequestsPerSecond: batch.requestsPerSecond,
        lastHitRatio: batch.hitRatio,
        nodeCounters: batch.nodes,
        recentSamples: batch.samples,
        simTimeMs: batch.simTimeMs,
        achievedSpeed: batch.running ? batch.achievedSpeed : 0,
        ...(batch.error ? { status: 'error' as const, error: batch.error } : {}),
      };
    }),

  clearMetrics: () => set(EMPTY_METRICS),
});
