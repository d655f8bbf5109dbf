// Start-up wiring for scenario persistence, run once from main.tsx before the first render:
// open the link in the URL (or the autosave), then keep the autosave and the address bar in step.
// main.tsx first awaits the scenario code when there is something to open (scenarioIoAtStart.ts).
// A combined link (`#s=…&lesson=<id>`, `#s=…&challenge=<id>`) is split once: the scenario loads
// here, and the rest stays in the address bar for the lesson / challenge routes.
import { startAutosave } from '../../state/slices/scenarioIoSlice';
import type { AppState } from '../../state/store';
import { findLesson } from '../../scenario/lessons';
import { browserStorage } from '../../state/persistence';
import { loadScenarioIo } from '../../state/scenarioIoLoader';
import { LESSON_STORAGE_KEY } from '../../state/slices/lessonsSlice';
import { routeParam, splitHash } from './hashParts';

interface StoreApi {
  getState: () => AppState;
  setState: (partial: Partial<AppState>) => void;
  subscribe: (listener: (state: AppState, prev: AppState) => void) => () => void;
}

function setHash(hash: string): void {
  window.history.replaceState(
    window.history.state,
    '',
    window.location.pathname + window.location.search + hash,
  );
}

/** Removes `s=…` from the hash, keeping any other route, without a history entry (and without hashchange). */
export function clearScenarioHash(): void {
  const { scenario, rest } = splitHash(window.location.hash);
  if (scenario !== null) setHash(rest);
}

/** Puts `#s=…` in the address bar (after nothing else: a share link is the scenario alone); returns the full link. */
export function writeScenarioHash(hash: string): string {
  setHash(hash);
  return window.location.href;
}

/**
 * Opens the scenario part of `hash` with `open` (given '' when there is none) and hands the rest to
 * the lesson / challenge routes. Returns what `open` returned.
 */
function openFromHash(store: StoreApi, hash: string, open: (scenarioHash: string) => boolean): boolean {
  const { scenario, rest } = splitHash(hash);
  const opened = open(scenario === null ? '' : `#${scenario}`);
  // The link is now the autosaved work: a reload must not replay it over later edits.
  if (scenario !== null) setHash(rest);
  // A lesson named beside a shared scenario opens ON that scenario (the teacher's variant), not
  // over it: the lesson route then finds the lesson already open and loads nothing.
  const lesson = routeParam(rest, 'lesson');
  if (opened && lesson && findLesson(lesson)) {
    store.setState({ lessonId: lesson, lessonEvaluations: {} });
    rememberActiveLesson(lesson);
  }
  return opened;
}

/**
 * Marks the lesson as the one whose scenario is the current work, as openLesson does, so a reload
 * of `#lesson=<id>` resumes on the shared scenario instead of loading the lesson's own over it.
 * (lessonsSlice has no "open on the current scenario" action; this writes its documented record.)
 */
function rememberActiveLesson(id: string): void {
  const store = browserStorage();
  try {
    const raw = store?.getItem(LESSON_STORAGE_KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    const record = typeof parsed === 'object' && parsed !== null ? parsed : {};
    store?.setItem(LESSON_STORAGE_KEY, JSON.stringify({ progress: {}, ...record, active: id }));
  } catch {
    // Unreadable or full storage: a reload then reopens the lesson on its own scenario (previous work kept).
  }
}

export function startScenarioIo(store: StoreApi): void {
  const linkOpened = openFromHash(store, window.location.hash, (h) => store.getState().initScenarioIo(h));
  startAutosave(store, linkOpened);
  // A shared link stays in the address bar only while it still describes the scenario.
  store.subscribe((state, prev) => {
    if (state.scenario !== prev.scenario) clearScenarioHash();
  });
  // A link pasted into the address bar of the open app changes only the hash.
  window.addEventListener('hashchange', () => {
    if (splitHash(window.location.hash).scenario === null) return;
    const hash = window.location.hash;
    void loadScenarioIo().then(() => openFromHash(store, hash, (h) => store.getState().openLink(h)));
  });
}
