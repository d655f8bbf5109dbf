import { describe, expect, it } from 'vitest';
import type { CacheBehavior, Scenario } from '../../engine/scenario';
import { minimalScenario, presetScenario } from '..';
import { lintScenario } from '.';

const OPTIMIZED = '658327ea-f89d-4fab-a63d-7e88639e58f6';
const DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';

function behavior(pathPattern: string, extra: Partial<CacheBehavior> = {}): CacheBehavior {
  return {
    pathPattern,
    targetOriginId: 'assets',
    viewerProtocolPolicy: 'redirect-to-https',
    allowedMethods: ['GET', 'HEAD'],
    cachedMethods: ['GET', 'HEAD'],
    cachePolicyId: OPTIMIZED,
    ...extra,
  };
}

const withBehaviors = (cacheBehaviors: CacheBehavior[], extra: Partial<Scenario> = {}) =>
  minimalScenario({ distribution: { cacheBehaviors }, ...extra });

const ids = (s: Scenario) => lintScenario(s).map((f) => f.id);

describe('lintScenario', () => {
  it('finds nothing to say about the default scenario', () => {
    expect(lintScenario(minimalScenario())).toEqual([]);
  });

  it('reports a behavior an earlier pattern covers, pointing at its node and pattern', () => {
    const findings = lintScenario(withBehaviors([behavior('/assets/*'), behavior('/assets/*.jpg')]));
    expect(findings).toEqual([
      {
        id: 'shadowed:behavior:1',
        severity: 'warning',
        nodeId: 'behavior:1',
        behavior: 1,
        field: 'distribution.cacheBehaviors[1].pathPattern',
        message:
          'Behavior 2 (/assets/*.jpg) can never match: the earlier pattern "/assets/*" matches every path ' +
          '"/assets/*.jpg" matches, and CloudFront uses the first match. Move it above that behavior or change its pattern.',
      },
    ]);
  });

  it('does not report a pattern that only overlaps an earlier one', () => {
    expect(ids(withBehaviors([behavior('/images/*'), behavior('*.jpg')]))).toEqual([]);
  });

  it('reports a pattern covered only by several earlier ones together', () => {
    const findings = lintScenario(withBehaviors([behavior('/a'), behavior('/a?*'), behavior('/a*')]));
    expect(findings.map((f) => f.id)).toEqual(['shadowed:behavior:2']);
    expect(findings[0].message).toContain('the earlier patterns "/a" and "/a?*" together match every path');
  });

  it('reports the default behavior and the functions of a shadowed behavior', () => {
    const s = withBehaviors([
      behavior('*'),
      behavior('/x/*', { functionAssociations: [{ eventType: 'viewer-request', functionName: 'rewrite' }] }),
    ]);
    s.functions = [
      { name: 'rewrite', kind: 'cloudfront-function', code: 'function handler(e){return e.request}' },
    ];
    expect(ids(s)).toEqual([
      'shadowed:behavior:1',
      'dead-function:behavior:1:viewer-request:rewrite',
      'shadowed:behavior:default',
    ]);
    expect(lintScenario(s)[1].message).toBe(
      'Function "rewrite" (viewer-request) on behavior 2 (/x/*) never runs, because that behavior never matches. ' +
        'Attach it to a behavior that requests reach.',
    );
  });

  it('reports a cache key that includes the cache-busting query string or the session cookie', () => {
    const s = minimalScenario({
      traffic: { requestsPerSecond: 100, zipfAlpha: 0.8, cacheBustingShare: 0.1, varyingCookieShare: 0.25 },
    });
    s.distribution.defaultCacheBehavior = {
      ...s.distribution.defaultCacheBehavior,
      cachePolicyId: undefined,
      forwardedValues: { queryString: true, cookies: { forward: 'all' } },
    };
    const findings = lintScenario(s);
    expect(findings.map((f) => f.id)).toEqual([
      'fragmented-query:behavior:default',
      'fragmented-cookie:behavior:default',
    ]);
    expect(findings[0].message).toBe(
      'The cache key of the default behavior (*), set by Legacy cache settings, includes the "cb" query string, and ' +
        '10% of requests carry a unique "?cb=" value, so each of them is a miss. Key on the query strings that ' +
        'change the response only (a whitelist), or none.',
    );
    expect(findings[1].message).toContain('which 25% of requests carry with one of 10,000 values');
    // A whitelist without "cb" keeps the key whole.
    s.distribution.defaultCacheBehavior.forwardedValues = {
      queryString: true,
      queryStringCacheKeys: ['v'],
      cookies: { forward: 'none' },
    };
    expect(ids(s)).toEqual([]);
  });

  it('reports TTLs that contradict the origin Cache-Control', () => {
    const s = minimalScenario();
    s.cachePolicies = {
      long: { ...noKey('LongMin'), minTtl: 7_200, defaultTtl: 7_200, maxTtl: 86_400 },
    };
    s.distribution.defaultCacheBehavior.cachePolicyId = 'long';
    expect(lintScenario(s).map((f) => [f.id, f.message])).toEqual([
      [
        'min-ttl-over-max-age:behavior:default',
        'MinTTL of the default behavior (*) is 7,200 s, above the origin\'s 3600 s for /assets/0 ("max-age=3600"): ' +
          "CloudFront keeps it 7,200 s and ignores the origin's freshness, so viewers may see stale content. " +
          'Lower MinTTL to 3600 or less.',
      ],
      [
        'default-ttl-unused:behavior:default',
        'DefaultTTL (7,200 s) of the default behavior (*) is never used: the origin always sends its own lifetime ' +
          '(e.g. "max-age=3600" for /assets/0). Only MinTTL and MaxTTL apply.',
      ],
    ]);
  });

  it('reports CachingDisabled in front of long-lived objects and MinTTL over no-store', () => {
    const s = minimalScenario();
    s.distribution.defaultCacheBehavior.cachePolicyId = DISABLED;
    expect(lintScenario(s).map((f) => f.message)).toEqual([
      'The default behavior (*) uses Managed-CachingDisabled, but origin "assets" marks /assets/0 cacheable for ' +
        '3,600 s ("max-age=3600"): every request goes to the origin. Use a caching policy (e.g. CachingOptimized) ' +
        'if the content may be shared.',
    ]);
    s.distribution.defaultCacheBehavior.cachePolicyId = OPTIMIZED; // MinTTL 1
    s.originSimulation!.assets.catalog!.cacheControl = 'private, no-store';
    expect(ids(s)).toEqual(['min-ttl-overrides-no-store:behavior:default']);
  });

  it('reports a viewer-response function behind a viewer-request function that always answers itself', () => {
    const s = minimalScenario();
    const redirect =
      'function handler(event) {\n' +
      '  if (event.request.uri === "/") return { statusCode: 301, headers: { location: { value: "/a" } } };\n' +
      '  return { statusCode: 404, statusDescription: "Not Found" };\n}';
    s.functions = [
      { name: 'answer', kind: 'cloudfront-function', code: redirect },
      { name: 'headers', kind: 'cloudfront-function', code: 'function handler(e) { return e.response; }' },
    ];
    s.distribution.defaultCacheBehavior.functionAssociations = [
      { eventType: 'viewer-request', functionName: 'answer' },
      { eventType: 'viewer-response', functionName: 'headers' },
    ];
    expect(lintScenario(s).map((f) => f.message)).toEqual([
      'Viewer-response function "headers" on the default behavior (*) never runs: the viewer-request function ' +
        '"answer" always returns its own response, and CloudFront does not run viewer-response functions on ' +
        'responses a viewer-request function generates. Move its work into "answer".',
    ]);
    // One path that passes the request on: the viewer-response function may run.
    s.functions[0].code = redirect.replace(
      'return { statusCode: 404, statusDescription: "Not Found" }',
      'return event.request',
    );
    expect(ids(s)).toEqual([]);
  });

  it('reports origin groups that cannot fail over usefully', () => {
    const s = presetScenario('multi-region-failover')!;
    expect(ids(s)).toEqual([]);
    const g = s.distribution.originGroups![0];
    g.failoverCriteria.statusCodes = [];
    const [primary] = g.members;
    s.distribution.origins.find((o) => o.id === primary)!.originShield = {
      enabled: true,
      originShieldRegion: 'us-east-1',
    };
    const findings = lintScenario(s);
    expect(findings.map((f) => [f.id, f.nodeId])).toEqual([
      [`no-failover-codes:originGroup:${g.id}`, `originGroup:${g.id}`],
      [`shield-mismatch:originGroup:${g.id}`, `origin:${g.members[1]}`],
    ]);
  });

  it('keeps warning about default CloudFront quotas while the canvas is edited, pointing at what to trim', () => {
    const s = withBehaviors([behavior('/wide/*', { cachePolicyId: 'wide' })], {
      cachePolicies: {
        wide: {
          ...noKey('Wide key'),
          minTtl: 0,
          defaultTtl: 60,
          maxTtl: 600,
          headerBehavior: 'whitelist',
          headers: Array.from({ length: 11 }, (_, i) => `x-h${i}`),
        },
      },
    });
    const o = s.distribution.origins[0];
    s.distribution.origins.push(
      ...Array.from({ length: 26 - s.distribution.origins.length }, (_, i) => ({ ...o, id: `extra${i}` })),
    );
    const quota = lintScenario(s).filter((f) => f.id.startsWith('quota:'));
    expect(quota.map((f) => [f.id, f.severity, f.nodeId, f.field])).toEqual([
      [
        'quota:originsPerDistribution:distribution.origins',
        'warning',
        'distribution',
        'distribution.origins',
      ],
      [
        'quota:headersPerPolicy:cachePolicies.wide.headers',
        'warning',
        'behavior:0',
        'cachePolicies.wide.headers',
      ],
    ]);
    expect(quota[0].message).toMatch(
      /^The distribution has 26 origins, over CloudFront's default quota of 25 origins per distribution: .*Remove the origins no behavior needs, or request a quota increase\.$/,
    );
    expect(quota[1].message).toContain('Cache policy "Wide key" has 11 header names');
    // Back within the quotas, nothing is said.
    s.distribution.origins.splice(25);
    s.cachePolicies!.wide.headers.splice(10);
    expect(ids(s).filter((id) => id.startsWith('quota:'))).toEqual([]);
  });
});

function noKey(name: string) {
  return {
    name,
    headerBehavior: 'none' as const,
    headers: [],
    cookieBehavior: 'none' as const,
    cookies: [],
    queryStringBehavior: 'none' as const,
    queryStrings: [],
    enableAcceptEncodingGzip: true,
    enableAcceptEncodingBrotli: true,
  };
}
