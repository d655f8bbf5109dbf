// Fills the defaults the engine relies on and rejects what it cannot run, with a ScenarioError
// naming the field and saying what to change. The result is the resolved model the pipeline
// reads on every request (policies resolved, path patterns compiled, origins placed).
import {
  resolveCachePolicy,
  resolveOriginRequestPolicy,
  resolveResponseHeadersPolicy,
  type ResolvedCachePolicy,
  type ResolvedOriginRequestPolicy,
} from './cache/policy';
import { ScenarioError } from './errors';
import { withAssociatedStore } from './functions/kvs';
import { awsRegion, regionFromOriginDomain, resolvePopCode } from './geo';
import { compilePathPattern, validatePathPattern, type PathMatcher } from './routing/pathPattern';
import {
  DEFAULT_MODEL_SETTINGS,
  type CacheBehavior,
  type CustomErrorResponse,
  type CustomHeader,
  type EdgeFunction,
  type GeoRestriction,
  type ModelSettings,
  type Origin,
  type PriceClass,
  type ResponseHeadersPolicyConfig,
  type Scenario,
  type ViewerProtocolPolicy,
} from './scenario';
import { DEFAULT_ERROR_CACHING_MIN_TTL } from './http/ttl';

export const DEFAULT_DOMAIN_NAME = 'd111111abcdef8.cloudfront.net';
export const DEFAULT_DISTRIBUTION_ID = 'EDFDVBD6EXAMPLE';

/** Origin connection settings: CloudFront's defaults and allowed ranges (spec §7.2,
 * distribution-web-values-specify.html#origin-connection-attempts). */
export const ORIGIN_LIMITS = {
  connectionAttempts: { default: 3, min: 1, max: 3 },
  connectionTimeoutS: { default: 10, min: 1, max: 10 },
  /** 1-60 s by default, up to 180 s on request */
  readTimeoutS: { default: 30, min: 1, max: 180 },
} as const;

/** Per-cache-instance capacity defaults in bytes. CloudFront publishes no cache sizes: these are
 * teaching knobs, big enough that small tests never evict and small enough that long runs keep
 * flat memory (Topology.capacityBytes overrides them). */
export const DEFAULT_CAPACITY_BYTES = {
  edge: 2 * 2 ** 30,
  regional: 20 * 2 ** 30,
  shield: 50 * 2 ** 30,
} as const;

/** The three allowed-method sets and two cached-method sets CloudFront accepts (spec §3.3). */
const ALLOWED_SETS = ['GET,HEAD', 'GET,HEAD,OPTIONS', 'DELETE,GET,HEAD,OPTIONS,PATCH,POST,PUT'];
const CACHED_SETS = ['GET,HEAD', 'GET,HEAD,OPTIONS'];
/** Failover criteria codes CloudFront accepts (spec §7.1). */
const FAILOVER_CODES = new Set([400, 403, 404, 416, 500, 502, 503, 504]);
/** CustomErrorResponses codes (spec §10.1). */
const ERROR_CODES = new Set([400, 403, 404, 405, 414, 416, 500, 501, 502, 503, 504]);
const RESPONSE_CODES = new Set([200, 400, 403, 404, 405, 414, 416, 500, 501, 502, 503, 504]);
/** DefaultRootObject: no leading '/', at most 255 characters of this set (spec §10.2). */
const ROOT_OBJECT_CHARS = /^[A-Za-z0-9_\-.*$/~"'&]+$/;

export interface NormalizedOrigin {
  id: string;
  /** the scenario's origin, as Lambda@Edge origin events see it */
  config: Origin;
  domainName: string;
  originPath: string;
  customHeaders: CustomHeader[];
  isS3: boolean;
  /** AWS region the origin sits in (latency; S3 same-region REC skip) */
  region: string;
  lat: number;
  lon: number;
  connectionAttempts: number;
  connectionTimeoutMs: number;
  readTimeoutMs: number;
  shieldRegion?: string;
}

export interface BehaviorTarget {
  /** the behavior's targetOriginId (an origin or an origin group) */
  id: string;
  /** [origin] or [primary, secondary] */
  members: NormalizedOrigin[];
  failoverCodes: ReadonlySet<number>;
}

export interface FunctionRef {
  name: string;
  kind: 'cloudfront-function' | 'lambda-edge';
  includeBody: boolean;
}

export interface ResolvedBehavior {
  index: number;
  /** dotted path for messages, e.g. 'distribution.cacheBehaviors[2]' */
  field: string;
  pathPattern: string;
  target: BehaviorTarget;
  viewerProtocolPolicy: ViewerProtocolPolicy;
  allowed: ReadonlySet<string>;
  cachesOptions: boolean;
  compress: boolean;
  cachePolicy: ResolvedCachePolicy;
  originRequestPolicy?: ResolvedOriginRequestPolicy;
  responseHeadersPolicy?: ResponseHeadersPolicyConfig;
  trustedKeyGroups: string[];
  viewerRequest?: FunctionRef;
  viewerResponse?: FunctionRef;
  originRequest?: FunctionRef;
  originResponse?: FunctionRef;
  /** spec §6.3: collapsing is off for CachingDisabled and when cookies are keyed or forwarded */
  collapses: boolean;
  /** spec §6.1 INF: CachingDisabled or MaxTTL 0 requests skip the regional edge cache */
  dynamic: boolean;
  /** the cache policy lists Accept-Encoding as an ordinary header (spec §4.5 rule 3) */
  policyListsAcceptEncoding: boolean;
}

export interface NormalizedScenario {
  source: Scenario;
  seed: number;
  settings: ModelSettings;
  distributionId: string;
  domainName: string;
  /** lower-case host names the distribution answers (domain + aliases) */
  hosts: ReadonlySet<string>;
  priceClass: PriceClass;
  defaultRootObject?: string;
  geo?: GeoRestriction;
  customErrors: ReadonlyMap<number, CustomErrorResponse>;
  /** ordered behaviors, then the default behavior last */
  behaviors: ResolvedBehavior[];
  /** matchers of the ordered behaviors (the default matches everything) */
  matchers: PathMatcher[];
  origins: ReadonlyMap<string, NormalizedOrigin>;
  functions: ReadonlyMap<string, EdgeFunction>;
  pops: string[];
  capacity: { edge: number; regional: number; shield: number };
  eviction: 'lru' | 'fifo';
  regionalEdgeCaches: boolean;
}

const fail = (message: string, field: string): never => {
  throw new ScenarioError(message, field);
};

const methodSet = (list: unknown): string =>
  Array.isArray(list) ? [...new Set(list.map((m) => String(m).toUpperCase()))].sort().join(',') : '';

function num(
  v: number | undefined,
  def: number,
  min: number,
  max: number,
  what: string,
  field: string,
): number {
  if (v === undefined) return def;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) {
    fail(`${what} must be between ${min} and ${max} (got ${String(v)}).`, field);
  }
  return v;
}

/** Validates one origin and places it. `field` names it in errors. */
export function normalizeOrigin(o: Origin, field: string): NormalizedOrigin {
  if (!o || typeof o.id !== 'string' || o.id === '') fail('Every origin needs an id.', `${field}.id`);
  if (typeof o.domainName !== 'string' || o.domainName === '') {
    fail(`Origin "${o.id}" has no domainName: give the origin's host name.`, `${field}.domainName`);
  }
  const region = o.region ?? regionFromOriginDomain(o.domainName) ?? 'us-east-1';
  const place =
    awsRegion(region) ?? fail(`Origin "${o.id}": unknown AWS region "${region}".`, `${field}.region`);
  const path = o.originPath ?? '';
  if (path !== '' && (!path.startsWith('/') || path.endsWith('/'))) {
    fail(
      `Origin "${o.id}": originPath must start with '/' and not end with '/' (got "${path}").`,
      `${field}.originPath`,
    );
  }
  const c = o.customOriginConfig;
  let shieldRegion: string | undefined;
  if (o.originShield?.enabled) {
    shieldRegion = o.originShield.originShieldRegion ?? region;
    if (!awsRegion(shieldRegion)?.rec) {
      fail(
        `Origin "${o.id}": Origin Shield region "${shieldRegion}" is not a regional edge cache region (us-east-1, eu-west-1, ...).`,
        `${field}.originShield.originShieldRegion`,
      );
    }
  }
  return {
    id: o.id,
    config: o,
    domainName: o.domainName,
    originPath: path,
    customHeaders: o.customHeaders ?? [],
    isS3: o.s3OriginConfig !== undefined || (c === undefined && /\.s3[.-]/.test(o.domainName)),
    region,
    lat: place.lat,
    lon: place.lon,
    connectionAttempts: num(
      o.connectionAttempts,
      ORIGIN_LIMITS.connectionAttempts.default,
      1,
      3,
      `Origin "${o.id}": connectionAttempts`,
      `${field}.connectionAttempts`,
    ),
    connectionTimeoutMs:
      1000 *
      num(
        o.connectionTimeout,
        ORIGIN_LIMITS.connectionTimeoutS.default,
        1,
        10,
        `Origin "${o.id}": connectionTimeout (s)`,
        `${field}.connectionTimeout`,
      ),
    readTimeoutMs:
      1000 *
      num(
        c?.originReadTimeout,
        ORIGIN_LIMITS.readTimeoutS.default,
        1,
        180,
        `Origin "${o.id}": originReadTimeout (s)`,
        `${field}.customOriginConfig.originReadTimeout`,
      ),
    shieldRegion,
  };
}

function functionRefs(
  b: CacheBehavior,
  field: string,
  functions: ReadonlyMap<string, EdgeFunction>,
): Pick<ResolvedBehavior, 'viewerRequest' | 'viewerResponse' | 'originRequest' | 'originResponse'> {
  const out: Pick<ResolvedBehavior, 'viewerRequest' | 'viewerResponse' | 'originRequest' | 'originResponse'> =
    {};
  const slot = {
    'viewer-request': 'viewerRequest',
    'viewer-response': 'viewerResponse',
    'origin-request': 'originRequest',
    'origin-response': 'originResponse',
  } as const;
  const take = (
    eventType: string,
    name: string,
    kind: FunctionRef['kind'],
    includeBody: boolean,
    f: string,
  ): void => {
    const fn = functions.get(name);
    if (!fn)
      fail(
        `Function "${name}" is associated with this behavior but is not defined in functions. Add it or remove the association.`,
        f,
      );
    if (fn!.kind !== kind) {
      fail(
        `Function "${name}" is a ${fn!.kind === 'lambda-edge' ? 'Lambda@Edge function' : 'CloudFront Function'}; associate it under ${fn!.kind === 'lambda-edge' ? 'lambdaFunctionAssociations' : 'functionAssociations'}.`,
        f,
      );
    }
    const key = slot[eventType as keyof typeof slot];
    if (!key) fail(`Unknown event type "${eventType}" for function "${name}".`, `${f}.eventType`);
    if (
      kind === 'cloudfront-function' &&
      (eventType === 'origin-request' || eventType === 'origin-response')
    ) {
      fail(
        `CloudFront Function "${name}" cannot run on ${eventType}: use viewer-request or viewer-response, or a Lambda@Edge function.`,
        `${f}.eventType`,
      );
    }
    if (out[key]) {
      fail(
        `This behavior has two functions on ${eventType} ("${out[key]!.name}" and "${name}"); CloudFront allows one per event (and never a CloudFront Function and Lambda@Edge on the same viewer event).`,
        f,
      );
    }
    out[key] = { name, kind, includeBody };
  };
  (b.functionAssociations ?? []).forEach((a, i) =>
    take(a.eventType, a.functionName, 'cloudfront-function', false, `${field}.functionAssociations[${i}]`),
  );
  (b.lambdaFunctionAssociations ?? []).forEach((a, i) =>
    take(
      a.eventType,
      a.functionName,
      'lambda-edge',
      a.includeBody === true,
      `${field}.lambdaFunctionAssociations[${i}]`,
    ),
  );
  return out;
}

function resolveBehavior(
  b: CacheBehavior,
  index: number,
  field: string,
  isDefault: boolean,
  s: Scenario,
  targets: Map<string, BehaviorTarget>,
  functions: ReadonlyMap<string, EdgeFunction>,
): ResolvedBehavior {
  if (!b) fail('A cache behavior is missing.', field);
  const pathPattern = isDefault
    ? '*'
    : (b.pathPattern ?? fail('An ordered cache behavior needs a pathPattern.', `${field}.pathPattern`));
  if (!isDefault) {
    const bad = validatePathPattern(pathPattern);
    if (bad) fail(bad, `${field}.pathPattern`);
  }
  const target =
    targets.get(b.targetOriginId) ??
    fail(
      `targetOriginId "${b.targetOriginId}" is not an origin or origin group of this distribution. Use one of: ${[...targets.keys()].join(', ')}.`,
      `${field}.targetOriginId`,
    );
  const allowed = methodSet(b.allowedMethods ?? ['GET', 'HEAD']);
  if (!ALLOWED_SETS.includes(allowed)) {
    fail(
      `allowedMethods must be GET,HEAD or GET,HEAD,OPTIONS or all seven (GET,HEAD,OPTIONS,PUT,POST,PATCH,DELETE); got "${allowed}".`,
      `${field}.allowedMethods`,
    );
  }
  const cached = methodSet(b.cachedMethods ?? ['GET', 'HEAD']);
  if (!CACHED_SETS.includes(cached))
    fail(`cachedMethods must be GET,HEAD or GET,HEAD,OPTIONS; got "${cached}".`, `${field}.cachedMethods`);
  const cachesOptions = cached.includes('OPTIONS');
  if (cachesOptions && !allowed.includes('OPTIONS'))
    fail(
      'cachedMethods includes OPTIONS but allowedMethods does not: allow OPTIONS or stop caching it.',
      `${field}.cachedMethods`,
    );
  const vpp = b.viewerProtocolPolicy ?? 'allow-all';
  if (!['allow-all', 'redirect-to-https', 'https-only'].includes(vpp))
    fail(
      `viewerProtocolPolicy must be allow-all, redirect-to-https or https-only (got "${vpp}").`,
      `${field}.viewerProtocolPolicy`,
    );
  const cachePolicy = resolveCachePolicy(b, s, field);
  const originRequestPolicy = resolveOriginRequestPolicy(b, s, field);
  const responseHeadersPolicy = resolveResponseHeadersPolicy(b, s, field);
  const trustedKeyGroups = b.trustedKeyGroups ?? [];
  trustedKeyGroups.forEach((g, i) => {
    const keys =
      s.keyGroups?.[g] ??
      fail(`Trusted key group "${g}" is not defined in keyGroups.`, `${field}.trustedKeyGroups[${i}]`);
    for (const k of keys)
      if (!s.publicKeys?.[k])
        fail(`Key group "${g}" lists public key "${k}", which is not in publicKeys.`, `keyGroups.${g}`);
  });
  const cookiesForwarded =
    cachePolicy.cookieBehavior !== 'none' ||
    (originRequestPolicy !== undefined && originRequestPolicy.cookieBehavior !== 'none');
  return {
    index,
    field,
    pathPattern,
    target,
    viewerProtocolPolicy: vpp,
    allowed: new Set(allowed.split(',')),
    cachesOptions,
    compress: b.compress === true,
    cachePolicy,
    originRequestPolicy,
    responseHeadersPolicy,
    trustedKeyGroups,
    ...functionRefs(b, field, functions),
    collapses: !cachePolicy.cachingDisabled && !cookiesForwarded,
    dynamic: cachePolicy.cachingDisabled || cachePolicy.maxTtl === 0,
    policyListsAcceptEncoding:
      cachePolicy.headerBehavior === 'whitelist' && cachePolicy.headerNames.has('accept-encoding'),
  };
}

function capDefaultTtl(p: Scenario['cachePolicies']): Scenario['cachePolicies'] {
  if (!p) return p;
  const out: NonNullable<Scenario['cachePolicies']> = {};
  for (const [id, c] of Object.entries(p)) {
    out[id] = c && c.defaultTtl > c.maxTtl && c.minTtl <= c.maxTtl ? { ...c, defaultTtl: c.maxTtl } : c;
  }
  return out;
}

function capLegacyTtl(b: CacheBehavior): CacheBehavior {
  if (!b || b.cachePolicyId || b.defaultTtl === undefined || b.maxTtl === undefined) return b;
  return b.defaultTtl > b.maxTtl && (b.minTtl ?? 0) <= b.maxTtl ? { ...b, defaultTtl: b.maxTtl } : b;
}

/** Validates a scenario and resolves it into the engine's model. Throws ScenarioError. */
export function normalizeScenario(s: Scenario): NormalizedScenario {
  if (!s || typeof s !== 'object') fail('The scenario is not an object.', '');
  const d = s.distribution ?? fail('The scenario has no distribution.', 'distribution');
  const settings: ModelSettings = { ...DEFAULT_MODEL_SETTINGS, ...(s.settings ?? {}) };
  if (!(settings.invalidationCompletionMs >= 0))
    fail('settings.invalidationCompletionMs must be ≥ 0 ms.', 'settings.invalidationCompletionMs');
  const domainName = (d.domainName || DEFAULT_DOMAIN_NAME).toLowerCase();
  const hosts = new Set([domainName, ...(d.aliases ?? []).map((a) => a.toLowerCase())]);

  const dro = d.defaultRootObject;
  if (dro !== undefined && dro !== '') {
    if (dro.startsWith('/'))
      fail(
        `defaultRootObject "${dro}" starts with '/': enter the object name without it (e.g. "index.html").`,
        'distribution.defaultRootObject',
      );
    if (dro.length > 255 || !ROOT_OBJECT_CHARS.test(dro)) {
      fail(
        `defaultRootObject "${dro}" is over 255 characters or uses characters CloudFront rejects; use A-Z a-z 0-9 _ - . * $ / ~ " ' &.`,
        'distribution.defaultRootObject',
      );
    }
  }

  if (!Array.isArray(d.origins) || d.origins.length === 0)
    fail('The distribution needs at least one origin.', 'distribution.origins');
  const origins = new Map<string, NormalizedOrigin>();
  d.origins.forEach((o, i) => {
    const n = normalizeOrigin(o, `distribution.origins[${i}]`);
    if (origins.has(n.id))
      fail(`Two origins share the id "${n.id}"; origin ids must be unique.`, `distribution.origins[${i}].id`);
    origins.set(n.id, n);
  });
  const targets = new Map<string, BehaviorTarget>();
  for (const o of origins.values()) targets.set(o.id, { id: o.id, members: [o], failoverCodes: new Set() });
  (d.originGroups ?? []).forEach((g, i) => {
    const field = `distribution.originGroups[${i}]`;
    if (targets.has(g.id))
      fail(`Origin group id "${g.id}" is already used by an origin or another group.`, `${field}.id`);
    if (!Array.isArray(g.members) || g.members.length !== 2) {
      fail(
        `Origin group "${g.id}" must have exactly two members, a primary and a secondary (got ${Array.isArray(g.members) ? g.members.length : 0}).`,
        `${field}.members`,
      );
    }
    const members = g.members.map(
      (m, j) =>
        origins.get(m) ??
        fail(
          `Origin group "${g.id}" member "${m}" is not an origin of this distribution.`,
          `${field}.members[${j}]`,
        ),
    );
    const codes = g.failoverCriteria?.statusCodes ?? [];
    if (codes.length === 0)
      fail(
        `Origin group "${g.id}" needs failover status codes (any of 400, 403, 404, 416, 500, 502, 503, 504).`,
        `${field}.failoverCriteria.statusCodes`,
      );
    for (const c of codes)
      if (!FAILOVER_CODES.has(c))
        fail(
          `Origin group "${g.id}": ${c} cannot be a failover code; use 400, 403, 404, 416, 500, 502, 503 or 504.`,
          `${field}.failoverCriteria.statusCodes`,
        );
    targets.set(g.id, { id: g.id, members, failoverCodes: new Set(codes) });
  });

  const functions = new Map<string, EdgeFunction>();
  (s.functions ?? []).forEach((f, i) => {
    if (!f || typeof f.name !== 'string' || f.name === '')
      fail('Every function needs a name.', `functions[${i}].name`);
    if (functions.has(f.name))
      fail(`Two functions are named "${f.name}"; names must be unique.`, `functions[${i}].name`);
    functions.set(f.name, withAssociatedStore(f, i, s.keyValueStores)); // a named store's data in kvs
  });

  // DefaultTTL above MaxTTL: the worked examples use such policies (V03 "P(0/86400/3600)"), so the
  // engine accepts them and caps DefaultTTL at MaxTTL (modelling choice; Min > Default is still an error).
  const policies: Scenario = { ...s, cachePolicies: capDefaultTtl(s.cachePolicies) };
  const ordered = d.cacheBehaviors ?? [];
  const behaviors = ordered.map((b, i) =>
    resolveBehavior(
      capLegacyTtl(b),
      i,
      `distribution.cacheBehaviors[${i}]`,
      false,
      policies,
      targets,
      functions,
    ),
  );
  behaviors.push(
    resolveBehavior(
      capLegacyTtl(d.defaultCacheBehavior),
      ordered.length,
      'distribution.defaultCacheBehavior',
      true,
      policies,
      targets,
      functions,
    ),
  );

  const customErrors = new Map<number, CustomErrorResponse>();
  (d.customErrorResponses ?? []).forEach((c, i) => {
    const field = `distribution.customErrorResponses[${i}]`;
    if (!ERROR_CODES.has(c.errorCode))
      fail(
        `Custom error response for ${c.errorCode}: errorCode must be one of ${[...ERROR_CODES].join(', ')}.`,
        `${field}.errorCode`,
      );
    if (c.responseCode !== undefined && !RESPONSE_CODES.has(c.responseCode))
      fail(
        `Custom error response for ${c.errorCode}: responseCode ${c.responseCode} is not allowed.`,
        `${field}.responseCode`,
      );
    if (c.responsePagePath !== undefined && c.responsePagePath !== '' && !c.responsePagePath.startsWith('/'))
      fail(
        `Custom error response for ${c.errorCode}: responsePagePath must start with '/' (got "${c.responsePagePath}").`,
        `${field}.responsePagePath`,
      );
    if (c.responseCode !== undefined && !c.responsePagePath)
      fail(
        `Custom error response for ${c.errorCode}: a responseCode needs a responsePagePath.`,
        `${field}.responsePagePath`,
      );
    const ecmt = c.errorCachingMinTtl ?? DEFAULT_ERROR_CACHING_MIN_TTL;
    if (!(ecmt >= 0))
      fail(
        `Custom error response for ${c.errorCode}: errorCachingMinTtl must be ≥ 0 s.`,
        `${field}.errorCachingMinTtl`,
      );
    customErrors.set(c.errorCode, { ...c, errorCachingMinTtl: ecmt });
  });

  const geo = d.geoRestriction;
  if (geo && !['none', 'whitelist', 'blacklist'].includes(geo.restrictionType)) {
    fail(
      `geoRestriction.restrictionType must be none, whitelist or blacklist (got "${geo.restrictionType}").`,
      'distribution.geoRestriction.restrictionType',
    );
  }

  const topo = s.topology;
  const pops = (topo?.pops ?? []).map((p, i) => {
    try {
      return resolvePopCode(p);
    } catch (e) {
      return fail(e instanceof Error ? e.message : String(e), `topology.pops[${i}]`);
    }
  });
  const cap = topo?.capacityBytes ?? {};
  const capacity = {
    edge: num(
      cap.edge,
      DEFAULT_CAPACITY_BYTES.edge,
      1,
      Number.MAX_SAFE_INTEGER,
      'topology.capacityBytes.edge',
      'topology.capacityBytes.edge',
    ),
    regional: num(
      cap.regional,
      DEFAULT_CAPACITY_BYTES.regional,
      1,
      Number.MAX_SAFE_INTEGER,
      'topology.capacityBytes.regional',
      'topology.capacityBytes.regional',
    ),
    shield: num(
      cap.shield,
      DEFAULT_CAPACITY_BYTES.shield,
      1,
      Number.MAX_SAFE_INTEGER,
      'topology.capacityBytes.shield',
      'topology.capacityBytes.shield',
    ),
  };
  const eviction = topo?.eviction ?? 'lru';
  if (eviction !== 'lru' && eviction !== 'fifo')
    fail(`topology.eviction must be "lru" or "fifo" (got "${String(eviction)}").`, 'topology.eviction');

  return {
    source: s,
    seed: Number.isFinite(s.seed) ? s.seed : 1,
    settings,
    distributionId: d.id || DEFAULT_DISTRIBUTION_ID,
    domainName,
    hosts,
    priceClass: d.priceClass ?? 'PriceClass_All',
    defaultRootObject: dro || undefined,
    geo,
    customErrors,
    behaviors,
    matchers: behaviors.slice(0, -1).map((b) => compilePathPattern(b.pathPattern)),
    origins,
    functions,
    pops,
    capacity,
    eviction,
    regionalEdgeCaches: topo?.regionalEdgeCaches !== false,
  };
}
