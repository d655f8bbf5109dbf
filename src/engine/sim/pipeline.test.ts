// Pipeline behaviour beyond the worked examples: CloudFront's own headers, checks before the
// cache, geo restriction and custom error pages, the default root object, Origin Shield and the
// REC skip rules, stale-while-revalidate / stale-if-error, Vary, logs, cost and inspect().
import { describe, expect, it } from 'vitest';
import { createEngine } from '../index';
import { LOG_FIELDS } from './logs';
import {
  CACHING_OPTIMIZED,
  DOMAIN,
  exampleScenario,
  harness,
  scriptedOrigin,
  xcache,
} from './testing/harness';

describe("CloudFront's own response headers", () => {
  it('sets X-Cache, Via (1.1 / 2.0), X-Amz-Cf-Pop and a 56-character X-Amz-Cf-Id, deterministically', async () => {
    const run = async () => {
      const h = await harness(exampleScenario());
      const a = await h.get('/a');
      const b = await h.get('/a', { httpVersion: '2.0' });
      return [a, b];
    };
    const [a, b] = await run();
    expect(a.headers['x-amz-cf-id']).toMatch(/^[A-Za-z0-9_-]{54}==$/);
    expect(a.headers['via']).toMatch(/^1\.1 [0-9a-f]{32}\.cloudfront\.net \(CloudFront\)$/);
    expect(b.headers['via']).toMatch(/^2\.0 [0-9a-f]{32}\.cloudfront\.net \(CloudFront\)$/);
    expect([a.headers['x-amz-cf-pop'], a.headers['x-cache'], b.headers['x-cache']]).toEqual([
      'IAD66-C1',
      'Miss from cloudfront',
      'Hit from cloudfront',
    ]);
    expect(a.headers['x-amz-cf-id']).not.toBe(b.headers['x-amz-cf-id']);
    const [a2] = await run();
    expect(a2.headers['x-amz-cf-id']).toBe(a.headers['x-amz-cf-id']);
  });

  it('sends the origin X-Amz-Cf-Id (same as the viewer sees), Via and X-Forwarded-For appended to the viewer value', async () => {
    const h = await harness(exampleScenario());
    const r = await h.get('/a', { headers: { 'X-Forwarded-For': '203.0.113.9' } });
    const sent = h.calls[0];
    expect(sent.headers['x-amz-cf-id']).toEqual(r.headers['x-amz-cf-id']);
    expect(sent.headers['x-forwarded-for']).toEqual('203.0.113.9,198.51.100.10');
    expect(sent.headers['host']).toEqual('app.example.com');
    expect(sent.at).toBeGreaterThanOrEqual(0);
  });
});

describe('checks before the cache', () => {
  it('answers 403 for a host that is neither the domain nor an alias, and serves aliases', async () => {
    const h = await harness(exampleScenario({ distribution: { aliases: ['cdn.example.com'] } }));
    const bad = await h.get('https://other.example.com/a');
    expect([bad.status, xcache(bad), h.calls.length]).toEqual([403, 'Error', 0]);
    expect(bad.trace.some((s) => /not this distribution's domain name/.test(s.detail))).toBe(true);
    const ok = await h.get('https://cdn.example.com/a');
    expect([ok.status, h.calls.length]).toEqual([200, 1]);
  });

  it('answers 403 to a method outside the allowed set and to a GET with a body', async () => {
    const h = await harness(exampleScenario());
    const post = await h.send('POST', '/a', { body: 'x' });
    const get = await h.send('GET', '/a', { body: 'x' });
    expect([post.status, xcache(post), get.status, xcache(get), h.calls.length]).toEqual([
      403,
      'Error',
      403,
      'Error',
      0,
    ]);
    expect(post.body).toContain('This distribution is not configured to allow the HTTP request method');
    expect(h.engine.logs()[0]['x-edge-detailed-result-type']).toBe('InvalidRequestMethod');
  });
});

describe('geo restriction and custom error responses', () => {
  it('blocks listed countries with 403, lets unknown locations through', async () => {
    const h = await harness(
      exampleScenario({ distribution: { geoRestriction: { restrictionType: 'blacklist', items: ['FR'] } } }),
    );
    const fr = await h.get('/a', { viewer: { country: 'FR', pop: 'CDG' } });
    expect([fr.status, xcache(fr), fr.headers['server']]).toEqual([403, 'Error', 'CloudFront']);
    expect(fr.body).toContain('configured to block access from your country');
    const unknown = await h.get('/a', { viewer: { pop: 'CDG' } });
    expect(unknown.status).toBe(200);
    expect(h.engine.logs()[0]['x-edge-detailed-result-type']).toBe('ClientGeoBlocked');
  });

  it('replaces a geo 403 with the configured page and ResponseCode, logged as Error', async () => {
    const origin = scriptedOrigin({}, (req) =>
      req.uri === '/errors/403.html'
        ? { status: 200, headers: { 'content-type': 'text/html' }, body: '<p>not here</p>' }
        : undefined,
    );
    const h = await harness(
      exampleScenario({
        distribution: {
          geoRestriction: { restrictionType: 'whitelist', items: ['US'] },
          customErrorResponses: [{ errorCode: 403, responsePagePath: '/errors/403.html', responseCode: 200 }],
        },
      }),
      origin,
    );
    const r = await h.get('/a', { viewer: { country: 'DE', pop: 'FRA' } });
    expect([r.status, r.body, xcache(r), h.calls.map((c) => c.uri)]).toEqual([
      200,
      '<p>not here</p>',
      'Error',
      ['/errors/403.html'],
    ]);
    expect(h.engine.stats().errors).toBe(1);
  });

  it('serves an origin 404 with its page, and the page fetch status when the page is missing', async () => {
    const origin = scriptedOrigin({}, (req) =>
      req.uri === '/gone'
        ? { status: 404, headers: {}, body: 'nf' }
        : req.uri === '/404.html'
          ? { status: 404, headers: {}, body: 'no page' }
          : undefined,
    );
    const h = await harness(
      exampleScenario({
        distribution: {
          customErrorResponses: [{ errorCode: 404, responsePagePath: '/404.html', responseCode: 404 }],
        },
      }),
      origin,
    );
    const r = await h.get('/gone');
    expect([r.status, r.body, xcache(r)]).toEqual([404, 'no page', 'Error']);
  });
});

describe('default root object', () => {
  it("maps '/' to the object after viewer-request, caches it under its own path, and '/' invalidates it", async () => {
    const h = await harness(exampleScenario({ distribution: { defaultRootObject: 'index.html' } }));
    const a = await h.get('/');
    expect([a.status, h.calls[0].uri]).toEqual([200, '/index.html']);
    expect(xcache(await h.get('/index.html'))).toBe('Hit');
    expect(xcache(await h.get('/sub/'))).toBe('Miss');
    expect(h.calls[1].uri).toBe('/sub/');
    h.engine.invalidate(['/']);
    expect(xcache(await h.get('/'))).toBe('Miss');
  });
});

describe('tiers: regional edge caches and Origin Shield', () => {
  const shielded = () =>
    exampleScenario({
      cachePolicy: CACHING_OPTIMIZED,
      distribution: {
        origins: [
          {
            id: 'app',
            domainName: 'app.example.com',
            customOriginConfig: {},
            region: 'us-east-1',
            originShield: { enabled: true, originShieldRegion: 'us-east-1' },
          },
        ],
      },
      scenario: { topology: { pops: ['IAD', 'LHR', 'FRA'] } },
    });
  const stages = (r: { trace: { stage: string }[] }) => [
    ...new Set(
      r.trace
        .map((s) => s.stage)
        .filter((s) => s === 'edge' || s === 'regional' || s === 'shield' || s === 'origin'),
    ),
  ];

  it('goes edge -> REC -> shield -> origin; another region hits the shield (OriginShieldHit, billed)', async () => {
    const h = await harness(shielded());
    const lhr = await h.get('/a', { viewer: { pop: 'LHR' } });
    expect([xcache(lhr), stages(lhr)]).toEqual(['Miss', ['edge', 'regional', 'shield', 'origin']]);
    const fra = await h.get('/a', { viewer: { pop: 'FRA' } });
    expect([xcache(fra), stages(fra), h.calls.length]).toEqual(['Hit', ['edge', 'regional', 'shield'], 1]);
    expect(h.engine.logs()[1]['x-edge-detailed-result-type']).toBe('OriginShieldHit');
    expect(h.engine.cost()['originShield']).toBeGreaterThan(0);
  });

  it('a PoP whose REC is the shield region goes straight to the shield (no extra hop, not billed)', async () => {
    const h = await harness(shielded());
    const iad = await h.get('/a', { viewer: { pop: 'IAD' } });
    expect(stages(iad)).toEqual(['edge', 'shield', 'origin']);
    expect(h.engine.cost()['originShield']).toBe(0);
  });

  it('skips the REC for an S3 origin in the REC region, and for CachingDisabled', async () => {
    const s3 = await harness(
      exampleScenario({
        distribution: {
          origins: [
            {
              id: 'app',
              domainName: 'bucket.s3.us-east-1.amazonaws.com',
              s3OriginConfig: { originAccessIdentity: '' },
            },
          ],
        },
      }),
    );
    expect(stages(await s3.get('/a'))).toEqual(['edge', 'origin']);
    const dyn = await harness(exampleScenario({ cachePolicy: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad' }));
    expect(stages(await dyn.get('/a'))).toEqual(['edge', 'origin']);
    const custom = await harness(exampleScenario());
    expect(stages(await custom.get('/a'))).toEqual(['edge', 'regional', 'origin']);
  });
});

describe('stale serving', () => {
  it('stale-while-revalidate: answers at once with the stale copy and refreshes in the background', async () => {
    const h = await harness(
      exampleScenario(),
      scriptedOrigin({ 'cache-control': 'max-age=10, stale-while-revalidate=30' }),
    );
    await h.get('/a');
    h.at(15);
    const stale = await h.get('/a');
    expect([stale.status, stale.body, xcache(stale), stale.headers['age'], h.calls.length]).toEqual([
      200,
      'v1',
      'RefreshHit',
      '15',
      2,
    ]);
    expect(h.calls[1].headers['if-none-match']).toEqual('"e1"');
    h.at(16);
    const fresh = await h.get('/a');
    expect([xcache(fresh), fresh.headers['age'], h.calls.length]).toEqual(['Hit', '1', 2]);
  });

  it('stale-if-error=E: the stale copy only within E seconds past expiry', async () => {
    const origin = scriptedOrigin({ 'cache-control': 'max-age=10, stale-if-error=20' }, (req) =>
      req.at >= 12_000 ? { status: 503, headers: {}, body: 'down' } : undefined,
    );
    const h = await harness(exampleScenario(), origin);
    await h.get('/a');
    h.at(15);
    expect((await h.get('/a')).status).toBe(200);
    h.at(35);
    const late = await h.get('/a');
    expect([late.status, xcache(late)]).toEqual([503, 'Error']);
  });

  it('a 4xx on revalidation is returned, not the stale copy', async () => {
    const origin = scriptedOrigin({ 'cache-control': 'max-age=10' }, (req) =>
      req.at >= 12_000 ? { status: 404, headers: {}, body: 'gone' } : undefined,
    );
    const h = await harness(exampleScenario(), origin);
    await h.get('/a');
    h.at(15);
    expect((await h.get('/a')).status).toBe(404);
  });
});

describe('Vary and conditional pass-through', () => {
  it('Vary: * with MinTTL 0: every request goes to the origin without validators', async () => {
    const h = await harness(exampleScenario(), scriptedOrigin({ vary: '*' }));
    await h.get('/a');
    h.at(1);
    const r = await h.get('/a');
    expect([xcache(r), h.calls.length, h.calls[1].headers['if-none-match']]).toEqual(['Miss', 2, undefined]);
  });

  it("a viewer's If-None-Match on a cold edge reaches the origin, whose 304 is passed on", async () => {
    const h = await harness(exampleScenario());
    const r = await h.get('/a', { headers: { 'if-none-match': '"e1"' } });
    expect([r.status, r.body, xcache(r), h.calls[0].headers['if-none-match']]).toEqual([
      304,
      undefined,
      'Miss',
      '"e1"',
    ]);
  });

  it('filters Vary to what CloudFront keys on and drops Set-Cookie when cookies are not forwarded', async () => {
    const h = await harness(
      exampleScenario(),
      scriptedOrigin({ vary: 'Accept-Encoding, X-Custom', 'set-cookie': 'a=1' }),
    );
    const r = await h.get('/a');
    expect([r.headers['vary'], r.headers['set-cookie']]).toEqual(['Accept-Encoding', undefined]);
  });
});

describe('HEAD, origin path, connection errors', () => {
  it('HEAD has no body and its answer is not stored for a later GET', async () => {
    const h = await harness(exampleScenario());
    const head = await h.send('HEAD', '/a');
    const get = await h.get('/a');
    expect([
      head.status,
      head.body,
      head.bodySize,
      h.calls[0].method,
      xcache(get),
      get.body,
      h.calls.length,
    ]).toEqual([200, undefined, 0, 'HEAD', 'Miss', 'v1', 2]);
  });

  it('prefixes the origin path', async () => {
    const h = await harness(
      exampleScenario({
        distribution: {
          origins: [{ id: 'app', domainName: 'a.example.com', originPath: '/prod', customOriginConfig: {} }],
        },
      }),
    );
    await h.get('/a?x=1');
    expect(h.calls[0].uri).toBe('/prod/a');
  });

  it('a refused connection gives settings.connectErrorStatus (502 by default), cached for 10 s', async () => {
    const refuse = { fetch: () => ({ status: 0, headers: {}, error: 'refused' as const }), calls: [] };
    const h = await harness(exampleScenario(), refuse);
    const r = await h.get('/a');
    expect([r.status, xcache(r)]).toEqual([502, 'Error']);
    expect(h.engine.logs()[0]['x-edge-detailed-result-type']).toBe('OriginConnectError');
    const h2 = await harness(
      exampleScenario({ scenario: { settings: { connectErrorStatus: 504 } } }),
      refuse,
    );
    expect((await h2.get('/a')).status).toBe(504);
  });
});

describe('response headers policy, origin-response Lambda@Edge', () => {
  it('the managed SecurityHeadersPolicy adds its headers', async () => {
    const h = await harness(
      exampleScenario({ behavior: { responseHeadersPolicyId: '67f7725c-6f97-4210-82d7-5512b31e9d03' } }),
    );
    const r = await h.get('/a');
    expect([
      r.headers['x-content-type-options'],
      r.headers['strict-transport-security'],
      r.headers['x-frame-options'],
    ]).toEqual(['nosniff', 'max-age=31536000', 'SAMEORIGIN']);
  });

  it('origin-response runs for a 404 too', async () => {
    const code =
      "exports.handler = async (event) => { const r = event.Records[0].cf.response; r.headers['x-seen'] = [{ key: 'X-Seen', value: r.status }]; return r; };";
    const h = await harness(
      exampleScenario({
        behavior: { lambdaFunctionAssociations: [{ eventType: 'origin-response', functionName: 'seen' }] },
        scenario: { functions: [{ name: 'seen', kind: 'lambda-edge', code }] },
      }),
      scriptedOrigin({}, () => ({ status: 404, headers: {}, body: 'nf' })),
    );
    const r = await h.get('/x');
    expect([r.status, r.headers['x-seen']]).toEqual([404, '404']);
  });
});

describe('viewer placement', () => {
  it("a 3-letter pop picks the topology's PoP, or '<code>50-C1' when the topology lacks it", async () => {
    const h = await harness(exampleScenario({ scenario: { topology: { pops: ['NRT', 'IAD'] } } }));
    expect((await h.get('/a', { viewer: { pop: 'NRT' } })).headers['x-amz-cf-pop']).toBe('NRT51-C1');
    expect((await h.get('/a', { viewer: { pop: 'SIN' } })).headers['x-amz-cf-pop']).toBe('SIN50-C1');
    expect((await h.get('/a', { viewer: { pop: 'FRA56-P5' } })).headers['x-amz-cf-pop']).toBe('FRA56-P5');
    expect((await h.get('/a', { viewer: { country: 'JP' } })).headers['x-amz-cf-pop']).toBe('NRT51-C1');
  });
});

describe('logs, stats, cost, inspect', () => {
  it('writes the 33 standard-log fields in order', async () => {
    const h = await harness(exampleScenario());
    h.at(3661);
    await h.get('/a?x=1', { headers: { 'user-agent': 'curl/8.0' } });
    const rec = h.engine.logs()[0];
    expect(Object.keys(rec)).toEqual([...LOG_FIELDS]);
    expect(LOG_FIELDS.length).toBe(33);
    expect([
      rec['date'],
      rec['time'],
      rec['x-edge-location'],
      rec['cs-method'],
      rec['cs-uri-stem'],
      rec['cs-uri-query'],
      rec['sc-status'],
      rec['x-edge-result-type'],
      rec['cs(User-Agent)'],
      rec['cs-protocol'],
      rec['cs-protocol-version'],
    ]).toEqual([
      '2024-01-01',
      '01:01:01',
      'IAD66-C1',
      'GET',
      '/a',
      'x=1',
      200,
      'Miss',
      'curl%2F8.0',
      'https',
      'HTTP/1.1',
    ]);
  });

  it('counts requests by result, bytes and origin requests; prices them; shows the caches', async () => {
    const h = await harness(exampleScenario());
    await h.get('/a');
    await h.get('/a');
    await h.get(`http://${DOMAIN}/b`);
    const s = h.engine.stats();
    expect([
      s.requests,
      s.hits,
      s.misses,
      s.errors,
      s.generated,
      s.originRequests,
      s.bytesToViewers,
      s.bytesFromOrigins,
    ]).toEqual([3, 1, 2, 0, 0, { app: 2 }, 6, 4]);
    const cost = h.engine.cost();
    expect(cost['requests.https']).toBeCloseTo((2 / 10_000) * 0.01, 12);
    expect(cost['requests.http']).toBeCloseTo((1 / 10_000) * 0.0075, 12);
    const edge = h.engine.inspect().tiers.find((t) => t.id === 'pop:IAD66-C1')!;
    expect([edge.objects, edge.requests, edge.hits, edge.misses]).toEqual([2, 3, 1, 2]);
  });

  it('rejects a bad advance() and a relative URL', async () => {
    const e = await createEngine(exampleScenario());
    expect(() => e.advance(-1)).toThrow(RangeError);
    await expect(e.request({ method: 'GET', url: '/a' })).rejects.toThrow(/absolute http\(s\) URL/);
  });
});

describe('modelling settings (UNCONFIRMED points of the spec)', () => {
  const changing = () =>
    scriptedOrigin({ 'cache-control': 'max-age=10' }, (req) =>
      req.at >= 10_000 ? { extraHeaders: { etag: '"e2"' } } : undefined,
    );
  it('refreshWith200XCache: an expired copy replaced by a full 200 reads Miss by default', async () => {
    const h = await harness(exampleScenario(), changing());
    await h.get('/a');
    h.at(15);
    const r = await h.get('/a');
    expect([xcache(r), r.headers['etag'], h.calls[1].headers['if-none-match']]).toEqual([
      'Miss',
      '"e2"',
      '"e1"',
    ]);
    const h2 = await harness(
      exampleScenario({ scenario: { settings: { refreshWith200XCache: 'RefreshHit' } } }),
      changing(),
    );
    await h2.get('/a');
    h2.at(15);
    expect(xcache(await h2.get('/a'))).toBe('RefreshHit');
  });
  it('staleWhileRevalidateXCache and staleOnErrorXCache can read Hit', async () => {
    const h = await harness(
      exampleScenario({
        scenario: { settings: { staleWhileRevalidateXCache: 'Hit', staleOnErrorXCache: 'Hit' } },
      }),
      scriptedOrigin({ 'cache-control': 'max-age=10, stale-while-revalidate=5' }, (req) =>
        req.at >= 20_000 ? { status: 500, headers: {}, body: 'x' } : undefined,
      ),
    );
    await h.get('/a');
    h.at(12);
    expect(xcache(await h.get('/a'))).toBe('Hit'); // stale-while-revalidate
    h.at(40);
    const r = await h.get('/a');
    expect([r.status, xcache(r)]).toEqual([200, 'Hit']); // stale on error
  });
});
