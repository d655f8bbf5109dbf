// Scenario validation: every error names the field and says what to change.
import { describe, expect, it } from 'vitest';
import { ScenarioError } from './errors';
import { createEngine } from './index';
import { normalizeScenario } from './normalize';
import { exampleScenario } from './sim/testing/harness';

const fieldOf = (s: ReturnType<typeof exampleScenario>): string | undefined => {
  try {
    normalizeScenario(s);
  } catch (e) {
    if (e instanceof ScenarioError) return e.field;
    throw e;
  }
  return undefined;
};

describe('normalizeScenario', () => {
  it('accepts the example scenario and fills defaults', () => {
    const ns = normalizeScenario(exampleScenario());
    expect([
      ns.domainName,
      ns.behaviors.length,
      ns.capacity.edge,
      ns.eviction,
      ns.settings.invalidationCompletionMs,
    ]).toEqual(['d111111abcdef8.cloudfront.net', 1, 2 * 2 ** 30, 'lru', 60_000]);
    const o = ns.origins.get('app')!;
    expect([o.connectionAttempts, o.connectionTimeoutMs, o.readTimeoutMs]).toEqual([3, 10_000, 30_000]);
  });

  it('rejects a default root object with a leading slash, naming the field', async () => {
    const s = exampleScenario({ distribution: { defaultRootObject: '/index.html' } });
    await expect(createEngine(s)).rejects.toThrow(/defaultRootObject "\/index.html" starts with '\/'/);
    expect(fieldOf(s)).toBe('distribution.defaultRootObject');
  });

  it('rejects an unknown targetOriginId', () => {
    expect(fieldOf(exampleScenario({ behavior: { targetOriginId: 'nope' } }))).toBe(
      'distribution.defaultCacheBehavior.targetOriginId',
    );
  });

  it('rejects an origin group without exactly two members, or with a bad failover code', () => {
    const one = exampleScenario({
      distribution: {
        originGroups: [{ id: 'G', failoverCriteria: { statusCodes: [503] }, members: ['app'] }],
      },
    });
    expect(fieldOf(one)).toBe('distribution.originGroups[0].members');
    const s = exampleScenario({
      distribution: {
        origins: [
          { id: 'app', domainName: 'a.example.com', customOriginConfig: {} },
          { id: 'b', domainName: 'b.example.com', customOriginConfig: {} },
        ],
        originGroups: [{ id: 'G', failoverCriteria: { statusCodes: [501] }, members: ['app', 'b'] }],
      },
    });
    expect(fieldOf(s)).toBe('distribution.originGroups[0].failoverCriteria.statusCodes');
  });

  it('rejects method sets CloudFront does not offer', () => {
    expect(fieldOf(exampleScenario({ behavior: { allowedMethods: ['GET', 'POST'] } }))).toBe(
      'distribution.defaultCacheBehavior.allowedMethods',
    );
    expect(fieldOf(exampleScenario({ behavior: { cachedMethods: ['GET', 'HEAD', 'OPTIONS'] } }))).toBe(
      'distribution.defaultCacheBehavior.cachedMethods',
    );
    expect(fieldOf(exampleScenario({ behavior: { allowedMethods: ['head', 'get'] } }))).toBeUndefined();
  });

  it('rejects MinTTL above DefaultTTL (legacy settings)', () => {
    const s = exampleScenario({
      behavior: { cachePolicyId: undefined, minTtl: 100, defaultTtl: 10, maxTtl: 1000 },
    });
    expect(fieldOf(s)).toBe('distribution.defaultCacheBehavior.minTtl');
  });

  it('caps DefaultTTL at MaxTTL instead of rejecting it (worked examples use P(0/86400/3600))', () => {
    const ns = normalizeScenario(
      exampleScenario({
        behavior: { cachePolicyId: undefined, minTtl: 0, defaultTtl: 86_400, maxTtl: 3600 },
      }),
    );
    expect([ns.behaviors[0].cachePolicy.defaultTtl, ns.behaviors[0].cachePolicy.maxTtl]).toEqual([
      3600, 3600,
    ]);
  });

  it('rejects a function association to an undefined function and out-of-range origin settings', () => {
    expect(
      fieldOf(
        exampleScenario({
          behavior: { functionAssociations: [{ eventType: 'viewer-request', functionName: 'ghost' }] },
        }),
      ),
    ).toBe('distribution.defaultCacheBehavior.functionAssociations[0]');
    expect(
      fieldOf(
        exampleScenario({
          distribution: { origins: [{ id: 'app', domainName: 'a.example.com', connectionAttempts: 4 }] },
        }),
      ),
    ).toBe('distribution.origins[0].connectionAttempts');
  });

  it('rejects an invalid path pattern and a custom error response without a page for its response code', () => {
    const b = {
      pathPattern: 'a b/*',
      targetOriginId: 'app',
      viewerProtocolPolicy: 'allow-all' as const,
      allowedMethods: ['GET', 'HEAD'],
      cachedMethods: ['GET', 'HEAD'],
      cachePolicyId: 'P',
    };
    expect(fieldOf(exampleScenario({ distribution: { cacheBehaviors: [b] } }))).toBe(
      'distribution.cacheBehaviors[0].pathPattern',
    );
    expect(
      fieldOf(
        exampleScenario({ distribution: { customErrorResponses: [{ errorCode: 404, responseCode: 200 }] } }),
      ),
    ).toBe('distribution.customErrorResponses[0].responsePagePath');
  });
});
