// The user's work in localStorage: the autosaved scenario, the named "Save as…" list and the
// scenario kept before an import or a link replaced it. Every call reports storage failures
// (quota, storage disabled, corrupt entries) as a sentence instead of throwing: losing a save
// must never take the app down.
import type { Scenario } from '../engine/scenario';
import { SCENARIO_IO_LOADING, scenarioIoIfLoaded } from './scenarioIoLoader';

/** Key format version: bump when the stored envelope changes (the scenario inside migrates itself). */
const KEY_VERSION = 'v1';
export const STORAGE_KEYS = {
  autosave: `edgelab:${KEY_VERSION}:autosave`,
  saved: `edgelab:${KEY_VERSION}:saved`,
  previous: `edgelab:${KEY_VERSION}:previous`,
} as const;

/** Quiet time after the last edit before the autosave is written (drags and typing edit often). */
export const AUTOSAVE_DEBOUNCE_MS = 500;

export interface SavedEntry {
  name: string;
  /** wall-clock ms when saved (UI time, not simulated time) */
  savedAt: number;
  scenario: Scenario;
}

export type Stored<T> = { ok: true; value: T } | { ok: false; error: string };

/** localStorage, or null when the browser refuses it (privacy modes, sandboxed frames). */
export function browserStorage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

const DISABLED =
  'Browser storage is disabled, so your work is not saved between visits. Allow site data for this page, or export the scenario to a file (Scenario menu).';

function writeError(err: unknown): string {
  const name = err instanceof DOMException || err instanceof Error ? err.name : '';
  if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') {
    return 'Browser storage is full, so your latest changes are not saved. Delete saved scenarios (Scenario menu) or export this one to a file.';
  }
  return `Your work could not be saved in browser storage (${err instanceof Error ? err.message : String(err)}). Export the scenario to a file to keep it.`;
}

function write(storage: Storage | null, key: string, value: unknown): Stored<true> {
  if (!storage) return { ok: false, error: DISABLED };
  try {
    storage.setItem(key, JSON.stringify(value));
    return { ok: true, value: true };
  } catch (err) {
    return { ok: false, error: writeError(err) };
  }
}

/** The raw JSON under `key`; undefined when absent. */
function read(storage: Storage | null, key: string): Stored<unknown> {
  if (!storage) return { ok: false, error: DISABLED };
  let text: string | null;
  try {
    text = storage.getItem(key);
  } catch {
    return { ok: false, error: DISABLED };
  }
  if (text === null) return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return {
      ok: false,
      error: `The copy of your work in browser storage (${key}) is damaged and was ignored.`,
    };
  }
}

/**
 * True when browser storage holds work to open at start-up (autosave, saved list, previous): main.tsx
 * then loads the schema before the first render. Only the keys are looked at, nothing is parsed.
 */
export function hasStoredScenarios(storage: Storage | null): boolean {
  try {
    return Object.values(STORAGE_KEYS).some((key) => storage?.getItem(key) != null);
  } catch {
    return false;
  }
}

/** A stored scenario goes through migrations and the schema like any other document. */
function scenarioFrom(raw: unknown, what: string): Stored<Scenario> {
  // The schema loads lazily (scenarioIoLoader.ts); reading before it has loaded is refused, not guessed.
  const io = scenarioIoIfLoaded();
  if (!io) return { ok: false, error: SCENARIO_IO_LOADING };
  try {
    return { ok: true, value: io.parseScenario(raw) };
  } catch (err) {
    return {
      ok: false,
      error: `${what} could not be opened: ${err instanceof Error ? err.message : String(err)}`,
    };
  }
}

function readScenario(storage: Storage | null, key: string, what: string): Stored<Scenario | undefined> {
  const r = read(storage, key);
  if (!r.ok || r.value === undefined) return r as Stored<undefined>;
  const env = r.value as { scenario?: unknown };
  return scenarioFrom(env.scenario, what);
}

export function loadAutosave(storage: Storage | null): Stored<Scenario | undefined> {
  return readScenario(storage, STORAGE_KEYS.autosave, 'Your autosaved work');
}

export function writeAutosave(storage: Storage | null, scenario: Scenario, now: number): Stored<true> {
  return write(storage, STORAGE_KEYS.autosave, { savedAt: now, scenario });
}

export function loadPrevious(storage: Storage | null): Stored<Scenario | undefined> {
  return readScenario(storage, STORAGE_KEYS.previous, 'The previous scenario');
}

export function writePrevious(storage: Storage | null, scenario: Scenario, now: number): Stored<true> {
  return write(storage, STORAGE_KEYS.previous, { savedAt: now, scenario });
}

export function clearPrevious(storage: Storage | null): void {
  try {
    storage?.removeItem(STORAGE_KEYS.previous);
  } catch {
    // Nothing to report: the entry is only offered while the app holds it in memory too.
  }
}

/** The "Save as…" list, newest first. Entries that no longer parse are dropped and reported. */
export function listSaved(storage: Storage | null): Stored<SavedEntry[]> {
  const r = read(storage, STORAGE_KEYS.saved);
  if (!r.ok) return r;
  if (r.value === undefined) return { ok: true, value: [] };
  if (!Array.isArray(r.value))
    return { ok: false, error: 'The list of saved scenarios in browser storage is damaged and was ignored.' };
  const out: SavedEntry[] = [];
  const broken: string[] = [];
  for (const item of r.value as { name?: unknown; savedAt?: unknown; scenario?: unknown }[]) {
    const name = typeof item?.name === 'string' ? item.name : '(unnamed)';
    const s = scenarioFrom(item?.scenario, `Saved scenario "${name}"`);
    if (s.ok)
      out.push({ name, savedAt: typeof item.savedAt === 'number' ? item.savedAt : 0, scenario: s.value });
    else broken.push(name);
  }
  out.sort((a, b) => b.savedAt - a.savedAt);
  if (broken.length > 0) {
    return {
      ok: false,
      error: `Saved scenario(s) ${broken.map((n) => `"${n}"`).join(', ')} could not be read and were skipped.`,
    };
  }
  return { ok: true, value: out };
}

/** Saves under `name`, replacing an entry of the same name. Returns the new list. */
export function saveAs(
  storage: Storage | null,
  name: string,
  scenario: Scenario,
  now: number,
): Stored<SavedEntry[]> {
  const trimmed = name.trim();
  if (trimmed === '') return { ok: false, error: 'Give the scenario a name to save it under.' };
  const list = listSaved(storage);
  // Before the schema loads a stored list cannot be read, and rewriting it would drop every entry.
  if (!list.ok && !scenarioIoIfLoaded()) return { ok: false, error: SCENARIO_IO_LOADING };
  const current = list.ok ? list.value : [];
  const next = [{ name: trimmed, savedAt: now, scenario }, ...current.filter((e) => e.name !== trimmed)];
  const w = write(storage, STORAGE_KEYS.saved, next);
  return w.ok ? { ok: true, value: next } : w;
}

export function deleteSaved(storage: Storage | null, name: string): Stored<SavedEntry[]> {
  const list = listSaved(storage);
  if (!list.ok && !scenarioIoIfLoaded()) return { ok: false, error: SCENARIO_IO_LOADING };
  const current = list.ok ? list.value : [];
  const next = current.filter((e) => e.name !== name);
  const w = write(storage, STORAGE_KEYS.saved, next);
  return w.ok ? { ok: true, value: next } : w;
}

/** Calls `fn` once `ms` have passed without another call; `flush` runs a pending call now. */
export interface Timers {
  set: (fn: () => void, ms: number) => ReturnType<typeof setTimeout>;
  clear: (handle: ReturnType<typeof setTimeout>) => void;
}

export function debounce<T>(fn: (arg: T) => void, ms: number, timers: Timers) {
  let pending: { arg: T } | null = null;
  let handle: ReturnType<typeof setTimeout> | undefined;
  const run = () => {
    if (handle !== undefined) timers.clear(handle);
    handle = undefined;
    if (!pending) return;
    const { arg } = pending;
    pending = null;
    fn(arg);
  };
  return {
    call(arg: T) {
      pending = { arg };
      if (handle !== undefined) timers.clear(handle);
      handle = timers.set(run, ms);
    },
    flush: run,
  };
}
