// CloudFront's managed policies, by their real ids (spec §4.3, §4.6, §4.7).
// Sources: docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-cache-policies.html,
// using-managed-origin-request-policies.html, using-managed-response-headers-policies.html,
// and aws-cdk-lib/aws-cloudfront/lib/cache-policy.ts for the UseOriginCacheControlHeaders pair.
import type { CachePolicyConfig, OriginRequestPolicyConfig, ResponseHeadersPolicyConfig } from '../scenario';

type KeyParts = Pick<
  CachePolicyConfig,
  'headerBehavior' | 'headers' | 'cookieBehavior' | 'cookies' | 'queryStringBehavior' | 'queryStrings'
>;

/** Cache-key settings that add nothing to the key (fresh arrays each call, so no policy shares them). */
export function keyOnNothing(): KeyParts {
  return {
    headerBehavior: 'none',
    headers: [],
    cookieBehavior: 'none',
    cookies: [],
    queryStringBehavior: 'none',
    queryStrings: [],
  };
}

const useOriginHeaders = ['host', 'origin', 'x-http-method-override', 'x-http-method', 'x-method-override'];

export const MANAGED_CACHE_POLICIES: Readonly<Record<string, CachePolicyConfig>> = {
  '658327ea-f89d-4fab-a63d-7e88639e58f6': {
    name: 'Managed-CachingOptimized',
    minTtl: 1,
    defaultTtl: 86_400,
    maxTtl: 31_536_000,
    ...keyOnNothing(),
    enableAcceptEncodingGzip: true,
    enableAcceptEncodingBrotli: true,
  },
  'b2884449-e4de-46a7-ac36-70bc7f1ddd6d': {
    name: 'Managed-CachingOptimizedForUncompressedObjects',
    minTtl: 1,
    defaultTtl: 86_400,
    maxTtl: 31_536_000,
    ...keyOnNothing(),
    enableAcceptEncodingGzip: false,
    enableAcceptEncodingBrotli: false,
  },
  '4135ea2d-6df8-44a3-9df3-4b5a84be39ad': {
    name: 'Managed-CachingDisabled',
    minTtl: 0,
    defaultTtl: 0,
    maxTtl: 0,
    ...keyOnNothing(),
    enableAcceptEncodingGzip: false,
    enableAcceptEncodingBrotli: false,
  },
  '83da9c7e-98b4-4e11-a168-04f0df8e2c65': {
    name: 'UseOriginCacheControlHeaders',
    minTtl: 0,
    defaultTtl: 0,
    maxTtl: 31_536_000,
    headerBehavior: 'whitelist',
    headers: useOriginHeaders,
    cookieBehavior: 'all',
    cookies: [],
    queryStringBehavior: 'none',
    queryStrings: [],
    enableAcceptEncodingGzip: true,
    enableAcceptEncodingBrotli: true,
  },
  '4cc15a8a-d715-48a4-82b8-cc0b614638fe': {
    name: 'UseOriginCacheControlHeaders-QueryStrings',
    minTtl: 0,
    defaultTtl: 0,
    maxTtl: 31_536_000,
    headerBehavior: 'whitelist',
    headers: useOriginHeaders,
    cookieBehavior: 'all',
    cookies: [],
    queryStringBehavior: 'all',
    queryStrings: [],
    enableAcceptEncodingGzip: true,
    enableAcceptEncodingBrotli: true,
  },
  '08627262-05a9-4f76-9ded-b50ca2e3a84f': {
    name: 'Managed-Elemental-MediaPackage',
    minTtl: 0,
    defaultTtl: 86_400,
    maxTtl: 31_536_000,
    headerBehavior: 'whitelist',
    headers: ['origin'],
    cookieBehavior: 'none',
    cookies: [],
    queryStringBehavior: 'whitelist',
    queryStrings: ['aws.manifestfilter', 'start', 'end', 'm'],
    enableAcceptEncodingGzip: true,
    enableAcceptEncodingBrotli: false,
  },
  '2e54312d-136d-493c-8eb9-b001f22f67d2': {
    name: 'Managed-Amplify',
    minTtl: 2,
    defaultTtl: 2,
    maxTtl: 600,
    headerBehavior: 'whitelist',
    headers: ['authorization', 'cloudfront-viewer-country', 'host'],
    cookieBehavior: 'all',
    cookies: [],
    queryStringBehavior: 'all',
    queryStrings: [],
    enableAcceptEncodingGzip: true,
    enableAcceptEncodingBrotli: true,
  },
};

const CLOUDFRONT_2022_06 = [
  'cloudfront-forwarded-proto',
  'cloudfront-is-android-viewer',
  'cloudfront-is-desktop-viewer',
  'cloudfront-is-ios-viewer',
  'cloudfront-is-mobile-viewer',
  'cloudfront-is-smarttv-viewer',
  'cloudfront-is-tablet-viewer',
  'cloudfront-viewer-address',
  'cloudfront-viewer-asn',
  'cloudfront-viewer-city',
  'cloudfront-viewer-country',
  'cloudfront-viewer-country-name',
  'cloudfront-viewer-country-region',
  'cloudfront-viewer-country-region-name',
  'cloudfront-viewer-http-version',
  'cloudfront-viewer-latitude',
  'cloudfront-viewer-longitude',
  'cloudfront-viewer-metro-code',
  'cloudfront-viewer-postal-code',
  'cloudfront-viewer-time-zone',
  'cloudfront-viewer-tls',
];

const orp = (
  name: string,
  headerBehavior: OriginRequestPolicyConfig['headerBehavior'],
  headers: string[],
  all: boolean,
  queryAll = all,
): OriginRequestPolicyConfig => ({
  name,
  headerBehavior,
  headers,
  cookieBehavior: all ? 'all' : 'none',
  cookies: [],
  queryStringBehavior: queryAll ? 'all' : 'none',
  queryStrings: [],
});

export const MANAGED_ORIGIN_REQUEST_POLICIES: Readonly<Record<string, OriginRequestPolicyConfig>> = {
  '216adef6-5c7f-47e4-b989-5492eafa07d3': orp('Managed-AllViewer', 'allViewer', [], true),
  '33f36d7e-f396-46d9-90e0-52428a34d9dc': orp(
    'Managed-AllViewerAndCloudFrontHeaders-2022-06',
    'allViewerAndWhitelistCloudFront',
    CLOUDFRONT_2022_06,
    true,
  ),
  'b689b0a8-53d0-40ab-baf2-68738e2966ac': orp(
    'Managed-AllViewerExceptHostHeader',
    'allExcept',
    ['host'],
    true,
  ),
  '59781a5b-3903-41f3-afcb-af62929ccde1': orp('Managed-CORS-CustomOrigin', 'whitelist', ['origin'], false),
  '88a5eaf4-2fd4-4709-b370-b4c650ea3fcf': orp(
    'Managed-CORS-S3Origin',
    'whitelist',
    ['origin', 'access-control-request-headers', 'access-control-request-method'],
    false,
  ),
  '775133bc-15f2-49f9-abea-afb2e0bf67d2': orp(
    'Managed-Elemental-MediaTailor-PersonalizedManifests',
    'whitelist',
    [
      'origin',
      'access-control-request-headers',
      'access-control-request-method',
      'user-agent',
      'x-forwarded-for',
    ],
    false,
    true,
  ),
  'acba4595-bd28-49b8-b9fe-13317c0390fa': orp(
    'Managed-UserAgentRefererHeaders',
    'whitelist',
    ['user-agent', 'referer'],
    false,
  ),
  'bf0718e1-ba1e-49d1-88b1-f726733018ae': orp('Managed-HostHeaderOnly', 'whitelist', ['host'], false),
};

const SIMPLE_CORS: ResponseHeadersPolicyConfig['corsConfig'] = {
  accessControlAllowOrigins: ['*'],
  accessControlAllowHeaders: ['*'],
  accessControlAllowMethods: ['GET', 'HEAD'],
  accessControlAllowCredentials: false,
  originOverride: false,
};
const PREFLIGHT_CORS: ResponseHeadersPolicyConfig['corsConfig'] = {
  accessControlAllowOrigins: ['*'],
  // Allow-Headers for this policy is UNCONFIRMED (spec §4.7): '*' is our choice.
  accessControlAllowHeaders: ['*'],
  accessControlAllowMethods: ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT'],
  accessControlAllowCredentials: false,
  accessControlExposeHeaders: ['*'],
  originOverride: false,
};
const SECURITY: ResponseHeadersPolicyConfig['securityHeadersConfig'] = {
  contentTypeOptions: { override: true },
  strictTransportSecurity: { override: false, accessControlMaxAgeSec: 31_536_000 },
  frameOptions: { override: false, frameOption: 'SAMEORIGIN' },
  referrerPolicy: { override: false, referrerPolicy: 'strict-origin-when-cross-origin' },
  xssProtection: { override: false, protection: true, modeBlock: true },
};

export const MANAGED_RESPONSE_HEADERS_POLICIES: Readonly<Record<string, ResponseHeadersPolicyConfig>> = {
  '60669652-455b-4ae9-85a4-c4c02393f86c': { name: 'Managed-SimpleCORS', corsConfig: SIMPLE_CORS },
  '5cc3b908-e619-4b99-88e5-2cf7f45965bd': { name: 'Managed-CORS-With-Preflight', corsConfig: PREFLIGHT_CORS },
  '67f7725c-6f97-4210-82d7-5512b31e9d03': {
    name: 'Managed-SecurityHeadersPolicy',
    securityHeadersConfig: SECURITY,
  },
  'e61eb60c-9c35-4d20-a928-2b84e02af89c': {
    name: 'Managed-CORS-and-SecurityHeadersPolicy',
    corsConfig: SIMPLE_CORS,
    securityHeadersConfig: SECURITY,
  },
  'eaab4381-ed33-4a86-88ca-d9558dc6cd63': {
    name: 'Managed-CORS-with-preflight-and-SecurityHeadersPolicy',
    corsConfig: PREFLIGHT_CORS,
    securityHeadersConfig: SECURITY,
  },
};

/** Managed policies are also known by name (with or without the 'Managed-' prefix). */
export function findManagedByName<T extends { name: string }>(
  table: Readonly<Record<string, T>>,
  name: string,
): string | undefined {
  const want = name.replace(/^Managed-/, '');
  for (const id of Object.keys(table)) if (table[id].name.replace(/^Managed-/, '') === want) return id;
  return undefined;
}
