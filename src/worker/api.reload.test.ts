// Editing the scenario mid-run (api.reload): the edit applies at the current simulated time and
// the clock, the counters and the batch numbering carry on instead of starting over.
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../engine/scenario';
import { cloneDefaultScenario } from '../scenario';
import { MANAGED } from '../scenario/presets/managedIds';
import { createApi } from './api';
import type { SimBatch } from './protocol';

function setup() {
  const api = createApi({ now: () => 0, schedule: () => undefined });
  const batches: SimBatch[] = [];
  api.subscribe((b) => {
    batches.push(b);
  });
  const last = () => batches[batches.length - 1];
  return { api, batches, last };
}

/** The same scenario with caching turned off everywhere (every request then goes to the origin). */
function cachingDisabled(s: Scenario): Scenario {
  const d = s.distribution;
  const off = { cachePolicyId: MANAGED.cache.CachingDisabled };
  return {
    ...s,
    distribution: {
      ...d,
      defaultCacheBehavior: { ...d.defaultCacheBehavior, ...off },
      cacheBehaviors: (d.cacheBehaviors ?? []).map((b) => ({ ...b, ...off })),
    },
  };
}

describe('reload: an edited scenario applied mid-run', () => {
  it('keeps the clock, the cumulative counters and the loadId, then counts on with the new config', async () => {
    const { api, last } = setup();
    await api.load(cloneDefaultScenario());
    await api.step(30_000);
    const before = last();
    expect(before.stats.hits).toBeGreaterThan(0);

    const result = await api.reload(cachingDisabled(cloneDefaultScenario()));
    expect(result).toEqual({ ok: true, loadId: 1 });
    const swapped = last();
    expect(swapped.loadId).toBe(1);
    expect(swapped.seq).toBe(before.seq + 1);
    expect(swapped.simTimeMs).toBe(30_000);
    expect(swapped.stats).toEqual(before.stats);
    expect(swapped.nodes['distribution'].requests).toBe(before.stats.requests);

    await api.step(10_000);
    const after = last();
    expect(after.simTimeMs).toBe(40_000);
    expect(after.interval.simMs).toBe(10_000);
    // totals = before + what the new engine counted in those 10 s, never back to zero
    expect(after.stats.requests).toBe(before.stats.requests + after.interval.requests);
    expect(after.interval.requests).toBeGreaterThan(1_000);
    // the edit took effect at once: with caching disabled no request of the new interval hits
    expect(after.interval.hits).toBe(0);
    expect(after.stats.hits).toBe(before.stats.hits);
    const cost = await api.costReport();
    expect(cost.simTimeMs).toBe(40_000);
    expect(cost.cost.total).toBeGreaterThan(0);
  });

  it('a scenario that cannot be built is refused with its field, and the previous engine keeps counting', async () => {
    const { api, last } = setup();
    await api.load(cloneDefaultScenario());
    await api.step(10_000);
    const before = last();
    const broken = cloneDefaultScenario();
    broken.distribution.defaultCacheBehavior.targetOriginId = 'nowhere';
    const result = await api.reload(broken);
    expect(result.ok).toBe(false);
    await api.step(10_000);
    expect(last().simTimeMs).toBe(20_000);
    expect(last().stats.requests).toBe(before.stats.requests + last().interval.requests);
    expect(last().interval.hits).toBeGreaterThan(0);
  });

  it('before any load, reload is a plain load at time zero', async () => {
    const { api, last } = setup();
    expect(await api.reload(cloneDefaultScenario())).toEqual({ ok: true, loadId: 1 });
    expect(last().simTimeMs).toBe(0);
  });
});
