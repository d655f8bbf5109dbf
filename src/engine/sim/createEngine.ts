// createEngine (DESIGN.md): validates and resolves the scenario, loads the edge-function
// runtime only when the scenario has functions, and returns the engine.
import type { FunctionRuntime } from '../functions/types';
import { normalizeScenario } from '../normalize';
import type { Scenario } from '../scenario';
import type { EngineOptions } from '../types';
import { DEFAULT_EPOCH_MS, SimEngine } from './engine';
import { loadFunctionRuntime, type RuntimeLoadOptions } from './functionRuntime';

/** EngineOptions plus what only the app needs (the browser's URL of the QuickJS .wasm file). */
export type CreateEngineOptions = EngineOptions & RuntimeLoadOptions;

/** Rejects with a ScenarioError naming the field or function when the scenario cannot run. */
export async function createEngine(
  scenario: Scenario,
  options: CreateEngineOptions = {},
): Promise<SimEngine> {
  const ns = normalizeScenario(scenario);
  const epochMs = options.epochMs ?? DEFAULT_EPOCH_MS;
  if (!Number.isFinite(epochMs))
    throw new TypeError(
      `createEngine: epochMs must be a number of milliseconds (got ${String(options.epochMs)}).`,
    );
  let runtime: FunctionRuntime | null = null;
  if (ns.functions.size > 0) {
    runtime = await loadFunctionRuntime(ns, options);
    runtime.prepare([...ns.functions.values()]);
  }
  return new SimEngine(ns, options.originFetch, epochMs, runtime);
}
