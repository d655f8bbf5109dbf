// The scenario document the engine runs. Field names follow CloudFront's DistributionConfig
// in camelCase, with the API's { Quantity, Items } wrappers flattened to arrays, so that
// import/export of `aws cloudfront get-distribution-config` JSON is a mapping
// (src/scenario/cloudfront.ts). src/scenario adds the zod schema, defaults and migrations;
// the engine itself fills defaults (normalizeScenario) and validates what it relies on.

export const SCENARIO_VERSION = 1;

export type ViewerProtocolPolicy = 'allow-all' | 'redirect-to-https' | 'https-only';
export type PriceClass = 'PriceClass_100' | 'PriceClass_200' | 'PriceClass_All';
export type FunctionEventType = 'viewer-request' | 'viewer-response';
export type LambdaEventType = 'viewer-request' | 'origin-request' | 'origin-response' | 'viewer-response';

export interface CustomHeader {
  headerName: string;
  headerValue: string;
}

export interface Origin {
  id: string;
  domainName: string;
  originPath?: string;
  customHeaders?: CustomHeader[];
  /** present for an S3 (REST endpoint) origin */
  s3OriginConfig?: { originAccessIdentity: string };
  originAccessControlId?: string;
  /** present for a custom (HTTP) origin */
  customOriginConfig?: {
    httpPort?: number;
    httpsPort?: number;
    originProtocolPolicy?: 'http-only' | 'match-viewer' | 'https-only';
    /** s, 1-60 (default 30) */
    originReadTimeout?: number;
    /** s, 1-60 (default 5) */
    originKeepaliveTimeout?: number;
    originSslProtocols?: string[];
  };
  /** 1-3 (default 3) */
  connectionAttempts?: number;
  /** s, 1-10 (default 10) */
  connectionTimeout?: number;
  originShield?: { enabled: boolean; originShieldRegion?: string };
  /** AWS region the origin sits in (latency model; S3 same-region REC skip). Derived from the domain when absent. */
  region?: string;
}

export interface OriginGroup {
  id: string;
  failoverCriteria: { statusCodes: number[] };
  /** [primary, secondary] origin ids */
  members: string[];
}

export interface FunctionAssociation {
  eventType: FunctionEventType;
  /** the function's name in Scenario.functions (resolved from FunctionARN on import) */
  functionName: string;
  functionArn?: string;
}

export interface LambdaFunctionAssociation {
  eventType: LambdaEventType;
  functionName: string;
  lambdaFunctionArn?: string;
  includeBody?: boolean;
}

/** Legacy cache settings (ForwardedValues + per-behavior TTLs), used when no cachePolicyId is set. */
export interface ForwardedValues {
  queryString: boolean;
  queryStringCacheKeys?: string[];
  cookies: { forward: 'none' | 'whitelist' | 'all'; whitelistedNames?: string[] };
  headers?: string[];
}

export interface CacheBehavior {
  /** absent on the default behavior (its pattern is '*') */
  pathPattern?: string;
  /** an origin id or an origin group id */
  targetOriginId: string;
  viewerProtocolPolicy: ViewerProtocolPolicy;
  /** one of the three documented sets */
  allowedMethods: string[];
  cachedMethods: string[];
  compress?: boolean;
  cachePolicyId?: string;
  originRequestPolicyId?: string;
  responseHeadersPolicyId?: string;
  trustedKeyGroups?: string[];
  functionAssociations?: FunctionAssociation[];
  lambdaFunctionAssociations?: LambdaFunctionAssociation[];
  // legacy fields (no cachePolicyId)
  minTtl?: number;
  defaultTtl?: number;
  maxTtl?: number;
  forwardedValues?: ForwardedValues;
}

export interface CustomErrorResponse {
  errorCode: number;
  responsePagePath?: string;
  responseCode?: number;
  /** s, default 10 */
  errorCachingMinTtl?: number;
}

export interface GeoRestriction {
  restrictionType: 'none' | 'whitelist' | 'blacklist';
  items: string[];
}

export interface Distribution {
  id: string;
  domainName: string;
  aliases?: string[];
  comment?: string;
  enabled?: boolean;
  priceClass?: PriceClass;
  defaultRootObject?: string;
  httpVersion?: string;
  /** IsIPV6Enabled: kept and exported; viewers are not split by IP version, so it does not change the simulation */
  isIpv6Enabled?: boolean;
  origins: Origin[];
  originGroups?: OriginGroup[];
  defaultCacheBehavior: CacheBehavior;
  cacheBehaviors?: CacheBehavior[];
  customErrorResponses?: CustomErrorResponse[];
  geoRestriction?: GeoRestriction;
}

export type HeaderBehavior = 'none' | 'whitelist';
export type ListBehavior = 'none' | 'whitelist' | 'allExcept' | 'all';

export interface CachePolicyConfig {
  name: string;
  comment?: string;
  minTtl: number;
  defaultTtl: number;
  maxTtl: number;
  headerBehavior: HeaderBehavior;
  headers: string[];
  cookieBehavior: ListBehavior;
  cookies: string[];
  queryStringBehavior: ListBehavior;
  queryStrings: string[];
  enableAcceptEncodingGzip: boolean;
  enableAcceptEncodingBrotli: boolean;
}

export interface OriginRequestPolicyConfig {
  name: string;
  comment?: string;
  headerBehavior: 'none' | 'whitelist' | 'allViewer' | 'allViewerAndWhitelistCloudFront' | 'allExcept';
  headers: string[];
  cookieBehavior: ListBehavior;
  cookies: string[];
  queryStringBehavior: ListBehavior;
  queryStrings: string[];
}

export interface ResponseHeadersPolicyConfig {
  name: string;
  comment?: string;
  corsConfig?: {
    accessControlAllowOrigins: string[];
    accessControlAllowHeaders: string[];
    accessControlAllowMethods: string[];
    accessControlAllowCredentials: boolean;
    accessControlExposeHeaders?: string[];
    accessControlMaxAgeSec?: number;
    originOverride: boolean;
  };
  securityHeadersConfig?: {
    xssProtection?: { override: boolean; protection: boolean; modeBlock?: boolean; reportUri?: string };
    frameOptions?: { override: boolean; frameOption: 'DENY' | 'SAMEORIGIN' };
    referrerPolicy?: { override: boolean; referrerPolicy: string };
    contentSecurityPolicy?: { override: boolean; contentSecurityPolicy: string };
    contentTypeOptions?: { override: boolean };
    strictTransportSecurity?: {
      override: boolean;
      accessControlMaxAgeSec: number;
      includeSubdomains?: boolean;
      preload?: boolean;
    };
  };
  customHeaders?: { header: string; value: string; override: boolean }[];
  removeHeaders?: string[];
  serverTimingHeaders?: { enabled: boolean; samplingRate: number };
}

export interface EdgeFunction {
  name: string;
  kind: 'cloudfront-function' | 'lambda-edge';
  /** CloudFront Functions only; default 'cloudfront-js-2.0' */
  runtime?: 'cloudfront-js-1.0' | 'cloudfront-js-2.0';
  code: string;
  /** CloudFront Functions KeyValueStore contents (runtime 2.0): the function's own store */
  kvs?: Record<string, string>;
  /** Instead of `kvs`: the name of a store in the scenario's `keyValueStores` that this function
   * reads (CloudFront: one store per function, one store may serve many functions) */
  keyValueStoreName?: string;
  /** saved test events for the test panel */
  testEvents?: { name: string; eventType: string; event: unknown }[];
}

/** A named KeyValueStore, its own resource as in CloudFront (CreateKeyValueStore), which any
 * number of CloudFront Functions associate with through `EdgeFunction.keyValueStoreName`. */
export interface KeyValueStore {
  /** up to 128 characters, like CloudFront's Comment */
  comment?: string;
  /** key -> value (UTF-8); quotas as for `EdgeFunction.kvs`, per store */
  data: Record<string, string>;
}

/** A simulated origin's content (used by run(), and by request() without originFetch). */
export interface SimulatedObject {
  path: string;
  status?: number;
  sizeBytes: number;
  contentType?: string;
  cacheControl?: string;
  body?: string;
  headers?: Record<string, string>;
}

export interface SimulatedOrigin {
  /** origin processing time per request, ms */
  processingMs?: number;
  /** generated catalog: `count` objects under `pathPrefix`, sizes heavy-tailed around meanSizeBytes */
  catalog?: {
    count: number;
    pathPrefix: string;
    extension?: string;
    meanSizeBytes: number;
    contentType?: string;
    cacheControl?: string;
  };
  /** explicit objects (checked before the catalog) */
  objects?: SimulatedObject[];
  /** path patterns (CloudFront pattern syntax) answered dynamically: no-store, small JSON */
  dynamicPaths?: string[];
  /** share of requests answered 503 (0-1) */
  errorRate?: number;
  /** paths not in objects/catalog answer 404 */
}

export interface Topology {
  /** edge locations in play: 3-letter codes ('NRT') or full codes ('NRT51-C1'); empty = every known location */
  pops: string[];
  /** per-cache-instance capacity in bytes; a teaching knob (CloudFront does not publish sizes) */
  capacityBytes?: { edge?: number; regional?: number; shield?: number };
  eviction?: 'lru' | 'fifo';
  /** use regional edge caches (default true) */
  regionalEdgeCaches?: boolean;
}

export interface ViewerRegion {
  id: string;
  name: string;
  lat: number;
  lon: number;
  country: string;
  /** relative share of traffic */
  weight: number;
  /** share of viewers on mobile access (higher last-mile latency) */
  mobileShare?: number;
  /** UTC offset in hours, for the day curve */
  utcOffset?: number;
}

export interface TrafficProfile {
  requestsPerSecond: number;
  /** Zipf popularity exponent, 0.6-1.2 (default 0.8) */
  zipfAlpha: number;
  /** weights by method, e.g. { GET: 0.95, HEAD: 0.02, POST: 0.03 } */
  methodMix?: Record<string, number>;
  /** share of requests with a unique cache-busting query string */
  cacheBustingShare?: number;
  /** share of requests with a varying cookie */
  varyingCookieShare?: number;
  /** share of requests with a varying header */
  varyingHeaderShare?: number;
  /** modulate each region's rate by its local time of day */
  dayCurve?: boolean;
  /** share of requests over HTTPS (default 1) */
  httpsShare?: number;
}

export type ScheduledEventKind =
  'spike' | 'ddos' | 'deploy' | 'invalidation' | 'origin-outage' | 'origin-slowdown' | 'pop-outage';

export interface ScheduledEvent {
  id: string;
  kind: ScheduledEventKind;
  atMs: number;
  durationMs?: number;
  /** spike/ddos: multiplier; origin-slowdown: added ms */
  factor?: number;
  /** invalidation paths */
  paths?: string[];
  /** origin id, PoP code or viewer region ids, by kind */
  target?: string | string[];
}

/** Points the spec leaves open (its §13): each a named setting with the spec's default. */
export interface ModelSettings {
  /** time until an invalidation reads Completed (spec §5: UNCONFIRMED, default 60 s) */
  invalidationCompletionMs: number;
  /** X-Cache after an expired object is refreshed with a full 200 (spec §2.1: UNCONFIRMED) */
  refreshWith200XCache: 'Miss' | 'RefreshHit';
  /** X-Cache when a stale copy is served because the origin failed (spec §1.6: UNCONFIRMED) */
  staleOnErrorXCache: 'RefreshHit' | 'Hit';
  /** X-Cache on a stale-while-revalidate response (spec §1.5: UNCONFIRMED) */
  staleWhileRevalidateXCache: 'RefreshHit' | 'Hit';
  /** Lambda@Edge execution error status (spec §9.4: 500 in 2023 docs, 503 now) */
  lambdaExecutionErrorStatus: 500 | 503;
  /** status for a refused origin connection (spec §7.2: UNCONFIRMED) */
  connectErrorStatus: 502 | 504;
  /** honour the origin's Age header when computing freshness (spec §1.3: UNCONFIRMED, default off) */
  subtractOriginAge: boolean;
  /** apply the monthly free tier in cost() (default off; the 1,000 free invalidation paths always apply) */
  freeTier: boolean;
}

export interface Assertion {
  id: string;
  /** e.g. 'hitRatio > 0.85 after 600s' — evaluated by the scenario layer */
  expression: string;
  label?: string;
}

export interface Scenario {
  version: number;
  name: string;
  description?: string;
  seed: number;
  distribution: Distribution;
  /** custom policies by id (managed ones are known by their real ids) */
  cachePolicies?: Record<string, CachePolicyConfig>;
  originRequestPolicies?: Record<string, OriginRequestPolicyConfig>;
  responseHeadersPolicies?: Record<string, ResponseHeadersPolicyConfig>;
  /** public key id -> PEM */
  publicKeys?: Record<string, string>;
  /** key group id -> public key ids */
  keyGroups?: Record<string, string[]>;
  functions?: EdgeFunction[];
  /** named KeyValueStores by name (CloudFront's pattern: 1-64 of a-z A-Z 0-9 - _), shared by the
   * functions that name them */
  keyValueStores?: Record<string, KeyValueStore>;
  /** simulated origins by origin id */
  originSimulation?: Record<string, SimulatedOrigin>;
  topology?: Topology;
  viewers?: ViewerRegion[];
  traffic?: TrafficProfile;
  events?: ScheduledEvent[];
  settings?: Partial<ModelSettings>;
  assertions?: Assertion[];
  /** canvas positions by node id */
  layout?: Record<string, { x: number; y: number }>;
  /** CloudFront fields EdgeLab does not model: kept and written back on export */
  unmodeled?: Record<string, unknown>;
}

export const DEFAULT_MODEL_SETTINGS: ModelSettings = {
  invalidationCompletionMs: 60_000,
  refreshWith200XCache: 'Miss',
  staleOnErrorXCache: 'RefreshHit',
  staleWhileRevalidateXCache: 'RefreshHit',
  lambdaExecutionErrorStatus: 503,
  connectErrorStatus: 502,
  subtractOriginAge: false,
  freeTier: false,
};
