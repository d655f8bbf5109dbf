// Paces engine.run() against real time: `speed` simulated seconds per real second, worked off in
// slices of a few ms of CPU so the worker keeps answering pause/step between slices, and reported
// to the UI in compact batches about ten times a second.
import type { TierSnapshot } from '../engine';
import type { Engine, SampledRequest, Stats } from '../engine/types';
import { addStats } from './carryOver';
import { LastSeenSamples } from './lastSeen';
import { addSummary, cacheHitRatio, emptyInterval, LatencyReservoir, requestsPerSecond } from './metrics';
import { PerPopMetrics } from './metricsPerPop';
import type { NodeTallies } from './nodeTallies';
import type { SimBatch, TimelineEvent } from './protocol';

/** Pacing constants (real milliseconds unless named otherwise). */
export const LOOP = {
  /** CPU spent per slice before yielding to the worker's message queue (keeps pause responsive) */
  sliceBudgetMs: 20,
  /** target CPU per engine.run() call; the simulated chunk size adapts to hit it */
  runTargetMs: 4,
  /** pause between slices when the simulation has caught up with real time */
  idleDelayMs: 16,
  /** one batch per this many ms at most (about 10 per second) */
  batchEveryMs: 100,
  /** simulated work owed is capped at this much real time, so a slow machine lags instead of piling up */
  maxDebtRealMs: 250,
  /** bounds of one run() call, simulated ms */
  minChunkSimMs: 1,
  maxChunkSimMs: 60_000,
  /** request samples per batch sent for animation */
  samplesPerBatch: 40,
  /** achieved speed is measured over this many recent batches (about one real second) */
  speedWindowBatches: 10,
  /** latencies kept per batch for the percentiles (flat memory whatever the traffic) */
  latencySamplesPerBatch: 4096,
  /** timeline events kept (oldest dropped first) */
  maxTimelineEvents: 50,
} as const;

export const SPEEDS = [1, 10, 100, 1000, 10_000] as const;

export interface LoopDeps {
  engine: Engine;
  /** exact per-cache counters, when the engine offers them (SimEngine.inspect) */
  inspectTiers?: () => readonly TierSnapshot[];
  tallies: NodeTallies;
  loadId: number;
  /** real clock in ms (performance.now in the worker, a fake in tests) */
  now: () => number;
  schedule: (fn: () => void, delayMs: number) => void;
  emit: (batch: SimBatch) => void;
  /** events the scenario itself plans, shown in the timeline from the start */
  plannedEvents?: TimelineEvent[];
  /** counters of the engines this one replaced mid-run (added to its own, so totals never go back) */
  baseStats?: Stats;
}

/** What replaceEngine() swaps: the engine and what reads it. */
export type EngineDeps = Pick<LoopDeps, 'engine' | 'inspectTiers' | 'baseStats'>;

export class SimulationLoop {
  private running = false;
  private speed = 1;
  private seq = 0;
  /** simulated ms owed to real time, not yet run */
  private debtSimMs = 0;
  private chunkSimMs = 50;
  private lastTickReal = 0;
  private lastEmitReal = 0;
  private interval = emptyInterval();
  private samples: SampledRequest[] = [];
  private readonly lastSeen = new LastSeenSamples();
  private perPop = new PerPopMetrics();
  /** bumps on every play/pause so a stale scheduled tick does nothing */
  private generation = 0;
  /** recent batches' simulated and real ms, for a steady achieved-speed reading */
  private readonly speedWindow: { simMs: number; realMs: number }[] = [];
  private readonly latencies = new LatencyReservoir(LOOP.latencySamplesPerBatch);
  /**
   * Batches left to report "limited": set when simulated time owed hits its cap (the engine cannot
   * keep up) and held for a speed window, so the note does not flicker on a busy machine.
   */
  private limitedBatches = 0;
  private events: TimelineEvent[] = [];

  constructor(private deps: LoopDeps) {
    this.events = (deps.plannedEvents ?? []).slice(-LOOP.maxTimelineEvents);
  }

  play(speed: number): void {
    this.speed = speed;
    if (this.running) return;
    this.running = true;
    this.speedWindow.length = 0;
    const gen = ++this.generation;
    this.lastTickReal = this.deps.now();
    this.lastEmitReal = this.lastTickReal;
    this.deps.schedule(() => this.tick(gen), 0);
  }

  pause(): void {
    if (!this.running) return;
    this.running = false;
    this.generation++;
    this.debtSimMs = 0;
    this.limitedBatches = 0;
    this.emit();
  }

  /** Runs `simMs` of simulated time now (paused or not) and reports it. */
  step(simMs: number): void {
    const realStart = this.deps.now();
    this.runFor(simMs, Number.POSITIVE_INFINITY);
    this.emit(this.deps.now() - realStart);
  }

  /** Records an event for the chart markers and the timeline, and reports it at once. */
  markEvent(event: TimelineEvent): void {
    this.events = [...this.events, event].slice(-LOOP.maxTimelineEvents);
    this.emit(0);
  }

  /**
   * Continues with another engine (an edited scenario applied mid-run) at the same pace: the
   * running state, speed, timeline and batch numbering stay; the next slice runs the new engine.
   */
  replaceEngine(next: EngineDeps): void {
    this.deps = { ...this.deps, ...next };
    // the new engine's per-cache counters start at zero: diff them from zero
    this.perPop = new PerPopMetrics();
    // the edit may have removed the places these requests went through
    this.lastSeen.clear();
    this.emit(0);
  }

  /** The counters reported so far: the replaced engines' plus this one's. */
  totals(): Stats {
    const own = this.deps.engine.stats();
    return this.deps.baseStats ? addStats(this.deps.baseStats, own) : own;
  }

  /**
   * The newest sampled request per viewer region, edge location (and its path past the edge) and
   * origin since this engine started, oldest first: "a recent request through here" even when the
   * latest batch's sample missed a small region, or holds nothing (the report after Pause).
   */
  lastSeenSamples(): SampledRequest[] {
    return this.lastSeen.values();
  }

  /** Sends the current state (e.g. right after a load) without running anything. */
  report(): void {
    this.emit(0);
  }

  private tick(gen: number): void {
    if (gen !== this.generation || !this.running) return;
    const { now } = this.deps;
    const t = now();
    const owed = this.debtSimMs + (t - this.lastTickReal) * this.speed;
    const cap = LOOP.maxDebtRealMs * this.speed;
    // Past the cap, simulated time is given up (never requests): the achieved speed drops.
    if (owed > cap) this.limitedBatches = LOOP.speedWindowBatches;
    this.debtSimMs = Math.min(owed, cap);
    this.lastTickReal = t;
    try {
      this.runFor(this.debtSimMs, LOOP.sliceBudgetMs);
    } catch (err) {
      this.running = false;
      this.generation++;
      this.emit(undefined, `The simulation stopped: ${err instanceof Error ? err.message : String(err)}`);
      return;
    }
    if (now() - this.lastEmitReal >= LOOP.batchEveryMs) this.emit();
    // Behind real time: yield only to let messages in, then continue. Caught up: wait a frame.
    this.deps.schedule(() => this.tick(gen), this.debtSimMs >= 1 ? 0 : LOOP.idleDelayMs);
  }

  /** Runs whole simulated ms off the debt until it is paid or the CPU budget is spent. */
  private runFor(simMs: number, budgetMs: number): void {
    const { engine, now } = this.deps;
    const sliceStart = now();
    let owed = simMs;
    while (owed >= 1 && now() - sliceStart < budgetMs) {
      const chunk = Math.max(LOOP.minChunkSimMs, Math.min(Math.floor(owed), Math.floor(this.chunkSimMs)));
      const t0 = now();
      const summary = engine.run(chunk);
      const spent = now() - t0;
      owed -= chunk;
      addSummary(this.interval, summary);
      this.keepSamples(summary.samples, summary.requests);
      // Size the next chunk so one run() costs about runTargetMs of CPU.
      const scaled = spent > 0.05 ? (chunk * LOOP.runTargetMs) / spent : chunk * 2;
      this.chunkSimMs = Math.max(LOOP.minChunkSimMs, Math.min(LOOP.maxChunkSimMs, scaled));
    }
    if (budgetMs !== Number.POSITIVE_INFINITY) this.debtSimMs = owed;
  }

  private keepSamples(batch: readonly SampledRequest[], requests: number): void {
    if (batch.length === 0) return;
    this.deps.tallies.add(batch, requests);
    for (const s of batch) this.latencies.add(s.latencyMs);
    this.lastSeen.add(batch);
    // Keep the most recent ones: the UI animates what is happening now.
    for (const s of batch) this.samples.push(s);
    if (this.samples.length > LOOP.samplesPerBatch * 2)
      this.samples.splice(0, this.samples.length - LOOP.samplesPerBatch);
  }

  /** Simulated ms per real ms over the last few batches (one batch alone jitters with the timer). */
  private measureSpeed(simMs: number, realMs: number): number {
    const w = this.speedWindow;
    w.push({ simMs, realMs });
    if (w.length > LOOP.speedWindowBatches) w.shift();
    let sim = 0;
    let real = 0;
    for (const b of w) {
      sim += b.simMs;
      real += b.realMs;
    }
    return real > 0 ? sim / real : 0;
  }

  private emit(realMs?: number, error?: string): void {
    const { engine, now } = this.deps;
    const t = now();
    const elapsedReal = realMs ?? t - this.lastEmitReal;
    this.lastEmitReal = t;
    const stats = this.totals();
    const tiers = this.deps.inspectTiers?.();
    const interval = this.interval;
    const batch: SimBatch = {
      seq: ++this.seq,
      loadId: this.deps.loadId,
      simTimeMs: engine.now(),
      running: this.running,
      speed: this.speed,
      achievedSpeed: this.measureSpeed(interval.simMs, elapsedReal),
      limited: this.running && this.limitedBatches > 0,
      latency: this.latencies.takePercentiles(),
      events: this.events,
      stats,
      interval,
      requestsPerSecond: requestsPerSecond(interval),
      hitRatio: cacheHitRatio(interval),
      samples: this.samples.slice(-LOOP.samplesPerBatch),
      nodes: this.deps.tallies.snapshot(stats, tiers),
      tiers: this.perPop.take(tiers),
      error,
    };
    this.interval = emptyInterval();
    this.samples = [];
    if (this.limitedBatches > 0) this.limitedBatches--;
    this.deps.emit(batch);
  }
}
