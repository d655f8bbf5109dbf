// Simulated origins (Scenario.originSimulation), used by request() without originFetch and by run().
import { describe, expect, it } from 'vitest';
import { createEngine } from '../index';
import type { Scenario, SimulatedOrigin, ScheduledEvent } from '../scenario';
import { DOMAIN, exampleScenario } from '../sim/testing/harness';

const scenario = (sim: SimulatedOrigin | undefined, events: ScheduledEvent[] = []): Scenario =>
  exampleScenario({ scenario: { originSimulation: sim ? { app: sim } : undefined, events } });
const get = (e: Awaited<ReturnType<typeof createEngine>>, path: string, headers?: Record<string, string>) =>
  e.request({ method: 'GET', url: `https://${DOMAIN}${path}`, headers, viewer: { pop: 'IAD' } });

describe('simulated origins', () => {
  it('without a simulation: 200 text/plain with an ETag for any path', async () => {
    const e = await createEngine(scenario(undefined));
    const r = await get(e, '/anything');
    expect([r.status, r.body, r.headers['content-type'], r.headers['etag']]).toEqual([
      200,
      'v1',
      'text/plain',
      expect.stringMatching(/^"[0-9a-f]+-v1"$/),
    ]);
  });

  it('explicit objects, then the catalog, then dynamic paths, else 404', async () => {
    const e = await createEngine(
      scenario({
        processingMs: 50,
        objects: [
          {
            path: '/hello.txt',
            sizeBytes: 5,
            body: 'hello',
            contentType: 'text/plain',
            cacheControl: 'max-age=60',
          },
        ],
        catalog: {
          count: 10,
          pathPrefix: '/img/',
          extension: '.png',
          meanSizeBytes: 2000,
          cacheControl: 'max-age=30',
        },
        dynamicPaths: ['api/*'],
      }),
    );
    const hello = await get(e, '/hello.txt');
    expect([hello.status, hello.body, hello.headers['cache-control']]).toEqual([200, 'hello', 'max-age=60']);
    expect(hello.latencyMs).toBeGreaterThan(50);
    const img = await get(e, '/img/3.png');
    expect([
      img.status,
      img.headers['content-type'],
      img.headers['cache-control'],
      Number(img.headers['content-length']) === img.bodySize,
    ]).toEqual([200, 'image/png', 'max-age=30', true]);
    const api = await get(e, '/api/x');
    expect([api.status, api.headers['cache-control'], api.body]).toEqual([
      200,
      'private, no-store',
      '{"ok":true}',
    ]);
    expect((await get(e, '/img/10.png')).status).toBe(404);
    expect((await get(e, '/nope')).status).toBe(404);
  });

  it('answers 304 to a matching validator; a deploy changes the ETag', async () => {
    const e = await createEngine(
      scenario({ objects: [{ path: '/a', sizeBytes: 2, body: 'v1', cacheControl: 'max-age=10' }] }, [
        { id: 'd', kind: 'deploy', atMs: 30_000, target: 'app' },
      ]),
    );
    const a = await get(e, '/a');
    e.advance(15_000);
    const b = await get(e, '/a');
    expect([a.headers['x-cache'], b.headers['x-cache'], b.headers['etag']]).toEqual([
      'Miss from cloudfront',
      'RefreshHit from cloudfront',
      a.headers['etag'],
    ]);
    e.advance(20_000);
    const c = await get(e, '/a');
    expect([c.headers['x-cache'], c.headers['etag'] !== a.headers['etag']]).toEqual([
      'Miss from cloudfront',
      true,
    ]);
  });

  it('an outage refuses connections; a slowdown adds latency', async () => {
    const e = await createEngine(
      scenario({ processingMs: 10 }, [
        { id: 'o', kind: 'origin-outage', atMs: 0, durationMs: 1000, target: 'app' },
        { id: 's', kind: 'origin-slowdown', atMs: 5000, durationMs: 1000, target: 'app', factor: 2000 },
      ]),
    );
    expect((await get(e, '/x')).status).toBe(502);
    e.advance(5000);
    const slow = await get(e, '/y');
    expect([slow.status, slow.latencyMs > 2000]).toEqual([200, true]);
  });
});
