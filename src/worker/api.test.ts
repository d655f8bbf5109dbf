// The worker's exposed object, driven directly in Node with the real engine (no Comlink, no Worker).
import { describe, expect, it } from 'vitest';
import { cloneDefaultScenario } from '../scenario';
import { createApi } from './api';
import type { SimBatch } from './protocol';

function setup() {
  let real = 0;
  const timers: { fn: () => void; at: number }[] = [];
  const api = createApi({
    now: () => real,
    schedule: (fn, delayMs) => timers.push({ fn, at: real + delayMs }),
  });
  const batches: SimBatch[] = [];
  api.subscribe((b) => {
    batches.push(b);
  });
  /** Lets `ms` of fake real time pass, running the loop's due slices. */
  function advanceReal(ms: number) {
    const end = real + ms;
    for (;;) {
      timers.sort((a, b) => a.at - b.at);
      const next = timers[0];
      if (!next || next.at > end) break;
      timers.shift();
      real = Math.max(real, next.at);
      next.fn();
    }
    real = end;
  }
  return { api, batches, advanceReal };
}

describe('worker api with the real engine', () => {
  it('loads the default scenario and reports time zero', async () => {
    const { api, batches } = setup();
    const result = await api.load(cloneDefaultScenario());
    expect(result).toEqual({ ok: true, loadId: 1 });
    expect(batches).toHaveLength(1);
    expect(batches[0]).toMatchObject({ loadId: 1, simTimeMs: 0, running: false, hitRatio: null });
    expect(batches[0].stats.requests).toBe(0);
  });

  it('step() runs the scenario traffic: about 200 requests per simulated second, cache hits appear', async () => {
    const { api, batches } = setup();
    await api.load(cloneDefaultScenario());
    await api.step(30_000);
    const b = batches[batches.length - 1];
    expect(b.simTimeMs).toBe(30_000);
    expect(b.interval.simMs).toBe(30_000);
    expect(b.stats.requests).toBe(b.interval.requests);
    expect(b.requestsPerSecond).toBeGreaterThan(150);
    expect(b.requestsPerSecond).toBeLessThan(250);
    expect(b.hitRatio).toBeGreaterThan(0);
    expect(b.nodes['distribution'].requests).toBe(b.stats.requests);
    expect(b.nodes['origin:assets'].requests).toBe(b.stats.originRequests.assets);
  });

  it('the same scenario and seed give the same numbers', async () => {
    const a = setup();
    const b = setup();
    await a.api.load(cloneDefaultScenario());
    await b.api.load(cloneDefaultScenario());
    await a.api.step(5_000);
    await b.api.step(5_000);
    expect(a.batches[1].stats).toEqual(b.batches[1].stats);
  });

  it('play() advances simulated time at the asked speed; pause() stops it', async () => {
    const { api, batches, advanceReal } = setup();
    await api.load(cloneDefaultScenario());
    await api.play(10);
    advanceReal(1000);
    const running = batches[batches.length - 1];
    expect(running.running).toBe(true);
    // 1 s of real time at 10x; the latest batch may be one batch interval (~0.11 s real) old.
    expect(running.simTimeMs).toBeGreaterThan(8_800);
    expect(running.simTimeMs).toBeLessThanOrEqual(10_000);
    await api.pause();
    const stoppedAt = batches[batches.length - 1].simTimeMs;
    advanceReal(1000);
    expect(batches[batches.length - 1].simTimeMs).toBe(stoppedAt);
    expect(batches[batches.length - 1].running).toBe(false);
  });

  it('reset() starts again from zero with the same scenario', async () => {
    const { api, batches } = setup();
    await api.load(cloneDefaultScenario());
    await api.step(2_000);
    expect(await api.reset()).toEqual({ ok: true, loadId: 2 });
    expect(batches[batches.length - 1]).toMatchObject({ loadId: 2, simTimeMs: 0 });
  });

  it('a broken scenario is refused with the reason, and commands then say to load one', async () => {
    const { api } = setup();
    const bad = cloneDefaultScenario();
    bad.distribution.defaultCacheBehavior.targetOriginId = 'nowhere';
    const result = await api.load(bad);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/nowhere/);
    await expect(api.play(1)).rejects.toThrow('No scenario is loaded');
  });

  it('request() answers one viewer request with a trace', async () => {
    const { api } = setup();
    await api.load(cloneDefaultScenario());
    const res = await api.request({
      method: 'GET',
      url: 'https://d111111abcdef8.cloudfront.net/assets/1.bin',
    });
    expect(res.trace.length).toBeGreaterThan(0);
    expect(res.headers['x-cache']).toBeDefined();
  });

  it('keeps a recent request for every viewer region and edge location, even when a batch sampled none of them', async () => {
    const { api, batches } = setup();
    const scenario = cloneDefaultScenario();
    await api.load(scenario);
    await api.step(60_000);
    // 1 simulated ms: about 0.2 requests, so this batch's animation sample is (nearly) empty
    await api.step(1);
    expect(batches[batches.length - 1].samples.length).toBeLessThanOrEqual(1);
    const seen = await api.lastSeenSamples();
    const regions = new Set(seen.map((s) => s.viewerRegion));
    expect([...regions].sort()).toEqual((scenario.viewers ?? []).map((r) => r.id).sort());
    // every edge location the batches' animation samples showed, and Oceania's (which they may miss)
    const pops = seen.map((s) => s.pop);
    for (const b of batches) for (const s of b.samples) expect(pops).toContain(s.pop);
    expect(pops.some((p) => p.startsWith('SYD'))).toBe(true);
    // oldest first
    const times = seen.map((s) => s.atMs);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    // reset forgets them: nothing has passed anywhere yet
    await api.reset();
    expect(await api.lastSeenSamples()).toEqual([]);
  });

  it('one-click events start at the current simulated time and show in the timeline', async () => {
    const { api, batches } = setup();
    await api.load(cloneDefaultScenario());
    await api.step(10_000);
    const outage = await api.triggerEvent({ kind: 'origin-outage', originId: 'assets' });
    expect(outage).toEqual({
      id: 'live-1',
      kind: 'origin-outage',
      atMs: 10_000,
      durationMs: 60_000,
      label: 'Origin outage assets (60 s)',
    });
    await api.step(10_000);
    const last = batches[batches.length - 1];
    expect(last.events.map((e) => e.label)).toEqual(['Origin outage assets (60 s)']);
    // the origin refuses: misses become errors (or stale copies served as RefreshHit)
    expect(last.interval.errors + last.interval.refreshHits).toBeGreaterThan(0);
    expect(last.latency?.sampled).toBeGreaterThan(0);
    await expect(api.triggerEvent({ kind: 'invalidation', paths: ['no-slash'] })).rejects.toThrow(
      /InvalidArgument|path/i,
    );
  });
});
