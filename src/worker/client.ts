// The one bridge between the state layer and the engine worker. Starts the worker lazily,
// forwards calls through Comlink, and cancels work the only reliable way: terminating the worker.
import * as Comlink from 'comlink';
import type { TestFunctionResult } from '../engine/functions/testFunction';
import type { EdgeFunction, Scenario } from '../engine/scenario';
import type { SampledRequest, ViewerRequest, ViewerResult } from '../engine/types';
import type { LatencyReport, LogFilter, LogPage } from './accessLog';
import type { CostReport, EngineApi, InspectedResult } from './api';
import type { LiveEventRequest } from './liveEvents';
import type { LoadResult, SimBatch, TimelineEvent } from './protocol';

export type {
  LoadResult,
  SimBatch,
  NodeCounters,
  IntervalCounts,
  LatencyPercentiles,
  TimelineEvent,
} from './protocol';
export type { LiveEventRequest } from './liveEvents';
export type { InspectedResult } from './api';
export type { CostReport } from './api';
export type { LatencyReport, LogFilter, LogPage, RegionLatency, StatusClass } from './accessLog';
export type { TestFunctionResult } from '../engine/functions/testFunction';

interface Connection {
  worker: Worker;
  api: Comlink.Remote<EngineApi>;
}

let connection: Connection | null = null;
let batchListener: ((batch: SimBatch) => void) | null = null;
let crashListener: ((message: string) => void) | null = null;

function connect(): Connection {
  if (connection) return connection;
  const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), {
    type: 'module',
    name: 'edgelab-engine',
  });
  const api = Comlink.wrap<EngineApi>(worker);
  worker.addEventListener('error', (e) => {
    // A terminated worker (Reset) may still report: only the live connection counts.
    if (connection !== conn) return;
    crashListener?.(
      `The simulation worker failed: ${e.message || 'unknown error'}. Press Reset to start it again.`,
    );
  });
  const conn: Connection = { worker, api };
  // A terminated worker's last messages may still be queued: only the live connection reports.
  void api.subscribe(
    Comlink.proxy((batch: SimBatch) => {
      if (connection === conn) batchListener?.(batch);
    }),
  );
  connection = conn;
  return conn;
}

/** The state layer registers where simulation batches go (one listener; a new one replaces it). */
export function onBatch(listener: (batch: SimBatch) => void): void {
  batchListener = listener;
}

/** Called when the worker itself dies (not for engine errors, which arrive in batches / results). */
export function onCrash(listener: (message: string) => void): void {
  crashListener = listener;
}

/** Rejects with an AbortError and kills the worker (its work cannot be interrupted otherwise). */
function abortable<T>(call: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return call;
  if (signal.aborted) {
    terminate();
    return Promise.reject(new DOMException('The operation was aborted.', 'AbortError'));
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => {
      terminate();
      reject(new DOMException('The operation was aborted.', 'AbortError'));
    };
    signal.addEventListener('abort', onAbort, { once: true });
    call.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

export function load(scenario: Scenario, signal?: AbortSignal): Promise<LoadResult> {
  return abortable<LoadResult>(connect().api.load(scenario), signal);
}

/** Applies an edited scenario at the current simulated time; time and counters carry on. */
export function reload(scenario: Scenario): Promise<LoadResult> {
  return connect().api.reload(scenario);
}

export function play(speed: number): Promise<void> {
  return connect().api.play(speed);
}

export function pause(): Promise<void> {
  // Nothing to pause when no worker runs.
  return connection ? connection.api.pause() : Promise.resolve();
}

export function step(ms: number, signal?: AbortSignal): Promise<void> {
  return abortable(connect().api.step(ms), signal);
}

export function request(req: ViewerRequest, signal?: AbortSignal): Promise<ViewerResult> {
  return abortable(connect().api.request(req), signal);
}

export function inspectRequest(req: ViewerRequest, signal?: AbortSignal): Promise<InspectedResult> {
  return abortable(connect().api.inspectRequest(req), signal);
}

/** Runs one edge function on a test event in the worker (the sandbox never runs on the main thread). */
export function testFunction(
  fn: EdgeFunction,
  eventType: string,
  event: unknown,
  signal?: AbortSignal,
): Promise<TestFunctionResult> {
  return abortable(connect().api.testFunction(fn, eventType, event), signal);
}

/** A one-click event (spike, DDoS, deploy, invalidation, outage) starting at the current simulated time. */
export function triggerEvent(req: LiveEventRequest): Promise<TimelineEvent> {
  return connect().api.triggerEvent(req);
}

export function invalidate(paths: string[]): Promise<string> {
  return connect().api.invalidate(paths);
}

/** A page of the access log (newest first) matching the filter. */
export function logQuery(filter: LogFilter): Promise<LogPage> {
  return connect().api.logQuery(filter);
}

/** The matching access log as a file's text: CloudFront's tab-separated layout or CSV. */
export function logExport(filter: LogFilter, format: 'tsv' | 'csv'): Promise<string> {
  return connect().api.logExport(filter, format);
}

export function latencyReport(): Promise<LatencyReport> {
  return connect().api.latencyReport();
}

export function costReport(): Promise<CostReport> {
  return connect().api.costReport();
}

/** The newest sampled request per viewer region, edge location and origin, oldest first. */
export function lastSeenSamples(): Promise<SampledRequest[]> {
  return connect().api.lastSeenSamples();
}

/** Stops everything: the worker is terminated, and the next call starts a fresh one. */
export function terminate(): void {
  if (!connection) return;
  connection.api[Comlink.releaseProxy]();
  connection.worker.terminate();
  connection = null;
}

/** Reset = a fresh worker with the scenario loaded again (time and counters at zero). */
export function reset(scenario: Scenario, signal?: AbortSignal): Promise<LoadResult> {
  terminate();
  return load(scenario, signal);
}
