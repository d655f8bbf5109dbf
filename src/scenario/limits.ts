// CloudFront's documented values and limits that the scenario layer checks at import time.
// Sources: docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/distribution-web-values-specify.html
// (methods, path patterns, timeouts, default root object), high_availability_origin_failover.html
// (failover codes), GeneratingCustomErrorResponses.html (error codes), origin-shield.html (regions),
// cloudfront-limits.html (function size), API reference MaxTTL (100 years). Spec: ../shared/spec/cloudfront.md.

/** MaxTTL and every other TTL: at most 100 years in seconds (spec §1.1). */
export const MAX_TTL_SECONDS = 3_153_600_000;

/** TTL defaults when a legacy behavior leaves them out (spec §1.1). */
export const LEGACY_TTL_DEFAULTS = { minTtl: 0, defaultTtl: 86_400, maxTtl: 31_536_000 } as const;

/** The only allowed-method sets CloudFront accepts (spec §3.3), in the console's order. */
export const ALLOWED_METHOD_SETS: readonly (readonly string[])[] = [
  ['GET', 'HEAD'],
  ['GET', 'HEAD', 'OPTIONS'],
  ['GET', 'HEAD', 'OPTIONS', 'PUT', 'POST', 'PATCH', 'DELETE'],
];

/** The only cached-method sets (spec §3.3). */
export const CACHED_METHOD_SETS: readonly (readonly string[])[] = [
  ['GET', 'HEAD'],
  ['GET', 'HEAD', 'OPTIONS'],
];

/** Methods a traffic mix may use. */
export const HTTP_METHODS = ['GET', 'HEAD', 'OPTIONS', 'PUT', 'POST', 'PATCH', 'DELETE'] as const;

/** Origin-group failover criteria (spec §7.1). */
export const FAILOVER_STATUS_CODES = [400, 403, 404, 416, 500, 502, 503, 504] as const;

/** CustomErrorResponses.ErrorCode and ResponseCode (spec §10.1). */
export const CUSTOM_ERROR_CODES = [400, 403, 404, 405, 414, 416, 500, 501, 502, 503, 504] as const;
export const CUSTOM_ERROR_RESPONSE_CODES = [200, ...CUSTOM_ERROR_CODES] as const;

/** Origin timeouts and attempts, seconds (spec §7.2). */
export const ORIGIN_LIMITS = {
  connectionAttempts: [1, 3],
  connectionTimeout: [1, 10],
  originReadTimeout: [1, 60],
  originKeepaliveTimeout: [1, 60],
} as const;

/** Regions that can host Origin Shield / a regional edge cache (spec §6.2, §12.3). */
export const ORIGIN_SHIELD_REGIONS = [
  'us-east-1',
  'us-east-2',
  'us-west-2',
  'ap-south-1',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-southeast-1',
  'ap-southeast-2',
  'eu-central-1',
  'eu-west-1',
  'eu-west-2',
  'sa-east-1',
] as const;

/** Path patterns and the default root object: at most 255 characters of a documented set (spec §3.1, §10.2).
 * `?` is the one-character wildcard in patterns. */
export const MAX_PATH_PATTERN_LENGTH = 255;
export const PATH_PATTERN_CHARS = /^[A-Za-z0-9_\-.*$/~"'@:+&?]*$/;
export const DEFAULT_ROOT_OBJECT_CHARS = /^[A-Za-z0-9_\-.*$/~"'&]*$/;

/** CloudFront Functions: code at most 10 KB (spec §8.4); names 1-64 of [A-Za-z0-9-_] (API CreateFunction). */
export const MAX_CLOUDFRONT_FUNCTION_CODE_BYTES = 10_240;
export const FUNCTION_NAME = /^[A-Za-z0-9_-]{1,64}$/;

/** Trusted key groups per behavior (spec §10.4). */
export const MAX_KEY_GROUPS_PER_BEHAVIOR = 4;

/** Traffic: the per-distribution request-rate quota (spec §12.4) bounds the generator. */
export const MAX_REQUESTS_PER_SECOND = 250_000;
/** Zipf exponents seen in web/CDN traces (data/README.md: Breslau et al. 1999). */
export const ZIPF_ALPHA_RANGE = [0.6, 1.2] as const;

/**
 * CloudFront's per-distribution and per-policy quotas that a scenario can run into. Source:
 * docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cloudfront-limits.html ("General quotas on
 * distributions", "General quotas on policies", "Quotas on CloudFront Functions"), as copied in
 * ../shared/spec/cloudfront.md §3.2, §4.2, §7.1, §8.4, §12.4.
 *
 * `adjustable: true` = a default quota AWS raises on request ("Request a higher quota"): EdgeLab
 * opens the scenario and WARNS (a real distribution may have a raised quota). `adjustable: false` =
 * a hard limit: EdgeLab REFUSES the scenario, as CloudFront refuses the config.
 */
export const QUOTAS = {
  originsPerDistribution: { max: 25, adjustable: true, what: 'origins per distribution' },
  cacheBehaviorsPerDistribution: { max: 75, adjustable: true, what: 'cache behaviors per distribution' },
  originGroupsPerDistribution: { max: 10, adjustable: true, what: 'origin groups per distribution' },
  headersPerPolicy: { max: 10, adjustable: true, what: 'header names per policy' },
  cookiesPerPolicy: { max: 10, adjustable: true, what: 'cookie names per policy' },
  queryStringsPerPolicy: { max: 10, adjustable: true, what: 'query string names per policy' },
  /** one custom error response per error code, and only the documented codes (CUSTOM_ERROR_CODES) */
  customErrorResponsesPerDistribution: {
    max: CUSTOM_ERROR_CODES.length,
    adjustable: false,
    what: 'custom error responses per distribution (one per error code)',
  },
  cloudFrontFunctionCodeBytes: {
    max: MAX_CLOUDFRONT_FUNCTION_CODE_BYTES,
    adjustable: false,
    what: 'bytes of CloudFront Function code',
  },
} as const;

export type QuotaName = keyof typeof QUOTAS;
