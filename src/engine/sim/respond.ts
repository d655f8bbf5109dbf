// Finishing a response (spec §0 steps 12-15): the X-Cache result, a 304 for a viewer's
// matching validators (§2.2), the response headers policy (§4.7), the viewer-response function
// (§8-9, skipped for errors, custom error pages and generated responses), and CloudFront's own
// headers (§2.4). run() skips building headers unless a viewer-response function needs them.
import { viewerConditionalMatches } from '../http/conditional';
import { cloudFrontError, CLOUDFRONT_ERROR_REASONS, STATUS_TEXT } from '../http/generated';
import type { EdgeResponse, HeaderMap } from '../http/model';
import { applyResponseHeadersPolicy } from '../http/responseHeadersPolicy';
import type { ResolvedBehavior } from '../normalize';
import type { SimDeps } from './deps';
import { ensureRequestIds } from './ids';
import type { RequestCtx, ResultType } from './model';

/** Representation headers a 304 does not carry (RFC 9110 §15.4.5). */
const NOT_IN_304 = ['content-length', 'content-type', 'content-encoding', 'content-range'];

export class Responder {
  constructor(private readonly d: SimDeps) {}

  /** X-Cache result and log detailed type of a response that went through the tiers. */
  private classify(ctx: RequestCtx): void {
    const o = ctx.obj!;
    const s = this.d.ns.settings;
    let r: ResultType;
    switch (ctx.edgeOutcome) {
      case 'hit':
      case 'joined':
        r = 'Hit';
        break;
      case 'refresh':
        r = 'RefreshHit';
        break;
      case 'refresh-200':
        r = ctx.fromOrigin ? s.refreshWith200XCache : 'Hit';
        break;
      case 'stale-error':
        r = s.staleOnErrorXCache;
        break;
      case 'stale-swr':
        r = s.staleWhileRevalidateXCache;
        break;
      default:
        // A miss at the edge served by the REC or the shield is logged as a hit (§2.3, §6.2).
        r = ctx.fromOrigin ? 'Miss' : 'Hit';
    }
    if (r === 'Miss' && o.generatedBy === 'lambda' && o.fetchSeq === ctx.seq && o.status < 400)
      r = 'LambdaGeneratedResponse';
    if (o.status >= 400) r = 'Error';
    ctx.resultType = r;
    if (r === 'Error') ctx.detailedType = o.errorType ?? 'Error';
    else if (r === 'Hit' && ctx.shieldHit && ctx.edgeOutcome === 'miss') ctx.detailedType = 'OriginShieldHit';
    else ctx.detailedType = r;
  }

  /**
   * Decides the result, counts the request, and (when `materialize`) builds ctx.response with
   * every header the viewer sees. Returns the bytes sent to the viewer.
   */
  finish(ctx: RequestCtx, materialize: boolean): number {
    const d = this.d;
    const b = ctx.behavior;
    if (ctx.gen === null && !ctx.customErrorPage) this.classify(ctx);
    const o = ctx.obj;
    const head = ctx.method === 'HEAD';
    const fromCache =
      ctx.resultType === 'Hit' ||
      ctx.resultType === 'RefreshHit' ||
      ctx.edgeOutcome === 'stale-error' ||
      ctx.edgeOutcome === 'stale-swr';
    if (ctx.gen === null && o !== null && !ctx.customErrorPage) {
      if (o.status === 304) ctx.notModified = true;
      else if (
        fromCache &&
        o.status === 200 &&
        (head || ctx.method === 'GET') &&
        (ctx.headers['if-none-match'] !== undefined || ctx.headers['if-modified-since'] !== undefined)
      ) {
        ctx.notModified = viewerConditionalMatches(
          ctx.headers,
          o.headers['etag']?.[0],
          o.headers['last-modified']?.[0],
        );
      }
      if (ctx.notModified) ctx.status = 304;
    }
    const runViewerResponse =
      b !== undefined &&
      b.viewerResponse !== undefined &&
      ctx.gen === null &&
      !ctx.customErrorPage &&
      o !== null &&
      o.status < 400;
    let bytes: number;
    if (materialize || runViewerResponse) {
      const r = this.build(ctx, b);
      ctx.response = r;
      bytes = r.bodySize;
    } else {
      bytes = head || ctx.notModified ? 0 : ctx.gen !== null ? ctx.gen.bodySize : o!.bodySize;
    }
    d.stats.count(ctx.resultType, bytes);
    const proxyBytes = ctx.proxy && ctx.body !== undefined ? ctx.body.length : 0;
    d.cost.addRequest(ctx.pop.pricingRegion, ctx.scheme === 'https', bytes, proxyBytes);
    ctx.pop.counters.bytesOut += bytes;
    return bytes;
  }

  private build(ctx: RequestCtx, b: ResolvedBehavior | undefined): EdgeResponse {
    const d = this.d;
    const o = ctx.obj;
    const head = ctx.method === 'HEAD';
    let headers: HeaderMap;
    let body: string | undefined;
    let bodySize: number;
    if (ctx.gen !== null) {
      headers = { ...ctx.gen.headers };
      body = ctx.gen.body;
      bodySize = ctx.gen.bodySize;
    } else {
      headers = { ...o!.headers };
      body = o!.body;
      bodySize = o!.bodySize;
      // Objects may be stored without the line when bodySize says it (simulated catalogs).
      if (headers['content-length'] === undefined && bodySize > 0)
        headers['content-length'] = [String(bodySize)];
      if (b) filterOriginHeaders(headers, b);
    }
    if (ctx.notModified) {
      for (const h of NOT_IN_304) delete headers[h];
      body = undefined;
      bodySize = 0;
    }
    if (head) {
      body = undefined;
      bodySize = 0;
    }
    let response: EdgeResponse = {
      status: ctx.status,
      statusDescription: STATUS_TEXT[ctx.status],
      headers,
      body,
      bodySize,
    };

    if (b?.responseHeadersPolicy)
      applyResponseHeadersPolicy(b.responseHeadersPolicy, headers, {
        method: ctx.method,
        headers: ctx.headers,
      });

    if (b?.viewerResponse && ctx.gen === null && !ctx.customErrorPage && o !== null && o.status < 400) {
      const out = d.hooks.viewerResponse(ctx, b.viewerResponse, response, ctx.doneAt); // ids on demand
      ctx.doneAt += out.info.durationMs;
      if (out.kind === 'error') {
        const reason =
          out.status === 502
            ? CLOUDFRONT_ERROR_REASONS.functionValidation
            : CLOUDFRONT_ERROR_REASONS.functionExecution;
        response = cloudFrontError(out.status, ctx.requestId, reason);
        ctx.status = out.status;
        ctx.resultType = 'Error';
        ctx.detailedType = out.status === 502 ? 'FunctionValidationError' : 'FunctionExecutionError';
      } else if (out.kind === 'continue-response' || out.kind === 'generated-response') {
        response = { ...out.response, headers: out.response.headers };
        if (head) response = { ...response, body: undefined, bodySize: 0 };
        ctx.status = response.status;
      }
    }

    if (ctx.trace !== null || ctx.requestId !== '') {
      ensureRequestIds(ctx, d.ids);
      const h = response.headers;
      h['x-cache'] = [`${ctx.resultType} from cloudfront`];
      h['via'] = [ctx.via];
      h['x-amz-cf-pop'] = [ctx.pop.code];
      h['x-amz-cf-id'] = [ctx.requestId];
      const age = o !== null && ctx.gen === null ? Math.floor((ctx.t0 - o.storedAt) / 1000) : 0;
      if (age > 0 && !ctx.customErrorPage) h['age'] = [String(age)];
      else delete h['age'];
      if (ctx.gen !== null && h['server'] === undefined) h['server'] = ['CloudFront'];
    }
    return response;
  }
}

/** Origin headers CloudFront does not pass on (spec §2.4, §1.8): Set-Cookie unless cookies are
 * forwarded, Trailer/Upgrade, Vary values other than the ones it keys on, the origin's Via. */
function filterOriginHeaders(h: HeaderMap, b: ResolvedBehavior): void {
  const cp = b.cachePolicy;
  const orp = b.originRequestPolicy;
  if (cp.cookieBehavior === 'none' && (!orp || orp.cookieBehavior === 'none')) delete h['set-cookie'];
  delete h['trailer'];
  delete h['upgrade'];
  delete h['via'];
  const vary = h['vary'];
  if (vary !== undefined) {
    const keep: string[] = [];
    const deviceHeaders = [...cp.headerNames, ...(orp?.headerNames ?? [])].some((n) =>
      n.startsWith('cloudfront-is-'),
    );
    for (const line of vary) {
      for (const raw of line.split(',')) {
        const n = raw.trim().toLowerCase();
        if (n === '') continue;
        if (
          n === 'accept-encoding' ||
          n === 'cookie' ||
          n === '*' ||
          cp.headerNames.has(n) ||
          orp?.headerNames.has(n) ||
          (n === 'user-agent' && deviceHeaders)
        ) {
          keep.push(raw.trim());
        }
      }
    }
    if (keep.length > 0) h['vary'] = [keep.join(', ')];
    else delete h['vary'];
  }
}
