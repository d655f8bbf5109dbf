// A single-page app on S3 behind CloudFront with Origin Access Control: fingerprinted assets cached
// for a year, index.html for a minute so deploys show up quickly, and client-side routes answered
// with index.html through custom error responses (S3 with OAC answers 403 for a missing key).
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

const SHORT_TTL_HTML = 'edgelab-short-ttl-html';

export const staticWebsiteScenario: Scenario = {
  version: SCENARIO_VERSION,
  name: 'Static website (SPA on S3 with OAC)',
  description:
    'A React-style single-page app: hashed assets under /assets/ are immutable for a year, index.html ' +
    'lives one minute, and unknown routes fall back to index.html. Watch the hit ratio climb, then deploy.',
  seed: 42,
  distribution: {
    id: DEFAULT_DISTRIBUTION_ID,
    domainName: DEFAULT_DOMAIN_NAME,
    aliases: ['www.example.com'],
    comment: 'SPA on S3',
    enabled: true,
    priceClass: 'PriceClass_All',
    httpVersion: 'http2and3',
    defaultRootObject: 'index.html',
    origins: [
      {
        id: 'site',
        domainName: 'example-spa.s3.us-east-1.amazonaws.com',
        s3OriginConfig: { originAccessIdentity: '' },
        originAccessControlId: 'E2QWRUHAPOMQZL',
        region: 'us-east-1',
      },
    ],
    defaultCacheBehavior: {
      targetOriginId: 'site',
      viewerProtocolPolicy: 'redirect-to-https',
      allowedMethods: GET_HEAD,
      cachedMethods: GET_HEAD,
      compress: true,
      cachePolicyId: MANAGED.cache.CachingOptimized,
      responseHeadersPolicyId: MANAGED.responseHeaders.SecurityHeaders,
    },
    cacheBehaviors: [
      {
        pathPattern: '/index.html',
        targetOriginId: 'site',
        viewerProtocolPolicy: 'redirect-to-https',
        allowedMethods: GET_HEAD,
        cachedMethods: GET_HEAD,
        compress: true,
        cachePolicyId: SHORT_TTL_HTML,
        responseHeadersPolicyId: MANAGED.responseHeaders.SecurityHeaders,
      },
      {
        pathPattern: '/assets/*',
        targetOriginId: 'site',
        viewerProtocolPolicy: 'redirect-to-https',
        allowedMethods: GET_HEAD,
        cachedMethods: GET_HEAD,
        compress: true,
        cachePolicyId: MANAGED.cache.CachingOptimized,
      },
    ],
    customErrorResponses: [
      { errorCode: 403, responsePagePath: '/index.html', responseCode: 200, errorCachingMinTtl: 10 },
      { errorCode: 404, responsePagePath: '/index.html', responseCode: 200, errorCachingMinTtl: 10 },
    ],
  },
  cachePolicies: {
    [SHORT_TTL_HTML]: {
      name: 'ShortTtlHtml',
      comment: 'index.html: one minute at most, so a deploy is visible quickly',
      minTtl: 0,
      defaultTtl: 60,
      maxTtl: 60,
      headerBehavior: 'none',
      headers: [],
      cookieBehavior: 'none',
      cookies: [],
      queryStringBehavior: 'none',
      queryStrings: [],
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    },
  },
  originSimulation: {
    site: {
      processingMs: 15,
      objects: [
        { path: '/index.html', sizeBytes: 2_400, contentType: 'text/html', cacheControl: 'max-age=60' },
      ],
      catalog: {
        count: 400,
        pathPrefix: '/assets/',
        extension: '.js',
        meanSizeBytes: 120_000,
        contentType: 'application/javascript',
        cacheControl: 'public, max-age=31536000, immutable',
      },
    },
  },
  topology: { pops: DEFAULT_POPS, regionalEdgeCaches: true },
  viewers: DEFAULT_VIEWERS,
  traffic: { requestsPerSecond: 300, zipfAlpha: 1.0, methodMix: { GET: 0.98, HEAD: 0.02 }, dayCurve: true },
  events: [
    { id: 'deploy-1', kind: 'deploy', atMs: 300_000 },
    { id: 'invalidate-index', kind: 'invalidation', atMs: 301_000, paths: ['/index.html'] },
  ],
  layout: defaultLayout(DEFAULT_VIEWERS, DEFAULT_POPS, DEFAULT_RECS, ['site']),
};
