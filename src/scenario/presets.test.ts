import { describe, expect, it } from 'vitest';
import { MANAGED_CACHE_POLICIES } from '../engine/policies/managed';
import { SCENARIO_VERSION } from '../engine/scenario';
import { PRESETS, presetScenario } from './presets';
import { CACHING_OPTIMIZED_ID, defaultScenario, minimalScenario } from './presets/default';
import { parseScenario } from './schema';

describe('the default scenario', () => {
  it('is what the UI opens with: S3 origin, CachingOptimized, eight real PoPs, 200 req/s, seed 42', () => {
    const d = defaultScenario.distribution;
    expect([d.id, d.domainName]).toEqual(['EDFDVBD6EXAMPLE', 'd111111abcdef8.cloudfront.net']);
    expect(d.origins).toHaveLength(1);
    expect(d.origins[0]).toMatchObject({
      id: 'assets',
      domainName: 'edgelab-assets.s3.us-east-1.amazonaws.com',
      region: 'us-east-1',
    });
    expect(d.origins[0].s3OriginConfig).toBeDefined();
    expect(d.defaultCacheBehavior).toMatchObject({
      targetOriginId: 'assets',
      viewerProtocolPolicy: 'redirect-to-https',
      allowedMethods: ['GET', 'HEAD'],
      compress: true,
      cachePolicyId: '658327ea-f89d-4fab-a63d-7e88639e58f6',
    });
    expect(MANAGED_CACHE_POLICIES[CACHING_OPTIMIZED_ID].name).toBe('Managed-CachingOptimized');
    expect(defaultScenario.topology?.pops).toEqual(['IAD', 'SFO', 'GRU', 'LHR', 'FRA', 'NRT', 'SIN', 'SYD']);
    expect(defaultScenario.traffic).toEqual({
      requestsPerSecond: 200,
      zipfAlpha: 0.8,
      methodMix: { GET: 0.97, HEAD: 0.03 },
    });
    expect(defaultScenario.originSimulation?.assets.catalog).toEqual({
      count: 10_000,
      pathPrefix: '/assets/',
      meanSizeBytes: 50_000,
      cacheControl: 'max-age=3600',
    });
    expect([defaultScenario.seed, defaultScenario.version]).toEqual([42, SCENARIO_VERSION]);
  });

  it('has a canvas position for every viewer region, PoP and the origin, viewers left of origins', () => {
    const layout = defaultScenario.layout!;
    for (const v of defaultScenario.viewers!) expect(layout[`viewer:${v.id}`]).toBeDefined();
    for (const p of defaultScenario.topology!.pops) expect(layout[`pop:${p}`]).toBeDefined();
    expect(layout['viewer:na-east'].x).toBeLessThan(layout['pop:IAD'].x);
    expect(layout['pop:IAD'].x).toBeLessThan(layout['rec:us-east-1'].x);
    expect(layout['rec:us-east-1'].x).toBeLessThan(layout['origin:assets'].x);
  });

  it('minimalScenario applies overrides, merging distribution one level deep, and is valid', () => {
    const s = minimalScenario({ seed: 7, distribution: { defaultRootObject: 'index.html' } });
    expect(s.seed).toBe(7);
    expect(s.distribution.defaultRootObject).toBe('index.html');
    expect(s.distribution.origins[0].id).toBe('assets');
    expect(s.layout).toBeUndefined();
    expect(parseScenario(s)).toEqual(s);
    s.distribution.origins[0].id = 'changed';
    expect(defaultScenario.distribution.origins[0].id).toBe('assets');
  });
});

describe('presets', () => {
  it('there are five, with unique ids, a title, a description and traffic each', () => {
    expect(PRESETS.map((p) => p.id)).toEqual([
      'static-website',
      'api-acceleration',
      'hls-video',
      'multi-region-failover',
      'global-ecommerce',
    ]);
    for (const p of PRESETS) {
      expect(p.title.length).toBeGreaterThan(5);
      expect(p.description.length).toBeGreaterThan(40);
      expect(p.scenario.traffic!.requestsPerSecond).toBeGreaterThan(0);
    }
  });

  it.each(PRESETS.map((p) => [p.id, p] as const))('%s passes parseScenario unchanged', (_id, p) => {
    expect(parseScenario(p.scenario)).toEqual(p.scenario);
  });

  it('static website: S3 with OAC, short-TTL index.html, long-TTL assets, SPA fallback', () => {
    const s = presetScenario('static-website')!;
    expect(s.distribution.origins[0].originAccessControlId).toBeTruthy();
    const [index, assets] = s.distribution.cacheBehaviors!;
    expect(index.pathPattern).toBe('/index.html');
    expect(s.cachePolicies![index.cachePolicyId!].maxTtl).toBe(60);
    expect(assets.pathPattern).toBe('/assets/*');
    expect(s.originSimulation!.site.catalog!.cacheControl).toBe('public, max-age=31536000, immutable');
    expect(s.distribution.customErrorResponses!.map((r) => [r.errorCode, r.responseCode])).toEqual([
      [403, 200],
      [404, 200],
    ]);
  });

  it('API acceleration: cached product GETs first, then uncached /api/* with all methods', () => {
    const [products, api] = presetScenario('api-acceleration')!.distribution.cacheBehaviors!;
    expect(products.pathPattern).toBe('/api/products*');
    expect(api).toMatchObject({
      pathPattern: '/api/*',
      cachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad', // CachingDisabled
      originRequestPolicyId: 'b689b0a8-53d0-40ab-baf2-68738e2966ac', // AllViewerExceptHostHeader
    });
    expect(api.allowedMethods).toContain('POST');
  });

  it('HLS: short-TTL playlists, long-TTL segments, Origin Shield on', () => {
    const s = presetScenario('hls-video')!;
    const [m3u8, ts] = s.distribution.cacheBehaviors!;
    expect([m3u8.pathPattern, s.cachePolicies![m3u8.cachePolicyId!].maxTtl]).toEqual(['/*.m3u8', 2]);
    expect([ts.pathPattern, s.cachePolicies![ts.cachePolicyId!].defaultTtl]).toEqual(['/*.ts', 86_400]);
    expect(s.distribution.origins[0].originShield).toEqual({
      enabled: true,
      originShieldRegion: 'us-east-1',
    });
  });

  it('failover: origin group us-east-1 -> us-west-2 on 5xx, with an outage of the primary', () => {
    const s = presetScenario('multi-region-failover')!;
    expect(s.distribution.originGroups).toEqual([
      {
        id: 'app-failover',
        failoverCriteria: { statusCodes: [500, 502, 503, 504] },
        members: ['primary', 'secondary'],
      },
    ]);
    expect(s.distribution.origins.map((o) => o.region)).toEqual(['us-east-1', 'us-west-2']);
    expect(s.events).toEqual([
      { id: 'primary-down', kind: 'origin-outage', atMs: 120_000, durationMs: 60_000, target: 'primary' },
    ]);
  });

  it('e-commerce: checkout uncached, viewers on six continents', () => {
    const s = presetScenario('global-ecommerce')!;
    const checkout = s.distribution.cacheBehaviors!.find((b) => b.pathPattern === '/checkout*')!;
    expect(checkout.cachePolicyId).toBe('4135ea2d-6df8-44a3-9df3-4b5a84be39ad');
    const countries = new Set(s.viewers!.map((v) => v.country));
    for (const c of ['US', 'BR', 'FR', 'ZA', 'IN', 'AU']) expect(countries.has(c)).toBe(true);
  });

  it('presetScenario returns a copy that can be edited safely', () => {
    const a = presetScenario('hls-video')!;
    a.name = 'edited';
    expect(PRESETS[2].scenario.name).toBe('HLS live video');
    expect(presetScenario('nope')).toBeUndefined();
  });
});
