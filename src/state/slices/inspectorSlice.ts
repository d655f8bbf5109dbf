// The request inspector: requests the user composed and sent through the worker (newest first),
// the one being viewed, and the "why was this a miss?" explanation of each, computed once on
// arrival from the results sent before it to the same engine.
import type { StateCreator } from 'zustand';
import { explainResult, type Explanation, type InvalidationRecord } from '../../engine/explain';
import type { ViewerRequest, ViewerResult } from '../../engine/types';
import * as client from '../../worker/client';
import type { AppState } from '../store';

/** Entries kept in the history list (older ones drop off). */
export const INSPECTOR_HISTORY_LIMIT = 50;

export interface InspectedRequest {
  id: number;
  request: ViewerRequest;
  /** the worker's engine this went through: explanations only compare results of one engine */
  loadId: number;
  result: ViewerResult | null;
  error: string | null;
  explanation: Explanation | null;
}

export interface InspectorSlice {
  inspectorOpen: boolean;
  /** newest first */
  inspected: InspectedRequest[];
  inspectedId: number | null;
  inspectorBusy: boolean;
  setInspectorOpen: (open: boolean) => void;
  /** Sends a request at the current simulated time (loading the scenario first if needed). */
  sendInspectorRequest: (req: ViewerRequest) => Promise<void>;
  /** Runs `ms` of simulated time (the scenario's traffic included) so cached copies age. */
  advanceClock: (ms: number) => Promise<void>;
  viewInspected: (id: number) => void;
  clearInspected: () => void;
}

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err));

export const createInspectorSlice: StateCreator<AppState, [], [], InspectorSlice> = (set, get) => {
  let nextId = 1;

  /** The engine must exist before a request: the first use loads the scenario (as Run does). */
  async function ensureLoaded(): Promise<boolean> {
    if (get().loadedRevision === null) await get().reset();
    return get().loadedRevision !== null;
  }

  return {
    inspectorOpen: false,
    inspected: [],
    inspectedId: null,
    inspectorBusy: false,

    setInspectorOpen: (open) => set({ inspectorOpen: open }),

    sendInspectorRequest: async (request) => {
      if (get().inspectorBusy) return;
      set({ inspectorBusy: true });
      const id = nextId++;
      let entry: InspectedRequest;
      try {
        if (!(await ensureLoaded()))
          throw new Error('the scenario could not be loaded (see the message above)');
        const { result, invalidations } = await client.inspectRequest(request);
        const loadId = get().loadId;
        entry = {
          id,
          request,
          loadId,
          result,
          error: null,
          explanation: explain(result, loadId, get().inspected, invalidations),
        };
      } catch (err) {
        entry = {
          id,
          request,
          loadId: get().loadId,
          result: null,
          error: `The request could not be sent: ${message(err)}. Check the URL and headers, or press Reset.`,
          explanation: null,
        };
      }
      set((s) => ({
        inspected: [entry, ...s.inspected].slice(0, INSPECTOR_HISTORY_LIMIT),
        inspectedId: id,
        inspectorBusy: false,
      }));
    },

    advanceClock: async (ms) => {
      if (get().inspectorBusy) return;
      set({ inspectorBusy: true });
      try {
        if (await ensureLoaded()) await client.step(ms);
      } catch (err) {
        set({ error: `Advancing the clock failed: ${message(err)}. Press Reset to start again.` });
      } finally {
        set({ inspectorBusy: false });
      }
    },

    viewInspected: (id) => set({ inspectedId: id }),

    clearInspected: () => set({ inspected: [], inspectedId: null }),
  };
};

/** Explains against the earlier results of the same engine, oldest first. */
function explain(
  result: ViewerResult,
  loadId: number,
  newestFirst: InspectedRequest[],
  invalidations: InvalidationRecord[],
): Explanation | null {
  const history: ViewerResult[] = [];
  for (let i = newestFirst.length - 1; i >= 0; i--) {
    const e = newestFirst[i];
    if (e.result && e.loadId === loadId) history.push(e.result);
  }
  return explainResult(result, { history, invalidations });
}
