import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../../engine/scenario';
import type { SampledRequest } from '../../../engine/types';
import { cloneDefaultScenario } from '../../../scenario';
import { describeTopology } from '../../../state/derived';
import { buildNodes } from '../buildGraph';
import { describeShown, particleRoute, pickEvenly, routeContext } from './particleRoutes';

function sample(over: Partial<SampledRequest>): SampledRequest {
  return {
    atMs: 0,
    method: 'GET',
    path: '/img/1.png',
    pop: 'NRT51-C1',
    viewerRegion: 'asia',
    result: 'hit',
    status: 200,
    tiers: ['edge'],
    latencyMs: 20,
    bytes: 1000,
    ...over,
  };
}

function ctxFor(scenario: Scenario) {
  const view = describeTopology(scenario);
  return routeContext(
    scenario,
    view,
    buildNodes(scenario, view, null).map((n) => n.id),
  );
}

/** "a>b" for a hop out, "b<a" for a hop back, so a route reads as the particle moves. */
const path = (r: ReturnType<typeof particleRoute>) =>
  r?.hops.map((h) => (h.back ? `${h.to}<${h.from}` : `${h.from}>${h.to}`)) ?? null;

describe('where a particle travels', () => {
  const ctx = ctxFor(cloneDefaultScenario());

  it('a Hit turns back at the PoP', () => {
    expect(path(particleRoute(sample({}), ctx))).toEqual(['viewer:asia>pop:NRT', 'pop:NRT<viewer:asia']);
  });

  it('a Miss goes through the regional edge cache to the origin and back', () => {
    const r = particleRoute(
      sample({ result: 'miss', tiers: ['edge', 'regional', 'origin'], originId: 'assets' }),
      ctx,
    );
    expect(path(r)).toEqual([
      'viewer:asia>pop:NRT',
      'pop:NRT>rec:ap-northeast-1',
      'rec:ap-northeast-1>origin:assets',
      'origin:assets<rec:ap-northeast-1',
      'rec:ap-northeast-1<pop:NRT',
      'pop:NRT<viewer:asia',
    ]);
    expect(r?.failedEdge).toBeUndefined();
  });

  it('a hit at the regional edge cache turns back there', () => {
    const r = particleRoute(sample({ result: 'hit', tiers: ['edge', 'regional'] }), ctx);
    expect(path(r)).toEqual([
      'viewer:asia>pop:NRT',
      'pop:NRT>rec:ap-northeast-1',
      'rec:ap-northeast-1<pop:NRT',
      'pop:NRT<viewer:asia',
    ]);
  });

  it('a request served by a group secondary goes to the primary first, then turns to the secondary', () => {
    const s = cloneDefaultScenario();
    s.distribution.origins.push({
      ...s.distribution.origins[0],
      id: 'backup',
      domainName: 'backup.example.com',
    });
    s.distribution.originGroups = [
      {
        id: 'failover',
        members: ['assets', 'backup'],
        failoverCriteria: { statusCodes: [500, 502, 503, 504] },
      },
    ];
    s.distribution.defaultCacheBehavior.targetOriginId = 'failover';
    const r = particleRoute(
      sample({ result: 'miss', tiers: ['edge', 'regional', 'origin'], originId: 'backup' }),
      ctxFor(s),
    );
    expect(path(r)).toEqual([
      'viewer:asia>pop:NRT',
      'pop:NRT>rec:ap-northeast-1',
      'rec:ap-northeast-1>origin:assets',
      'origin:assets<rec:ap-northeast-1',
      'rec:ap-northeast-1>origin:backup',
      'origin:backup<rec:ap-northeast-1',
      'rec:ap-northeast-1<pop:NRT',
      'pop:NRT<viewer:asia',
    ]);
    expect(r?.failedEdge).toEqual({ from: 'rec:ap-northeast-1', to: 'origin:assets' });
  });

  it('a request from a viewer region not on the canvas starts at its PoP', () => {
    expect(path(particleRoute(sample({ viewerRegion: 'mars' }), ctx))).toBeNull();
    expect(path(particleRoute(sample({ viewerRegion: 'mars', tiers: ['edge', 'regional'] }), ctx))).toEqual([
      'pop:NRT>rec:ap-northeast-1',
      'rec:ap-northeast-1<pop:NRT',
    ]);
  });
});

describe('the legend sentence', () => {
  it('counts the requests shown by result, in legend order', () => {
    expect(describeShown({ hit: 9, refreshHit: 0, miss: 3, error: 0, generated: 0 })).toBe(
      '12 requests shown: 9 Hit, 3 Miss',
    );
    expect(describeShown({ hit: 0, refreshHit: 1, miss: 0, error: 0, generated: 0 })).toBe(
      '1 request shown: 1 RefreshHit',
    );
    expect(describeShown({ hit: 0, refreshHit: 0, miss: 0, error: 0, generated: 0 })).toBe(
      'No requests shown',
    );
  });
});

describe('picking samples from a batch', () => {
  it('spreads the picks over the whole batch', () => {
    expect(pickEvenly([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 4)).toEqual([0, 3, 6, 9]);
    expect(pickEvenly([1, 2], 6)).toEqual([1, 2]);
  });
});
