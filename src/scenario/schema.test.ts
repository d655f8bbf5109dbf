import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../engine/errors';
import type { EdgeFunction, Scenario } from '../engine/scenario';
import { cloneDefaultScenario, minimalScenario } from './presets/default';
import { checkScenario, parseScenario } from './schema';

/** The message parseScenario throws for `s`, or 'no error'. */
function errorOf(s: unknown): string {
  try {
    parseScenario(s);
    return 'no error';
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError);
    return (e as Error).message;
  }
}

const withFunction = (f: EdgeFunction): Scenario => {
  const s = minimalScenario({ functions: [f] });
  s.distribution.defaultCacheBehavior.functionAssociations = [
    { eventType: 'viewer-request', functionName: f.name },
  ];
  return s;
};

describe('parseScenario accepts', () => {
  it('the default scenario and returns an equal copy, not the same object', () => {
    const s = cloneDefaultScenario();
    const parsed = parseScenario(s);
    expect(parsed).toEqual(s);
    expect(parsed).not.toBe(s);
  });

  it('the minimal test scenario', () => {
    expect(parseScenario(minimalScenario()).name).toBe('Minimal');
  });

  it('JSON text round-tripped through a file', () => {
    const s = cloneDefaultScenario();
    expect(parseScenario(JSON.parse(JSON.stringify(s)))).toEqual(s);
  });
});

describe('parseScenario rejects bad fields, naming the path and what to fix', () => {
  it('a connection attempt count outside 1-3', () => {
    const s = minimalScenario();
    s.distribution.origins[0].connectionAttempts = 5;
    expect(errorOf(s)).toBe('distribution.origins[0].connectionAttempts: must be between 1 and 3 (got 5)');
  });

  it('sets ScenarioError.field to the path of the first issue', () => {
    const s = minimalScenario();
    s.distribution.origins[0].connectionTimeout = 11;
    try {
      parseScenario(s);
      expect.unreachable();
    } catch (e) {
      expect((e as ScenarioError).field).toBe('distribution.origins[0].connectionTimeout');
      expect((e as Error).message).toBe(
        'distribution.origins[0].connectionTimeout: must be between 1 and 10 seconds (got 11)',
      );
    }
  });

  it('a read timeout over 60 s and a fractional TTL', () => {
    const s = minimalScenario();
    s.distribution.origins[0].customOriginConfig = { originReadTimeout: 61 };
    delete s.distribution.origins[0].s3OriginConfig;
    s.distribution.defaultCacheBehavior.minTtl = 1.5;
    expect(errorOf(s)).toBe(
      'distribution.origins[0].customOriginConfig.originReadTimeout: must be between 1 and 60 seconds (got 61); ' +
        'distribution.defaultCacheBehavior.minTtl: must be a whole number (got 1.5)',
    );
  });

  it('a TTL above 100 years', () => {
    const s = minimalScenario();
    s.distribution.defaultCacheBehavior.maxTtl = 3_153_600_001;
    expect(errorOf(s)).toBe(
      'distribution.defaultCacheBehavior.maxTtl: must be between 0 and 3153600000 seconds (0 to 100 years) (got 3153600001)',
    );
  });

  it('a missing required field and a wrong type', () => {
    const s = minimalScenario() as unknown as Record<string, unknown>;
    delete s.seed;
    (s.traffic as Record<string, unknown>).zipfAlpha = '0.8';
    expect(errorOf(s)).toBe(
      'seed: is required: add a number; traffic.zipfAlpha: must be a number (got "0.8")',
    );
  });

  it('a zipf exponent outside 0.6-1.2 and a negative viewer weight', () => {
    const s = minimalScenario();
    s.traffic!.zipfAlpha = 1.5;
    s.viewers![2].weight = -1;
    expect(errorOf(s)).toBe(
      'viewers[2].weight: must be 0 or more (got -1); traffic.zipfAlpha: must be between 0.6 and 1.2 (got 1.5)',
    );
  });

  it('a misspelt field, suggesting the right one', () => {
    const s = minimalScenario() as unknown as { distribution: { origins: Record<string, unknown>[] } };
    s.distribution.origins[0].connectionAttempt = 2;
    expect(errorOf(s)).toBe(
      'distribution.origins[0].connectionAttempt: is not a known field: did you mean "connectionAttempts"?',
    );
  });

  it('an unknown enum value, listing the allowed ones', () => {
    const s = minimalScenario();
    (s.distribution as { priceClass: string }).priceClass = 'PriceClass_300';
    expect(errorOf(s)).toBe(
      'distribution.priceClass: must be one of "PriceClass_100", "PriceClass_200", "PriceClass_All" (got "PriceClass_300")',
    );
  });

  it('lists three issues and counts the rest', () => {
    const s = minimalScenario();
    s.distribution.origins[0].connectionAttempts = 0;
    s.distribution.origins[0].connectionTimeout = 0;
    s.traffic!.zipfAlpha = 2;
    s.traffic!.requestsPerSecond = -1;
    expect(errorOf(s)).toMatch(/; and 1 more$/);
    expect(checkScenario(s).issues).toHaveLength(4);
  });

  it('a function runtime that does not exist', () => {
    const s = withFunction({
      name: 'f',
      kind: 'cloudfront-function',
      runtime: 'cloudfront-js-3.0' as 'cloudfront-js-2.0',
      code: 'function handler(e) { return e.request; }',
    });
    expect(errorOf(s)).toBe(
      'functions[0].runtime: must be one of "cloudfront-js-1.0", "cloudfront-js-2.0" (got "cloudfront-js-3.0")',
    );
  });

  it('a failover code CloudFront does not accept', () => {
    const s = minimalScenario();
    s.distribution.origins.push({ id: 'b', domainName: 'b.example.com', customOriginConfig: {} });
    s.distribution.originGroups = [
      { id: 'g', failoverCriteria: { statusCodes: [500, 501] }, members: ['assets', 'b'] },
    ];
    expect(errorOf(s)).toBe(
      'distribution.originGroups[0].failoverCriteria.statusCodes[1]: must be one of 400, 403, 404, 416, 500, 502, 503, 504 (got 501)',
    );
  });
});

describe('cross-field rules', () => {
  it('an unknown target origin lists the known ids', () => {
    const s = minimalScenario();
    s.distribution.defaultCacheBehavior.targetOriginId = 'nope';
    expect(errorOf(s)).toBe(
      'distribution.defaultCacheBehavior.targetOriginId: must be the id of an origin or origin group (known: assets) (got "nope")',
    );
  });

  it('allowed methods must be one of the three documented sets (any order)', () => {
    const s = minimalScenario();
    s.distribution.defaultCacheBehavior.allowedMethods = ['HEAD', 'GET', 'OPTIONS'];
    s.distribution.defaultCacheBehavior.cachedMethods = ['HEAD', 'GET'];
    expect(errorOf(s)).toBe('no error');
    s.distribution.defaultCacheBehavior.allowedMethods = ['GET', 'HEAD', 'POST'];
    expect(errorOf(s)).toBe(
      'distribution.defaultCacheBehavior.allowedMethods: must be one of the sets [GET, HEAD] or [GET, HEAD, OPTIONS] or ' +
        '[GET, HEAD, OPTIONS, PUT, POST, PATCH, DELETE] (got ["GET","HEAD","POST"])',
    );
  });

  it('cached methods must be allowed', () => {
    const s = minimalScenario();
    s.distribution.defaultCacheBehavior.cachedMethods = ['GET', 'HEAD', 'OPTIONS'];
    expect(errorOf(s)).toBe(
      'distribution.defaultCacheBehavior.cachedMethods: must only contain allowed methods: allow OPTIONS too, or stop caching it (got ["GET","HEAD","OPTIONS"])',
    );
  });

  it('legacy TTLs must be ordered, with CloudFront filling the gaps', () => {
    const s = minimalScenario();
    const b = s.distribution.defaultCacheBehavior;
    delete b.cachePolicyId;
    b.minTtl = 100_000; // alone: DefaultTTL defaults up to MinTTL, so this is fine
    expect(errorOf(s)).toBe('no error');
    b.defaultTtl = 50;
    expect(errorOf(s)).toBe(
      'distribution.defaultCacheBehavior.minTtl: must not be greater than the default TTL (50): CloudFront requires MinTTL <= DefaultTTL <= MaxTTL (got 100000)',
    );
  });

  it('custom cache policy TTLs must be ordered, and unknown policy ids are refused', () => {
    const s = minimalScenario({
      cachePolicies: {
        p1: {
          name: 'P1',
          minTtl: 0,
          defaultTtl: 600,
          maxTtl: 60,
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
    s.distribution.defaultCacheBehavior.cachePolicyId = 'p2';
    expect(errorOf(s)).toBe(
      'distribution.defaultCacheBehavior.cachePolicyId: is not a managed cache policy id, and no custom cache policy has this id: add the policy or use a managed id (got "p2"); ' +
        'cachePolicies.p1.defaultTtl: must not be greater than the maximum TTL (60): CloudFront requires MinTTL <= DefaultTTL <= MaxTTL (got 600)',
    );
  });

  it("a default root object starting with '/'", () => {
    const s = minimalScenario({ distribution: { defaultRootObject: '/index.html' } });
    expect(errorOf(s)).toBe(
      "distribution.defaultRootObject: must not start with '/': write 'index.html', not '/index.html' (got \"/index.html\")",
    );
  });

  it('an origin group needs exactly two distinct origins', () => {
    const s = minimalScenario();
    s.distribution.originGroups = [
      { id: 'g', failoverCriteria: { statusCodes: [503] }, members: ['assets'] },
    ];
    expect(errorOf(s)).toBe(
      'distribution.originGroups[0].members: must list exactly 2 origins: the primary, then the secondary (got ["assets"])',
    );
  });

  it('path patterns: required on ordered behaviors, at most 255 characters, unique', () => {
    const s = minimalScenario();
    const b = { ...s.distribution.defaultCacheBehavior };
    s.distribution.cacheBehaviors = [{ ...b, pathPattern: `/${'a'.repeat(255)}` }];
    expect(errorOf(s)).toBe(
      'distribution.cacheBehaviors[0].pathPattern: must be at most 255 characters (it has 256)',
    );
    s.distribution.cacheBehaviors = [
      { ...b, pathPattern: '/img/*' },
      { ...b, pathPattern: '/img/*' },
    ];
    expect(errorOf(s)).toMatch(
      /^distribution\.cacheBehaviors\[1\]\.pathPattern: is used by an earlier behavior/,
    );
    s.distribution.cacheBehaviors = [{ ...b }];
    expect(errorOf(s)).toBe(
      "distribution.cacheBehaviors[0].pathPattern: is required on an ordered behavior, e.g. '/images/*'",
    );
  });

  it('an association must name a function of the right kind', () => {
    const s = withFunction({ name: 'auth', kind: 'lambda-edge', code: 'exports.handler = async (e) => e;' });
    expect(errorOf(s)).toBe(
      'distribution.defaultCacheBehavior.functionAssociations[0].functionName: is a Lambda@Edge function: associate it as a Lambda@Edge function instead (got "auth")',
    );
  });

  it('alternate domain names may be wildcards; origins need a known region; PoPs must exist', () => {
    const s = minimalScenario({ distribution: { aliases: ['*.example.com', 'www.example.org'] } });
    expect(errorOf(s)).toBe('no error');
    s.distribution.aliases = ['https://www.example.com/'];
    expect(errorOf(s)).toBe(
      'distribution.aliases[0]: must be a domain name such as www.example.com or *.example.com (got "https://www.example.com/")',
    );
    s.distribution.aliases = [];
    s.distribution.origins[0].region = 'us-north-9';
    s.topology!.pops = ['NRT51-C1', 'XYZ'];
    expect(errorOf(s)).toBe(
      "distribution.origins[0].region: is not an AWS region EdgeLab knows: use a code such as 'us-east-1' or 'eu-west-1' (got \"us-north-9\"); " +
        'topology.pops[1]: is not a CloudFront edge location EdgeLab knows (the first three letters, \'XYZ\', name no location) (got "XYZ")',
    );
  });

  it('an origin-outage event must target an origin', () => {
    const s = minimalScenario({ events: [{ id: 'e', kind: 'origin-outage', atMs: 0, target: 'nope' }] });
    expect(errorOf(s)).toBe('events[0].target: must be an origin id (known: assets) (got "nope")');
  });
});

describe('edge-function syntax by runtime', () => {
  const fn = (runtime: 'cloudfront-js-1.0' | 'cloudfront-js-2.0', code: string) =>
    withFunction({ name: 'f', kind: 'cloudfront-function', runtime, code });

  it('runtime 1.0 refuses const and let, naming the line', () => {
    expect(
      errorOf(
        fn('cloudfront-js-1.0', 'function handler(event) {\n  const r = event.request;\n  return r;\n}'),
      ),
    ).toBe(
      "functions[0].code: line 2: runtime cloudfront-js-1.0 does not support 'const': use 'var', or switch the function to cloudfront-js-2.0",
    );
    expect(errorOf(fn('cloudfront-js-1.0', 'function handler(e) { let r = e.request; return r; }'))).toMatch(
      /does not support 'let'/,
    );
  });

  it('runtime 1.0 refuses async/await and classes', () => {
    expect(errorOf(fn('cloudfront-js-1.0', 'async function handler(e) { return e.request; }'))).toMatch(
      /line 1: runtime cloudfront-js-1\.0 does not support async functions/,
    );
    expect(errorOf(fn('cloudfront-js-1.0', 'class A {}\nfunction handler(e) { return e.request; }'))).toMatch(
      /does not support classes/,
    );
  });

  it('runtime 1.0 accepts its documented ES6+ extras: template literals, arrows, rest parameters, **', () => {
    const code =
      'function handler(event, ...rest) {\n  var f = (x) => x ** 2;\n  event.request.uri = `/v${f(2)}${event.request.uri}`;\n  return event.request;\n}';
    expect(errorOf(fn('cloudfront-js-1.0', code))).toBe('no error');
  });

  it('runtime 1.0 refuses syntax newer than ES2018, with a hint', () => {
    expect(errorOf(fn('cloudfront-js-1.0', 'function handler(e) { return e?.request; }'))).toMatch(
      /^functions\[0\]\.code: line 1: syntax error: Unexpected token \(runtime cloudfront-js-1\.0 reads ES 5\.1 plus some ES6-9 only/,
    );
  });

  it('runtime 2.0 accepts const, async/await and the cloudfront module import', () => {
    const code =
      "import cf from 'cloudfront';\nconst kvs = cf.kvs();\nasync function handler(event) {\n  const v = await kvs.get('k');\n  return event.request;\n}";
    expect(errorOf(fn('cloudfront-js-2.0', code))).toBe('no error');
  });

  it('a syntax error is reported with its line for any runtime', () => {
    expect(errorOf(fn('cloudfront-js-2.0', 'function handler(e) {\n  return e.request\n}}'))).toBe(
      'functions[0].code: line 3: syntax error: Unexpected token; fix the code',
    );
  });

  it('a CloudFront Function over 10 KB (counted in UTF-8 bytes) is refused', () => {
    // 41 + 1 + 2 ASCII bytes, then 3,400 euro signs of 3 bytes each: 3,444 characters, 10,244 bytes.
    const code = `function handler(e) { return e.request; }\n//${'€'.repeat(3_400)}`;
    expect(errorOf(fn('cloudfront-js-2.0', code))).toBe(
      'functions[0].code: is 10244 bytes; CloudFront Functions allow at most 10240 (10 KB): make it smaller',
    );
  });

  it('Lambda@Edge code may be CommonJS or an ES module', () => {
    const lambda = (code: string) =>
      minimalScenario({ functions: [{ name: 'l', kind: 'lambda-edge', code }] });
    expect(
      errorOf(lambda("'use strict';\nexports.handler = async (event) => event.Records[0].cf.request;")),
    ).toBe('no error');
    expect(errorOf(lambda('export const handler = async (event) => event.Records[0].cf.request;'))).toBe(
      'no error',
    );
  });
});
