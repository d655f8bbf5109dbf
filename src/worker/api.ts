// The object the engine worker exposes through Comlink (engine.worker.ts is only the glue).
// Kept free of worker globals except the timer and clock it is given, so Vitest can drive it in Node.
import { createEngine, DEFAULT_DOMAIN_NAME, DEFAULT_EPOCH_MS, type SimEngine } from '../engine';
import type { EdgeFunction, Scenario, ScheduledEvent } from '../engine/scenario';
import type { TestFunctionResult } from '../engine/functions/testFunction';
import type { CostBreakdown, SampledRequest, ViewerRequest, ViewerResult } from '../engine/types';
import { addCost, eventsAfter, ongoingEvents } from './carryOver';
import { AccessLog, tapRuns, type LatencyReport, type LogFilter, type LogPage } from './accessLog';
import { scenarioTimelineEvent, toScheduledEvent, type LiveEventRequest } from './liveEvents';
import { NodeTallies } from './nodeTallies';
import type { LoadResult, SimBatch, TimelineEvent } from './protocol';
import { recOfPop } from './topology';
import { SimulationLoop } from './simulationLoop';

/** What costReport() returns. */
export interface CostReport {
  cost: CostBreakdown;
  simTimeMs: number;
}

/** What inspectRequest() returns (structured-clone safe). */
export interface InspectedResult {
  result: ViewerResult;
  invalidations: Array<{ id: string; paths: string[]; createdAtMs: number }>;
  nowMs: number;
}

type BatchListener = (batch: SimBatch) => void | Promise<void>;

/** Longest simulated span one step() call may run (it blocks the worker while it runs). */
const MAX_STEP_SIM_MS = 3_600_000;

export function createApi(env: { now: () => number; schedule: (fn: () => void, delayMs: number) => void }) {
  let listener: BatchListener | null = null;
  let scenario: Scenario | null = null;
  let engine: SimEngine | null = null;
  let loop: SimulationLoop | null = null;
  let loadId = 0;
  /** numbers the one-click events (ids stay unique across loads) */
  let liveEventSeq = 0;
  /** access-log records of this engine's run() samples and request() calls */
  let accessLog = new AccessLog(DEFAULT_EPOCH_MS, DEFAULT_DOMAIN_NAME);
  /** resolves when the latest load() has finished (calls that arrive mid-load wait for it) */
  let ready: Promise<unknown> = Promise.resolve();
  /** one-click events of this run, replayed into an engine rebuilt mid-run while they last */
  let liveEvents: ScheduledEvent[] = [];
  /** cost of the engines replaced mid-run (reload), added to the current one's */
  let costBase: CostBreakdown | null = null;

  function emit(batch: SimBatch): void {
    // Fire and forget: through Comlink the listener is a proxy whose call returns a promise.
    void listener?.(batch);
  }

  async function build(next: Scenario): Promise<LoadResult> {
    loop?.pause();
    loop = null;
    engine = null;
    liveEvents = [];
    costBase = null;
    const id = ++loadId;
    try {
      const built = await createEngine(next);
      if (id !== loadId) return { ok: false, message: 'Superseded by a newer load.' };
      engine = built;
      const log = new AccessLog(DEFAULT_EPOCH_MS, next.distribution.domainName || DEFAULT_DOMAIN_NAME);
      accessLog = log;
      loop = new SimulationLoop({
        engine: tapRuns(built, (summary) => log.addSamples(summary.samples)),
        inspectTiers: () => built.inspect().tiers,
        // kept across reload(): badge estimates keep accumulating, PoPs map to regions of the edited scenario
        tallies: new NodeTallies((pop) => recOfPop(scenario ?? next, pop)),
        loadId: id,
        now: env.now,
        schedule: env.schedule,
        emit,
        plannedEvents: [...(next.events ?? [])].sort((x, y) => x.atMs - y.atMs).map(scenarioTimelineEvent),
      });
      loop.report();
      return { ok: true, loadId: id };
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const field =
        err instanceof Error && 'field' in err && typeof err.field === 'string' ? err.field : undefined;
      return { ok: false, message, field };
    }
  }

  /**
   * Applies an edited scenario at the current simulated time: a new engine whose clock is advanced
   * to now, fed into the same loop, so time, counters, timeline and access log carry on. Its caches
   * start empty (see docs/modelling.md). A scenario that cannot be built leaves the old engine running.
   */
  async function rebuild(
    next: Scenario,
    old: { engine: SimEngine; loop: SimulationLoop },
  ): Promise<LoadResult> {
    const nowMs = old.engine.now();
    let built: SimEngine;
    try {
      built = await createEngine({ ...next, events: eventsAfter(next.events, nowMs) });
      built.advance(nowMs);
      for (const e of ongoingEvents(liveEvents, nowMs)) built.schedule(e);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const field =
        err instanceof Error && 'field' in err && typeof err.field === 'string' ? err.field : undefined;
      return { ok: false, message, field };
    }
    // A reset or load that started meanwhile wins.
    if (engine !== old.engine) {
      built.dispose();
      return { ok: false, message: 'Superseded by a newer load.' };
    }
    scenario = next;
    costBase = costBase ? addCost(costBase, old.engine.cost()) : old.engine.cost();
    const baseStats = old.loop.totals();
    old.engine.dispose();
    engine = built;
    const log = accessLog;
    old.loop.replaceEngine({
      engine: tapRuns(built, (summary) => log.addSamples(summary.samples)),
      inspectTiers: () => built.inspect().tiers,
      baseStats,
    });
    return { ok: true, loadId };
  }

  /** Copies the record engine.request() just logged into the access log (one copy per interactive request). */
  function logLatestRequest(e: SimEngine): void {
    const records = e.logs();
    const last = records[records.length - 1];
    if (last) accessLog.addRequestRecord(last);
  }

  async function current(): Promise<{ engine: SimEngine; loop: SimulationLoop }> {
    await ready;
    if (!engine || !loop)
      throw new Error('No scenario is loaded: load a scenario (or fix its errors) first.');
    return { engine, loop };
  }

  return {
    /** Registers the one listener for simulation batches (a Comlink.proxy from the client). */
    subscribe(cb: BatchListener): void {
      listener = cb;
    },

    /** Builds a fresh engine for the scenario; the clock and all counters start at zero. */
    load(next: Scenario): Promise<LoadResult> {
      scenario = next;
      const result = build(next);
      ready = result;
      return result;
    },

    /** Starts (or re-paces) the simulation: `speed` simulated seconds per real second. */
    async play(speed: number): Promise<void> {
      if (!(speed > 0) || !Number.isFinite(speed))
        throw new Error(`Speed must be a positive number, got ${speed}.`);
      (await current()).loop.play(speed);
    },

    async pause(): Promise<void> {
      (await current()).loop.pause();
    },

    /** Runs `ms` of simulated time at once, paused or not, and reports it as one batch. */
    async step(ms: number): Promise<void> {
      if (!(ms > 0) || ms > MAX_STEP_SIM_MS) {
        throw new Error(
          `A step must be between 1 ms and ${MAX_STEP_SIM_MS} ms of simulated time, got ${ms}.`,
        );
      }
      (await current()).loop.step(ms);
    },

    /**
     * Applies an edited scenario without stopping: simulated time, cumulative counters, timeline and
     * access log carry on (the UI's chart series too, as batches keep coming under the same loadId).
     * With nothing loaded yet, it is a plain load().
     */
    async reload(next: Scenario): Promise<LoadResult> {
      await ready;
      if (!engine || !loop) return this.load(next);
      const result = rebuild(next, { engine, loop });
      ready = result;
      return result;
    },

    /** Rebuilds the engine from the last loaded scenario: time and counters back to zero. */
    async reset(): Promise<LoadResult> {
      await ready;
      if (!scenario) return { ok: false, message: 'Nothing to reset: no scenario was loaded.' };
      const result = build(scenario);
      ready = result;
      return result;
    },

    /** One request with its full trace (the inspector's "send a request"). */
    async request(req: ViewerRequest): Promise<ViewerResult> {
      const { engine } = await current();
      const result = await engine.request(req);
      logLatestRequest(engine);
      return result;
    },

    /** The inspector's request: its result plus what "why was this a miss?" needs besides the trace. */
    async inspectRequest(req: ViewerRequest): Promise<InspectedResult> {
      const { engine } = await current();
      const result = await engine.request(req);
      logLatestRequest(engine);
      const invalidations = engine
        .inspect()
        .invalidations.map(({ id, paths, createdAtMs }) => ({ id, paths, createdAtMs }));
      return { result, invalidations, nowMs: engine.now() };
    },

    /** The editor's "Test function": runs one function on an event in the worker's sandbox (never on the main thread). */
    async testFunction(fn: EdgeFunction, eventType: string, event: unknown): Promise<TestFunctionResult> {
      // Loaded on demand like the engine's own runtime: QuickJS stays out of scenarios without functions.
      const { testFunction } = await import('../engine/functions/testFunction');
      return testFunction(fn, eventType, event);
    },

    /** A one-click event starting now (simulated); returns its timeline entry. Bad invalidation paths throw the AWS error. */
    async triggerEvent(req: LiveEventRequest): Promise<TimelineEvent> {
      const { engine, loop } = await current();
      const { event, timeline } = toScheduledEvent(req, engine.now(), ++liveEventSeq);
      // An invalidation goes through the API call so a refused path reports its error.
      if (event.kind === 'invalidation') engine.invalidate(event.paths ?? []);
      else {
        engine.schedule(event);
        liveEvents.push(event);
      }
      loop.markEvent(timeline);
      return timeline;
    },

    /** Returns the invalidation id; throws the engine's error (with its AWS code in the message) on bad paths. */
    async invalidate(paths: string[]): Promise<string> {
      return (await current()).engine.invalidate(paths);
    },

    /** A page of the access log (newest first) for the Logs tab. */
    async logQuery(filter: LogFilter): Promise<LogPage> {
      await ready;
      return accessLog.query(filter);
    },

    /** Every matching access-log record as a file: CloudFront's tab-separated layout or CSV. */
    async logExport(filter: LogFilter, format: 'tsv' | 'csv'): Promise<string> {
      await ready;
      return accessLog.export(filter, format);
    },

    /** Latency percentiles per viewer region from the sampled run() requests. */
    async latencyReport(): Promise<LatencyReport> {
      await ready;
      return accessLog.latency();
    },

    /** The newest sampled request per viewer region, edge location and origin (SimulationLoop.lastSeenSamples). */
    async lastSeenSamples(): Promise<SampledRequest[]> {
      return (await current()).loop.lastSeenSamples();
    },

    /** The running cost (USD by item, with `total`) and the simulated time it covers. */
    async costReport(): Promise<CostReport> {
      const { engine } = await current();
      const own = engine.cost();
      return { cost: costBase ? addCost(costBase, own) : own, simTimeMs: engine.now() };
    },
  };
}

export type EngineApi = ReturnType<typeof createApi>;
