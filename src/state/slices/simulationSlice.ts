// Simulation status and the commands that drive the worker. Actions call src/worker/client.ts;
// progress comes back as batches through the listener registered in store.ts.
import type { StateCreator } from 'zustand';
import * as client from '../../worker/client';
import type { LiveEventRequest, TimelineEvent } from '../../worker/client';
import type { AppState } from '../store';

export type SimStatus = 'idle' | 'loading' | 'running' | 'paused' | 'error';

/** Simulated seconds per real second offered in the top bar. */
export const SPEED_CHOICES = [1, 10, 100, 1000, 10_000] as const;

/**
 * Real ms an edit waits for the next one before it is applied to a running simulation: typing a
 * TTL or a function's code rebuilds the engine once per pause, not once per keystroke.
 */
export const LIVE_EDIT_DELAY_MS = 400;

/** Step sizes offered next to the step button (simulated ms). */
export const STEP_CHOICES_MS = [1_000, 10_000, 60_000] as const;

export interface SimulationSlice {
  status: SimStatus;
  /** requested speed: simulated seconds per real second */
  speed: number;
  /** speed reached over the latest batch (0 when paused) */
  achievedSpeed: number;
  simTimeMs: number;
  /** true while the engine cannot keep up with the chosen speed (the achieved speed is lower) */
  limited: boolean;
  /** events of this run (scenario-planned and one-click), oldest first */
  timeline: TimelineEvent[];
  /** the scenarioRevision the engine was built from; null before the first load */
  loadedRevision: number | null;
  /** the worker's id of the loaded engine; batches with a lower id are stale */
  loadId: number;
  error: string | null;
  run: () => Promise<void>;
  pause: () => Promise<void>;
  reset: () => Promise<void>;
  setSpeed: (speed: number) => Promise<void>;
  dismissError: () => void;
  /** starts a one-click event at the current simulated time (loads the scenario first if needed) */
  triggerEvent: (req: LiveEventRequest) => Promise<void>;
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export const createSimulationSlice: StateCreator<AppState, [], [], SimulationSlice> = (set, get, store) => {
  /** numbers live edits so only the latest one's answer updates loadedRevision */
  let liveEditSeq = 0;
  let liveEditTimer: ReturnType<typeof setTimeout> | undefined;
  /** the banner text of the last refused live edit, cleared when a later edit applies */
  let liveEditError: string | null = null;

  /**
   * An edit made while an engine is loaded (running or paused) is applied at the current simulated
   * time: the worker rebuilds the engine and carries over time, counters and the chart series
   * (batches keep their loadId). Whole-scenario loads call reset() themselves, so by the time this
   * runs they are 'loading' or already loaded, and are left alone.
   */
  async function applyLiveEdit(): Promise<void> {
    const { loadedRevision, scenarioRevision, status, scenario, loadId } = get();
    if (loadedRevision === null || loadedRevision === scenarioRevision) return;
    if (status === 'loading' || status === 'error') return;
    const seq = ++liveEditSeq;
    try {
      const result = await client.reload(scenario);
      // a newer edit or a reset answers for itself
      if (seq !== liveEditSeq || get().loadId !== loadId || get().status === 'loading') return;
      if (result.ok) {
        set({ loadedRevision: scenarioRevision });
        if (liveEditError !== null && get().error === liveEditError) set({ error: null });
        liveEditError = null;
      } else if (result.message !== 'Superseded by a newer load.') {
        liveEditError = `Your edit could not be applied yet: ${result.message}${result.field ? ` (field: ${result.field})` : ''}. The simulation keeps running the previous version; fix it, or press Reset.`;
        set({ error: liveEditError });
      }
    } catch (err) {
      set({ error: `Your edit could not be applied: ${message(err)}. Press Reset to start again.` });
    }
  }

  store.subscribe((s, prev) => {
    if (s.scenarioRevision === prev.scenarioRevision) return;
    clearTimeout(liveEditTimer);
    liveEditTimer = setTimeout(() => void applyLiveEdit(), LIVE_EDIT_DELAY_MS);
  });

  /** Fresh worker + engine from the current scenario; metrics back to zero. */
  async function loadCurrent(): Promise<boolean> {
    const { scenario, scenarioRevision } = get();
    set({
      status: 'loading',
      error: null,
      loadId: 0,
      simTimeMs: 0,
      achievedSpeed: 0,
      limited: false,
      timeline: [],
    });
    get().clearMetrics();
    const result = await client.reset(scenario);
    if (!result.ok) {
      set({
        status: 'error',
        loadedRevision: null,
        error: `The scenario could not be loaded: ${result.message}${result.field ? ` (field: ${result.field})` : ''}. Fix it and press Reset.`,
      });
      return false;
    }
    set({ status: 'idle', loadedRevision: scenarioRevision, loadId: Math.max(get().loadId, result.loadId) });
    return true;
  }

  return {
    status: 'idle',
    speed: 10,
    achievedSpeed: 0,
    simTimeMs: 0,
    limited: false,
    timeline: [],
    loadedRevision: null,
    loadId: 0,
    error: null,

    run: async () => {
      const { status, loadedRevision } = get();
      if (status === 'running' || status === 'loading') return;
      try {
        if (loadedRevision === null && !(await loadCurrent())) return;
        set({ status: 'running', error: null });
        await client.play(get().speed);
      } catch (err) {
        set({ status: 'error', error: `Run failed: ${message(err)}. Press Reset to start again.` });
      }
    },

    pause: async () => {
      if (get().status !== 'running') return;
      set({ status: 'paused', achievedSpeed: 0 });
      try {
        await client.pause();
      } catch (err) {
        set({ status: 'error', error: `Pause failed: ${message(err)}. Press Reset to start again.` });
      }
    },

    reset: async () => {
      try {
        await loadCurrent();
      } catch (err) {
        set({ status: 'error', error: `Reset failed: ${message(err)}.` });
      }
    },

    setSpeed: async (speed) => {
      set({ speed });
      if (get().status !== 'running') return;
      try {
        await client.play(speed);
      } catch (err) {
        set({ status: 'error', error: `Changing speed failed: ${message(err)}.` });
      }
    },

    triggerEvent: async (req) => {
      try {
        if (get().loadedRevision === null && !(await loadCurrent())) return;
        await client.triggerEvent(req);
      } catch (err) {
        // A refused invalidation path is the person's to fix: say so without stopping the run.
        set({ error: `The event could not start: ${message(err)}` });
      }
    },

    dismissError: () => set({ error: null, status: get().status === 'error' ? 'idle' : get().status }),
  };
};
