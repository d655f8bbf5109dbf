import { describe, expect, it } from 'vitest';
import type { Engine, RunSummary, Stats } from '../engine/types';
import { NodeTallies } from './nodeTallies';
import type { SimBatch } from './protocol';
import { LOOP, SimulationLoop } from './simulationLoop';

/**
 * A fake engine on a fake real-time clock: each simulated ms costs `cpuPerSimMs` real ms and
 * produces one request per 10 simulated ms, 3 hits to 1 miss.
 */
function harness(cpuPerSimMs: number) {
  let real = 0;
  let sim = 0;
  const stats: Stats = {
    requests: 0,
    hits: 0,
    misses: 0,
    refreshHits: 0,
    errors: 0,
    generated: 0,
    originRequests: { assets: 0 },
    functionInvocations: {},
    bytesToViewers: 0,
    bytesFromOrigins: 0,
  };
  const runCalls: number[] = [];
  const engine = {
    run(ms: number): RunSummary {
      runCalls.push(ms);
      const fromMs = sim;
      sim += ms;
      real += ms * cpuPerSimMs;
      const requests = Math.floor(sim / 10) - Math.floor(fromMs / 10);
      const misses = Math.floor(requests / 4);
      stats.requests += requests;
      stats.hits += requests - misses;
      stats.misses += misses;
      stats.originRequests.assets += misses;
      return {
        fromMs,
        toMs: sim,
        requests,
        hits: requests - misses,
        misses,
        refreshHits: 0,
        errors: 0,
        generated: 0,
        bytesToViewers: 0,
        bytesFromOrigins: 0,
        originRequests: misses,
        samples: [],
      };
    },
    stats: () => structuredClone(stats),
    now: () => sim,
  } as unknown as Engine;
  const queue: { fn: () => void; at: number }[] = [];
  const batches: SimBatch[] = [];
  const loop = new SimulationLoop({
    engine,
    tallies: new NodeTallies(() => 'us-east-1'),
    loadId: 1,
    now: () => real,
    schedule: (fn, delayMs) => queue.push({ fn, at: real + delayMs }),
    emit: (b) => batches.push(b),
  });
  /** Lets real time pass, running due ticks in order. */
  function advanceReal(ms: number) {
    const end = real + ms;
    for (;;) {
      queue.sort((a, b) => a.at - b.at);
      const next = queue[0];
      if (!next || next.at > end) break;
      queue.shift();
      real = Math.max(real, next.at);
      next.fn();
    }
    real = Math.max(real, end);
  }
  return { loop, batches, runCalls, advanceReal, simNow: () => sim, pending: () => queue.length };
}

describe('SimulationLoop', () => {
  it('keeps pace with real time at the requested speed when the engine is fast', () => {
    const h = harness(0.0001);
    h.loop.play(100);
    h.advanceReal(2000);
    // 2 s of real time at 100x = 200 s simulated, within one idle tick of slack.
    expect(h.simNow()).toBeGreaterThan(200_000 - 100 * LOOP.idleDelayMs * 2);
    expect(h.simNow()).toBeLessThanOrEqual(200_000);
    const last = h.batches[h.batches.length - 1];
    expect(last.running).toBe(true);
    expect(last.achievedSpeed).toBeGreaterThan(90);
    expect(last.achievedSpeed).toBeLessThan(110);
    expect(last.limited).toBe(false);
  });

  it('sends at most ten batches per real second, and not much fewer', () => {
    const h = harness(0.0001);
    h.loop.play(10);
    h.advanceReal(3000);
    expect(h.batches.length).toBeGreaterThanOrEqual(24);
    expect(h.batches.length).toBeLessThanOrEqual(30);
  });

  it('reports per-batch rates: 100 requests per simulated second, 75% hits', () => {
    const h = harness(0.0001);
    h.loop.play(10);
    h.advanceReal(1000);
    const b = h.batches[h.batches.length - 1];
    expect(b.requestsPerSecond).toBeGreaterThan(95);
    expect(b.requestsPerSecond).toBeLessThan(105);
    expect(b.hitRatio).toBeGreaterThan(0.7);
    expect(b.hitRatio).toBeLessThan(0.8);
    expect(b.nodes['origin:assets']).toEqual({
      requests: b.stats.originRequests.assets,
      hitRatio: null,
      estimated: false,
    });
  });

  it('shows the lower speed it reaches when the engine cannot keep up, without piling up work', () => {
    // 1 real ms per 10 simulated ms: at most ~10x possible, 1000x requested.
    const h = harness(0.1);
    h.loop.play(1000);
    h.advanceReal(3000);
    const last = h.batches[h.batches.length - 1];
    expect(last.speed).toBe(1000);
    expect(last.achievedSpeed).toBeGreaterThan(5);
    expect(last.achievedSpeed).toBeLessThan(10.01);
    expect(last.limited).toBe(true);
    // Owed work is capped, so pausing takes effect at the next slice.
    h.loop.pause();
    const simAtPause = h.simNow();
    h.advanceReal(1000);
    expect(h.simNow()).toBe(simAtPause);
  });

  it('never spends more than a slice budget (plus one chunk) of CPU before yielding', () => {
    const h = harness(0.01);
    h.loop.play(1000);
    h.advanceReal(1000);
    // each run() was sized to about runTargetMs of CPU
    const cpu = h.runCalls.slice(5).map((ms) => ms * 0.01);
    expect(Math.max(...cpu)).toBeLessThanOrEqual(LOOP.runTargetMs * 2 + 0.01);
  });

  it('stops on pause and reports a final batch that says so', () => {
    const h = harness(0.0001);
    h.loop.play(1);
    h.advanceReal(500);
    h.loop.pause();
    const n = h.batches.length;
    expect(h.batches[n - 1].running).toBe(false);
    h.advanceReal(1000);
    expect(h.batches.length).toBe(n);
  });

  it('step() runs exactly the asked simulated time while paused, as one batch', () => {
    const h = harness(0.0001);
    h.loop.step(5000);
    expect(h.simNow()).toBe(5000);
    expect(h.batches).toHaveLength(1);
    expect(h.batches[0]).toMatchObject({
      simTimeMs: 5000,
      running: false,
      interval: { simMs: 5000, requests: 500 },
    });
    expect(h.pending()).toBe(0);
  });

  it('reports 10,000x as limited when the engine cannot reach it, and the timeline with each batch', () => {
    const h = harness(0.001); // at most ~1,000x possible
    h.loop.play(10_000);
    h.advanceReal(2000);
    const last = h.batches[h.batches.length - 1];
    expect(last.limited).toBe(true);
    expect(last.achievedSpeed).toBeLessThan(1001);
    h.loop.markEvent({ id: 'live-1', kind: 'spike', atMs: h.simNow(), label: 'Traffic spike x5 (60 s)' });
    expect(h.batches[h.batches.length - 1].events.map((e) => e.label)).toEqual(['Traffic spike x5 (60 s)']);
    h.loop.pause();
    expect(h.batches[h.batches.length - 1].limited).toBe(false);
  });
});
