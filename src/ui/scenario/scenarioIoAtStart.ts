// Imported FIRST by main.tsx. ES modules evaluate in import order, so when start-up has a link or
// stored work to open, the scenario code (loaded lazily, issue 10) starts downloading here, while
// React and the canvas evaluate, instead of after them; main.tsx awaits it before the first render.
import { browserStorage, hasStoredScenarios } from '../../state/persistence';
import { loadScenarioIo } from '../../state/scenarioIoLoader';
import { splitHash } from './hashParts';

/**
 * Whether start-up must decode or validate anything: a `#s=` link, or work kept in browser storage.
 * Otherwise the default scenario (ours, needs no validation) renders first and the code loads after.
 */
export function startupNeedsScenarioIo(): boolean {
  return splitHash(window.location.hash).scenario !== null || hasStoredScenarios(browserStorage());
}

/** Resolves when the scenario code needed at start-up is in; null when start-up needs none. A failed
 * download still renders: the banner then says the stored work could not be opened. */
export const scenarioIoAtStart: Promise<unknown> | null = startupNeedsScenarioIo()
  ? loadScenarioIo().catch(() => undefined)
  : null;
