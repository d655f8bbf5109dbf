// Whole-scenario operations: start-up loading (link, autosave, default), presets, file import,
// "Save as…" list, the scenario kept before a replacement, and the banner that reports on them.
// Every replacement keeps what was there before, so one click brings it back.
import type { StateCreator } from 'zustand';
import { ScenarioError } from '../../engine/errors';
import type { Scenario } from '../../engine/scenario';
import { presetScenario, PRESETS } from '../../scenario/presets';
import { quotaWarnings } from '../../scenario/quotas';
import * as client from '../../worker/client';
import * as storage from '../persistence';
// Schema, link codec and CloudFront JSON load after the first render (issue 10): see scenarioIoLoader.ts.
import { scenarioIo } from '../scenarioIoLoader';
import type { AppState } from '../store';

export interface ScenarioNotice {
  tone: 'error' | 'info';
  text: string;
  /** e.g. the CloudFront fields kept but not simulated */
  details?: { title: string; items: string[] };
}

export interface ScenarioIoSlice {
  notice: ScenarioNotice | null;
  /** what the last replacement (import, link, preset, open) displaced; null when nothing to restore */
  previousScenario: Scenario | null;
  savedScenarios: storage.SavedEntry[];
  /** CloudFront fields kept but not simulated, from the latest CloudFront import */
  unmodeledFields: string[];
  /** the latest storage failure, so a failing autosave reports once rather than on every edit */
  storageError: string | null;
  /** Start-up: the link in `hash` if any, else the autosave, else the default scenario.
   * Returns true when a link replaced the autosaved work (so it must be autosaved now). */
  initScenarioIo: (hash: string) => boolean;
  /** Opens a `#s=` link over the current work (the current work is kept for "Restore previous"). */
  openLink: (hash: string) => boolean;
  loadPreset: (id: string) => void;
  /** A file's text: an EdgeLab scenario or CloudFront JSON. On error the current work is untouched. */
  importText: (text: string, fileName: string) => boolean;
  renameScenario: (name: string) => void;
  saveScenarioAs: (name: string) => boolean;
  openSaved: (name: string) => void;
  deleteSavedScenario: (name: string) => void;
  restorePrevious: () => void;
  dismissNotice: () => void;
  /** The `#s=` fragment for the current scenario. */
  shareHash: () => string;
  /** Records a storage result: failures show once in the banner, success clears the failure. */
  reportStorage: (result: storage.Stored<unknown>) => void;
  /**
   * Runs `ms` of simulated time at once (loading the current scenario first when needed): the
   * deterministic way to compare two tabs. Lives here because the share check needs it; it only
   * uses the simulation slice's public actions and the worker client's step().
   */
  stepBy: (ms: number) => Promise<void>;
}

function describe(err: unknown): string {
  if (err instanceof ScenarioError) {
    return err.field && !err.message.includes(err.field)
      ? `${err.message} (field: ${err.field})`
      : err.message;
  }
  return err instanceof Error ? err.message : String(err);
}

const FILE_HINT = 'Your current scenario is unchanged. Fix the file and import it again.';

/** EdgeLab scenario or CloudFront JSON, told apart by their top-level keys. */
function readFile(text: string, fileName: string): { scenario: Scenario; cloudFront: boolean } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new Error(`"${fileName}" is not valid JSON (${(e as Error).message}).`, { cause: e });
  }
  if (
    typeof json === 'object' &&
    json !== null &&
    !Array.isArray(json) &&
    ('distribution' in json || 'version' in json)
  ) {
    return { scenario: scenarioIo().parseScenario(json), cloudFront: false };
  }
  return { scenario: scenarioIo().importCloudFrontJson(json), cloudFront: true };
}

export const createScenarioIoSlice: StateCreator<AppState, [], [], ScenarioIoSlice> = (set, get) => {
  const store = () => storage.browserStorage();

  /** Swaps in a whole new scenario; the engine reloads when it had one loaded. */
  function replace(
    next: Scenario,
    keepPrevious: boolean,
    notice: ScenarioNotice | null,
    unmodeled: string[] = [],
  ): void {
    const current = get().scenario;
    if (keepPrevious) get().reportStorage(storage.writePrevious(store(), current, Date.now()));
    // Default quotas AWS raises on request only warn (limits.ts QUOTAS): say so beside the message.
    const warnings = quotaWarnings(next);
    if (notice && warnings.length > 0) notice = { ...notice, text: `${notice.text} ${warnings.join(' ')}` };
    set((s) => ({
      scenario: next,
      scenarioRevision: s.scenarioRevision + 1,
      selectedNodeId: null,
      openFunctionName: null,
      previousScenario: keepPrevious ? current : s.previousScenario,
      unmodeledFields: unmodeled,
      notice,
    }));
    if (get().loadedRevision !== null) void get().reset();
  }

  return {
    notice: null,
    previousScenario: null,
    savedScenarios: [],
    unmodeledFields: [],
    storageError: null,

    initScenarioIo: (hash) => {
      const saved = storage.listSaved(store());
      if (saved.ok) set({ savedScenarios: saved.value });
      const previous = storage.loadPrevious(store());
      if (previous.ok && previous.value) set({ previousScenario: previous.value });

      const autosave = storage.loadAutosave(store());
      const own = autosave.ok && autosave.value ? autosave.value : null;
      if (own) set((s) => ({ scenario: own, scenarioRevision: s.scenarioRevision + 1 }));
      if (!autosave.ok) get().reportStorage(autosave);
      else if (!saved.ok) get().reportStorage(saved);

      return (hash.startsWith('#s=') || hash.includes('&s=')) && get().openLink(hash);
    },

    openLink: (hash) => {
      const result = scenarioIo().decodeScenarioFromHash(hash);
      if (!result.ok) {
        set({
          notice: {
            tone: 'error',
            text: `${result.error} You are looking at your own last work instead; nothing was changed.`,
          },
        });
        return false;
      }
      replace(result.scenario, true, {
        tone: 'info',
        text: `Opened the shared scenario "${result.scenario.name}". Your previous work is kept.`,
      });
      return true;
    },

    loadPreset: (id) => {
      const next = presetScenario(id);
      const preset = PRESETS.find((p) => p.id === id);
      if (!next || !preset) {
        set({
          notice: { tone: 'error', text: `There is no preset "${id}". Pick one from the Scenario menu.` },
        });
        return;
      }
      replace(next, true, {
        tone: 'info',
        text: `Loaded the preset "${preset.title}". Your previous work is kept.`,
      });
    },

    importText: (text, fileName) => {
      let read: { scenario: Scenario; cloudFront: boolean };
      try {
        read = readFile(text, fileName);
      } catch (err) {
        set({
          notice: { tone: 'error', text: `Could not import "${fileName}": ${describe(err)} ${FILE_HINT}` },
        });
        return false;
      }
      const { scenario, cloudFront } = read;
      const unmodeled = cloudFront ? scenarioIo().listUnmodeledFields(scenario) : [];
      const kind = cloudFront ? 'CloudFront distribution' : 'scenario';
      replace(
        scenario,
        true,
        {
          tone: 'info',
          text: `Imported the ${kind} from "${fileName}". Your previous work is kept.`,
          ...(unmodeled.length > 0
            ? {
                details: {
                  title: `${unmodeled.length} CloudFront field(s) kept, not simulated`,
                  items: unmodeled,
                },
              }
            : {}),
        },
        unmodeled,
      );
      return true;
    },

    renameScenario: (name) => set((s) => ({ scenario: { ...s.scenario, name } })),

    saveScenarioAs: (name) => {
      const result = storage.saveAs(store(), name, get().scenario, Date.now());
      if (!result.ok) {
        set({ notice: { tone: 'error', text: result.error } });
        return false;
      }
      set({ savedScenarios: result.value, notice: { tone: 'info', text: `Saved as "${name.trim()}".` } });
      return true;
    },

    openSaved: (name) => {
      const entry = get().savedScenarios.find((e) => e.name === name);
      if (!entry) {
        set({
          notice: {
            tone: 'error',
            text: `No saved scenario is called "${name}". Pick one from the Scenario menu.`,
          },
        });
        return;
      }
      replace(structuredClone(entry.scenario), true, {
        tone: 'info',
        text: `Opened the saved scenario "${name}". Your previous work is kept.`,
      });
    },

    deleteSavedScenario: (name) => {
      const result = storage.deleteSaved(store(), name);
      if (!result.ok) set({ notice: { tone: 'error', text: result.error } });
      else
        set({
          savedScenarios: result.value,
          notice: { tone: 'info', text: `Deleted the saved scenario "${name}".` },
        });
    },

    restorePrevious: () => {
      const previous = get().previousScenario;
      if (!previous) return;
      // Restoring swaps: the scenario being left becomes the new "previous", so a mistaken restore is undoable too.
      replace(previous, true, { tone: 'info', text: `Restored "${previous.name}".` });
    },

    dismissNotice: () => set({ notice: null }),

    shareHash: () => scenarioIo().encodeScenarioToHash(get().scenario),

    stepBy: async (ms) => {
      const { status, loadedRevision, scenarioRevision } = get();
      if (status === 'running' || status === 'loading') return;
      if (loadedRevision === null || loadedRevision !== scenarioRevision) {
        await get().reset();
        if (get().status === 'error') return;
      }
      try {
        await client.step(ms);
      } catch (err) {
        set({ status: 'error', error: `Step failed: ${describe(err)}. Press Reset to start again.` });
      }
    },

    reportStorage: (result) => {
      if (result.ok) {
        if (get().storageError !== null) set({ storageError: null });
        return;
      }
      if (get().storageError === result.error) return;
      set({ storageError: result.error, notice: { tone: 'error', text: result.error } });
    },
  };
};

/**
 * Writes the scenario to storage shortly after each change (and at once when the page is hidden).
 * Returns a function that stops it.
 */
export function startAutosave(
  api: {
    getState: () => AppState;
    subscribe: (listener: (state: AppState, prev: AppState) => void) => () => void;
  },
  saveNow = false,
): () => void {
  const saver = storage.debounce<Scenario>(
    (scenario) =>
      api.getState().reportStorage(storage.writeAutosave(storage.browserStorage(), scenario, Date.now())),
    storage.AUTOSAVE_DEBOUNCE_MS,
    // Wrapped: browsers throw "Illegal invocation" when setTimeout is called as a method of another object.
    { set: (fn, ms) => setTimeout(fn, ms), clear: (h) => clearTimeout(h) },
  );
  const unsubscribe = api.subscribe((state, prev) => {
    if (state.scenario !== prev.scenario) saver.call(state.scenario);
  });
  if (saveNow) {
    saver.call(api.getState().scenario);
    saver.flush();
  }
  const flush = () => saver.flush();
  if (typeof window !== 'undefined') window.addEventListener('pagehide', flush);
  return () => {
    unsubscribe();
    if (typeof window !== 'undefined') window.removeEventListener('pagehide', flush);
    saver.flush();
  };
}
