// Loads the sandboxed edge-function runtime (QuickJS) on demand: scenarios without functions
// never load the WebAssembly module (a separate chunk in the browser build).
import { ScenarioError } from '../errors';
import type { FunctionRuntime } from '../functions/types';
import type { NormalizedScenario } from '../normalize';

export interface RuntimeLoadOptions {
  /** where the QuickJS .wasm file is served (browser); Node finds it in the package */
  wasmLocation?: string;
}

export async function loadFunctionRuntime(
  ns: NormalizedScenario,
  opts: RuntimeLoadOptions = {},
): Promise<FunctionRuntime> {
  let mod: typeof import('../functions/index');
  try {
    mod = await import('../functions/index');
  } catch (e) {
    throw new ScenarioError(
      `The edge-function runtime could not be loaded (${e instanceof Error ? e.message : String(e)}); remove the functions or try again.`,
      'functions',
    );
  }
  return mod.createFunctionRuntime({
    seed: ns.seed,
    lambdaExecutionErrorStatus: ns.settings.lambdaExecutionErrorStatus,
    wasmLocation: opts.wasmLocation,
  });
}
