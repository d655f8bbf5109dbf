// KeyValueStore reads are billed (issue 4): every get / exists / meta call of a CloudFront
// Function is one read, counted in the sandbox, carried back in the reply, billed by the cost
// meter and shown in the request's trace, also when the result cache replays a stored run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNIT_PRICES } from '../cost/pricing';
import type { Scenario } from '../scenario';
import { createEngine } from '../sim/createEngine';
import { catalogScenario, DOMAIN } from '../sim/testing/harness';
import { cff, testContext, testRequest } from './fixtures';
import { createFunctionRuntime } from './index';
import type { EdgeFunctionRuntime } from './runtime';

/** Two reads per request: exists() then get(). */
const TWO_READS = `import cf from 'cloudfront';
const kvs = cf.kvs();
async function handler(event) {
  const r = event.request;
  if (await kvs.exists('flag')) r.headers['x-flag'] = { value: await kvs.get('flag') };
  return r;
}`;

function scenario(freeTier = false): Scenario {
  const s = catalogScenario([], { settings: { freeTier } });
  s.distribution.defaultCacheBehavior.functionAssociations = [
    { eventType: 'viewer-request', functionName: 'flags' },
  ];
  return { ...s, functions: [cff('flags', TWO_READS, 'cloudfront-js-2.0', { flag: 'on' })] };
}

const get = (path: string) => ({
  method: 'GET',
  url: `https://${DOMAIN}${path}`,
  viewer: { ip: '198.51.100.10', country: 'US', pop: 'IAD' },
});

describe('KeyValueStore reads through the engine', () => {
  it('request(): 2 reads per request are billed and shown in the function step of the trace', async () => {
    const engine = await createEngine(scenario());
    const n = 5;
    let last;
    for (let i = 0; i < n; i++) last = await engine.request(get(`/i/${i % 2}.png`));
    const step = last?.trace.find((s) => s.stage === 'viewer-request-function');
    expect(step?.detail).toBe(
      'CloudFront Function "flags" (viewer-request) returned the request; 2 KeyValueStore reads (billed)',
    );
    expect(step?.data?.kvsReads).toBe(2);
    expect(engine.cost().keyValueStore).toBe(2 * n * UNIT_PRICES.kvsRead);
    expect(engine.cost().keyValueStore).toBe(0.0000003);
  });

  it('run(): 2 reads per invocation, cached replays included, priced at $0.03 per million', async () => {
    const engine = await createEngine(scenario());
    engine.run(2_000);
    const invocations = engine.stats().functionInvocations.flags;
    expect(invocations).toBeGreaterThan(300); // ~200 requests/s for 2 s, every one runs the function
    // $0.03 per 1M reads, kept to a billionth of a dollar like every cost item
    expect(engine.cost().keyValueStore).toBe(Math.round(2 * invocations * 0.03 * 1e3) / 1e9);
  });

  it('the free tier takes the first 2M reads off the bill', async () => {
    const engine = await createEngine(scenario(true));
    engine.run(1_000);
    expect(engine.stats().functionInvocations.flags).toBeGreaterThan(150);
    expect(engine.cost().keyValueStore).toBe(0);
    expect(engine.cost()['functions.cloudfront']).toBe(0); // the invocations are free too
  });
});

describe('KeyValueStore reads in the runtime', () => {
  let rt: EdgeFunctionRuntime;
  beforeAll(async () => {
    rt = await createFunctionRuntime({ seed: 1 });
  });
  afterAll(() => rt.dispose());

  it('counts get, exists and meta, a get of a missing key included', () => {
    rt.prepare([
      cff(
        'all',
        `import cf from 'cloudfront';
const kvs = cf.kvs();
async function handler(event) {
  await kvs.meta();
  await kvs.exists('a');
  try { await kvs.get('missing'); } catch (e) { /* still a read */ }
  return event.request;
}`,
        'cloudfront-js-2.0',
        { a: '1' },
      ),
    ]);
    const out = rt.cloudFrontViewerRequest('all', testRequest(), testContext());
    expect(out.kind).toBe('continue-request');
    expect(out.info.kvsReads).toBe(3);
  });

  it('a function that reads nothing reports no reads', () => {
    rt.prepare([cff('none', 'function handler(event) { return event.request; }')]);
    expect(rt.cloudFrontViewerRequest('none', testRequest(), testContext()).info.kvsReads).toBe(undefined);
  });

  it('reads before a throw are still counted', () => {
    rt.prepare([
      cff(
        'throws',
        `import cf from 'cloudfront';
const kvs = cf.kvs();
async function handler(event) { await kvs.get('a'); throw new Error('no'); }`,
        'cloudfront-js-2.0',
        { a: '1' },
      ),
    ]);
    const out = rt.cloudFrontViewerRequest('throws', testRequest(), testContext());
    expect(out.kind).toBe('error');
    expect(out.info.kvsReads).toBe(1);
  });

  it('a result-cache replay carries the same reads as the run it replays', () => {
    // require() at the top level keeps the function cache-safe (cacheSafety.ts), unlike import
    const cached = `const cf = require('cloudfront');
async function handler(event) {
  const kvs = cf.kvs();
  const r = event.request;
  if (await kvs.exists('flag')) r.headers['x-flag'] = { value: await kvs.get('flag') };
  return r;
}`;
    rt.prepare([cff('flags', cached, 'cloudfront-js-2.0', { flag: 'on' })]);
    const first = rt.cloudFrontViewerRequest('flags', testRequest(), testContext());
    const second = rt.cloudFrontViewerRequest('flags', testRequest(), testContext());
    expect(rt.resultCacheHits('flags')).toBe(1);
    expect([first.info.kvsReads, second.info.kvsReads]).toEqual([2, 2]);
  });
});
