// The issue's own examples, exactly as written there, parsed and judged against a real engine
// run of the global e-commerce preset (scaled to a small shop so the numbers teach).
import { describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../engine';
import type { Scenario } from '../engine/scenario';
import { evaluateAssertion, gatherAssertionMetrics, parseAssertion, type AssertionAst } from './assertions';
import { presetScenario } from './presets';

const EXAMPLES = [
  'hit ratio > 85% after 10 min',
  'origin requests for /api/* < 100/s',
  'GET /index.html from Tokyo -> X-Cache: Hit',
  'cost per month < $150',
];

function shop(): Scenario {
  const s = presetScenario('global-ecommerce');
  if (!s) throw new Error('preset missing');
  s.traffic = { ...s.traffic!, requestsPerSecond: 40 };
  // the storefront's home page, cached an hour
  s.originSimulation!.storefront.objects = [
    { path: '/index.html', sizeBytes: 2_400, contentType: 'text/html', cacheControl: 'max-age=3600' },
  ];
  return s;
}

async function judge(engine: Engine, asts: AssertionAst[]) {
  const metrics = await gatherAssertionMetrics(
    asts,
    { simTimeMs: engine.now(), stats: engine.stats(), samples: [] },
    {
      cost: () => Promise.resolve(engine.cost().total),
      send: (r) => engine.request(r),
      domainName: 'd111111abcdef8.cloudfront.net',
    },
  );
  return asts.map((a) => evaluateAssertion(a, metrics));
}

describe("the issue's examples", () => {
  it('parse and evaluate as written', async () => {
    const asts = EXAMPLES.map((t) => {
      const r = parseAssertion(t);
      if (!r.ok) throw new Error(r.error);
      return r.ast;
    });
    const engine = await createEngine(shop());
    // 9 minutes in: the hit ratio is measured but not judged yet; the first probe of
    // /index.html at Tokyo finds nothing cached there.
    engine.run(540_000);
    expect(await judge(engine, asts)).toEqual([
      { status: 'pending', measured: 0.2883, reason: 'checked from 600 s of simulated time' },
      { status: 'pass', measured: 2.8574 },
      { status: 'fail', measured: 'x-cache: Miss from cloudfront' },
      { status: 'fail', measured: 769.0434 },
    ]);
    // 10 minutes in: every example is judged; the probe now hits the copy the first one stored.
    engine.run(60_000);
    const stats = engine.stats();
    expect(await judge(engine, asts)).toEqual([
      { status: 'fail', measured: 0.2969 },
      { status: 'pass', measured: 2.8567 },
      { status: 'pass', measured: 'x-cache: Hit from cloudfront' },
      { status: 'fail', measured: 768.5688 },
    ]);
    // /api/* is one behavior's share of the origin requests, per simulated second
    const api = stats.originRequestsByBehavior?.['/api/*'] ?? 0;
    expect(api).toBe(stats.originRequests['api']);
    expect(Math.round((api / 600) * 1e4) / 1e4).toBe(2.8567);
  });
});
