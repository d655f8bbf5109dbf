// The two fixed contracts of DESIGN.md exercised together, the way tests outside this repo call
// them: real `get-distribution-config` JSON -> fromCloudFront -> createEngine with a scripted
// origin. Each case is a CloudFront rule a practitioner would check, not one of the worked examples.
import { describe, expect, it } from 'vitest';
import { createEngine, ScenarioError } from '../engine';
import type { OriginRequest, OriginResponse, ViewerResult } from '../engine';
import { fromCloudFront } from './cloudfront';

const HOST = 'd111111abcdef8.cloudfront.net';
const CACHING_DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';
const CACHING_OPTIMIZED = '658327ea-f89d-4fab-a63d-7e88639e58f6';

function customOrigin(id: string, extra: object = {}) {
  return {
    Id: id,
    DomainName: `${id}.example.com`,
    OriginPath: '',
    CustomHeaders: { Quantity: 0 },
    CustomOriginConfig: {
      HTTPPort: 80,
      HTTPSPort: 443,
      OriginProtocolPolicy: 'https-only',
      OriginSslProtocols: { Quantity: 1, Items: ['TLSv1.2'] },
      OriginReadTimeout: 30,
      OriginKeepaliveTimeout: 5,
    },
    ConnectionAttempts: 3,
    ConnectionTimeout: 10,
    ...extra,
  };
}

function behavior(target: string, extra: object = {}) {
  return {
    TargetOriginId: target,
    ViewerProtocolPolicy: 'allow-all',
    AllowedMethods: {
      Quantity: 2,
      Items: ['HEAD', 'GET'],
      CachedMethods: { Quantity: 2, Items: ['HEAD', 'GET'] },
    },
    Compress: false,
    TrustedKeyGroups: { Enabled: false, Quantity: 0 },
    FunctionAssociations: { Quantity: 0 },
    LambdaFunctionAssociations: { Quantity: 0 },
    CachePolicyId: CACHING_OPTIMIZED,
    ...extra,
  };
}

function config(extra: object = {}) {
  return {
    CallerReference: 'contract-test',
    Aliases: { Quantity: 1, Items: ['www.example.com'] },
    DefaultRootObject: 'index.html',
    Origins: { Quantity: 1, Items: [customOrigin('app')] },
    DefaultCacheBehavior: behavior('app'),
    CacheBehaviors: { Quantity: 0 },
    CustomErrorResponses: { Quantity: 0 },
    Comment: '',
    PriceClass: 'PriceClass_All',
    Enabled: true,
    Restrictions: { GeoRestriction: { RestrictionType: 'none', Quantity: 0 } },
    HttpVersion: 'http2',
    ...extra,
  };
}

/** An origin that records what it is sent and answers like the worked examples' origin. */
function scriptedOrigin(answer?: (req: OriginRequest) => OriginResponse | undefined) {
  const seen: OriginRequest[] = [];
  const originFetch = (req: OriginRequest): OriginResponse => {
    seen.push(req);
    const custom = answer?.(req);
    if (custom) return custom;
    if (req.headers['if-none-match'] === '"e1"') return { status: 304, headers: { etag: '"e1"' } };
    return {
      status: 200,
      headers: { 'content-type': 'text/plain', etag: '"e1"', 'cache-control': 'max-age=60' },
      body: 'v1',
    };
  };
  return { seen, originFetch };
}

const get = (path: string, extra: object = {}) => ({
  method: 'GET',
  url: `https://${HOST}${path}`,
  viewer: { pop: 'IAD66-C1', country: 'US', ip: '198.51.100.10' },
  ...extra,
});

const xcache = (r: ViewerResult) => r.headers['x-cache'];

describe('fromCloudFront -> createEngine', () => {
  it('caches for max-age, then revalidates with the stored ETag and reads RefreshHit', async () => {
    const { seen, originFetch } = scriptedOrigin();
    const engine = await createEngine(fromCloudFront({ DistributionConfig: config() }), { originFetch });
    expect(xcache(await engine.request(get('/a.txt')))).toBe('Miss from cloudfront');
    engine.advance(30_000);
    const hit = await engine.request(get('/a.txt'));
    expect([xcache(hit), hit.headers.age, hit.body]).toEqual(['Hit from cloudfront', '30', 'v1']);
    engine.advance(31_000);
    expect(xcache(await engine.request(get('/a.txt')))).toBe('RefreshHit from cloudfront');
    expect(seen).toHaveLength(2);
    expect(seen[1].headers['if-none-match']).toBe('"e1"');
    expect(engine.stats()).toMatchObject({ requests: 3, hits: 1, misses: 1, refreshHits: 1 });
  });

  it('serves the default root object for "/" and accepts an alias as the host', async () => {
    const { seen, originFetch } = scriptedOrigin();
    const engine = await createEngine(fromCloudFront({ DistributionConfig: config() }), { originFetch });
    const r = await engine.request(get('/', { url: 'https://www.example.com/' }));
    expect(r.status).toBe(200);
    expect(seen[0].uri).toBe('/index.html');
  });

  it('routes by the first matching ordered behavior and never caches CachingDisabled', async () => {
    const cfg = config({
      Origins: { Quantity: 2, Items: [customOrigin('app'), customOrigin('api')] },
      CacheBehaviors: {
        Quantity: 1,
        Items: [
          behavior('api', {
            PathPattern: '/api/*',
            CachePolicyId: CACHING_DISABLED,
            AllowedMethods: {
              Quantity: 7,
              Items: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'POST', 'PATCH', 'DELETE'],
              CachedMethods: { Quantity: 2, Items: ['GET', 'HEAD'] },
            },
          }),
        ],
      },
    });
    const { seen, originFetch } = scriptedOrigin();
    const engine = await createEngine(fromCloudFront({ DistributionConfig: cfg }), { originFetch });
    await engine.request(get('/api/cart'));
    const second = await engine.request(get('/api/cart'));
    await engine.request(get('/api/cart', { method: 'POST', body: '{}' }));
    await engine.request(get('/index.css'));
    expect(xcache(second)).toBe('Miss from cloudfront');
    expect(seen.map((r) => `${r.originId} ${r.method} ${r.uri}`)).toEqual([
      'api GET /api/cart',
      'api GET /api/cart',
      'api POST /api/cart',
      'app GET /index.css',
    ]);
  });

  it('rejects a method the behavior does not allow with a CloudFront 403', async () => {
    const { seen, originFetch } = scriptedOrigin();
    const engine = await createEngine(fromCloudFront({ DistributionConfig: config() }), { originFetch });
    const r = await engine.request(get('/form', { method: 'POST', body: 'x=1' }));
    expect([r.status, xcache(r)]).toEqual([403, 'Error from cloudfront']);
    expect(seen).toHaveLength(0);
    expect(engine.stats().errors).toBe(1);
  });

  it('fails over to the secondary origin of an origin group on a listed status', async () => {
    const cfg = config({
      Origins: { Quantity: 2, Items: [customOrigin('primary'), customOrigin('secondary')] },
      OriginGroups: {
        Quantity: 1,
        Items: [
          {
            Id: 'group',
            FailoverCriteria: { StatusCodes: { Quantity: 2, Items: [500, 503] } },
            Members: { Quantity: 2, Items: [{ OriginId: 'primary' }, { OriginId: 'secondary' }] },
          },
        ],
      },
      DefaultCacheBehavior: behavior('group'),
    });
    const { seen, originFetch } = scriptedOrigin((req) =>
      req.originId === 'primary' ? { status: 503, headers: {} } : undefined,
    );
    const engine = await createEngine(fromCloudFront({ DistributionConfig: cfg }), { originFetch });
    const r = await engine.request(get('/a'));
    expect([r.status, r.body]).toEqual([200, 'v1']);
    expect(seen.map((s) => s.originId)).toEqual(['primary', 'secondary']);
    expect(engine.stats().originRequests).toMatchObject({ primary: 1, secondary: 1 });
  });

  it('invalidates every cached variant and reports the invalidation Completed after propagation', async () => {
    const { seen, originFetch } = scriptedOrigin();
    const engine = await createEngine(fromCloudFront({ DistributionConfig: config() }), { originFetch });
    await engine.request(get('/img/a.png'));
    await engine.request(get('/img/b.png'));
    const id = engine.invalidate(['/img/*']);
    expect(engine.invalidation(id)).toEqual({ status: 'InProgress', paths: ['/img/*'] });
    engine.advance(60_000);
    expect(engine.invalidation(id).status).toBe('Completed');
    expect(xcache(await engine.request(get('/img/a.png')))).toBe('Miss from cloudfront');
    expect(seen).toHaveLength(3);
    expect(() => engine.invalidate(['img/a.png'])).toThrow(
      expect.objectContaining({ code: 'InvalidArgument' }),
    );
  });

  it('runs a CloudFront Function from the Functions map named by its ARN', async () => {
    const cfg = config({
      DefaultCacheBehavior: behavior('app', {
        FunctionAssociations: {
          Quantity: 1,
          Items: [
            {
              EventType: 'viewer-request',
              FunctionARN: 'arn:aws:cloudfront::123456789012:function/add-index',
            },
          ],
        },
      }),
    });
    const code = `function handler(event) {
      var r = event.request;
      if (r.uri.endsWith('/')) r.uri += 'index.html';
      return r;
    }`;
    const { seen, originFetch } = scriptedOrigin();
    const engine = await createEngine(
      fromCloudFront({ DistributionConfig: cfg, Functions: { 'add-index': { code } } }),
      { originFetch },
    );
    await engine.request(get('/docs/'));
    expect(seen[0].uri).toBe('/docs/index.html');
    expect(engine.stats().functionInvocations['add-index']).toBe(1);
  });

  it('names the field when the config is invalid', () => {
    const bad =
      (extra: object, extras: object = {}) =>
      () =>
        fromCloudFront({ DistributionConfig: config(extra), ...extras });
    expect(bad({ DefaultRootObject: '/index.html' })).toThrow(ScenarioError);
    expect(bad({ DefaultRootObject: '/index.html' })).toThrow(/DefaultRootObject/);
    expect(
      bad({
        DefaultCacheBehavior: behavior('app', {
          CachePolicyId: undefined,
          MinTTL: 100,
          DefaultTTL: 10,
          MaxTTL: 1000,
          ForwardedValues: {
            QueryString: false,
            Cookies: { Forward: 'none' },
            Headers: { Quantity: 0 },
          },
        }),
      }),
    ).toThrow(/MinTTL|DefaultTTL/);
    const fn = behavior('app', {
      FunctionAssociations: {
        Quantity: 1,
        Items: [{ EventType: 'viewer-request', FunctionARN: 'arn:aws:cloudfront::1:function/old' }],
      },
    });
    expect(
      bad(
        { DefaultCacheBehavior: fn },
        {
          Functions: {
            old: {
              runtime: 'cloudfront-js-1.0',
              code: 'function handler(e) { const r = e.request; return r; }',
            },
          },
        },
      ),
    ).toThrow(/old/);
  });
});
