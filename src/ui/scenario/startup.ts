// Start-up wiring for scenario persistence, run once from main.tsx before the first render:
// open the link in the URL (or the autosave), then keep the autosave and the address bar in step.
import { startAutosave } from '../../state/slices/scenarioIoSlice';
import type { AppState } from '../../state/store';

interface StoreApi {
  getState: () => AppState;
  subscribe: (listener: (state: AppState, prev: AppState) => void) => () => void;
}

const hasScenarioLink = (hash: string) => /^#(?:.*&)?s=/.test(hash);

/** Removes `#s=…` without a new history entry (and without firing hashchange). */
export function clearScenarioHash(): void {
  if (!hasScenarioLink(window.location.hash)) return;
  window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
}

/** Puts `#s=…` in the address bar; returns the full link. */
export function writeScenarioHash(hash: string): string {
  window.history.replaceState(
    window.history.state,
    '',
    window.location.pathname + window.location.search + hash,
  );
  return window.location.href;
}

export function startScenarioIo(store: StoreApi): void {
  const linkOpened = store.getState().initScenarioIo(window.location.hash);
  // The link is now the autosaved work: a reload must not replay it over later edits.
  clearScenarioHash();
  startAutosave(store, linkOpened);
  // A shared link stays in the address bar only while it still describes the scenario.
  store.subscribe((state, prev) => {
    if (state.scenario !== prev.scenario) clearScenarioHash();
  });
  // A link pasted into the address bar of the open app changes only the hash.
  window.addEventListener('hashchange', () => {
    if (!hasScenarioLink(window.location.hash)) return;
    store.getState().openLink(window.location.hash);
    clearScenarioHash();
  });
}
