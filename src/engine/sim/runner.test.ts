// run(): the scenario's own traffic through the same pipeline, its summary and samples, and
// scheduled events (invalidations, origin outages, PoP outages).
import { describe, expect, it } from 'vitest';
import { createEngine, MAX_SAMPLES_PER_RUN } from '../index';
import { catalogScenario as scenario } from './testing/harness';

describe('run()', () => {
  it('moves the clock, summarises exactly, and keeps a bounded sample', async () => {
    const e = await createEngine(scenario());
    const r = e.run(10_000);
    expect([r.fromMs, r.toMs, e.now()]).toEqual([0, 10_000, 10_000]);
    expect(r.requests).toBeGreaterThan(1500);
    expect(r.hits + r.misses + r.refreshHits + r.errors + r.generated).toBe(r.requests);
    const s = e.stats();
    expect([s.requests, s.hits, s.misses, s.refreshHits, s.originRequests['o']]).toEqual([
      r.requests,
      r.hits,
      r.misses,
      r.refreshHits,
      r.originRequests,
    ]);
    expect(r.refreshHits).toBeGreaterThan(0); // max-age=5 objects get revalidated
    expect(r.samples.length).toBeGreaterThan(0);
    expect(r.samples.length).toBeLessThanOrEqual(MAX_SAMPLES_PER_RUN);
    for (const x of r.samples) {
      expect(['IAD66-C1', 'LHR50-C1']).toContain(x.pop);
      expect(x.tiers[0]).toBe('edge');
      expect(x.latencyMs).toBeGreaterThan(0);
      expect(x.path).toMatch(/^\/i\/\d+\.png$/);
    }
    // advance() skips time without traffic
    e.advance(60_000);
    const next = e.run(1);
    expect(next.fromMs).toBe(70_000);
  });

  it('an origin outage turns misses into errors and, for expired copies, stale serving', async () => {
    const e = await createEngine(
      scenario([{ id: 'x', kind: 'origin-outage', atMs: 10_000, durationMs: 10_000, target: 'o' }]),
    );
    const before = e.run(10_000);
    const during = e.run(10_000);
    const after = e.run(10_000);
    expect(before.errors).toBe(0);
    expect(during.errors).toBeGreaterThan(0);
    expect(after.errors).toBe(0);
    const stale = during.samples.filter((x) => x.status === 200 && x.tiers.includes('origin'));
    expect(stale.length).toBeGreaterThan(0); // expired copies served while the origin refuses
  });

  it('a scheduled invalidation empties the matching objects at its time', async () => {
    const e = await createEngine(
      scenario([{ id: 'inv', kind: 'invalidation', atMs: 5_000, paths: ['/i/*'] }], {
        originSimulation: {
          o: {
            catalog: {
              count: 100,
              pathPrefix: '/i/',
              extension: '.png',
              meanSizeBytes: 10_000,
              cacheControl: 'max-age=3600',
            },
          },
        },
      }),
    );
    e.run(4_999);
    const objects = () => e.inspect().tiers.reduce((n, t) => n + t.objects, 0);
    expect(objects()).toBeGreaterThan(50);
    e.advance(1);
    expect(objects()).toBe(0);
    expect(e.inspect().invalidations.map((i) => [i.paths, i.status])).toEqual([[['/i/*'], 'InProgress']]);
  });

  it('viewers of a PoP in an outage go to the next nearest PoP', async () => {
    const e = await createEngine(
      scenario([{ id: 'p', kind: 'pop-outage', atMs: 0, durationMs: 10_000, target: 'IAD' }]),
    );
    const during = e.run(10_000);
    expect(during.samples.some((x) => x.pop === 'IAD66-C1')).toBe(false);
    expect(during.samples.some((x) => x.pop === 'JFK50-C1')).toBe(true);
    const after = e.run(10_000);
    expect(after.samples.some((x) => x.pop === 'IAD66-C1')).toBe(true);
  });
});
