// An origin group: the app in us-east-1 answers first; on a 5xx, a refused connection or a timeout,
// CloudFront retries the same request on the copy in us-west-2. Low connection attempts and timeout
// make failover fast (AWS recommends lowering them for origin groups). The primary goes down at 2 min.
import { SCENARIO_VERSION, type Scenario } from '../../engine/scenario';
import {
  DEFAULT_DISTRIBUTION_ID,
  DEFAULT_DOMAIN_NAME,
  DEFAULT_POPS,
  DEFAULT_RECS,
  DEFAULT_VIEWERS,
  defaultLayout,
} from './default';
import { GET_HEAD, MANAGED } from './managedIds';

const appOrigin = (id: string, region: string) => ({
  id,
  domainName: `app-${region}.example.com`,
  customOriginConfig: {
    httpPort: 80,
    httpsPort: 443,
    originProtocolPolicy: 'https-only' as const,
    originReadTimeout: 5,
    originKeepaliveTimeout: 5,
  },
  connectionAttempts: 1,
  connectionTimeout: 2,
  region,
});

export const multiRegionFailoverScenario: Scenario = {
  version: SCENARIO_VERSION,
  name: 'Multi-region failover',
  description:
    'An origin group with the primary in us-east-1 and the secondary in us-west-2, failing over on ' +
    '500/502/503/504. The primary has an outage from 2:00 to 3:00: watch requests move west and come back.',
  seed: 42,
  distribution: {
    id: DEFAULT_DISTRIBUTION_ID,
    domainName: DEFAULT_DOMAIN_NAME,
    comment: 'Active-passive across regions',
    enabled: true,
    priceClass: 'PriceClass_All',
    httpVersion: 'http2',
    origins: [appOrigin('primary', 'us-east-1'), appOrigin('secondary', 'us-west-2')],
    originGroups: [
      {
        id: 'app-failover',
        failoverCriteria: { statusCodes: [500, 502, 503, 504] },
        members: ['primary', 'secondary'],
      },
    ],
    defaultCacheBehavior: {
      targetOriginId: 'app-failover',
      viewerProtocolPolicy: 'redirect-to-https',
      allowedMethods: GET_HEAD,
      cachedMethods: GET_HEAD,
      compress: true,
      cachePolicyId: MANAGED.cache.UseOriginCacheControlHeadersQueryStrings,
    },
  },
  originSimulation: {
    primary: {
      processingMs: 40,
      catalog: {
        count: 5_000,
        pathPrefix: '/',
        meanSizeBytes: 30_000,
        contentType: 'text/html',
        cacheControl: 'max-age=30',
      },
    },
    secondary: {
      processingMs: 40,
      catalog: {
        count: 5_000,
        pathPrefix: '/',
        meanSizeBytes: 30_000,
        contentType: 'text/html',
        cacheControl: 'max-age=30',
      },
    },
  },
  topology: { pops: DEFAULT_POPS, regionalEdgeCaches: true },
  viewers: DEFAULT_VIEWERS,
  traffic: { requestsPerSecond: 400, zipfAlpha: 0.8, methodMix: { GET: 0.97, HEAD: 0.03 } },
  events: [
    { id: 'primary-down', kind: 'origin-outage', atMs: 120_000, durationMs: 60_000, target: 'primary' },
  ],
  layout: defaultLayout(
    DEFAULT_VIEWERS,
    DEFAULT_POPS,
    DEFAULT_RECS,
    ['primary', 'secondary'],
    ['app-failover'],
  ),
};
