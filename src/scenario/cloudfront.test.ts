import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../engine/errors';
import type { Scenario } from '../engine/scenario';
import {
  fromCloudFront,
  importCloudFrontJson,
  listUnmodeledFields,
  toCloudFront,
  type CloudFrontInput,
} from './cloudfront';
import { fullConfig, simpleS3Config } from './fixtures/cloudfrontConfigs';
import { PRESETS } from './presets';
import { defaultScenario } from './presets/default';
import { parseScenario } from './schema';

const copy = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
type Dc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- test fixtures are raw API JSON

/** fullConfig with one change to its DistributionConfig (or the whole input). */
function fullWith(change: (dc: Dc, input: Dc) => void): CloudFrontInput {
  const input = copy(fullConfig) as Dc;
  change(input.DistributionConfig, input);
  return input as CloudFrontInput;
}

function importError(input: unknown): string {
  try {
    importCloudFrontJson(input);
    return 'no error';
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError);
    return (e as Error).message;
  }
}

describe('round trips', () => {
  it.each([
    ['a fresh S3 distribution as the CLI prints it', simpleS3Config],
    [
      'origins, a group, ordered behaviors, policies, functions, errors, geo, key groups, legacy settings',
      fullConfig,
    ],
  ])('%s: toCloudFront(fromCloudFront(x)) gives x back, field for field', (_name, x) => {
    const out = toCloudFront(fromCloudFront(x as CloudFrontInput));
    expect(out.DistributionConfig).toEqual(x.DistributionConfig);
  });

  it.each([simpleS3Config, fullConfig])(
    'fromCloudFront(toCloudFront(s)) deep-equals an imported s (%#)',
    (x) => {
      const s = fromCloudFront(x as CloudFrontInput);
      expect(fromCloudFront(toCloudFront(s))).toEqual(s);
    },
  );

  it('keeps the spelling of empty lists: { Quantity: 0 } and { Quantity: 0, Items: [] } both come back as given', () => {
    const withEmptyItems = (v: unknown): unknown => {
      if (Array.isArray(v)) return v.map(withEmptyItems);
      if (!v || typeof v !== 'object') return v;
      const o = Object.fromEntries(Object.entries(v).map(([k, x]) => [k, withEmptyItems(x)]));
      return o.Quantity === 0 && !('Items' in o) ? { ...o, Items: [] } : o;
    };
    const x = withEmptyItems(copy(simpleS3Config)) as typeof simpleS3Config;
    expect((x.DistributionConfig.Aliases as Dc).Items).toEqual([]);
    const s = fromCloudFront(x);
    expect(toCloudFront(s).DistributionConfig).toEqual(x.DistributionConfig);
    expect(toCloudFront(fromCloudFront(simpleS3Config)).DistributionConfig.Aliases).toEqual({ Quantity: 0 });
  });

  it('gives back the function code, custom policies and keys of the import', () => {
    const out = toCloudFront(fromCloudFront(fullConfig));
    expect(out.Id).toBe('E1ABCDEF234567');
    expect(out.DomainName).toBe('d2zexample7k.cloudfront.net');
    expect(out.Functions).toEqual(fullConfig.Functions);
    expect(out.LambdaFunctions).toEqual(fullConfig.LambdaFunctions);
    expect(out.CachePolicies).toEqual({
      'a1b2c3d4-5678-90ab-cdef-EXAMPLE11111':
        fullConfig.CachePolicies['a1b2c3d4-5678-90ab-cdef-EXAMPLE11111'].CachePolicy.CachePolicyConfig,
    });
    expect(out.OriginRequestPolicies).toEqual(fullConfig.OriginRequestPolicies);
    expect(out.ResponseHeadersPolicies).toEqual(fullConfig.ResponseHeadersPolicies);
    expect(out.PublicKeys).toEqual(fullConfig.PublicKeys);
    expect(out.KeyGroups).toEqual(fullConfig.KeyGroups);
  });

  it.each(PRESETS.map((p) => [p.id, p.scenario] as const))(
    'preset %s survives export and import (origin regions are not CloudFront fields)',
    (_id, preset) => {
      const back = fromCloudFront(toCloudFront(preset));
      const withoutRegions = (s: Scenario) => ({
        ...s.distribution,
        origins: s.distribution.origins.map(({ region: _r, ...o }) => o),
      });
      expect(withoutRegions(back)).toEqual(withoutRegions(preset));
      expect(back.cachePolicies).toEqual(preset.cachePolicies);
    },
  );
});

describe('fromCloudFront maps the API fields', () => {
  const s = fromCloudFront(fullConfig);
  const d = s.distribution;

  it('takes the id and domain beside DistributionConfig', () => {
    expect([d.id, d.domainName]).toEqual(['E1ABCDEF234567', 'd2zexample7k.cloudfront.net']);
    expect(d.aliases).toEqual(['www.example.com', 'example.com']);
  });

  it('defaults the domain to d111111abcdef8.cloudfront.net and the id to EDFDVBD6EXAMPLE', () => {
    const plain = fromCloudFront(simpleS3Config);
    expect([plain.distribution.id, plain.distribution.domainName]).toEqual([
      'EDFDVBD6EXAMPLE',
      'd111111abcdef8.cloudfront.net',
    ]);
  });

  it('maps origins, with custom headers, timeouts and Origin Shield', () => {
    expect(d.origins.map((o) => o.id)).toEqual(['web', 'api-east', 'api-west', 'media']);
    expect(d.origins[1]).toEqual({
      id: 'api-east',
      domainName: 'api-east.example.com',
      originPath: '',
      customHeaders: [{ headerName: 'X-Origin-Verify', headerValue: 's3cr3t' }],
      customOriginConfig: {
        httpPort: 80,
        httpsPort: 443,
        originProtocolPolicy: 'https-only',
        originReadTimeout: 30,
        originKeepaliveTimeout: 5,
        originSslProtocols: ['TLSv1.2'],
      },
      connectionAttempts: 2,
      connectionTimeout: 5,
      originShield: { enabled: true, originShieldRegion: 'us-east-1' },
      originAccessControlId: '',
    });
    expect(d.originGroups).toEqual([
      {
        id: 'api-group',
        failoverCriteria: { statusCodes: [500, 502, 503, 504] },
        members: ['api-east', 'api-west'],
      },
    ]);
  });

  it('keeps the order of the ordered behaviors and resolves function ARNs to function names', () => {
    expect(d.cacheBehaviors!.map((b) => b.pathPattern)).toEqual([
      '/api/products*',
      '/api/*',
      '/private/*',
      '/legacy/*.jpg',
    ]);
    expect(d.defaultCacheBehavior.functionAssociations).toEqual([
      {
        eventType: 'viewer-request',
        functionName: 'spa-rewrite',
        functionArn: 'arn:aws:cloudfront::123456789012:function/spa-rewrite',
      },
    ]);
    expect(d.cacheBehaviors![1].lambdaFunctionAssociations).toEqual([
      {
        eventType: 'origin-request',
        functionName: 'auth-check',
        lambdaFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:auth-check:7',
        includeBody: false,
      },
      {
        eventType: 'origin-response',
        functionName: 'add-headers',
        lambdaFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:add-headers:2',
      },
    ]);
    expect(s.functions!.map((f) => [f.name, f.kind, f.runtime])).toEqual([
      ['spa-rewrite', 'cloudfront-function', 'cloudfront-js-1.0'],
      ['add-security-headers', 'cloudfront-function', 'cloudfront-js-2.0'],
      ['auth-check', 'lambda-edge', undefined],
      ['add-headers', 'lambda-edge', undefined],
    ]);
  });

  it('flattens a custom cache policy given in the get-cache-policy wrapper', () => {
    expect(s.cachePolicies).toEqual({
      'a1b2c3d4-5678-90ab-cdef-EXAMPLE11111': {
        name: 'ProductsCache',
        comment: 'Products by page and currency',
        minTtl: 60,
        defaultTtl: 300,
        maxTtl: 3600,
        headerBehavior: 'none',
        headers: [],
        cookieBehavior: 'none',
        cookies: [],
        queryStringBehavior: 'whitelist',
        queryStrings: ['page', 'currency'],
        enableAcceptEncodingGzip: true,
        enableAcceptEncodingBrotli: true,
      },
    });
    expect(s.originRequestPolicies!['c0ffee00-0000-4000-8000-EXAMPLE22222']).toEqual({
      name: 'ApiForward',
      headerBehavior: 'whitelist',
      headers: ['X-Api-Key'],
      cookieBehavior: 'all',
      cookies: [],
      queryStringBehavior: 'all',
      queryStrings: [],
    });
  });

  it('maps legacy ForwardedValues and TTLs, key groups, error responses (ResponseCode is a string) and geo', () => {
    const legacy = d.cacheBehaviors![3];
    expect(legacy.forwardedValues).toEqual({
      queryString: true,
      cookies: { forward: 'whitelist', whitelistedNames: ['session'] },
      headers: ['Origin'],
      queryStringCacheKeys: ['w', 'h'],
    });
    expect([legacy.minTtl, legacy.defaultTtl, legacy.maxTtl, legacy.cachePolicyId]).toEqual([
      0,
      3600,
      86400,
      undefined,
    ]);
    expect(d.cacheBehaviors![2].trustedKeyGroups).toEqual(['kg-1']);
    expect(d.defaultCacheBehavior.trustedKeyGroups).toEqual([]);
    expect(d.customErrorResponses).toEqual([
      { errorCode: 404, responsePagePath: '/index.html', responseCode: 200, errorCachingMinTtl: 10 },
      { errorCode: 503, responsePagePath: '', errorCachingMinTtl: 0 },
    ]);
    expect(d.geoRestriction).toEqual({ restrictionType: 'blacklist', items: ['KP', 'IR'] });
  });

  it('fills what the JSON does not carry from the app defaults: PoPs, viewers, traffic, one simulated origin per origin', () => {
    expect(s.topology).toEqual(defaultScenario.topology);
    expect(s.viewers).toEqual(defaultScenario.viewers);
    expect(s.traffic).toEqual(defaultScenario.traffic);
    expect(Object.keys(s.originSimulation!)).toEqual(['web', 'api-east', 'api-west', 'media']);
    expect(s.layout!['origin:media']).toBeDefined();
    expect(s.layout!['originGroup:api-group']).toBeDefined();
    expect(parseScenario(s)).toEqual(s);
  });

  it('keeps unmodeled fields and lists those in effect for the UI', () => {
    expect(s.unmodeled!.ViewerCertificate).toEqual(fullConfig.DistributionConfig.ViewerCertificate);
    expect(listUnmodeledFields(s)).toEqual([
      'CallerReference',
      'Logging',
      'ViewerCertificate',
      'WebACLId',
      'Origins[web].S3OriginConfig.OriginReadTimeout',
      'Origins[api-east].CustomOriginConfig.IpAddressType',
      'Origins[media].ResponseCompletionTimeout',
      'OriginGroups[api-group].SelectionCriteria',
    ]);
    expect(listUnmodeledFields(fromCloudFront(simpleS3Config))).toEqual([
      'CallerReference',
      'ViewerCertificate',
    ]);
  });

  it('knows managed policies by name and stores their real id', () => {
    const s2 = fromCloudFront(
      fullWith((dc) => {
        dc.DefaultCacheBehavior.CachePolicyId = 'Managed-CachingDisabled';
        dc.DefaultCacheBehavior.ResponseHeadersPolicyId = 'SecurityHeadersPolicy';
      }),
    );
    expect(s2.distribution.defaultCacheBehavior.cachePolicyId).toBe('4135ea2d-6df8-44a3-9df3-4b5a84be39ad');
    expect(s2.distribution.defaultCacheBehavior.responseHeadersPolicyId).toBe(
      '67f7725c-6f97-4210-82d7-5512b31e9d03',
    );
  });

  it('an unmodeled field edited away by the scenario is not written back over the new value', () => {
    const s2 = fromCloudFront(simpleS3Config);
    s2.distribution.aliases = ['cdn.example.com'];
    expect(toCloudFront(s2).DistributionConfig.Aliases).toEqual({ Quantity: 1, Items: ['cdn.example.com'] });
  });
});

describe('invalid configs throw ScenarioError naming the API field and the reason', () => {
  const cases: [string, (dc: Dc, input: Dc) => void, string][] = [
    [
      "DefaultRootObject starting with '/'",
      (dc) => (dc.DefaultRootObject = '/index.html'),
      "DistributionConfig.DefaultRootObject: must not start with '/': write 'index.html', not '/index.html' (got \"/index.html\")",
    ],
    [
      'a runtime-1.0 function using const',
      (_dc, input) =>
        (input.Functions['spa-rewrite'].code =
          'function handler(event) {\n  const r = event.request;\n  return r;\n}'),
      "Functions[\"spa-rewrite\"].code: line 2: runtime cloudfront-js-1.0 does not support 'const': use 'var', or switch the function to cloudfront-js-2.0",
    ],
    [
      'legacy MinTTL above DefaultTTL',
      (dc) => (dc.CacheBehaviors.Items[3].MinTTL = 7200),
      'DistributionConfig.CacheBehaviors.Items[3].MinTTL: must not be greater than the default TTL (3600): CloudFront requires MinTTL <= DefaultTTL <= MaxTTL (got 7200)',
    ],
    [
      'legacy DefaultTTL above MaxTTL',
      (dc) => (dc.CacheBehaviors.Items[3].DefaultTTL = 90000),
      'DistributionConfig.CacheBehaviors.Items[3].DefaultTTL: must not be greater than the maximum TTL (86400): CloudFront requires MinTTL <= DefaultTTL <= MaxTTL (got 90000)',
    ],
    [
      'a custom cache policy with MinTTL above DefaultTTL',
      (_dc, input) =>
        (input.CachePolicies['a1b2c3d4-5678-90ab-cdef-EXAMPLE11111'].CachePolicy.CachePolicyConfig.MinTTL =
          600),
      'CachePolicies["a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"].MinTTL: must not be greater than the default TTL (300): CloudFront requires MinTTL <= DefaultTTL <= MaxTTL (got 600)',
    ],
    [
      'an unknown cache policy id',
      (_dc, input) => delete input.CachePolicies,
      'DistributionConfig.CacheBehaviors.Items[0].CachePolicyId: is not a managed cache policy id, and no custom cache policy has this id: add the policy or use a managed id (got "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111")',
    ],
    [
      'an unknown TargetOriginId',
      (dc) => (dc.CacheBehaviors.Items[2].TargetOriginId = 'webb'),
      'DistributionConfig.CacheBehaviors.Items[2].TargetOriginId: must be the id of an origin or origin group (known: web, api-east, api-west, media, api-group) (got "webb")',
    ],
    [
      'an origin group with three members',
      (dc) => {
        dc.OriginGroups.Items[0].Members = {
          Quantity: 3,
          Items: [{ OriginId: 'api-east' }, { OriginId: 'api-west' }, { OriginId: 'web' }],
        };
      },
      'DistributionConfig.OriginGroups.Items[0].Members: must list exactly 2 origins: the primary, then the secondary (got ["api-east","api-west","web"])',
    ],
    [
      'a failover status code CloudFront does not accept',
      (dc) => (dc.OriginGroups.Items[0].FailoverCriteria.StatusCodes = { Quantity: 2, Items: [500, 501] }),
      'DistributionConfig.OriginGroups.Items[0].FailoverCriteria.StatusCodes.Items[1]: must be one of 400, 403, 404, 416, 500, 502, 503, 504 (got 501)',
    ],
    [
      'an allowed-method set that is not one of the three',
      (dc) =>
        (dc.DefaultCacheBehavior.AllowedMethods = {
          Quantity: 3,
          Items: ['GET', 'HEAD', 'POST'],
          CachedMethods: { Quantity: 2, Items: ['GET', 'HEAD'] },
        }),
      'DistributionConfig.DefaultCacheBehavior.AllowedMethods: must be one of the sets [GET, HEAD] or [GET, HEAD, OPTIONS] or [GET, HEAD, OPTIONS, PUT, POST, PATCH, DELETE] (got ["GET","HEAD","POST"])',
    ],
    [
      'a cached-method set that is not one of the two',
      (dc) => (dc.CacheBehaviors.Items[1].AllowedMethods.CachedMethods = { Quantity: 1, Items: ['GET'] }),
      'DistributionConfig.CacheBehaviors.Items[1].AllowedMethods.CachedMethods: must be one of the sets [GET, HEAD] or [GET, HEAD, OPTIONS] (got ["GET"])',
    ],
    [
      'a path pattern over 255 characters',
      (dc) => (dc.CacheBehaviors.Items[0].PathPattern = `/${'p'.repeat(299)}`),
      'DistributionConfig.CacheBehaviors.Items[0].PathPattern: must be at most 255 characters (it has 300)',
    ],
    [
      'ConnectionAttempts out of range',
      (dc) => (dc.Origins.Items[0].ConnectionAttempts = 5),
      'DistributionConfig.Origins.Items[0].ConnectionAttempts: must be between 1 and 3 (got 5)',
    ],
    [
      'ConnectionAttempts of the wrong type',
      (dc) => (dc.Origins.Items[0].ConnectionAttempts = '3'),
      'DistributionConfig.Origins.Items[0].ConnectionAttempts: must be a number (got "3")',
    ],
    [
      'an unknown ViewerProtocolPolicy',
      (dc) => (dc.DefaultCacheBehavior.ViewerProtocolPolicy = 'https'),
      'DistributionConfig.DefaultCacheBehavior.ViewerProtocolPolicy: must be one of "allow-all", "redirect-to-https", "https-only" (got "https")',
    ],
    [
      'a FunctionARN without code in Functions',
      (_dc, input) => delete input.Functions['add-security-headers'],
      'DistributionConfig.CacheBehaviors.Items[3].FunctionAssociations.Items[0].FunctionARN: names CloudFront Function "add-security-headers", which is not in Functions: add Functions["add-security-headers"] = { code, runtime } to the import',
    ],
    [
      'a LambdaFunctionARN without code in LambdaFunctions',
      (_dc, input) => delete input.LambdaFunctions,
      'DistributionConfig.CacheBehaviors.Items[1].LambdaFunctionAssociations.Items[0].LambdaFunctionARN: names Lambda@Edge function "auth-check", which is not in LambdaFunctions: add LambdaFunctions["auth-check"] = { code } to the import',
    ],
    [
      'a Quantity that does not match Items',
      (dc) => (dc.Aliases.Quantity = 3),
      'DistributionConfig.Aliases.Quantity: must equal the number of Items (2): fix Quantity or the list (got 3)',
    ],
    [
      'no Origins',
      (dc) => delete dc.Origins,
      'DistributionConfig.Origins: is required: add { "Quantity": 1, "Items": [ { "Id": ..., "DomainName": ... } ] }',
    ],
    [
      'trusted key groups enabled with none listed',
      (dc) => (dc.DefaultCacheBehavior.TrustedKeyGroups = { Enabled: true, Quantity: 0 }),
      'DistributionConfig.DefaultCacheBehavior.TrustedKeyGroups.Enabled: is true but no key group is listed: add a key group id to Items or set Enabled to false',
    ],
    [
      'an origin request policy forwarding Authorization',
      (_dc, input) =>
        (input.OriginRequestPolicies['c0ffee00-0000-4000-8000-EXAMPLE22222'].HeadersConfig.Headers.Items = [
          'Authorization',
        ]),
      'OriginRequestPolicies["c0ffee00-0000-4000-8000-EXAMPLE22222"].HeadersConfig.Headers.Items[0]: cannot be forwarded by an origin request policy: add Authorization to the cache policy headers instead (it then becomes part of the cache key)',
    ],
    [
      'an Origin Shield region that is not a regional edge cache',
      (dc) => (dc.Origins.Items[1].OriginShield.OriginShieldRegion = 'eu-north-1'),
      'DistributionConfig.Origins.Items[1].OriginShield.OriginShieldRegion: must be one of the Origin Shield regions: us-east-1, us-east-2, us-west-2, ap-south-1, ap-northeast-1, ap-northeast-2, ap-southeast-1, ap-southeast-2, eu-central-1, eu-west-1, eu-west-2, sa-east-1 (got "eu-north-1")',
    ],
  ];

  it.each(cases)('%s', (_name, change, message) => {
    const input = fullWith(change);
    expect(() => fromCloudFront(input)).toThrow(ScenarioError);
    expect(() => fromCloudFront(input)).toThrow(message);
    try {
      fromCloudFront(input);
    } catch (e) {
      expect((e as Error).message).toBe(message);
      expect((e as ScenarioError).field).toBe(message.slice(0, message.indexOf(':')));
    }
  });
});

describe('toCloudFront of a scenario made in EdgeLab', () => {
  it('adds what CreateDistribution requires and writes lists the way the API does', () => {
    const out = toCloudFront(defaultScenario);
    const dc = out.DistributionConfig as Dc;
    expect(dc.CallerReference).toBe('edgelab-EDFDVBD6EXAMPLE-42');
    expect([dc.Comment, dc.Enabled, dc.PriceClass]).toEqual(['Static assets on S3', true, 'PriceClass_All']);
    expect(dc.Origins).toEqual({
      Quantity: 1,
      Items: [
        {
          Id: 'assets',
          DomainName: 'edgelab-assets.s3.us-east-1.amazonaws.com',
          S3OriginConfig: { OriginAccessIdentity: '' },
          ConnectionAttempts: 3,
          ConnectionTimeout: 10,
        },
      ],
    });
    expect(dc.DefaultCacheBehavior).toEqual({
      TargetOriginId: 'assets',
      ViewerProtocolPolicy: 'redirect-to-https',
      AllowedMethods: {
        Quantity: 2,
        Items: ['GET', 'HEAD'],
        CachedMethods: { Quantity: 2, Items: ['GET', 'HEAD'] },
      },
      Compress: true,
      CachePolicyId: '658327ea-f89d-4fab-a63d-7e88639e58f6',
    });
  });

  it('synthesizes ARNs for functions the scenario made itself', () => {
    const s = copy(defaultScenario);
    s.functions = [
      { name: 'rw', kind: 'cloudfront-function', code: 'function handler(e) { return e.request; }' },
    ];
    s.distribution.defaultCacheBehavior.functionAssociations = [
      { eventType: 'viewer-request', functionName: 'rw' },
    ];
    const out = toCloudFront(s);
    expect((out.DistributionConfig as Dc).DefaultCacheBehavior.FunctionAssociations).toEqual({
      Quantity: 1,
      Items: [{ FunctionARN: 'arn:aws:cloudfront::123456789012:function/rw', EventType: 'viewer-request' }],
    });
    expect(out.Functions).toEqual({ rw: { code: 'function handler(e) { return e.request; }' } });
    expect(fromCloudFront(out).functions).toEqual(s.functions);
  });
});

describe('importCloudFrontJson accepts what the CLI prints', () => {
  const expected = fromCloudFront(simpleS3Config);

  it('get-distribution-config output ({ ETag, DistributionConfig })', () => {
    expect(importCloudFrontJson(simpleS3Config)).toEqual(expected);
  });

  it('get-distribution output ({ Distribution: { Id, DomainName, DistributionConfig } })', () => {
    const s = importCloudFrontJson({
      ETag: 'E2QWRUHEXAMPLE',
      Distribution: {
        Id: 'EMLARXS9EXAMPLE',
        ARN: 'arn:aws:cloudfront::123456789012:distribution/EMLARXS9EXAMPLE',
        Status: 'Deployed',
        DomainName: 'd9876543210abc.cloudfront.net',
        DistributionConfig: simpleS3Config.DistributionConfig,
      },
    });
    expect([s.distribution.id, s.distribution.domainName]).toEqual([
      'EMLARXS9EXAMPLE',
      'd9876543210abc.cloudfront.net',
    ]);
    expect(s.distribution.origins).toEqual(expected.distribution.origins);
  });

  it('a bare DistributionConfig, as an object or as JSON text', () => {
    expect(importCloudFrontJson(simpleS3Config.DistributionConfig)).toEqual(expected);
    expect(importCloudFrontJson(JSON.stringify(simpleS3Config.DistributionConfig, null, 2))).toEqual(
      expected,
    );
  });

  it('explains what it expected otherwise', () => {
    expect(importError('{"Origins": ')).toMatch(
      /^\(input\): this is not valid JSON \(.*\); paste the whole output of aws cloudfront get-distribution-config$/,
    );
    expect(importError({ hello: 1 })).toBe(
      '(input): this is not a CloudFront distribution: paste the output of aws cloudfront get-distribution-config ({ "ETag", "DistributionConfig" }), of get-distribution ({ "Distribution" }), or a DistributionConfig with Origins and DefaultCacheBehavior',
    );
    expect(importError(defaultScenario)).toBe(
      '(input): this is an EdgeLab scenario, not CloudFront JSON: open it as a scenario file instead',
    );
    expect(importError([1])).toBe(
      '(input): expected a JSON object such as the output of aws cloudfront get-distribution-config',
    );
  });
});
