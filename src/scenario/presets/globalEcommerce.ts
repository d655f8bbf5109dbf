// A global shop: product images from S3 cached long, the catalog API cached briefly, checkout never
// cached (CachingDisabled + AllViewer: every header, cookie and query string reaches the origin),
// and the storefront HTML following the origin's Cache-Control. Viewers on every continent.
import { SCENARIO_VERSION, type Scenario, type ViewerRegion } from '../../engine/scenario';
import { DEFAULT_DISTRIBUTION_ID, DEFAULT_DOMAIN_NAME, defaultLayout } from './default';
import { ALL_METHODS, GET_HEAD, GET_HEAD_OPTIONS, MANAGED } from './managedIds';

const CATALOG_POLICY = 'edgelab-catalog-30s';

/** Weights: rough shares of a global shop's traffic; coordinates are the metros' centres. */
const viewers: ViewerRegion[] = [
  { id: 'na-east', name: 'North America (east)', lat: 40.71, lon: -74.01, country: 'US', weight: 0.2, mobileShare: 0.55, utcOffset: -5 },
  { id: 'na-west', name: 'North America (west)', lat: 34.05, lon: -118.24, country: 'US', weight: 0.12, mobileShare: 0.55, utcOffset: -8 },
  { id: 'sa', name: 'South America', lat: -23.55, lon: -46.63, country: 'BR', weight: 0.08, mobileShare: 0.7, utcOffset: -3 },
  { id: 'eu-west', name: 'Europe (west)', lat: 48.86, lon: 2.35, country: 'FR', weight: 0.12, mobileShare: 0.55, utcOffset: 1 },
  { id: 'eu-central', name: 'Europe (central)', lat: 52.52, lon: 13.4, country: 'DE', weight: 0.1, mobileShare: 0.55, utcOffset: 1 },
  { id: 'africa', name: 'Africa', lat: -26.2, lon: 28.05, country: 'ZA', weight: 0.04, mobileShare: 0.8, utcOffset: 2 },
  { id: 'middle-east', name: 'Middle East', lat: 25.2, lon: 55.27, country: 'AE', weight: 0.04, mobileShare: 0.7, utcOffset: 4 },
  { id: 'india', name: 'India', lat: 19.08, lon: 72.88, country: 'IN', weight: 0.1, mobileShare: 0.8, utcOffset: 5.5 },
  { id: 'asia-east', name: 'Asia (east)', lat: 35.68, lon: 139.69, country: 'JP', weight: 0.1, mobileShare: 0.6, utcOffset: 9 },
  { id: 'asia-southeast', name: 'Asia (south-east)', lat: 1.35, lon: 103.82, country: 'SG', weight: 0.05, mobileShare: 0.7, utcOffset: 8 },
  { id: 'oceania', name: 'Oceania', lat: -33.87, lon: 151.21, country: 'AU', weight: 0.05, mobileShare: 0.6, utcOffset: 10 },
];
const pops = ['IAD', 'LAX', 'GRU', 'CDG', 'FRA', 'JNB', 'DXB', 'BOM', 'NRT', 'SIN', 'SYD'];
const recs = ['us-east-1', 'us-west-2', 'sa-east-1', 'eu-west-2', 'eu-central-1', 'ap-south-1', 'ap-northeast-1', 'ap-southeast-1', 'ap-southeast-2'];

export const globalEcommerceScenario: Scenario = {
  version: SCENARIO_VERSION,
  name: 'Global e-commerce',
  description:
    'Images cached a day, the catalog API 30 s, checkout never cached, the storefront following its ' +
    'own Cache-Control; shoppers on every continent. Look at latency by region and the cost of each part.',
  seed: 42,
  distribution: {
    id: DEFAULT_DISTRIBUTION_ID,
    domainName: DEFAULT_DOMAIN_NAME,
    aliases: ['shop.example.com'],
    comment: 'Global shop',
    enabled: true,
    priceClass: 'PriceClass_All',
    httpVersion: 'http2and3',
    origins: [
      {
        id: 'storefront',
        domainName: 'storefront.example.com',
        customOriginConfig: { httpPort: 80, httpsPort: 443, originProtocolPolicy: 'https-only', originReadTimeout: 30, originKeepaliveTimeout: 5 },
        region: 'us-east-1',
      },
      {
        id: 'images',
        domainName: 'shop-images.s3.us-east-1.amazonaws.com',
        s3OriginConfig: { originAccessIdentity: '' },
        originAccessControlId: 'E3EXAMPLEOAC01',
        region: 'us-east-1',
      },
      {
        id: 'api',
        domainName: 'api.shop-internal.example.com',
        customOriginConfig: { httpPort: 80, httpsPort: 443, originProtocolPolicy: 'https-only', originReadTimeout: 30, originKeepaliveTimeout: 5 },
        originShield: { enabled: true, originShieldRegion: 'us-east-1' },
        region: 'us-east-1',
      },
    ],
    defaultCacheBehavior: {
      targetOriginId: 'storefront',
      viewerProtocolPolicy: 'redirect-to-https',
      allowedMethods: GET_HEAD,
      cachedMethods: GET_HEAD,
      compress: true,
      cachePolicyId: MANAGED.cache.UseOriginCacheControlHeadersQueryStrings,
      responseHeadersPolicyId: MANAGED.responseHeaders.SecurityHeaders,
    },
    cacheBehaviors: [
      {
        pathPattern: '/images/*',
        targetOriginId: 'images',
        viewerProtocolPolicy: 'redirect-to-https',
        allowedMethods: GET_HEAD,
        cachedMethods: GET_HEAD,
        compress: true,
        cachePolicyId: MANAGED.cache.CachingOptimized,
      },
      {
        pathPattern: '/checkout*',
        targetOriginId: 'api',
        viewerProtocolPolicy: 'https-only',
        allowedMethods: ALL_METHODS,
        cachedMethods: GET_HEAD,
        compress: true,
        cachePolicyId: MANAGED.cache.CachingDisabled,
        originRequestPolicyId: MANAGED.originRequest.AllViewer,
        responseHeadersPolicyId: MANAGED.responseHeaders.SecurityHeaders,
      },
      {
        pathPattern: '/api/*',
        targetOriginId: 'api',
        viewerProtocolPolicy: 'https-only',
        allowedMethods: GET_HEAD_OPTIONS,
        cachedMethods: GET_HEAD,
        compress: true,
        cachePolicyId: CATALOG_POLICY,
        responseHeadersPolicyId: MANAGED.responseHeaders.CorsAndSecurityHeaders,
      },
    ],
    customErrorResponses: [{ errorCode: 503, responsePagePath: '/images/maintenance.html', responseCode: 503, errorCachingMinTtl: 5 }],
  },
  cachePolicies: {
    [CATALOG_POLICY]: {
      name: 'Catalog30s',
      comment: 'Catalog API: 30 s, keyed on every query string and the currency cookie',
      minTtl: 0,
      defaultTtl: 30,
      maxTtl: 300,
      headerBehavior: 'none',
      headers: [],
      cookieBehavior: 'whitelist',
      cookies: ['currency'],
      queryStringBehavior: 'all',
      queryStrings: [],
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    },
  },
  originSimulation: {
    storefront: {
      processingMs: 120,
      catalog: { count: 3_000, pathPrefix: '/p/', meanSizeBytes: 45_000, contentType: 'text/html', cacheControl: 'max-age=120' },
    },
    images: {
      processingMs: 20,
      objects: [{ path: '/images/maintenance.html', sizeBytes: 1_800, contentType: 'text/html', cacheControl: 'max-age=300' }],
      catalog: { count: 50_000, pathPrefix: '/images/', extension: '.jpg', meanSizeBytes: 85_000, contentType: 'image/jpeg', cacheControl: 'max-age=86400' },
    },
    api: {
      processingMs: 90,
      catalog: { count: 5_000, pathPrefix: '/api/catalog/', meanSizeBytes: 8_000, contentType: 'application/json' },
      dynamicPaths: ['/checkout*', '/api/cart*'],
      errorRate: 0.001,
    },
  },
  topology: { pops, regionalEdgeCaches: true },
  viewers,
  traffic: {
    requestsPerSecond: 1_500,
    zipfAlpha: 0.85,
    methodMix: { GET: 0.93, HEAD: 0.01, OPTIONS: 0.01, POST: 0.05 },
    varyingCookieShare: 0.2,
    dayCurve: true,
  },
  events: [{ id: 'black-friday', kind: 'spike', atMs: 600_000, durationMs: 600_000, factor: 5 }],
  layout: defaultLayout(viewers, pops, recs, ['storefront', 'images', 'api']),
};
