// The contract between the request pipeline (src/engine/sim) and the edge-function runtime
// (src/engine/functions). The pipeline builds nothing function-specific itself: it hands
// the current request/response to these calls and applies what comes back.
import type { EdgeRequest, EdgeResponse } from '../http/model';
import type { EdgeFunction, LambdaEventType, Origin } from '../scenario';

export interface FunctionContext {
  distributionDomainName: string;
  distributionId: string;
  /** the X-Amz-Cf-Id of the request */
  requestId: string;
  /** wall-clock ms (epochMs + now()) at function start: Date inside the sandbox returns this */
  wallClockMs: number;
  /** PoP code or region where the function runs, for logs */
  location: string;
  /** viewer country when known (Lambda@Edge origin events may see CloudFront-Viewer-Country) */
  viewerCountry?: string;
}

export interface InvocationInfo {
  functionName: string;
  /** console.log lines, cut at 10 KB total for CloudFront Functions */
  logs: string[];
  /** CloudFront Functions: 0-100 like the console */
  computeUtilization?: number;
  /** simulated duration */
  durationMs: number;
  /** KeyValueStore reads the invocation made (each get / exists / meta call; absent = none).
   * Billed per read (CostMeter.addKvsReads); a result-cache replay carries the same count. */
  kvsReads?: number;
  /** the event handed to the function and what it returned, for the inspector (JSON-safe) */
  input?: unknown;
  output?: unknown;
}

export type FunctionOutcome =
  | { kind: 'continue-request'; request: EdgeRequest; info: InvocationInfo; origin?: Origin }
  | { kind: 'continue-response'; response: EdgeResponse; info: InvocationInfo }
  | { kind: 'generated-response'; response: EdgeResponse; info: InvocationInfo }
  | {
      kind: 'error';
      /** 502 validation error, 503 execution error / throttled / limit exceeded (500 per setting for Lambda) */
      status: number;
      /** what went wrong, in words a user can act on */
      message: string;
      errorType: 'validation' | 'execution' | 'limit';
      info: InvocationInfo;
    };

export interface FunctionRuntime {
  /** Compiles every function up front; throws ScenarioError naming the function on bad code
   * (syntax error, runtime-1.0 rule, over 10 KB, missing handler). */
  prepare(functions: EdgeFunction[]): void;
  /** CloudFront Function, viewer-request. Synchronous: run() never awaits. */
  cloudFrontViewerRequest(name: string, request: EdgeRequest, ctx: FunctionContext): FunctionOutcome;
  /** CloudFront Function, viewer-response. */
  cloudFrontViewerResponse(
    name: string,
    request: EdgeRequest,
    response: EdgeResponse,
    ctx: FunctionContext,
  ): FunctionOutcome;
  /** Lambda@Edge, any trigger. `origin` is present for origin events; `response` for response events. */
  lambda(
    name: string,
    eventType: LambdaEventType,
    request: EdgeRequest,
    response: EdgeResponse | undefined,
    origin: Origin | undefined,
    ctx: FunctionContext,
    includeBody?: boolean,
  ): FunctionOutcome;
  /** free the sandbox */
  dispose(): void;
}
