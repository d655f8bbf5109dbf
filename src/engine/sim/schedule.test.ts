// SimEngine.schedule(): events added while running act exactly like the scenario's own events.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../index';
import type { ScheduledEvent } from '../scenario';
import type { Stats } from '../types';
import { catalogScenario } from './testing/harness';

const scenario = (events: ScheduledEvent[] = []) => catalogScenario(events, { name: 'schedule', seed: 7 });

const counts = (s: Stats) => [s.requests, s.hits, s.misses, s.refreshHits, s.errors, s.originRequests['o']];

/** Runs 10 s, then either finds `event` in the scenario or schedules it at 10 s, then runs 20 s more. */
async function bothWays(event: ScheduledEvent): Promise<[Stats, Stats]> {
  const planned = await createEngine(scenario([event]));
  planned.run(10_000);
  planned.run(20_000);
  const live = await createEngine(scenario());
  live.run(10_000);
  live.schedule(event);
  live.run(20_000);
  return [planned.stats(), live.stats()];
}

describe('SimEngine.schedule()', () => {
  it('an origin outage scheduled at run time gives exactly the counts of a planned one', async () => {
    const [planned, live] = await bothWays({
      id: 'x',
      kind: 'origin-outage',
      atMs: 10_000,
      durationMs: 10_000,
      target: 'o',
    });
    expect(live.errors).toBeGreaterThan(0);
    expect(counts(live)).toEqual(counts(planned));
  });

  it('a deploy scheduled at run time gives exactly the counts of a planned one', async () => {
    const [planned, live] = await bothWays({ id: 'd', kind: 'deploy', atMs: 10_000 });
    expect(counts(live)).toEqual(counts(planned));
    const [none] = await bothWays({ id: 'n', kind: 'deploy', atMs: 10_000_000 });
    // new ETags: revalidations that were 304s become full 200 refreshes, so origin bytes grow
    expect(live.bytesFromOrigins).toBeGreaterThan(none.bytesFromOrigins);
  });

  it('an invalidation scheduled at run time empties the caches at its time', async () => {
    const e = await createEngine(scenario());
    e.run(5_000);
    e.schedule({ id: 'inv', kind: 'invalidation', atMs: 5_000, paths: ['/*'] });
    e.advance(0);
    expect(e.inspect().tiers.reduce((n, t) => n + t.objects, 0)).toBe(0);
    expect(e.inspect().invalidations.map((i) => i.paths)).toEqual([['/*']]);
  });

  it('a spike multiplies the request rate for its duration only', async () => {
    const e = await createEngine(scenario());
    const before = e.run(10_000).requests;
    e.schedule({ id: 's', kind: 'spike', atMs: 10_000, durationMs: 10_000, factor: 5 });
    const during = e.run(10_000).requests;
    const after = e.run(10_000).requests;
    expect(during / before).toBeGreaterThan(4.5);
    expect(during / before).toBeLessThan(5.5);
    expect(after / before).toBeGreaterThan(0.9);
    expect(after / before).toBeLessThan(1.1);
  });

  it('a ddos from one region adds traffic from that region only', async () => {
    const e = await createEngine(scenario());
    e.run(10_000);
    e.schedule({ id: 'dd', kind: 'ddos', atMs: 10_000, durationMs: 10_000, factor: 10, target: 'uk' });
    const during = e.run(10_000);
    const uk = during.samples.filter((x) => x.viewerRegion === 'uk').length;
    expect(uk / during.samples.length).toBeGreaterThan(0.85); // 10 : 1 expected
  });

  it('a PoP outage sends its viewers to the next nearest PoP from then on', async () => {
    const e = await createEngine(scenario());
    expect(e.run(5_000).samples.some((x) => x.pop === 'IAD66-C1')).toBe(true);
    e.schedule({ id: 'p', kind: 'pop-outage', atMs: 5_000, durationMs: 10_000, target: 'IAD' });
    const during = e.run(10_000);
    expect(during.samples.some((x) => x.pop === 'IAD66-C1')).toBe(false);
    expect(during.samples.some((x) => x.pop === 'JFK50-C1')).toBe(true);
  });

  it('refuses an event in the past, saying how to fix it', async () => {
    const e = await createEngine(scenario());
    e.run(1_000);
    expect(() => e.schedule({ id: 'late', kind: 'spike', atMs: 500 })).toThrow(
      /before the simulated clock \(1000 ms\); schedule it at now\(\) or later/,
    );
  });
});
