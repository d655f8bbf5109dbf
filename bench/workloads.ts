// The four benchmark workloads as plain Scenario documents (the public input of createEngine).
import { edgeLocation } from '../src/engine/geo/edgeLocations';
import type { CacheBehavior, Scenario, ViewerRegion } from '../src/engine/scenario';

export interface Workload {
  id: string;
  title: string;
  scenario: Scenario;
  /** key parts that the cache key includes (for the bare LRU baseline) */
  keyHasVariations: boolean;
}

const CACHING_OPTIMIZED = '658327ea-f89d-4fab-a63d-7e88639e58f6';
const MiB = 2 ** 20;
const GiB = 2 ** 30;

/** 20 edge locations spread over every continent. */
const TWENTY_POPS = [
  'IAD',
  'JFK',
  'ORD',
  'DFW',
  'LAX',
  'SEA',
  'MIA',
  'GRU',
  'LHR',
  'FRA',
  'CDG',
  'AMS',
  'MAD',
  'ARN',
  'BOM',
  'SIN',
  'NRT',
  'ICN',
  'SYD',
  'JNB',
];

/** One viewer region on top of each PoP, so every PoP gets traffic; weights favour the big markets. */
function viewersAt(pops: readonly string[]): ViewerRegion[] {
  return pops.map((code, i) => {
    const loc = edgeLocation(code)!;
    return {
      id: `v-${code.toLowerCase()}`,
      name: loc.city,
      lat: loc.lat,
      lon: loc.lon,
      country: loc.countryCode,
      weight: i < 10 ? 2 : 1,
      mobileShare: 0.5,
    };
  });
}

function base(opts: {
  pops: string[];
  catalog: number;
  capacity: Required<NonNullable<Scenario['topology']>>['capacityBytes'];
  shield: boolean;
}): Scenario {
  const behavior: CacheBehavior = {
    targetOriginId: 'origin',
    viewerProtocolPolicy: 'allow-all',
    allowedMethods: ['GET', 'HEAD'],
    cachedMethods: ['GET', 'HEAD'],
    cachePolicyId: CACHING_OPTIMIZED,
  };
  return {
    version: 1,
    name: 'bench',
    seed: 20240101,
    distribution: {
      id: 'EBENCH',
      domainName: 'd111111abcdef8.cloudfront.net',
      priceClass: 'PriceClass_All',
      origins: [
        {
          id: 'origin',
          domainName: 'origin.example.com',
          region: 'us-east-1',
          customOriginConfig: { originProtocolPolicy: 'https-only' },
          originShield: opts.shield ? { enabled: true, originShieldRegion: 'us-east-1' } : undefined,
        },
      ],
      defaultCacheBehavior: behavior,
    },
    originSimulation: {
      origin: {
        processingMs: 20,
        catalog: {
          count: opts.catalog,
          pathPrefix: '/assets/',
          extension: '.jpg',
          meanSizeBytes: 50_000,
          cacheControl: 'max-age=86400',
        },
      },
    },
    topology: { pops: opts.pops, capacityBytes: opts.capacity, regionalEdgeCaches: true },
    viewers: viewersAt(opts.pops),
    traffic: { requestsPerSecond: 1000, zipfAlpha: 0.8, methodMix: { GET: 1 }, httpsShare: 1 },
    events: [],
  };
}

function standard(): Scenario {
  return base({
    pops: TWENTY_POPS,
    catalog: 1_000_000,
    capacity: { edge: 512 * MiB, regional: 2 * GiB, shield: 4 * GiB },
    shield: true,
  });
}

export function workloads(): Workload[] {
  const hot = base({
    pops: ['IAD'],
    catalog: 1_000,
    capacity: { edge: 1 * GiB, regional: 1 * GiB, shield: 1 * GiB },
    shield: false,
  });

  const keyed = standard();
  keyed.cachePolicies = {
    'bench-keyed': {
      name: 'bench-keyed',
      minTtl: 1,
      defaultTtl: 86_400,
      maxTtl: 31_536_000,
      headerBehavior: 'whitelist',
      headers: ['accept-language'],
      cookieBehavior: 'whitelist',
      cookies: ['session'],
      queryStringBehavior: 'whitelist',
      queryStrings: ['cb'],
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    },
  };
  keyed.distribution.defaultCacheBehavior.cachePolicyId = 'bench-keyed';
  keyed.traffic = {
    ...keyed.traffic!,
    cacheBustingShare: 0.02,
    varyingHeaderShare: 0.3,
    varyingCookieShare: 0.05,
  };

  const withFunction = standard();
  withFunction.functions = [
    {
      name: 'bench-viewer-request',
      kind: 'cloudfront-function',
      runtime: 'cloudfront-js-2.0',
      code: [
        'function handler(event) {',
        '  var request = event.request;',
        "  request.headers['x-bench'] = { value: 'on' };",
        "  if (request.uri.endsWith('/')) request.uri += 'index.html';",
        '  return request;',
        '}',
      ].join('\n'),
    },
  ];
  withFunction.distribution.defaultCacheBehavior.functionAssociations = [
    { eventType: 'viewer-request', functionName: 'bench-viewer-request' },
  ];

  return [
    { id: 'a', title: '1 PoP, hot set (1k objects)', scenario: hot, keyHasVariations: false },
    {
      id: 'b',
      title: '20 PoPs + RECs + shield, 1M objects Zipf 0.8',
      scenario: standard(),
      keyHasVariations: false,
    },
    { id: 'c', title: '(b) + query, header, cookie in key', scenario: keyed, keyHasVariations: true },
    {
      id: 'd',
      title: '(b) + CloudFront Function (viewer-request)',
      scenario: withFunction,
      keyHasVariations: false,
    },
  ];
}
