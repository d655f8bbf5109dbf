// The request pipeline in the spec's order (§0), written once as a generator: the behavior is
// chosen first on the original path (§3), then its checks (allowed methods, viewer protocol
// policy, GET with a body), geo restriction (§10.3), signed URLs (§10.4), the viewer-request
// function, the default root object (§10.2), the cache key (§4), the tiers (§6), and custom
// error responses (§10.1). Responses are finished in ./respond.
import { parseCookieHeader } from '../cache/cacheKey';
import { stripSignedParams } from '../cache/cacheKey';
import {
  cloudFrontError,
  CLOUDFRONT_ERROR_REASONS,
  geoBlocked403,
  methodNotAllowed403,
  protocolForbidden403,
  redirectResponse,
  signedUrlError403,
} from '../http/generated';
import type { EdgeResponse } from '../http/model';
import type { ResolvedBehavior } from '../normalize';
import { selectBehavior } from '../routing/pathPattern';
import { geoAllowed } from '../security/geo';
import { verifySignedRequest } from '../security/signedUrl';
import type { SimDeps } from './deps';
import { ensureRequestIds } from './ids';
import { NEED_UPSTREAM, RequestCtx, type PipelineGen, type ResultType } from './model';
import { Tiers } from './tiers';

/** What is left of a request after begin() (and after the edge's answer). */
const DONE = 0;
const EDGE_UPSTREAM = 1;
const ERROR_PAGE = 2;
type Next = typeof DONE | typeof EDGE_UPSTREAM | typeof ERROR_PAGE;

export class Pipeline {
  readonly tiers: Tiers;

  constructor(private readonly d: SimDeps) {
    this.tiers = new Tiers(d);
  }

  /** First behavior whose pattern matches the path, the default behavior otherwise (§3.2). */
  behaviorFor(path: string): ResolvedBehavior {
    const bs = this.d.ns.behaviors;
    const i = bs.length > 1 ? selectBehavior(this.d.ns.matchers, path) : -1;
    return bs[i < 0 ? bs.length - 1 : i];
  }

  private trace(
    ctx: RequestCtx,
    stage: 'viewer' | 'behavior' | 'cache-key' | 'response',
    detail: string,
    outcome?: string,
    data?: Record<string, unknown>,
  ): void {
    ctx.trace!.push({
      stage,
      detail,
      atMs: ctx.cursor,
      durationMs: 0,
      location: ctx.pop.code,
      outcome,
      data,
    });
  }

  /** A response CloudFront (or a function) makes itself; it goes straight to the viewer. */
  private generated(
    ctx: RequestCtx,
    r: EdgeResponse,
    result: ResultType,
    detailed: string,
    why: string,
  ): typeof DONE {
    ctx.gen = r;
    ctx.status = r.status;
    ctx.resultType = result;
    ctx.detailedType = detailed;
    ctx.doneAt = ctx.cursor;
    if (ctx.trace) this.trace(ctx, 'behavior', why, result === 'Error' ? 'error' : 'generated');
    return DONE;
  }

  /** The whole pipeline as one generator (request(): originFetch may be asynchronous). */
  *handle(ctx: RequestCtx): PipelineGen<void> {
    let next = this.begin(ctx);
    if (next === EDGE_UPSTREAM) {
      yield* this.tiers.edgeUpstream(ctx);
      next = this.afterEdgeAnswer(ctx);
    }
    if (next === ERROR_PAGE) yield* this.customErrorPage(ctx);
  }

  /** The same pipeline without generators (run(): the simulated origins answer synchronously
   * through Tiers.useSyncOrigin). A request answered at the edge runs begin() alone. */
  runSync(ctx: RequestCtx): void {
    let next = this.begin(ctx);
    if (next === EDGE_UPSTREAM) {
      this.tiers.edgeUpstreamSync(ctx);
      next = this.afterEdgeAnswer(ctx);
    }
    if (next === ERROR_PAGE) this.customErrorPageSync(ctx);
  }

  private hasErrorPage(status: number): boolean {
    const c = this.d.ns.customErrors.get(status);
    return c !== undefined && c.responsePagePath !== undefined && c.responsePagePath !== '';
  }

  /** Adopts the edge's answer; ERROR_PAGE for an error with a custom page to fetch. */
  private afterEdgeAnswer(ctx: RequestCtx): Next {
    const o = ctx.upObj!;
    ctx.obj = o;
    ctx.status = o.status;
    ctx.doneAt = ctx.upAt;
    // Lambda@Edge-generated responses and function errors never get a custom error page (§8.2, §10.1).
    if (ctx.status >= 400 && o.generatedBy !== 'lambda' && this.hasErrorPage(ctx.status)) {
      ctx.cursor = ctx.doneAt;
      return ERROR_PAGE;
    }
    return DONE;
  }

  /**
   * Runs the pipeline up to and including the edge lookup. Returns DONE when the request is
   * answered, EDGE_UPSTREAM when the edge must ask upstream, ERROR_PAGE when a custom error page
   * must be fetched; handle() and runSync() do the rest.
   */
  private begin(ctx: RequestCtx): Next {
    const d = this.d;
    const ns = d.ns;
    ctx.cursor = ctx.t0;
    if (ctx.trace) {
      ensureRequestIds(ctx, d.ids);
      const q = ctx.querystring ? '?' + ctx.querystring : '';
      this.trace(
        ctx,
        'viewer',
        `${ctx.method} ${ctx.scheme}://${ctx.host}${ctx.uri}${q} (HTTP/${ctx.httpVersion}) from ${ctx.clientIp}${ctx.country ? ` in ${ctx.country}` : ''}, arriving at edge location ${ctx.pop.code}`,
      );
    }
    const b = this.behaviorFor(ctx.originalUri);
    ctx.behavior = b;
    if (!ns.hosts.has(ctx.host)) {
      ensureRequestIds(ctx, d.ids);
      return this.generated(
        ctx,
        cloudFrontError(403, ctx.requestId, CLOUDFRONT_ERROR_REASONS.badRequest),
        'Error',
        'Error',
        `The host "${ctx.host}" is not this distribution's domain name (${ns.domainName}) or one of its alternate domain names: 403. Add it to the aliases or request the distribution's domain.`,
      );
    }
    if (ctx.trace) {
      this.trace(
        ctx,
        'behavior',
        `Cache behavior "${b.pathPattern}" (${b.field}) matches ${ctx.originalUri}; target ${b.target.members.length > 1 ? 'origin group' : 'origin'} "${b.target.id}"`,
        undefined,
        { behaviorIndex: b.index },
      );
    }

    // 1. Connection and protocol checks: no function runs for these (§0 step 1, §3.3-3.4).
    const m = ctx.method;
    if (!b.allowed.has(m)) {
      ensureRequestIds(ctx, d.ids);
      return this.generated(
        ctx,
        methodNotAllowed403(ctx.requestId),
        'Error',
        'InvalidRequestMethod',
        `${m} is not in this behavior's allowed methods (${[...b.allowed].join(', ')}): 403`,
      );
    }
    if (ctx.scheme === 'http' && b.viewerProtocolPolicy !== 'allow-all') {
      ensureRequestIds(ctx, d.ids);
      if (b.viewerProtocolPolicy === 'https-only') {
        return this.generated(
          ctx,
          protocolForbidden403(ctx.requestId),
          'Error',
          'Error',
          'The behavior is https-only and the request came over HTTP: 403',
        );
      }
      if (m !== 'GET' && m !== 'HEAD' && ctx.httpVersion === '1.0') {
        return this.generated(
          ctx,
          protocolForbidden403(ctx.requestId),
          'Error',
          'Error',
          `redirect-to-https cannot redirect ${m} over HTTP/1.0 (a 307 needs HTTP/1.1): 403`,
        );
      }
      const status = m === 'GET' || m === 'HEAD' ? 301 : 307;
      const q = ctx.originalQuery ? '?' + ctx.originalQuery : '';
      return this.generated(
        ctx,
        redirectResponse(status, `https://${ctx.host}${ctx.originalUri}${q}`),
        'Redirect',
        'Redirect',
        `redirect-to-https: HTTP ${m} gets ${status} to the HTTPS URL`,
      );
    }
    if (m === 'GET' && ctx.body !== undefined && ctx.body !== '') {
      ensureRequestIds(ctx, d.ids);
      return this.generated(
        ctx,
        cloudFrontError(403, ctx.requestId, CLOUDFRONT_ERROR_REASONS.badRequest),
        'Error',
        'Error',
        'A GET request with a body: 403',
      );
    }

    // 2. Geo restriction, distribution-wide (§10.3). Custom error pages apply to it.
    if (!geoAllowed(ns.geo, ctx.country)) {
      ensureRequestIds(ctx, d.ids);
      this.generated(
        ctx,
        geoBlocked403(ctx.requestId),
        'Error',
        'ClientGeoBlocked',
        `Geo restriction (${ns.geo!.restrictionType}) blocks viewers in ${ctx.country}: 403`,
      );
      return this.hasErrorPage(403) ? ERROR_PAGE : DONE;
    }

    // 3. Signed URL or signed cookies when the behavior trusts key groups (§10.4-10.5).
    if (b.trustedKeyGroups.length > 0) {
      const stripped = stripSignedParams(ctx.querystring);
      const src = ns.source;
      const r = verifySignedRequest({
        resourceUrl: `${ctx.scheme}://${ctx.host}${ctx.uri}${stripped ? '?' + stripped : ''}`,
        querystring: ctx.querystring,
        cookies: parseCookieHeader(ctx.headers['cookie']),
        keyGroupIds: b.trustedKeyGroups,
        keyGroups: src.keyGroups ?? {},
        publicKeys: src.publicKeys ?? {},
        nowEpochSeconds: Math.floor((d.epochMs + ctx.t0) / 1000),
        clientIp: ctx.clientIp,
      });
      if (!r.ok) {
        ensureRequestIds(ctx, d.ids);
        this.generated(
          ctx,
          signedUrlError403(r.code, r.message),
          'Error',
          'Error',
          `Signed URL / cookie check failed (${r.code}): ${r.reason}: 403`,
        );
        return this.hasErrorPage(403) ? ERROR_PAGE : DONE;
      }
      if (ctx.trace)
        this.trace(
          ctx,
          'behavior',
          `Signed ${r.source === 'url' ? 'URL' : 'cookies'} valid (key ${r.keyPairId})`,
          'ok',
        );
      // The signing parameters are neither in the cache key nor sent to the origin (§10.4 INF).
      ctx.querystring = stripped;
    }

    // 4. Viewer-request function: may change the request (not the behavior) or answer (§8, §9).
    if (b.viewerRequest) {
      const out = d.hooks.viewerRequest(ctx, b.viewerRequest, ctx.cursor); // ids on demand
      ctx.cursor += out.info.durationMs;
      const lambda = b.viewerRequest.kind === 'lambda-edge';
      if (out.kind === 'generated-response') {
        ctx.gen = out.response;
        ctx.status = out.response.status;
        ctx.resultType = lambda ? 'LambdaGeneratedResponse' : 'FunctionGeneratedResponse';
        ctx.detailedType = ctx.resultType;
        ctx.doneAt = ctx.cursor;
        return DONE;
      }
      if (out.kind === 'error') {
        const reason =
          out.status === 502
            ? CLOUDFRONT_ERROR_REASONS.functionValidation
            : CLOUDFRONT_ERROR_REASONS.functionExecution;
        ctx.gen = cloudFrontError(out.status, ctx.requestId, reason);
        ctx.status = out.status;
        ctx.resultType = 'Error';
        ctx.detailedType =
          out.status === 502
            ? lambda
              ? 'LambdaValidationError'
              : 'FunctionValidationError'
            : lambda
              ? 'LambdaExecutionError'
              : 'FunctionExecutionError';
        ctx.doneAt = ctx.cursor;
        return DONE;
      }
      if (out.kind === 'continue-request') {
        ctx.uri = out.request.uri;
        ctx.querystring = out.request.querystring;
        ctx.headers = out.request.headers;
      }
    }

    // 5. Default root object, after the viewer-request function (§10.2, a setting-free INF choice).
    if (ctx.uri === '/' && ns.defaultRootObject !== undefined) ctx.uri = '/' + ns.defaultRootObject;

    // 6. Cache key and method class: proxy methods are never cached (§3.3).
    const cachedMethod = m === 'GET' || m === 'HEAD' || (m === 'OPTIONS' && b.cachesOptions);
    ctx.proxy = !cachedMethod;
    ctx.collapse = b.collapses && cachedMethod;
    d.keys.compute(ctx);
    if (ctx.trace) {
      const info = d.keys.info(ctx);
      this.trace(
        ctx,
        'cache-key',
        `Cache key: ${ctx.key.replace(/\n/g, ' | ')}${ctx.proxy ? ` (${m} is not cached: the key is not looked up)` : ''}`,
        undefined,
        {
          key: ctx.key,
          path: info.path,
          query: info.query,
          headers: info.headers,
          cookies: info.cookies,
          acceptEncoding: ctx.aeKey,
          collapsing: ctx.collapse,
          // For "why was this a miss?" (src/engine/explain): the method class and the policy's TTLs.
          method: m,
          cached: !ctx.proxy,
          policy: cachePolicyFacts(b),
        },
      );
    }

    // 7-11. Tiers, origin, storage; then custom error responses (§10.1).
    if (this.tiers.edgeLookup(ctx) !== NEED_UPSTREAM) return this.afterEdgeAnswer(ctx);
    return EDGE_UPSTREAM;
  }

  /** Replaces an error with the configured page, fetched through the behavior that matches the
   * page path and cached like any object (§10.1). Viewer-request functions do not run for it. */
  private *customErrorPage(ctx: RequestCtx): PipelineGen<void> {
    const page = this.errorPageRequest(ctx);
    if (page === null) return;
    yield* this.tiers.serve(page);
    this.adoptErrorPage(ctx, page);
  }

  /** customErrorPage() without generators (run()). */
  private customErrorPageSync(ctx: RequestCtx): void {
    const page = this.errorPageRequest(ctx);
    if (page === null) return;
    this.tiers.serveSync(page);
    this.adoptErrorPage(ctx, page);
  }

  /** The page's own request (a GET of the page path), or null when no page is configured. */
  private errorPageRequest(ctx: RequestCtx): RequestCtx | null {
    const cer = this.d.ns.customErrors.get(ctx.status);
    if (!cer || !cer.responsePagePath) return null;
    const page = new RequestCtx();
    page.seq = ctx.seq;
    page.method = 'GET';
    page.scheme = ctx.scheme;
    page.host = ctx.host;
    page.uri = page.originalUri = cer.responsePagePath;
    page.querystring = page.originalQuery = '';
    page.headers = ctx.headers;
    page.body = undefined;
    page.httpVersion = ctx.httpVersion;
    page.clientIp = ctx.clientIp;
    page.country = ctx.country;
    page.pop = ctx.pop;
    page.viewerRttMs = ctx.viewerRttMs;
    page.t0 = ctx.t0;
    page.cursor = ctx.cursor;
    page.trace = ctx.trace;
    page.requestId = ctx.requestId;
    page.via = ctx.via;
    page.behavior = this.behaviorFor(page.uri);
    page.proxy = false;
    page.collapse = page.behavior.collapses;
    this.d.keys.compute(page);
    if (ctx.trace) {
      this.trace(
        ctx,
        'response',
        `Custom error response for ${ctx.status}: fetching ${cer.responsePagePath} through behavior "${page.behavior.pathPattern}"`,
      );
    }
    return page;
  }

  /** The viewer gets the page with the configured status. */
  private adoptErrorPage(ctx: RequestCtx, page: RequestCtx): void {
    const cer = this.d.ns.customErrors.get(ctx.status)!;
    const p = page.upObj!;
    ctx.tiersMask |= page.tiersMask;
    ctx.doneAt = page.upAt;
    ctx.gen = null;
    ctx.obj = p;
    ctx.customErrorPage = true;
    // If the page itself cannot be fetched, the viewer gets that fetch's status (§10.1).
    ctx.status = p.status < 400 ? (cer.responseCode ?? ctx.status) : p.status;
    ctx.resultType = 'Error';
    if (ctx.detailedType === '') ctx.detailedType = 'Error';
  }
}

/** The cache policy facts the inspector's explanation needs (JSON-safe; trace only, never the hot path). */
function cachePolicyFacts(b: ResolvedBehavior): {
  name: string;
  id?: string;
  minTtl: number;
  defaultTtl: number;
  maxTtl: number;
  cachingDisabled: boolean;
} {
  const p = b.cachePolicy;
  return {
    name: p.name,
    id: p.id,
    minTtl: p.minTtl,
    defaultTtl: p.defaultTtl,
    maxTtl: p.maxTtl,
    cachingDisabled: p.cachingDisabled,
  };
}
