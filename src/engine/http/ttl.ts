// How long CloudFront keeps a response (spec §1.2-1.8): the edge TTL from the origin's
// caching headers and the behavior's Min/Default/Max TTL, error caching, and the
// storage and collapsing decisions that follow from them. All times in seconds.
import type { CacheControl } from './cacheControl';
import { parseHttpDate } from './dates';

export interface TtlSettings {
  minTtl: number;
  defaultTtl: number;
  maxTtl: number;
}

/** Seconds from `nowWallMs` until the Expires date; 0 when it is in the past or unparseable
 * (spec §1.3: an unparseable Expires counts as already expired); undefined when absent. */
export function expiresDeltaSeconds(expires: string | undefined, nowWallMs: number): number | undefined {
  const at = parseHttpDate(expires);
  if (at === undefined) return undefined;
  if (Number.isNaN(at)) return 0;
  const delta = (at - nowWallMs) / 1000;
  return delta > 0 ? delta : 0;
}

/** The freshness the origin asked for: s-maxage > max-age > Expires (Expires only without
 * either of the others), undefined when it sent none of them. */
export function originFreshnessSeconds(
  cc: Readonly<CacheControl>,
  expires: string | undefined,
  nowWallMs: number,
): number | undefined {
  if (cc.sMaxAge !== undefined) return cc.sMaxAge;
  if (cc.maxAge !== undefined) return cc.maxAge;
  return expiresDeltaSeconds(expires, nowWallMs);
}

/** The edge TTL in seconds, exactly the spec §1.3 algorithm. An Expires-based TTL keeps its
 * fraction of a second (the Expires date is compared with the wall clock, not with Date). */
export function computeTtl(
  cc: Readonly<CacheControl>,
  expires: string | undefined,
  nowWallMs: number,
  s: TtlSettings,
): number {
  if (cc.noCache || cc.noStore || cc.private) return s.minTtl;
  const originTtl = originFreshnessSeconds(cc, expires, nowWallMs);
  if (originTtl === undefined) return Math.max(s.minTtl, s.defaultTtl);
  return Math.min(Math.max(originTtl, s.minTtl), s.maxTtl);
}

/** Whether the response forbids caching outright (the "CloudFront obeys them" row of §1.2). */
export function forbidsCaching(cc: Readonly<CacheControl>): boolean {
  return cc.noCache || cc.noStore || cc.private;
}

/**
 * Whether a 2xx/3xx response may be cached at all (spec §1.8, http-3xx-status-codes):
 * 200/203/204/206 and 300/301/302/303 like any object; 307/308 only when the origin sent a
 * Cache-Control header; 304 is never stored as an object of its own. Errors: errorCacheTtl.
 */
export function isCacheableStatus(status: number, hasCacheControlHeader: boolean): boolean {
  switch (status) {
    case 200:
    case 203:
    case 204:
    case 206:
    case 300:
    case 301:
    case 302:
    case 303:
      return true;
    case 307:
    case 308:
      return hasCacheControlHeader;
    default:
      return false;
  }
}

/** Error codes CloudFront caches even without caching headers (spec §1.8, HTTPStatusCodes). */
export const ERROR_CODES_ALWAYS_CACHED: ReadonlySet<number> = new Set([404, 414, 500, 501, 502, 503, 504]);
/** Error codes cached only when the origin sends max-age / s-maxage (or Expires). */
export const ERROR_CODES_CACHED_WITH_HEADERS: ReadonlySet<number> = new Set([400, 403, 405, 412, 415]);
/** The default ErrorCachingMinTTL when CustomErrorResponses does not set one (spec §1.8). */
export const DEFAULT_ERROR_CACHING_MIN_TTL = 10;

/**
 * The TTL of an error response (spec §1.8), or null when CloudFront never caches it:
 * TTL = max(ErrorCachingMinTTL, min(header TTL, MaxTTL)). 416 and codes outside both lists
 * are never cached. 0 means "do not store" (e.g. ErrorCachingMinTTL 0 and no headers).
 */
export function errorCacheTtl(
  status: number,
  cc: Readonly<CacheControl>,
  expires: string | undefined,
  nowWallMs: number,
  errorCachingMinTtl: number,
  maxTtl: number,
): number | null {
  const always = ERROR_CODES_ALWAYS_CACHED.has(status);
  if (!always && !ERROR_CODES_CACHED_WITH_HEADERS.has(status)) return null;
  const header = originFreshnessSeconds(cc, expires, nowWallMs);
  if (header === undefined) return always ? errorCachingMinTtl : null;
  return Math.max(errorCachingMinTtl, Math.min(header, maxTtl));
}

export interface StoreDecisionInput {
  status: number;
  cc: Readonly<CacheControl>;
  /** from computeTtl (2xx/3xx) or errorCacheTtl (4xx/5xx) */
  ttlSeconds: number;
  minTtl: number;
  /** the response carries an ETag or Last-Modified */
  hasValidator: boolean;
}

/**
 * Whether to put a response in the cache (spec §1.3 INF rows):
 * - no-store / private / no-cache with MinTTL 0: not stored, every request reads Miss;
 * - TTL > 0: stored;
 * - TTL 0 with a validator (2xx/3xx): stored already stale, so the next request revalidates
 *   and a 304 gives RefreshHit (V11); without a validator: not stored;
 * - an error with TTL 0 is not stored (ErrorCachingMinTTL 0, V21).
 */
export function shouldStore(i: StoreDecisionInput): boolean {
  if (i.minTtl <= 0 && forbidsCaching(i.cc)) return false;
  if (i.ttlSeconds > 0) return true;
  if (i.status >= 400) return false;
  return i.hasValidator;
}

/**
 * Whether this response turns request collapsing off for its key (spec §6.3): MinTTL 0 and
 * the origin sent private, no-store, no-cache, max-age=0 or s-maxage=0.
 */
export function preventsCollapsing(cc: Readonly<CacheControl>, minTtl: number): boolean {
  if (minTtl > 0) return false;
  return cc.private || cc.noStore || cc.noCache || cc.maxAge === 0 || cc.sMaxAge === 0;
}

/** The origin's Age header in seconds (RFC 9111 §5.1), undefined when absent or malformed.
 * Only used when the subtractOriginAge setting is on (spec §1.3, UNCONFIRMED). */
export function parseAgeHeader(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  return /^\d+$/.test(v) ? Number(v) : undefined;
}
