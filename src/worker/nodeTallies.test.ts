import { describe, expect, it } from 'vitest';
import type { SampledRequest, Stats } from '../engine/types';
import { NodeTallies } from './nodeTallies';

const sample = (over: Partial<SampledRequest>): SampledRequest => ({
  atMs: 0,
  method: 'GET',
  path: '/a',
  pop: 'FRA56-P5',
  viewerRegion: 'eu',
  result: 'hit',
  status: 200,
  tiers: ['edge'],
  latencyMs: 1,
  bytes: 1,
  ...over,
});

const stats = (requests: number, origin: number): Stats => ({
  requests,
  hits: requests - origin,
  misses: origin,
  refreshHits: 0,
  errors: 0,
  generated: 0,
  originRequests: { assets: origin },
  functionInvocations: {},
  bytesToViewers: 0,
  bytesFromOrigins: 0,
});

describe('NodeTallies', () => {
  it('is exact for the distribution and origins, and weights samples for PoPs and RECs', () => {
    const t = new NodeTallies(() => 'eu-central-1');
    t.add(
      [
        sample({ result: 'hit' }),
        sample({ result: 'refreshHit' }),
        sample({ result: 'miss', tiers: ['edge', 'regional'] }), // REC hit
        sample({ result: 'miss', tiers: ['edge', 'regional', 'origin'], originId: 'assets' }), // REC miss
        sample({
          pop: 'LHR50-C1',
          viewerRegion: 'uk',
          result: 'error',
          status: 503,
          tiers: ['edge', 'regional', 'origin'],
        }),
      ],
      1000,
    ); // 5 samples of a run() that made 1000 requests: each stands for 200
    const out = t.snapshot(stats(1000, 300));
    expect(out['distribution']).toEqual({ requests: 1000, hitRatio: 0.7, estimated: false });
    expect(out['origin:assets']).toEqual({ requests: 300, hitRatio: null, estimated: false });
    // 4 of 5 samples at FRA: 2 served from cache of 4 cacheable.
    expect(out['pop:FRA']).toEqual({ requests: 800, hitRatio: 0.5, estimated: true });
    // The error sample is not a cacheable lookup: no hit ratio at LHR yet.
    expect(out['pop:LHR']).toEqual({ requests: 200, hitRatio: null, estimated: true });
    // REC: reached by two FRA misses (one served there) and the LHR error (went to the origin).
    expect(out['rec:eu-central-1']).toEqual({ requests: 600, hitRatio: 1 / 3, estimated: true });
  });

  it('adds runs sampled at different rates without bias', () => {
    const t = new NodeTallies(() => undefined);
    // A small run fully sampled (2 of 2, both misses), then a large one sampled 1 in 50 (2 hits of 100).
    t.add([sample({ result: 'miss' }), sample({ result: 'miss' })], 2);
    t.add([sample({ result: 'hit' }), sample({ result: 'hit' })], 100);
    expect(t.snapshot(stats(102, 2))['pop:FRA']).toEqual({
      requests: 102,
      hitRatio: 100 / 102,
      estimated: true,
    });
  });
});

describe('NodeTallies with the engine tier counters', () => {
  it('uses exact per-cache counts, adding PoP codes of one prefix together', () => {
    const t = new NodeTallies(() => 'eu-central-1');
    t.add([sample({ result: 'hit' })], 10);
    const tier = (
      id: string,
      kind: 'edge' | 'regional',
      location: string,
      requests: number,
      hits: number,
    ) => ({
      id,
      kind,
      location,
      region: 'eu-central-1',
      bytes: 0,
      objects: 0,
      capacityBytes: 1,
      evictions: 0,
      eviction: 'lru' as const,
      requests,
      hits,
      misses: requests - hits,
      bytesOut: 0,
    });
    const out = t.snapshot(stats(100, 10), [
      tier('pop:FRA56-P5', 'edge', 'FRA56-P5', 60, 45),
      tier('pop:FRA50-C1', 'edge', 'FRA50-C1', 40, 35),
      tier('rec:eu-central-1', 'regional', 'eu-central-1', 20, 10),
    ]);
    expect(out['pop:FRA']).toEqual({ requests: 100, hitRatio: 0.8, estimated: false });
    expect(out['rec:eu-central-1']).toEqual({ requests: 20, hitRatio: 0.5, estimated: false });
    // Viewer regions stay sampled estimates.
    expect(out['viewer:eu']).toEqual({ requests: 10, hitRatio: 1, estimated: true });
  });
});
