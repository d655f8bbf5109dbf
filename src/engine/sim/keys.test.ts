// Catalog keys are numbered (KeyBuilder key ids): a copy cached by run() traffic must be the
// same cache entry request() finds for that path, and other paths must still use string keys.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../index';
import type { Scenario } from '../scenario';
import { DOMAIN } from './testing/harness';

function scenario(): Scenario {
  return {
    version: 1,
    name: 'keys',
    seed: 3,
    distribution: {
      id: 'E1',
      domainName: DOMAIN,
      origins: [{ id: 'o', domainName: 'o.example.com', region: 'us-east-1' }],
      defaultCacheBehavior: {
        targetOriginId: 'o',
        viewerProtocolPolicy: 'allow-all',
        allowedMethods: ['GET', 'HEAD'],
        cachedMethods: ['GET', 'HEAD'],
        cachePolicyId: '658327ea-f89d-4fab-a63d-7e88639e58f6',
      },
    },
    originSimulation: {
      o: {
        processingMs: 20,
        catalog: {
          count: 50,
          pathPrefix: '/i/',
          extension: '.png',
          meanSizeBytes: 10_000,
          cacheControl: 'max-age=3600',
        },
      },
    },
    topology: { pops: ['IAD'], regionalEdgeCaches: false },
    viewers: [{ id: 'us', name: 'US', lat: 38.9, lon: -77.0, country: 'US', weight: 1 }],
    traffic: { requestsPerSecond: 500, zipfAlpha: 0.8, methodMix: { GET: 1 } },
    events: [],
  };
}

const get = (path: string, ae = 'gzip, deflate, br') => ({
  method: 'GET',
  url: `https://${DOMAIN}${path}`,
  headers: { 'accept-encoding': ae },
  viewer: { pop: 'IAD' },
});

describe('catalog key ids', () => {
  it('request() hits what run() cached; other variants and non-catalog paths keep their own keys', async () => {
    const e = await createEngine(scenario());
    const r = e.run(10_000); // 5,000 requests over 50 objects: object 0 is certainly cached
    expect(r.misses).toBeLessThanOrEqual(50);
    const hot = await e.request(get('/i/0.png'));
    expect(hot.headers['x-cache']).toBe('Hit from cloudfront');
    // a different Accept-Encoding is a different key: a miss, whatever run() cached
    const other = await e.request(get('/i/0.png', 'identity'));
    expect(other.headers['x-cache']).toBe('Miss from cloudfront');
    // not a catalog path (leading zero): a string key; the origin's 404 is cached (10 s error
    // caching), so only the first of two requests reaches the origin
    const before = e.stats().originRequests['o'];
    expect((await e.request(get('/i/00.png'))).status).toBe(404);
    expect((await e.request(get('/i/00.png'))).status).toBe(404);
    expect(e.stats().originRequests['o'] - before).toBe(1);
  });

  it('header variants of catalog keys are shared between run() and request() too; cache-busted keys stay strings', async () => {
    const sc = scenario();
    sc.cachePolicies = {
      lang: {
        name: 'lang',
        minTtl: 1,
        defaultTtl: 86_400,
        maxTtl: 31_536_000,
        headerBehavior: 'whitelist',
        headers: ['accept-language'],
        cookieBehavior: 'none',
        cookies: [],
        queryStringBehavior: 'whitelist',
        queryStrings: ['cb'],
        enableAcceptEncodingGzip: true,
        enableAcceptEncodingBrotli: true,
      },
    };
    sc.distribution.defaultCacheBehavior.cachePolicyId = 'lang';
    sc.traffic = { ...sc.traffic!, varyingHeaderShare: 0.9, cacheBustingShare: 0.1 };
    const e = await createEngine(sc);
    e.run(20_000); // 10,000 requests: object 0 in every one of the 8 languages is certainly cached
    const withLang = (lang: string, q = '') => ({
      ...get(`/i/0.png${q}`),
      headers: { 'accept-encoding': 'gzip, deflate, br', 'accept-language': lang },
    });
    expect((await e.request(withLang('de-DE'))).headers['x-cache']).toBe('Hit from cloudfront');
    expect((await e.request(withLang('xx-XX'))).headers['x-cache']).toBe('Miss from cloudfront');
    expect((await e.request(withLang('xx-XX'))).headers['x-cache']).toBe('Hit from cloudfront');
    expect((await e.request(withLang('de-DE', '?cb=zz'))).headers['x-cache']).toBe('Miss from cloudfront');
    expect((await e.request(withLang('de-DE', '?cb=zz'))).headers['x-cache']).toBe('Hit from cloudfront');
  });
});
