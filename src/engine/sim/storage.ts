// TTL and storage (spec §0 step 11, §1): turns an origin answer into the StoredObject every tier
// shares, decides whether tiers may keep it, refreshes a copy after a 304 (§2.1), and makes the
// edge's compressed variant (§4.5). The rules themselves live in ../http/ttl and ../http/compression.
import { EMPTY_CACHE_CONTROL, parseCacheControlLines, type CacheControl } from '../http/cacheControl';
import {
  chooseEncoding,
  COMPRESSIBLE_TYPES,
  compressedSize,
  mediaType,
  weakenEtag,
} from '../http/compression';
import type { HeaderMap } from '../http/model';
import {
  computeTtl,
  DEFAULT_ERROR_CACHING_MIN_TTL,
  errorCacheTtl,
  isCacheableStatus,
  parseAgeHeader,
  preventsCollapsing,
  shouldStore,
} from '../http/ttl';
import type { NormalizedScenario } from '../normalize';
import { StoredObject, type RequestCtx } from './model';

/** CloudFront's largest cacheable object (spec §1.8, §12.4). */
export const MAX_CACHEABLE_BYTES = 30 * 2 ** 30;

/** Statuses after which an expired copy may be served instead (spec §1.5: 500, 502, 503, 504;
 * CloudFront's own 502/504 for an unreachable origin count too). */
const STALE_ON_ERROR_STATUSES = new Set([500, 502, 503, 504]);

export interface OriginAnswer {
  status: number;
  headers: HeaderMap;
  body: string | undefined;
  bodySize: number;
  generatedBy: 'lambda' | 'cloudfront' | null;
  errorType: string | null;
}

export class Storage {
  private lastCcLines: readonly string[] | undefined = undefined;
  private lastCc: Readonly<CacheControl> = EMPTY_CACHE_CONTROL;

  constructor(
    private readonly ns: NormalizedScenario,
    private readonly epochMs: number,
  ) {}

  /** ErrorCachingMinTTL for a status, seconds (CustomErrorResponses, default 10: spec §1.8). */
  errorCachingMinTtl(status: number): number {
    return this.ns.customErrors.get(status)?.errorCachingMinTtl ?? DEFAULT_ERROR_CACHING_MIN_TTL;
  }

  /** The object an origin answer becomes, with its TTL and whether tiers may store it. */
  fromOrigin(ctx: RequestCtx, a: OriginAnswer, originId: string, invTarget: string): StoredObject {
    const p = ctx.behavior.cachePolicy;
    const h = a.headers;
    const ccLines = h['cache-control'];
    // A catalog's answers share one Cache-Control array: parse it once per array.
    if (ccLines !== this.lastCcLines || ccLines === undefined) {
      this.lastCcLines = ccLines;
      this.lastCc = parseCacheControlLines(ccLines);
    }
    const cc = this.lastCc;
    const expires = h['expires']?.[0];
    const wall = this.epochMs + ctx.t0;
    const status = a.status;
    let ttl: number | null;
    if (status >= 400)
      ttl = errorCacheTtl(status, cc, expires, wall, this.errorCachingMinTtl(status), p.maxTtl);
    else if (!isCacheableStatus(status, ccLines !== undefined && ccLines.length > 0)) ttl = null;
    else ttl = computeTtl(cc, expires, wall, p);
    if (ttl !== null && this.ns.settings.subtractOriginAge) {
      const age = parseAgeHeader(h['age']?.[0]);
      if (age !== undefined) ttl = Math.max(0, ttl - age);
    }
    const etag = h['etag']?.[0];
    const lastModified = h['last-modified']?.[0];
    const vary = h['vary'];
    const varyStar = vary !== undefined && vary.some((v) => v.trim() === '*');
    // Vary: * with MinTTL 0: cached, but every request goes to the origin without validators (§1.8).
    if (varyStar && p.minTtl === 0 && ttl !== null) ttl = 0;
    const hasValidator = !varyStar && (etag !== undefined || lastModified !== undefined);
    // Only GET and cached OPTIONS responses are stored: a HEAD answer has no body to serve a
    // later GET with, and proxy methods are never cached (§3.3).
    const storableRequest = !ctx.proxy && ctx.method !== 'HEAD' && !p.cachingDisabled;
    const cacheable =
      storableRequest &&
      ttl !== null &&
      a.bodySize <= MAX_CACHEABLE_BYTES &&
      (varyStar
        ? p.minTtl === 0 || ttl > 0
        : shouldStore({ status, cc, ttlSeconds: ttl, minTtl: p.minTtl, hasValidator }));
    return new StoredObject(
      status,
      h,
      a.body,
      a.bodySize,
      ctx.t0,
      (ttl ?? 0) * 1000,
      (cc.staleWhileRevalidate ?? 0) * 1000,
      cc.staleIfError === undefined ? -1 : cc.staleIfError * 1000,
      etag,
      lastModified,
      hasValidator,
      preventsCollapsing(cc, p.minTtl),
      cacheable,
      invTarget,
      originId,
      a.generatedBy,
      a.errorType,
      null,
      ctx.seq,
      ctx.t0,
    );
  }

  /**
   * A copy revalidated by a 304 (spec §2.1 INF): the 304's caching headers merged over the stored
   * ones, the TTL computed again, Age restarting now. `fresher` is an upper tier's fresh copy of
   * the same version, whose headers and times are taken instead (its Age counts from its own
   * revalidation).
   */
  refreshed(
    ctx: RequestCtx,
    old: StoredObject,
    notModified: HeaderMap | null,
    fresher: StoredObject | null,
  ): StoredObject {
    let headers = old.headers;
    let storedAt = ctx.t0;
    let ttlMs: number;
    let swrMs: number;
    let sieMs: number;
    let noCollapse: boolean;
    if (fresher) {
      storedAt = fresher.storedAt;
      ttlMs = fresher.ttlMs;
      swrMs = fresher.swrMs;
      sieMs = fresher.sieMs;
      noCollapse = fresher.noCollapse;
      if (old.encoding === null) headers = fresher.headers;
    } else {
      if (notModified) {
        headers = { ...old.headers };
        for (const name of ['cache-control', 'expires', 'date', 'last-modified', 'age']) {
          const v = notModified[name];
          if (v !== undefined) headers[name] = v;
        }
      }
      const p = ctx.behavior.cachePolicy;
      const cc = parseCacheControlLines(headers['cache-control']);
      const wall = this.epochMs + ctx.t0;
      const ttl =
        old.status >= 400
          ? (errorCacheTtl(
              old.status,
              cc,
              headers['expires']?.[0],
              wall,
              this.errorCachingMinTtl(old.status),
              p.maxTtl,
            ) ?? 0)
          : computeTtl(cc, headers['expires']?.[0], wall, p);
      ttlMs = ttl * 1000;
      swrMs = (cc.staleWhileRevalidate ?? 0) * 1000;
      sieMs = cc.staleIfError === undefined ? -1 : cc.staleIfError * 1000;
      noCollapse = preventsCollapsing(cc, p.minTtl);
    }
    return new StoredObject(
      old.status,
      headers,
      old.body,
      old.bodySize,
      storedAt,
      ttlMs,
      swrMs,
      sieMs,
      old.etag,
      old.lastModified,
      old.revalidatable,
      noCollapse,
      old.cacheable,
      old.invTarget,
      old.originId,
      old.generatedBy,
      old.errorType,
      old.encoding,
      ctx.seq,
      ctx.t0,
    );
  }

  /** The edge's compressed variant when CloudFront would compress this answer (spec §4.5);
   * the same object otherwise. The body stays the decoded text; bodySize is the modelled size. */
  compressForViewer(ctx: RequestCtx, o: StoredObject): StoredObject {
    const b = ctx.behavior;
    if (!b.compress || o.encoding !== null || ctx.aeKey === undefined) return o;
    const h = o.headers;
    // chooseEncoding refuses any type outside COMPRESSIBLE_TYPES; deciding that first from a
    // memo (catalog objects share one Content-Type string) skips building its input per miss.
    if (!this.compressibleType(h['content-type']?.[0])) return o;
    const cl = h['content-length']?.[0] ?? (o.bodySize > 0 ? String(o.bodySize) : undefined);
    const enc = chooseEncoding({
      compress: true,
      viewerAcceptEncoding: ctx.aeKey,
      httpVersion: ctx.httpVersion,
      policyListsAcceptEncoding: b.policyListsAcceptEncoding,
      status: o.status,
      contentType: h['content-type']?.[0],
      contentEncoding: h['content-encoding']?.[0],
      contentLength: cl === undefined ? undefined : Number(cl),
      hasBody: o.bodySize > 0,
    });
    if (enc === null) return o;
    const size = compressedSize(o.bodySize, enc, h['content-type']?.[0]);
    const headers: HeaderMap = { ...h, 'content-encoding': [enc], 'content-length': [String(size)] };
    const etag = weakenEtag(h['etag']?.[0]);
    if (etag === undefined) delete headers['etag'];
    else headers['etag'] = [etag];
    const v = new StoredObject(
      o.status,
      headers,
      o.body,
      size,
      o.storedAt,
      o.ttlMs,
      o.swrMs,
      o.sieMs,
      o.etag,
      o.lastModified,
      o.revalidatable,
      o.noCollapse,
      o.cacheable,
      o.invTarget,
      o.originId,
      o.generatedBy,
      o.errorType,
      enc,
      o.fetchSeq,
      o.availableAt,
    );
    return v;
  }

  private lastType: string | undefined = undefined;
  private lastTypeCompressible = false;

  /** Whether chooseEncoding could compress this Content-Type at all (its media-type rule). */
  private compressibleType(contentType: string | undefined): boolean {
    if (contentType !== this.lastType || contentType === undefined) {
      this.lastType = contentType;
      this.lastTypeCompressible = COMPRESSIBLE_TYPES.has(mediaType(contentType));
    }
    return this.lastTypeCompressible;
  }

  /** Whether an expired copy may be served because revalidation failed with `status`
   * (spec §1.4-1.6): never after stale-if-error=0, within stale-if-error=E seconds past expiry
   * when given, and otherwise for any 5xx of the list (default stale-on-5xx). A 4xx is returned. */
  staleAllowed(o: StoredObject, status: number, t: number): boolean {
    if (!STALE_ON_ERROR_STATUSES.has(status)) return false;
    if (o.sieMs === 0) return false;
    if (o.sieMs > 0) return t - o.expiresAt() <= o.sieMs;
    return true;
  }
}
