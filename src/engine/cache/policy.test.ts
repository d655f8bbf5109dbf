import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../errors';
import type { CacheBehavior, Scenario } from '../scenario';
import { resolveCachePolicy, resolveOriginRequestPolicy, resolveResponseHeadersPolicy } from './policy';

const scenario = (extra: Partial<Scenario> = {}): Scenario => ({
  version: 1,
  name: 't',
  seed: 1,
  distribution: {
    id: 'E1',
    domainName: 'd111111abcdef8.cloudfront.net',
    origins: [{ id: 'app', domainName: 'app.example.com' }],
    defaultCacheBehavior: behavior(),
  },
  ...extra,
});
function behavior(extra: Partial<CacheBehavior> = {}): CacheBehavior {
  return {
    targetOriginId: 'app',
    viewerProtocolPolicy: 'allow-all',
    allowedMethods: ['GET', 'HEAD'],
    cachedMethods: ['GET', 'HEAD'],
    ...extra,
  };
}
const F = 'distribution.defaultCacheBehavior';

function thrown(fn: () => unknown): ScenarioError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ScenarioError) return e;
    throw e;
  }
  throw new Error('expected a ScenarioError');
}

describe('resolveCachePolicy', () => {
  it('resolves a managed policy by id (CachingOptimized)', () => {
    const p = resolveCachePolicy(
      behavior({ cachePolicyId: '658327ea-f89d-4fab-a63d-7e88639e58f6' }),
      scenario(),
      F,
    );
    expect([p.minTtl, p.defaultTtl, p.maxTtl]).toEqual([1, 86_400, 31_536_000]);
    expect([p.enableAcceptEncodingGzip, p.enableAcceptEncodingBrotli, p.legacy, p.cachingDisabled]).toEqual([
      true,
      true,
      false,
      false,
    ]);
    expect(p.id).toBe('658327ea-f89d-4fab-a63d-7e88639e58f6');
  });
  it('marks CachingDisabled as caching disabled', () => {
    expect(
      resolveCachePolicy(behavior({ cachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad' }), scenario(), F)
        .cachingDisabled,
    ).toBe(true);
  });
  it('resolves a managed policy by name too', () => {
    expect(resolveCachePolicy(behavior({ cachePolicyId: 'Managed-CachingDisabled' }), scenario(), F).id).toBe(
      '4135ea2d-6df8-44a3-9df3-4b5a84be39ad',
    );
  });
  it('resolves a custom policy, lower-casing header names and keeping cookie/query case', () => {
    const s = scenario({
      cachePolicies: {
        mine: {
          name: 'Mine',
          minTtl: 0,
          defaultTtl: 60,
          maxTtl: 600,
          headerBehavior: 'whitelist',
          headers: ['X-Device', 'Origin'],
          cookieBehavior: 'whitelist',
          cookies: ['Session'],
          queryStringBehavior: 'allExcept',
          queryStrings: ['utm_Source'],
          enableAcceptEncodingGzip: false,
          enableAcceptEncodingBrotli: false,
        },
      },
    });
    const p = resolveCachePolicy(behavior({ cachePolicyId: 'mine' }), s, F);
    expect([...p.headerNames]).toEqual(['x-device', 'origin']);
    expect([...p.cookieNames]).toEqual(['Session']);
    expect([...p.queryNames]).toEqual(['utm_Source']);
  });
  it('throws naming the field for an unknown id', () => {
    const e = thrown(() => resolveCachePolicy(behavior({ cachePolicyId: 'nope' }), scenario(), F));
    expect(e.field).toBe(`${F}.cachePolicyId`);
    expect(e.message).toMatch(
      /^Cache policy "nope" is neither a managed policy nor defined in cachePolicies/,
    );
  });
  it('throws for a custom policy with Min > Default', () => {
    const s = scenario({
      cachePolicies: {
        bad: {
          name: 'Bad',
          minTtl: 100,
          defaultTtl: 10,
          maxTtl: 1000,
          headerBehavior: 'none',
          headers: [],
          cookieBehavior: 'none',
          cookies: [],
          queryStringBehavior: 'none',
          queryStrings: [],
          enableAcceptEncodingGzip: false,
          enableAcceptEncodingBrotli: false,
        },
      },
    });
    const e = thrown(() => resolveCachePolicy(behavior({ cachePolicyId: 'bad' }), s, F));
    expect(e.field).toBe('cachePolicies.bad.minTtl');
    expect(e.message).toContain('minTtl (100) is greater than defaultTtl (10)');
  });

  describe('legacy settings', () => {
    it('defaults to 0 / 86400 / 31536000 with nothing in the key', () => {
      const p = resolveCachePolicy(behavior(), scenario(), F);
      expect([p.minTtl, p.defaultTtl, p.maxTtl]).toEqual([0, 86_400, 31_536_000]);
      expect([p.legacy, p.headerBehavior, p.cookieBehavior, p.queryStringBehavior]).toEqual([
        true,
        'none',
        'none',
        'none',
      ]);
      expect(p.id).toBeUndefined();
    });
    it('raises the default DefaultTTL to a MinTTL above one day, and MaxTTL above one year', () => {
      const p = resolveCachePolicy(behavior({ minTtl: 100_000 }), scenario(), F);
      expect([p.defaultTtl, p.maxTtl]).toEqual([100_000, 31_536_000]);
      const q = resolveCachePolicy(behavior({ minTtl: 40_000_000 }), scenario(), F);
      expect([q.defaultTtl, q.maxTtl]).toEqual([40_000_000, 40_000_000]);
      const r = resolveCachePolicy(behavior({ defaultTtl: 50_000_000 }), scenario(), F);
      expect(r.maxTtl).toBe(50_000_000);
    });
    it('throws naming the field when Default > Max', () => {
      const e = thrown(() => resolveCachePolicy(behavior({ defaultTtl: 500, maxTtl: 100 }), scenario(), F));
      expect(e.field).toBe(`${F}.defaultTtl`);
    });
    it('maps forwardedValues to list behaviors', () => {
      const p = resolveCachePolicy(
        behavior({
          forwardedValues: {
            queryString: true,
            queryStringCacheKeys: ['v'],
            cookies: { forward: 'whitelist', whitelistedNames: ['s'] },
            headers: ['Origin'],
          },
        }),
        scenario(),
        F,
      );
      expect([p.queryStringBehavior, p.cookieBehavior, p.headerBehavior]).toEqual([
        'whitelist',
        'whitelist',
        'whitelist',
      ]);
      expect([...p.queryNames, ...p.cookieNames, ...p.headerNames]).toEqual(['v', 's', 'origin']);
      const all = resolveCachePolicy(
        behavior({ forwardedValues: { queryString: true, cookies: { forward: 'all' } } }),
        scenario(),
        F,
      );
      expect([all.queryStringBehavior, all.cookieBehavior]).toEqual(['all', 'all']);
    });
    it("forwarding all headers ('*') disables caching and requires MinTTL 0", () => {
      const p = resolveCachePolicy(
        behavior({ forwardedValues: { queryString: false, cookies: { forward: 'none' }, headers: ['*'] } }),
        scenario(),
        F,
      );
      expect(p.cachingDisabled).toBe(true);
      const e = thrown(() =>
        resolveCachePolicy(
          behavior({
            minTtl: 5,
            forwardedValues: { queryString: false, cookies: { forward: 'none' }, headers: ['*'] },
          }),
          scenario(),
          F,
        ),
      );
      expect(e.field).toBe(`${F}.minTtl`);
    });
    it('normalizes Accept-Encoding for gzip only when Compress is on', () => {
      const p = resolveCachePolicy(behavior({ compress: true }), scenario(), F);
      expect([p.enableAcceptEncodingGzip, p.enableAcceptEncodingBrotli]).toEqual([true, false]);
    });
  });
});

describe('resolveOriginRequestPolicy', () => {
  it('is undefined without an id and resolves managed ids', () => {
    expect(resolveOriginRequestPolicy(behavior(), scenario(), F)).toBeUndefined();
    const p = resolveOriginRequestPolicy(
      behavior({ originRequestPolicyId: '88a5eaf4-2fd4-4709-b370-b4c650ea3fcf' }),
      scenario(),
      F,
    );
    expect(p?.name).toBe('Managed-CORS-S3Origin');
    expect(p?.headerNames.has('access-control-request-method')).toBe(true);
  });
  it('rejects a custom policy that forwards Authorization', () => {
    const s = scenario({
      originRequestPolicies: {
        o: {
          name: 'O',
          headerBehavior: 'whitelist',
          headers: ['Authorization'],
          cookieBehavior: 'none',
          cookies: [],
          queryStringBehavior: 'none',
          queryStrings: [],
        },
      },
    });
    const e = thrown(() => resolveOriginRequestPolicy(behavior({ originRequestPolicyId: 'o' }), s, F));
    expect(e.field).toBe('originRequestPolicies.o.headers');
  });
  it('throws naming the field for an unknown id', () => {
    expect(
      thrown(() => resolveOriginRequestPolicy(behavior({ originRequestPolicyId: 'x' }), scenario(), F)).field,
    ).toBe(`${F}.originRequestPolicyId`);
  });
});

describe('resolveResponseHeadersPolicy', () => {
  it('resolves managed ids', () => {
    expect(
      resolveResponseHeadersPolicy(
        behavior({ responseHeadersPolicyId: '67f7725c-6f97-4210-82d7-5512b31e9d03' }),
        scenario(),
        F,
      )?.name,
    ).toBe('Managed-SecurityHeadersPolicy');
  });
  it('lower-cases custom header names and rejects headers CloudFront reserves', () => {
    const ok = scenario({
      responseHeadersPolicies: {
        r: { name: 'R', customHeaders: [{ header: 'X-Team', value: 'a', override: true }] },
      },
    });
    expect(
      resolveResponseHeadersPolicy(behavior({ responseHeadersPolicyId: 'r' }), ok, F)?.customHeaders,
    ).toEqual([{ header: 'x-team', value: 'a', override: true }]);
    const bad = scenario({
      responseHeadersPolicies: {
        r: { name: 'R', customHeaders: [{ header: 'X-Cache', value: 'a', override: true }] },
      },
    });
    const e = thrown(() => resolveResponseHeadersPolicy(behavior({ responseHeadersPolicyId: 'r' }), bad, F));
    expect(e.field).toBe('responseHeadersPolicies.r.customHeaders');
    const badRemove = scenario({
      responseHeadersPolicies: { r: { name: 'R', removeHeaders: ['X-Amz-Cf-Pop'] } },
    });
    expect(
      thrown(() => resolveResponseHeadersPolicy(behavior({ responseHeadersPolicyId: 'r' }), badRemove, F))
        .field,
    ).toBe('responseHeadersPolicies.r.removeHeaders');
  });
});
