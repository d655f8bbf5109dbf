// Resolves a behavior's cache / origin-request / response-headers policy into one shape the
// pipeline reads on every request: managed ids, custom ids from the scenario, or the legacy
// per-behavior settings (minTtl/defaultTtl/maxTtl + forwardedValues) mapped to an equivalent.
import { ScenarioError } from '../errors';
import {
  MANAGED_CACHE_POLICIES,
  MANAGED_ORIGIN_REQUEST_POLICIES,
  MANAGED_RESPONSE_HEADERS_POLICIES,
  findManagedByName,
} from '../policies/managed';
import type {
  CacheBehavior,
  CachePolicyConfig,
  ListBehavior,
  OriginRequestPolicyConfig,
  ResponseHeadersPolicyConfig,
  Scenario,
} from '../scenario';
import { isDisallowedResponseHeader } from '../http/responseHeadersPolicy';

/** TTL defaults and limits in seconds (spec §1.1; distribution-web-values-specify, API MaxTTL). */
export const TTL_LIMITS = {
  defaultMinTtl: 0,
  defaultDefaultTtl: 86_400,
  defaultMaxTtl: 31_536_000,
  /** 100 years */
  maxMaxTtl: 3_153_600_000,
} as const;

export interface ResolvedCachePolicy extends CachePolicyConfig {
  /** managed or custom policy id; absent for legacy settings */
  id?: string;
  /** built from the behavior's legacy fields */
  legacy: boolean;
  /** lower-case */
  headerNames: ReadonlySet<string>;
  /** case-sensitive */
  cookieNames: ReadonlySet<string>;
  /** case-sensitive */
  queryNames: ReadonlySet<string>;
  /** nothing is cached: MaxTTL 0 (CachingDisabled) or legacy "forward all headers" */
  cachingDisabled: boolean;
}

export interface ResolvedOriginRequestPolicy extends OriginRequestPolicyConfig {
  id: string;
  /** lower-case */
  headerNames: ReadonlySet<string>;
  cookieNames: ReadonlySet<string>;
  queryNames: ReadonlySet<string>;
}

const lower = (names: readonly string[]): string[] => names.map((n) => n.trim().toLowerCase());

function checkTtls(min: number, def: number, max: number, field: string, what: string): void {
  for (const [name, v] of [
    ['minTtl', min],
    ['defaultTtl', def],
    ['maxTtl', max],
  ] as const) {
    if (!Number.isFinite(v) || v < 0 || !Number.isInteger(v)) {
      throw new ScenarioError(
        `${what}: ${name} must be a whole number of seconds ≥ 0 (got ${v}).`,
        `${field}.${name}`,
      );
    }
  }
  if (max > TTL_LIMITS.maxMaxTtl) {
    throw new ScenarioError(
      `${what}: maxTtl ${max} is above CloudFront's limit of ${TTL_LIMITS.maxMaxTtl} s (100 years); lower it.`,
      `${field}.maxTtl`,
    );
  }
  if (min > def) {
    throw new ScenarioError(
      `${what}: minTtl (${min}) is greater than defaultTtl (${def}); CloudFront requires Min ≤ Default ≤ Max. Raise defaultTtl or lower minTtl.`,
      `${field}.minTtl`,
    );
  }
  if (def > max) {
    throw new ScenarioError(
      `${what}: defaultTtl (${def}) is greater than maxTtl (${max}); CloudFront requires Min ≤ Default ≤ Max. Raise maxTtl or lower defaultTtl.`,
      `${field}.defaultTtl`,
    );
  }
}

function finish(
  cfg: CachePolicyConfig,
  id: string | undefined,
  legacy: boolean,
  allHeaders = false,
): ResolvedCachePolicy {
  const headers = lower(cfg.headers);
  return {
    ...cfg,
    headers,
    id,
    legacy,
    headerNames: new Set(cfg.headerBehavior === 'whitelist' ? headers : []),
    cookieNames: new Set(cfg.cookies),
    queryNames: new Set(cfg.queryStrings),
    cachingDisabled: allHeaders || cfg.maxTtl === 0,
  };
}

/** Legacy settings (spec §1.1 defaults) mapped to an equivalent cache policy. */
function resolveLegacy(b: CacheBehavior, field: string): ResolvedCachePolicy {
  const min = b.minTtl ?? TTL_LIMITS.defaultMinTtl;
  // MinTTL above one day raises the default DefaultTTL; above one year raises the default MaxTTL.
  const def = b.defaultTtl ?? Math.max(min, TTL_LIMITS.defaultDefaultTtl);
  const max = b.maxTtl ?? Math.max(def, TTL_LIMITS.defaultMaxTtl);
  checkTtls(min, def, max, field, 'Legacy cache settings');
  const fv = b.forwardedValues;
  const headers = fv?.headers ?? [];
  const allHeaders = headers.includes('*');
  if (allHeaders && min > 0) {
    throw new ScenarioError(
      `Legacy cache settings forward all headers ('*'), so nothing is cached and minTtl must be 0 (got ${min}).`,
      `${field}.minTtl`,
    );
  }
  const qsKeys = fv?.queryStringCacheKeys ?? [];
  const queryStringBehavior: ListBehavior = !fv?.queryString
    ? 'none'
    : qsKeys.length > 0
      ? 'whitelist'
      : 'all';
  const cookieBehavior: ListBehavior = fv?.cookies.forward ?? 'none';
  return finish(
    {
      name: 'Legacy cache settings',
      minTtl: min,
      defaultTtl: def,
      maxTtl: max,
      headerBehavior: headers.length > 0 && !allHeaders ? 'whitelist' : 'none',
      headers: allHeaders ? [] : headers,
      cookieBehavior,
      cookies: cookieBehavior === 'whitelist' ? (fv?.cookies.whitelistedNames ?? []) : [],
      queryStringBehavior,
      queryStrings: queryStringBehavior === 'whitelist' ? qsKeys : [],
      // Legacy settings normalize Accept-Encoding for gzip only when Compress is on; Brotli
      // needs a cache policy (ServingCompressedFiles). Modelling choice, see docs/modelling.md.
      enableAcceptEncodingGzip: b.compress === true,
      enableAcceptEncodingBrotli: false,
    },
    undefined,
    true,
    allHeaders,
  );
}

/** The cache policy a behavior uses. `field` is the behavior's dotted path, for errors. */
export function resolveCachePolicy(
  behavior: CacheBehavior,
  scenario: Scenario,
  field: string,
): ResolvedCachePolicy {
  const id = behavior.cachePolicyId;
  if (id === undefined || id === '') return resolveLegacy(behavior, field);
  const managed = MANAGED_CACHE_POLICIES[id];
  if (managed) return finish(managed, id, false);
  const custom = scenario.cachePolicies?.[id];
  if (custom) {
    checkTtls(
      custom.minTtl,
      custom.defaultTtl,
      custom.maxTtl,
      `cachePolicies.${id}`,
      `Cache policy "${custom.name}"`,
    );
    return finish(custom, id, false);
  }
  const byName = findManagedByName(MANAGED_CACHE_POLICIES, id);
  if (byName) return finish(MANAGED_CACHE_POLICIES[byName], byName, false);
  throw new ScenarioError(
    `Cache policy "${id}" is neither a managed policy nor defined in cachePolicies. ` +
      `Add it under cachePolicies or use a managed id such as 658327ea-f89d-4fab-a63d-7e88639e58f6 (CachingOptimized).`,
    `${field}.cachePolicyId`,
  );
}

function finishOrp(cfg: OriginRequestPolicyConfig, id: string): ResolvedOriginRequestPolicy {
  const headers = lower(cfg.headers);
  return {
    ...cfg,
    headers,
    id,
    headerNames: new Set(headers),
    cookieNames: new Set(cfg.cookies),
    queryNames: new Set(cfg.queryStrings),
  };
}

/** The origin request policy of a behavior, or undefined when it has none. */
export function resolveOriginRequestPolicy(
  behavior: CacheBehavior,
  scenario: Scenario,
  field: string,
): ResolvedOriginRequestPolicy | undefined {
  const id = behavior.originRequestPolicyId;
  if (id === undefined || id === '') return undefined;
  const managed = MANAGED_ORIGIN_REQUEST_POLICIES[id];
  if (managed) return finishOrp(managed, id);
  const custom = scenario.originRequestPolicies?.[id];
  if (custom) {
    // CloudFront rejects an origin request policy that forwards Authorization: it must be in
    // the cache key instead (knowledge-center/cloudfront-authorization-header).
    if (custom.headerBehavior === 'whitelist' && lower(custom.headers).includes('authorization')) {
      throw new ScenarioError(
        `Origin request policy "${custom.name}" lists Authorization; CloudFront only forwards it through the cache policy (so it is part of the cache key). Move it to the cache policy's headers.`,
        `originRequestPolicies.${id}.headers`,
      );
    }
    return finishOrp(custom, id);
  }
  const byName = findManagedByName(MANAGED_ORIGIN_REQUEST_POLICIES, id);
  if (byName) return finishOrp(MANAGED_ORIGIN_REQUEST_POLICIES[byName], byName);
  throw new ScenarioError(
    `Origin request policy "${id}" is neither a managed policy nor defined in originRequestPolicies. ` +
      `Add it under originRequestPolicies or use a managed id such as 216adef6-5c7f-47e4-b989-5492eafa07d3 (AllViewer).`,
    `${field}.originRequestPolicyId`,
  );
}

/** The response headers policy of a behavior, or undefined when it has none. Header names are
 * lower-cased; a custom header or removal CloudFront forbids (X-Cache, Via, X-Amz-Cf-*...) throws. */
export function resolveResponseHeadersPolicy(
  behavior: CacheBehavior,
  scenario: Scenario,
  field: string,
): ResponseHeadersPolicyConfig | undefined {
  const id = behavior.responseHeadersPolicyId;
  if (id === undefined || id === '') return undefined;
  const managed = MANAGED_RESPONSE_HEADERS_POLICIES[id];
  if (managed) return managed;
  const custom = scenario.responseHeadersPolicies?.[id];
  if (custom) {
    const where = `responseHeadersPolicies.${id}`;
    const customHeaders = (custom.customHeaders ?? []).map((h) => ({
      ...h,
      header: h.header.trim().toLowerCase(),
    }));
    const removeHeaders = lower(custom.removeHeaders ?? []);
    for (const h of customHeaders) {
      if (isDisallowedResponseHeader(h.header)) {
        throw new ScenarioError(
          `Response headers policy "${custom.name}" adds "${h.header}", a header CloudFront does not let a policy set. Remove it from customHeaders.`,
          `${where}.customHeaders`,
        );
      }
    }
    for (const h of removeHeaders) {
      if (isDisallowedResponseHeader(h)) {
        throw new ScenarioError(
          `Response headers policy "${custom.name}" removes "${h}", a header CloudFront does not let a policy remove. Take it out of removeHeaders.`,
          `${where}.removeHeaders`,
        );
      }
    }
    return { ...custom, customHeaders, removeHeaders };
  }
  const byName = findManagedByName(MANAGED_RESPONSE_HEADERS_POLICIES, id);
  if (byName) return MANAGED_RESPONSE_HEADERS_POLICIES[byName];
  throw new ScenarioError(
    `Response headers policy "${id}" is neither a managed policy nor defined in responseHeadersPolicies. ` +
      `Add it under responseHeadersPolicies or use a managed id such as 67f7725c-6f97-4210-82d7-5512b31e9d03 (SecurityHeadersPolicy).`,
    `${field}.responseHeadersPolicyId`,
  );
}
