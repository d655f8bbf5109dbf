// An API behind CloudFront: product listings are cached for a minute (keyed on the query strings
// that change the answer), everything else under /api/ is passed through uncached with the viewer's
// headers (CachingDisabled + AllViewerExceptHostHeader, the pairing AWS recommends for APIs).
import { SCENARIO_VERSION, type Scenario, type ViewerRegion } from '../../engine/scenario';
import { DEFAULT_DISTRIBUTION_ID, DEFAULT_DOMAIN_NAME, defaultLayout } from './default';
import { ALL_METHODS, GET_HEAD, GET_HEAD_OPTIONS, MANAGED } from './managedIds';

const PRODUCTS_POLICY = 'edgelab-products-60s';

const viewers: ViewerRegion[] = [
  {
    id: 'na-east',
    name: 'North America (east)',
    lat: 40.71,
    lon: -74.01,
    country: 'US',
    weight: 0.45,
    mobileShare: 0.5,
    utcOffset: -5,
  },
  {
    id: 'na-west',
    name: 'North America (west)',
    lat: 37.77,
    lon: -122.42,
    country: 'US',
    weight: 0.25,
    mobileShare: 0.5,
    utcOffset: -8,
  },
  {
    id: 'eu',
    name: 'Europe',
    lat: 51.51,
    lon: -0.13,
    country: 'GB',
    weight: 0.2,
    mobileShare: 0.5,
    utcOffset: 0,
  },
  {
    id: 'asia',
    name: 'Asia',
    lat: 35.68,
    lon: 139.69,
    country: 'JP',
    weight: 0.1,
    mobileShare: 0.6,
    utcOffset: 9,
  },
];
const pops = ['IAD', 'ORD', 'SFO', 'LHR', 'NRT'];
const recs = ['us-east-1', 'us-east-2', 'us-west-2', 'eu-west-2', 'ap-northeast-1'];

export const apiAccelerationScenario: Scenario = {
  version: SCENARIO_VERSION,
  name: 'API acceleration',
  description:
    'Cached GETs on /api/products* (60 s, keyed on page and category) in front of an API in us-east-1; ' +
    'POST/PUT and other /api/* calls go straight through uncached. Compare origin load with and without the cached path.',
  seed: 42,
  distribution: {
    id: DEFAULT_DISTRIBUTION_ID,
    domainName: DEFAULT_DOMAIN_NAME,
    aliases: ['api.example.com'],
    comment: 'API acceleration',
    enabled: true,
    priceClass: 'PriceClass_200',
    httpVersion: 'http2',
    origins: [
      {
        id: 'api',
        domainName: 'api-alb-1234567890.us-east-1.elb.amazonaws.com',
        customOriginConfig: {
          httpPort: 80,
          httpsPort: 443,
          originProtocolPolicy: 'https-only',
          originReadTimeout: 30,
          originKeepaliveTimeout: 5,
          originSslProtocols: ['TLSv1.2'],
        },
        customHeaders: [{ headerName: 'X-Origin-Verify', headerValue: 'edgelab-shared-secret' }],
        connectionAttempts: 3,
        connectionTimeout: 10,
        region: 'us-east-1',
      },
    ],
    defaultCacheBehavior: {
      targetOriginId: 'api',
      viewerProtocolPolicy: 'https-only',
      allowedMethods: GET_HEAD,
      cachedMethods: GET_HEAD,
      compress: true,
      cachePolicyId: MANAGED.cache.CachingDisabled,
      originRequestPolicyId: MANAGED.originRequest.AllViewerExceptHostHeader,
    },
    cacheBehaviors: [
      {
        pathPattern: '/api/products*',
        targetOriginId: 'api',
        viewerProtocolPolicy: 'https-only',
        allowedMethods: GET_HEAD_OPTIONS,
        cachedMethods: GET_HEAD,
        compress: true,
        cachePolicyId: PRODUCTS_POLICY,
        responseHeadersPolicyId: MANAGED.responseHeaders.CorsAndSecurityHeaders,
      },
      {
        pathPattern: '/api/*',
        targetOriginId: 'api',
        viewerProtocolPolicy: 'https-only',
        allowedMethods: ALL_METHODS,
        cachedMethods: GET_HEAD,
        compress: true,
        cachePolicyId: MANAGED.cache.CachingDisabled,
        originRequestPolicyId: MANAGED.originRequest.AllViewerExceptHostHeader,
        responseHeadersPolicyId: MANAGED.responseHeaders.CorsAndSecurityHeaders,
      },
    ],
  },
  cachePolicies: {
    [PRODUCTS_POLICY]: {
      name: 'Products60s',
      comment: 'Product listings: 60 s, keyed on the query strings that change the answer',
      minTtl: 0,
      defaultTtl: 60,
      maxTtl: 300,
      headerBehavior: 'none',
      headers: [],
      cookieBehavior: 'none',
      cookies: [],
      queryStringBehavior: 'whitelist',
      queryStrings: ['page', 'category'],
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    },
  },
  originSimulation: {
    api: {
      processingMs: 80,
      catalog: {
        count: 2_000,
        pathPrefix: '/api/products/',
        meanSizeBytes: 6_000,
        contentType: 'application/json',
      },
      dynamicPaths: ['/api/orders*', '/api/cart*', '/api/users/*'],
      errorRate: 0.002,
    },
  },
  topology: { pops, regionalEdgeCaches: true },
  viewers,
  traffic: {
    requestsPerSecond: 800,
    zipfAlpha: 0.9,
    methodMix: { GET: 0.8, HEAD: 0.02, OPTIONS: 0.03, POST: 0.12, PUT: 0.03 },
    varyingHeaderShare: 0.1,
  },
  events: [{ id: 'flash-sale', kind: 'spike', atMs: 180_000, durationMs: 60_000, factor: 4 }],
  layout: defaultLayout(viewers, pops, recs, ['api']),
};
