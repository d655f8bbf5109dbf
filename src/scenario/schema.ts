// The zod schema of a Scenario document (mirrors src/engine/scenario.ts field for field; the type
// test at the bottom fails the typecheck if the two drift apart) and parseScenario, the one way in
// for every document: URL, file, paste, CloudFront import.
//
// The schema checks each field on its own (types, ranges, enums). Rules that span fields
// (references between ids, method sets, TTL order, function syntax) live in validate.ts.
import { z } from 'zod';
import { ScenarioError } from '../engine/errors';
import type { Scenario } from '../engine/scenario';
import { KVS_COMMENT_MAX_CHARS, kvsStoreProblem } from '../engine/functions/kvs';
import {
  CUSTOM_ERROR_CODES,
  CUSTOM_ERROR_RESPONSE_CODES,
  MAX_REQUESTS_PER_SECOND,
  MAX_TTL_SECONDS,
  ORIGIN_LIMITS,
  ZIPF_ALPHA_RANGE,
} from './limits';
import { issuesToError, type Issue } from './issues';
import { keyValueStoreIssues } from './kvsStores';
import { fromZodIssue } from './zodIssues';

// No generated code: zod's JIT probes `new Function`, which the page's Content-Security-Policy
// (no 'unsafe-eval', see vite.config.ts) reports as a violation even when the probe is caught.
z.config({ jitless: true });
import { migrateScenario } from './migrations';
import { validateScenario } from './validate';

export { ScenarioError };

// ---- building blocks: every range check carries the sentence the user will read ----

const between = (min: number, max: number, unit = '') => `must be between ${min} and ${max}${unit}`;
const intIn = (min: number, max: number, unit = '') =>
  z
    .number()
    .int('must be a whole number')
    .min(min, between(min, max, unit))
    .max(max, between(min, max, unit));
const numIn = (min: number, max: number) =>
  z.number().min(min, between(min, max)).max(max, between(min, max));
const nonNegative = z.number().min(0, 'must be 0 or more');
const nonNegativeInt = z.number().int('must be a whole number').min(0, 'must be 0 or more');
const share = numIn(0, 1);
const text = z.string().min(1, 'must not be empty');
const oneOf = (values: readonly number[]) =>
  z.number().refine((v) => values.includes(v), `must be one of ${values.join(', ')}`);
const ttl = intIn(0, MAX_TTL_SECONDS, ' seconds (0 to 100 years)');
const port = intIn(1, 65_535);
const hostName = z
  .string()
  .regex(/^[A-Za-z0-9._-]+$/, 'must be a host name such as origin.example.com (no scheme, path or port)');

// ---- distribution ----

const customHeader = z.strictObject({ headerName: text, headerValue: z.string() });

const origin = z.strictObject({
  id: text,
  domainName: hostName,
  originPath: z.string().optional(),
  customHeaders: z.array(customHeader).optional(),
  s3OriginConfig: z.strictObject({ originAccessIdentity: z.string() }).optional(),
  originAccessControlId: z.string().optional(),
  customOriginConfig: z
    .strictObject({
      httpPort: port.optional(),
      httpsPort: port.optional(),
      originProtocolPolicy: z.enum(['http-only', 'match-viewer', 'https-only']).optional(),
      originReadTimeout: intIn(...ORIGIN_LIMITS.originReadTimeout, ' seconds').optional(),
      originKeepaliveTimeout: intIn(...ORIGIN_LIMITS.originKeepaliveTimeout, ' seconds').optional(),
      originSslProtocols: z.array(z.string()).optional(),
    })
    .optional(),
  connectionAttempts: intIn(...ORIGIN_LIMITS.connectionAttempts).optional(),
  connectionTimeout: intIn(...ORIGIN_LIMITS.connectionTimeout, ' seconds').optional(),
  originShield: z
    .strictObject({ enabled: z.boolean(), originShieldRegion: z.string().optional() })
    .optional(),
  region: z
    .string()
    .regex(/^[a-z]{2}(-[a-z]+)+-\d$/, "must be an AWS region code such as 'us-east-1'")
    .optional(),
});

const originGroup = z.strictObject({
  id: text,
  failoverCriteria: z.strictObject({
    statusCodes: z.array(z.number()).min(1, 'must list at least one status code that triggers failover'),
  }),
  members: z.array(text),
});

const functionAssociation = z.strictObject({
  eventType: z.enum(['viewer-request', 'viewer-response']),
  functionName: text,
  functionArn: z.string().optional(),
});

const lambdaFunctionAssociation = z.strictObject({
  eventType: z.enum(['viewer-request', 'origin-request', 'origin-response', 'viewer-response']),
  functionName: text,
  lambdaFunctionArn: z.string().optional(),
  includeBody: z.boolean().optional(),
});

const forwardedValues = z.strictObject({
  queryString: z.boolean(),
  queryStringCacheKeys: z.array(z.string()).optional(),
  cookies: z.strictObject({
    forward: z.enum(['none', 'whitelist', 'all']),
    whitelistedNames: z.array(z.string()).optional(),
  }),
  headers: z.array(z.string()).optional(),
});

const cacheBehavior = z.strictObject({
  pathPattern: z.string().optional(),
  targetOriginId: text,
  viewerProtocolPolicy: z.enum(['allow-all', 'redirect-to-https', 'https-only']),
  allowedMethods: z.array(z.string()),
  cachedMethods: z.array(z.string()),
  compress: z.boolean().optional(),
  cachePolicyId: z.string().optional(),
  originRequestPolicyId: z.string().optional(),
  responseHeadersPolicyId: z.string().optional(),
  trustedKeyGroups: z.array(z.string()).optional(),
  functionAssociations: z.array(functionAssociation).optional(),
  lambdaFunctionAssociations: z.array(lambdaFunctionAssociation).optional(),
  minTtl: ttl.optional(),
  defaultTtl: ttl.optional(),
  maxTtl: ttl.optional(),
  forwardedValues: forwardedValues.optional(),
});

const customErrorResponse = z.strictObject({
  errorCode: oneOf(CUSTOM_ERROR_CODES),
  responsePagePath: z.string().optional(),
  responseCode: oneOf(CUSTOM_ERROR_RESPONSE_CODES).optional(),
  errorCachingMinTtl: ttl.optional(),
});

const HTTP_VERSIONS = ['http1.1', 'http2', 'http3', 'http2and3'];

const distribution = z.strictObject({
  id: text,
  domainName: hostName,
  // Alternate domain names may be wildcards such as *.example.com.
  aliases: z
    .array(
      z
        .string()
        .regex(/^(\*\.)?[A-Za-z0-9._-]+$/, 'must be a domain name such as www.example.com or *.example.com'),
    )
    .optional(),
  comment: z.string().optional(),
  enabled: z.boolean().optional(),
  priceClass: z.enum(['PriceClass_100', 'PriceClass_200', 'PriceClass_All']).optional(),
  defaultRootObject: z.string().optional(),
  httpVersion: z
    .string()
    .refine((v) => HTTP_VERSIONS.includes(v), `must be one of ${HTTP_VERSIONS.join(', ')}`)
    .optional(),
  isIpv6Enabled: z.boolean().optional(),
  origins: z.array(origin).min(1, 'must list at least one origin'),
  originGroups: z.array(originGroup).optional(),
  defaultCacheBehavior: cacheBehavior,
  cacheBehaviors: z.array(cacheBehavior).optional(),
  customErrorResponses: z.array(customErrorResponse).optional(),
  geoRestriction: z
    .strictObject({
      restrictionType: z.enum(['none', 'whitelist', 'blacklist']),
      items: z.array(z.string().regex(/^[A-Z]{2}$/, "must be a two-letter country code such as 'US'")),
    })
    .optional(),
});

// ---- policies ----

const listBehavior = z.enum(['none', 'whitelist', 'allExcept', 'all']);

const cachePolicy = z.strictObject({
  name: text,
  comment: z.string().optional(),
  minTtl: ttl,
  defaultTtl: ttl,
  maxTtl: ttl,
  headerBehavior: z.enum(['none', 'whitelist']),
  headers: z.array(z.string()),
  cookieBehavior: listBehavior,
  cookies: z.array(z.string()),
  queryStringBehavior: listBehavior,
  queryStrings: z.array(z.string()),
  enableAcceptEncodingGzip: z.boolean(),
  enableAcceptEncodingBrotli: z.boolean(),
});

const originRequestPolicy = z.strictObject({
  name: text,
  comment: z.string().optional(),
  headerBehavior: z.enum(['none', 'whitelist', 'allViewer', 'allViewerAndWhitelistCloudFront', 'allExcept']),
  headers: z.array(z.string()),
  cookieBehavior: listBehavior,
  cookies: z.array(z.string()),
  queryStringBehavior: listBehavior,
  queryStrings: z.array(z.string()),
});

const overrideOnly = z.strictObject({ override: z.boolean() });

const responseHeadersPolicy = z.strictObject({
  name: text,
  comment: z.string().optional(),
  corsConfig: z
    .strictObject({
      accessControlAllowOrigins: z.array(z.string()),
      accessControlAllowHeaders: z.array(z.string()),
      accessControlAllowMethods: z.array(z.string()),
      accessControlAllowCredentials: z.boolean(),
      accessControlExposeHeaders: z.array(z.string()).optional(),
      accessControlMaxAgeSec: nonNegativeInt.optional(),
      originOverride: z.boolean(),
    })
    .optional(),
  securityHeadersConfig: z
    .strictObject({
      xssProtection: z
        .strictObject({
          override: z.boolean(),
          protection: z.boolean(),
          modeBlock: z.boolean().optional(),
          reportUri: z.string().optional(),
        })
        .optional(),
      frameOptions: z
        .strictObject({ override: z.boolean(), frameOption: z.enum(['DENY', 'SAMEORIGIN']) })
        .optional(),
      referrerPolicy: z.strictObject({ override: z.boolean(), referrerPolicy: z.string() }).optional(),
      contentSecurityPolicy: z
        .strictObject({ override: z.boolean(), contentSecurityPolicy: z.string() })
        .optional(),
      contentTypeOptions: overrideOnly.optional(),
      strictTransportSecurity: z
        .strictObject({
          override: z.boolean(),
          accessControlMaxAgeSec: nonNegativeInt,
          includeSubdomains: z.boolean().optional(),
          preload: z.boolean().optional(),
        })
        .optional(),
    })
    .optional(),
  customHeaders: z
    .array(z.strictObject({ header: text, value: z.string(), override: z.boolean() }))
    .optional(),
  removeHeaders: z.array(text).optional(),
  serverTimingHeaders: z.strictObject({ enabled: z.boolean(), samplingRate: numIn(0, 100) }).optional(),
});

// ---- functions, simulation, traffic ----

const edgeFunction = z.strictObject({
  name: text,
  kind: z.enum(['cloudfront-function', 'lambda-edge']),
  runtime: z.enum(['cloudfront-js-1.0', 'cloudfront-js-2.0']).optional(),
  code: z.string(),
  kvs: z
    .record(z.string(), z.string())
    .superRefine((store, ctx) => {
      // CloudFront's KeyValueStore quotas (key 512 bytes, value 1 KB, store 5 MB)
      const problem = kvsStoreProblem(store);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .optional(),
  keyValueStoreName: z.string().optional(),
  testEvents: z.array(z.strictObject({ name: text, eventType: z.string(), event: z.unknown() })).optional(),
});

/** A named store (keyValueStores): the quotas apply to each store; names are checked in kvsStores.ts. */
const keyValueStore = z.strictObject({
  comment: z
    .string()
    .max(KVS_COMMENT_MAX_CHARS, `must be at most ${KVS_COMMENT_MAX_CHARS} characters`)
    .optional(),
  data: z.record(z.string(), z.string()).superRefine((store, ctx) => {
    const problem = kvsStoreProblem(store);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }),
});

const urlPath = z.string().startsWith('/', "must start with '/'");

const simulatedObject = z.strictObject({
  path: urlPath,
  status: intIn(100, 599).optional(),
  sizeBytes: nonNegativeInt,
  contentType: z.string().optional(),
  cacheControl: z.string().optional(),
  body: z.string().optional(),
  headers: z.record(z.string(), z.string()).optional(),
});

const simulatedOrigin = z.strictObject({
  processingMs: nonNegative.optional(),
  catalog: z
    .strictObject({
      count: intIn(0, 10_000_000),
      pathPrefix: urlPath,
      extension: z.string().optional(),
      meanSizeBytes: nonNegative,
      contentType: z.string().optional(),
      cacheControl: z.string().optional(),
    })
    .optional(),
  objects: z.array(simulatedObject).optional(),
  dynamicPaths: z.array(z.string()).optional(),
  errorRate: share.optional(),
});

const topology = z.strictObject({
  pops: z.array(z.string()),
  capacityBytes: z
    .strictObject({
      edge: nonNegative.optional(),
      regional: nonNegative.optional(),
      shield: nonNegative.optional(),
    })
    .optional(),
  eviction: z.enum(['lru', 'fifo']).optional(),
  regionalEdgeCaches: z.boolean().optional(),
});

const viewerRegion = z.strictObject({
  id: text,
  name: z.string(),
  lat: numIn(-90, 90),
  lon: numIn(-180, 180),
  country: z.string().regex(/^[A-Z]{2}$/, "must be a two-letter country code such as 'US'"),
  weight: nonNegative,
  mobileShare: share.optional(),
  utcOffset: numIn(-12, 14).optional(),
});

const traffic = z.strictObject({
  requestsPerSecond: numIn(0, MAX_REQUESTS_PER_SECOND),
  zipfAlpha: numIn(...ZIPF_ALPHA_RANGE),
  methodMix: z.record(z.string(), nonNegative).optional(),
  cacheBustingShare: share.optional(),
  varyingCookieShare: share.optional(),
  varyingHeaderShare: share.optional(),
  dayCurve: z.boolean().optional(),
  httpsShare: share.optional(),
});

const scheduledEvent = z.strictObject({
  id: text,
  kind: z.enum(['spike', 'ddos', 'deploy', 'invalidation', 'origin-outage', 'origin-slowdown', 'pop-outage']),
  atMs: nonNegative,
  durationMs: nonNegative.optional(),
  factor: nonNegative.optional(),
  paths: z.array(z.string()).optional(),
  target: z.union([z.string(), z.array(z.string())]).optional(),
});

const settings = z.strictObject({
  invalidationCompletionMs: nonNegative.optional(),
  refreshWith200XCache: z.enum(['Miss', 'RefreshHit']).optional(),
  staleOnErrorXCache: z.enum(['RefreshHit', 'Hit']).optional(),
  staleWhileRevalidateXCache: z.enum(['RefreshHit', 'Hit']).optional(),
  lambdaExecutionErrorStatus: z.literal([500, 503]).optional(),
  connectErrorStatus: z.literal([502, 504]).optional(),
  subtractOriginAge: z.boolean().optional(),
  freeTier: z.boolean().optional(),
});

export const scenarioSchema = z.strictObject({
  version: z.number().int(),
  name: z.string().max(200, 'must be at most 200 characters'),
  description: z.string().optional(),
  seed: intIn(0, 0xffff_ffff),
  distribution,
  cachePolicies: z.record(z.string(), cachePolicy).optional(),
  originRequestPolicies: z.record(z.string(), originRequestPolicy).optional(),
  responseHeadersPolicies: z.record(z.string(), responseHeadersPolicy).optional(),
  publicKeys: z.record(z.string(), z.string()).optional(),
  keyGroups: z.record(z.string(), z.array(z.string())).optional(),
  functions: z.array(edgeFunction).optional(),
  keyValueStores: z.record(z.string(), keyValueStore).optional(),
  originSimulation: z.record(z.string(), simulatedOrigin).optional(),
  topology: topology.optional(),
  viewers: z.array(viewerRegion).optional(),
  traffic: traffic.optional(),
  events: z.array(scheduledEvent).optional(),
  settings: settings.optional(),
  assertions: z
    .array(z.strictObject({ id: text, expression: text, label: z.string().optional() }))
    .optional(),
  layout: z.record(z.string(), z.strictObject({ x: z.number(), y: z.number() })).optional(),
  unmodeled: z.record(z.string(), z.unknown()).optional(),
});

// The schema must describe exactly the engine's Scenario type: this fails the typecheck on drift.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaMatchesScenario: Same<z.infer<typeof scenarioSchema>, Scenario> = true;
void schemaMatchesScenario;

/** Checks an already-migrated document with zod, then the cross-field rules. Returns every issue found. */
export function checkScenario(doc: unknown): { scenario?: Scenario; issues: Issue[] } {
  const result = scenarioSchema.safeParse(doc);
  if (!result.success)
    return { issues: result.error.issues.flatMap((zi) => fromZodIssue(zi, doc, scenarioSchema)) };
  const scenario = result.data as Scenario;
  const issues = [...validateScenario(scenario), ...keyValueStoreIssues(scenario)];
  return issues.length ? { issues } : { scenario, issues };
}

/**
 * The one way in for a scenario document: runs the migrations, the schema and the cross-field rules.
 * Throws ScenarioError naming the first bad field and what to fix, e.g.
 * "distribution.origins[0].connectionAttempts: must be between 1 and 3 (got 5)".
 */
export function parseScenario(input: unknown): Scenario {
  const migrated = migrateScenario(input);
  const { scenario, issues } = checkScenario(migrated);
  if (!scenario) throw issuesToError(issues);
  return scenario;
}
