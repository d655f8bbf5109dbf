// The bottom panel's dashboards: which tab is open, the access-log filter and the latest page of
// log rows, cost and latency reports. All figures come from the worker on request (the UI polls
// while a tab is open) rather than riding on every simulation batch.
import type { StateCreator } from 'zustand';
import * as client from '../../worker/client';
import type { CostReport, LatencyReport, LogFilter, LogPage } from '../../worker/client';
import type { AppState } from '../store';

export type DashTab = 'traffic' | 'logs' | 'cost' | 'latency';

export interface LogsSlice {
  dashTab: DashTab;
  logFilter: LogFilter;
  logPage: LogPage | null;
  costView: CostReport | null;
  latencyView: LatencyReport | null;
  /** the last refresh's failure, shown inside the panel (the simulation itself is unaffected) */
  dashboardError: string | null;
  setDashTab: (tab: DashTab) => void;
  setLogFilter: (patch: Partial<LogFilter>) => void;
  refreshLogs: () => Promise<void>;
  refreshCost: () => Promise<void>;
  refreshLatency: () => Promise<void>;
  /** The filtered access log as file text (tab-separated CloudFront layout, or CSV). */
  exportLogs: (format: 'tsv' | 'csv') => Promise<string>;
}

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err));

export const createLogsSlice: StateCreator<AppState, [], [], LogsSlice> = (set, get) => ({
  dashTab: 'traffic',
  logFilter: {},
  logPage: null,
  costView: null,
  latencyView: null,
  dashboardError: null,

  setDashTab: (dashTab) => set({ dashTab }),
  setLogFilter: (patch) => set({ logFilter: { ...get().logFilter, ...patch } }),

  refreshLogs: async () => {
    const filter = get().logFilter;
    try {
      const logPage = await client.logQuery(filter);
      // A newer filter may have been chosen while this one was in flight.
      if (get().logFilter === filter) set({ logPage, dashboardError: null });
    } catch (err) {
      set({ dashboardError: `Could not read the access log: ${message(err)}` });
    }
  },

  refreshCost: async () => {
    if (get().status === 'loading') return;
    try {
      set({ costView: await client.costReport(), dashboardError: null });
    } catch (err) {
      set({ costView: null, dashboardError: `Could not read the cost: ${message(err)}` });
    }
  },

  refreshLatency: async () => {
    try {
      set({ latencyView: await client.latencyReport(), dashboardError: null });
    } catch (err) {
      set({ dashboardError: `Could not read latencies: ${message(err)}` });
    }
  },

  exportLogs: (format) => client.logExport(get().logFilter, format),
});
