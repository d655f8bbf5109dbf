// The edge-function runtime: CloudFront Functions and Lambda@Edge run in a QuickJS sandbox.
// createFunctionRuntime() loads QuickJS once (async: WebAssembly), after which every call
// of the returned FunctionRuntime is synchronous, so the engine's run() never awaits.

import { loadQuickJS } from './quickjsHost';
import { EdgeFunctionRuntime, type FunctionRuntimeOptions } from './runtime';

export type { FunctionRuntimeOptions } from './runtime';
export type { FunctionContext, FunctionOutcome, FunctionRuntime, InvocationInfo } from './types';
export { EdgeFunctionRuntime } from './runtime';
export { FUNCTION_TEMPLATES, type FunctionTemplate } from './templates';
export { testFunction, type TestFunctionResult } from './testFunction';
export { CLOUDFRONT_FUNCTION_LIMITS, LAMBDA_EDGE_LIMITS } from './limits';

export async function createFunctionRuntime(
  options: FunctionRuntimeOptions = {},
): Promise<EdgeFunctionRuntime> {
  const host = await loadQuickJS(options.wasmLocation);
  return new EdgeFunctionRuntime(host, options);
}
