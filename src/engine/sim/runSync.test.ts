// run() takes the pipeline's synchronous twin (Pipeline.runSync: no generator per tier per miss).
// It must give exactly what the generator pipeline request() uses gives, driven over the same
// traffic: same summaries and samples, same counters, same cache contents, same cost.
import { describe, expect, it } from 'vitest';
import { normalizeScenario } from '../normalize';
import type { Scenario, ScheduledEvent } from '../scenario';
import { DEFAULT_EPOCH_MS, SimEngine } from './engine';
import { catalogScenario } from './testing/harness';

function engine(s: Scenario, driveGenerators: boolean): SimEngine {
  return new SimEngine(normalizeScenario(s), undefined, DEFAULT_EPOCH_MS, null, { driveGenerators });
}

/** Everything a user could read after `slices` run() calls of `sliceMs`. */
function observe(e: SimEngine, slices: number, sliceMs: number) {
  const summaries = [];
  for (let i = 0; i < slices; i++) summaries.push(e.run(sliceMs));
  const tiers = e.inspect().tiers.map((t) => [t.id, t.objects, t.bytes, t.requests, t.hits, t.misses]);
  return { summaries, stats: e.stats(), tiers, cost: e.cost() };
}

const EVENTS: ScheduledEvent[] = [
  { id: 'pop', kind: 'pop-outage', atMs: 4_000, durationMs: 6_000, target: 'IAD' },
  { id: 'down', kind: 'origin-outage', atMs: 10_000, durationMs: 6_000, target: 'o' },
  { id: 'deploy', kind: 'deploy', atMs: 12_000 },
  { id: 'inv', kind: 'invalidation', atMs: 15_000, paths: ['/i/*'] },
];

const SCENARIOS: Record<string, Scenario> = {
  'catalog, REC, revalidation (max-age=5)': catalogScenario(),
  'PoP and origin outages, a deploy, an invalidation': catalogScenario(EVENTS),
  'stale-while-revalidate and a 5% origin error rate': catalogScenario([], {
    originSimulation: {
      o: {
        errorRate: 0.05,
        catalog: {
          count: 300,
          pathPrefix: '/i/',
          extension: '.css',
          meanSizeBytes: 10_000,
          cacheControl: 'max-age=2, stale-while-revalidate=5',
        },
      },
    },
  }),
  'origin group failover through Origin Shield, custom error page': (() => {
    const s = catalogScenario([
      { id: 'down', kind: 'origin-outage', atMs: 3_000, durationMs: 5_000, target: 'o' },
    ]);
    s.distribution.origins.push({
      id: 's',
      domainName: 's.example.com',
      customOriginConfig: {},
      region: 'eu-west-1',
      originShield: { enabled: true, originShieldRegion: 'eu-west-1' },
    });
    s.distribution.originGroups = [
      { id: 'g', failoverCriteria: { statusCodes: [500, 502, 503, 504] }, members: ['o', 's'] },
    ];
    s.distribution.defaultCacheBehavior.targetOriginId = 'g';
    s.distribution.customErrorResponses = [
      { errorCode: 404, responsePagePath: '/i/0.png', responseCode: 404, errorCachingMinTtl: 1 },
    ];
    s.originSimulation = {
      ...s.originSimulation,
      s: {
        objects: [{ path: '/i/0.png', sizeBytes: 500, contentType: 'image/png', cacheControl: 'max-age=3' }],
      },
    };
    return s;
  })(),
};

describe('run(): the synchronous pipeline equals the generator pipeline', () => {
  for (const [name, scenario] of Object.entries(SCENARIOS)) {
    it(name, () => {
      const sync = observe(engine(scenario, false), 8, 2_500);
      const generators = observe(engine(scenario, true), 8, 2_500);
      expect(sync.stats.requests).toBeGreaterThan(3_000);
      expect(sync).toEqual(generators);
    });
  }

  it('the scenarios reach the paths they are named for', () => {
    const [plain, events, swr, group] = Object.values(SCENARIOS).map((s) =>
      observe(engine(s, false), 8, 2_500),
    );
    expect(plain.stats.refreshHits).toBeGreaterThan(0);
    expect(events.stats.errors).toBeGreaterThan(0);
    expect(swr.stats.errors).toBeGreaterThan(0);
    expect(group.stats.originRequests['s']).toBeGreaterThan(0);
    expect(group.stats.errors).toBeGreaterThan(0);
  });
});
