// Stats.originRequestsByBehavior: origin requests counted under the cache behavior the viewer
// request matched, keyed by its path pattern ('*' = the default), so a check such as
// "origin requests for /api/* < 100/s" can be graded.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../index';
import { CACHING_DISABLED, catalogScenario, exampleScenario, harness } from './testing/harness';

describe('origin requests by cache behavior', () => {
  it('counts request() misses, uncached requests and idle behaviors by path pattern', async () => {
    const s = exampleScenario({
      distribution: {
        cacheBehaviors: [
          {
            pathPattern: '/api/*',
            targetOriginId: 'app',
            viewerProtocolPolicy: 'allow-all',
            allowedMethods: ['GET', 'HEAD'],
            cachedMethods: ['GET', 'HEAD'],
            cachePolicyId: CACHING_DISABLED,
          },
          {
            pathPattern: '/never/*',
            targetOriginId: 'app',
            viewerProtocolPolicy: 'allow-all',
            allowedMethods: ['GET', 'HEAD'],
            cachedMethods: ['GET', 'HEAD'],
            cachePolicyId: CACHING_DISABLED,
          },
        ],
      },
    });
    const h = await harness(s);
    // /api/* is never cached: three origin requests. The default caches: one miss, one hit.
    await h.get('/api/a');
    await h.get('/api/a');
    await h.get('/api/b');
    await h.get('/index.html');
    await h.get('/index.html');
    const stats = h.engine.stats();
    expect(stats.originRequestsByBehavior).toEqual({ '/api/*': 3, '/never/*': 0, '*': 1 });
    expect(stats.originRequests).toEqual({ app: 4 });
  });

  it('adds up to the origin requests of a run()', async () => {
    const e = await createEngine(catalogScenario());
    e.run(10_000);
    const s = e.stats();
    expect(Object.keys(s.originRequestsByBehavior ?? {})).toEqual(['*']);
    expect(s.originRequestsByBehavior?.['*']).toBe(s.originRequests['o']);
    expect(s.originRequests['o']).toBeGreaterThan(0);
  });
});
