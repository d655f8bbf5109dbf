// Loads the heavy scenario code (scenarioIoModules.ts) on demand, and hands it out synchronously once
// loaded. Drawing the default scenario needs none of it, so main.tsx renders first and loads it right
// after; a `#s=` link or work kept in browser storage is decoded and validated with it BEFORE the first
// render (main.tsx awaits loadScenarioIo()), so the first frame already shows that scenario.
type ScenarioIo = typeof import('./scenarioIoModules');

let loaded: ScenarioIo | null = null;
let loading: Promise<ScenarioIo> | null = null;

/** Starts (once) and awaits the download of the scenario code. */
export function loadScenarioIo(): Promise<ScenarioIo> {
  loading ??= import('./scenarioIoModules').then((m) => (loaded = m));
  return loading;
}

/** The scenario code if it has loaded, else null (callers say "try again" rather than guess). */
export function scenarioIoIfLoaded(): ScenarioIo | null {
  return loaded;
}

/** The scenario code; for paths that only run after loadScenarioIo() resolved. */
export function scenarioIo(): ScenarioIo {
  if (!loaded) throw new Error(SCENARIO_IO_LOADING);
  return loaded;
}

export const SCENARIO_IO_LOADING =
  'EdgeLab is still loading its scenario tools; try again in a moment. Nothing was changed.';
