// The scenario EdgeLab opens with, and the source of every default a partial document
// (a CloudFront import, a minimal test scenario) does not carry: PoPs, viewers, traffic, layout.
import { SCENARIO_VERSION, type Scenario, type ViewerRegion } from '../../engine/scenario';

/** Managed-CachingOptimized (docs: using-managed-cache-policies.html). */
export const CACHING_OPTIMIZED_ID = '658327ea-f89d-4fab-a63d-7e88639e58f6';

export const DEFAULT_DISTRIBUTION_ID = 'EDFDVBD6EXAMPLE';
export const DEFAULT_DOMAIN_NAME = 'd111111abcdef8.cloudfront.net';

/** Real edge-location prefixes from /work/shared/data/aws-edge-locations.csv (tobilg/aws-edge-locations, MIT). */
export const DEFAULT_POPS = ['IAD', 'SFO', 'GRU', 'LHR', 'FRA', 'NRT', 'SIN', 'SYD'];

/** Viewer regions at large metros; weights are rough shares of global web traffic (a teaching choice). */
export const DEFAULT_VIEWERS: ViewerRegion[] = [
  {
    id: 'na-east',
    name: 'North America (east)',
    lat: 40.71,
    lon: -74.01,
    country: 'US',
    weight: 0.25,
    mobileShare: 0.4,
    utcOffset: -5,
  },
  {
    id: 'na-west',
    name: 'North America (west)',
    lat: 37.77,
    lon: -122.42,
    country: 'US',
    weight: 0.15,
    mobileShare: 0.4,
    utcOffset: -8,
  },
  {
    id: 'sa',
    name: 'South America',
    lat: -23.55,
    lon: -46.63,
    country: 'BR',
    weight: 0.08,
    mobileShare: 0.6,
    utcOffset: -3,
  },
  {
    id: 'eu',
    name: 'Europe',
    lat: 50.11,
    lon: 8.68,
    country: 'DE',
    weight: 0.25,
    mobileShare: 0.45,
    utcOffset: 1,
  },
  {
    id: 'asia',
    name: 'Asia',
    lat: 35.68,
    lon: 139.69,
    country: 'JP',
    weight: 0.2,
    mobileShare: 0.55,
    utcOffset: 9,
  },
  {
    id: 'oceania',
    name: 'Oceania',
    lat: -33.87,
    lon: 151.21,
    country: 'AU',
    weight: 0.07,
    mobileShare: 0.45,
    utcOffset: 10,
  },
];

/** The regional edge caches nearest to DEFAULT_POPS (spec §12.3: each PoP uses its nearest REC region). */
export const DEFAULT_RECS = [
  'us-east-1',
  'us-west-2',
  'sa-east-1',
  'eu-west-2',
  'eu-central-1',
  'ap-northeast-1',
  'ap-southeast-1',
  'ap-southeast-2',
];

/** Canvas columns: viewers (left) -> PoPs -> RECs -> distribution -> origin groups -> origins (right).
 * Node ids: 'viewer:<id>', 'pop:<code>', 'rec:<region>', 'distribution', 'originGroup:<id>', 'origin:<id>'. */
export function defaultLayout(
  viewers: ViewerRegion[] = DEFAULT_VIEWERS,
  pops: string[] = DEFAULT_POPS,
  recs: string[] = DEFAULT_RECS,
  origins: string[] = ['assets'],
  originGroups: string[] = [],
): Record<string, { x: number; y: number }> {
  const layout: Record<string, { x: number; y: number }> = {};
  viewers.forEach((v, i) => (layout[`viewer:${v.id}`] = { x: 0, y: i * 110 }));
  pops.forEach((p, i) => (layout[`pop:${p}`] = { x: 300, y: i * 85 }));
  recs.forEach((r, i) => (layout[`rec:${r}`] = { x: 600, y: i * 100 }));
  layout['distribution'] = { x: 900, y: 220 };
  originGroups.forEach((g, i) => (layout[`originGroup:${g}`] = { x: 1100, y: 180 + i * 200 }));
  origins.forEach(
    (o, i) => (layout[`origin:${o}`] = { x: originGroups.length ? 1320 : 1180, y: 140 + i * 140 }),
  );
  return layout;
}

export const defaultScenario: Scenario = {
  version: SCENARIO_VERSION,
  name: 'Static assets on S3',
  description:
    'One S3 origin behind CloudFront with the managed CachingOptimized policy, viewers on six continents.',
  seed: 42,
  distribution: {
    id: DEFAULT_DISTRIBUTION_ID,
    domainName: DEFAULT_DOMAIN_NAME,
    enabled: true,
    priceClass: 'PriceClass_All',
    httpVersion: 'http2',
    origins: [
      {
        id: 'assets',
        domainName: 'edgelab-assets.s3.us-east-1.amazonaws.com',
        s3OriginConfig: { originAccessIdentity: '' },
        connectionAttempts: 3,
        connectionTimeout: 10,
        region: 'us-east-1',
      },
    ],
    defaultCacheBehavior: {
      targetOriginId: 'assets',
      viewerProtocolPolicy: 'redirect-to-https',
      allowedMethods: ['GET', 'HEAD'],
      cachedMethods: ['GET', 'HEAD'],
      compress: true,
      cachePolicyId: CACHING_OPTIMIZED_ID,
    },
  },
  originSimulation: {
    assets: {
      processingMs: 20,
      catalog: {
        count: 10_000,
        pathPrefix: '/assets/',
        meanSizeBytes: 50_000,
        cacheControl: 'max-age=3600',
      },
    },
  },
  topology: { pops: DEFAULT_POPS, regionalEdgeCaches: true },
  viewers: DEFAULT_VIEWERS,
  traffic: {
    requestsPerSecond: 200,
    zipfAlpha: 0.8,
    methodMix: { GET: 0.97, HEAD: 0.03 },
  },
  events: [],
  layout: defaultLayout(),
};

/** A deep copy of the default scenario, so callers may mutate it. */
export function cloneDefaultScenario(): Scenario {
  // JSON round trip: the scenario is plain JSON by design (it travels in URLs), and the engine lib has no structuredClone.
  return JSON.parse(JSON.stringify(defaultScenario)) as Scenario;
}

/**
 * A small valid scenario for tests: the default without its canvas layout, merged with `overrides`
 * (shallow at the top level; `distribution` is merged one level deep so a test can swap just the behavior).
 */
export function minimalScenario(
  overrides: Partial<Omit<Scenario, 'distribution'>> & {
    distribution?: Partial<Scenario['distribution']>;
  } = {},
): Scenario {
  const { layout: _layout, ...base } = cloneDefaultScenario();
  void _layout;
  const { distribution, ...rest } = overrides;
  return {
    ...base,
    name: 'Minimal',
    ...rest,
    distribution: { ...base.distribution, ...(distribution ?? {}) },
  };
}
