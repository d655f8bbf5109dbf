// CloudFront quotas on the way in: hard limits refuse, default quotas AWS raises on request warn.
import { describe, expect, it } from 'vitest';
import type { CacheBehavior } from '../engine/scenario';
import { cloneDefaultScenario } from './presets/default';
import { quotaWarnings } from './quotas';
import { checkScenario, parseScenario } from './schema';

describe('quotas', () => {
  it('the default scenario is within every quota', () => {
    expect(quotaWarnings(cloneDefaultScenario())).toEqual([]);
  });

  it('warns past the default quotas of origins, behaviors, origin groups and policy names', () => {
    const s = cloneDefaultScenario();
    const o = s.distribution.origins[0];
    s.distribution.origins = Array.from({ length: 26 }, (_, i) => ({ ...o, id: i === 0 ? o.id : `o${i}` }));
    const b: CacheBehavior = { ...s.distribution.defaultCacheBehavior, pathPattern: '/x/*' };
    s.distribution.cacheBehaviors = Array.from({ length: 75 }, (_, i) => ({ ...b, pathPattern: `/p${i}/*` }));
    s.cachePolicies = {
      custom: {
        name: 'Wide key',
        minTtl: 0,
        defaultTtl: 60,
        maxTtl: 600,
        headerBehavior: 'whitelist',
        headers: Array.from({ length: 11 }, (_, i) => `x-h${i}`),
        cookieBehavior: 'none',
        cookies: [],
        queryStringBehavior: 'whitelist',
        queryStrings: Array.from({ length: 12 }, (_, i) => `q${i}`),
        enableAcceptEncodingGzip: true,
        enableAcceptEncodingBrotli: true,
      },
    };
    expect(quotaWarnings(s)).toEqual([
      "The distribution has 26 origins, over CloudFront's default quota of 25 origins per distribution (AWS raises this default quota on request; EdgeLab simulates the distribution as it is).",
      "The distribution has 76 cache behaviors, over CloudFront's default quota of 75 cache behaviors per distribution (AWS raises this default quota on request; EdgeLab simulates the distribution as it is).",
      'Cache policy "Wide key" has 11 header names, over CloudFront\'s default quota of 10 header names per policy (AWS raises this default quota on request; EdgeLab simulates the distribution as it is).',
      'Cache policy "Wide key" has 12 query string names, over CloudFront\'s default quota of 10 query string names per policy (AWS raises this default quota on request; EdgeLab simulates the distribution as it is).',
    ]);
    // A warning, not a refusal: the scenario still opens.
    expect(checkScenario(s).issues.filter((i) => i.message.includes('quota'))).toEqual([]);
  });

  it('refuses a CloudFront Function over the hard 10 KB limit', () => {
    const s = cloneDefaultScenario();
    s.functions = [
      {
        name: 'big',
        kind: 'cloudfront-function',
        code: `function handler(e) { return e.request; }\n//${'x'.repeat(10_300)}`,
      },
    ];
    expect(() => parseScenario(s)).toThrow(
      /functions\[0\]\.code: is 10\d{3} bytes; CloudFront Functions allow at most 10240 \(10 KB\): make it smaller/,
    );
  });
});

describe('scenario checks on the way in', () => {
  it('refuses a check that cannot be read, naming it and the column', () => {
    const s = cloneDefaultScenario();
    s.assertions = [
      { id: 'a', expression: 'hitRatio > 0.9' },
      { id: 'b', expression: 'hitrate > 0.9' },
    ];
    expect(() => parseScenario(s)).toThrow(
      'assertions[1].expression: Cannot read "hitrate > 0.9" at column 1',
    );
  });

  it('refuses two checks with the same id', () => {
    const s = cloneDefaultScenario();
    s.assertions = [
      { id: 'a', expression: 'errors == 0' },
      { id: 'a', expression: 'hits > 1' },
    ];
    expect(() => parseScenario(s)).toThrow(
      'assertions[1].id: is used by another check: give each its own id (got "a")',
    );
  });
});
