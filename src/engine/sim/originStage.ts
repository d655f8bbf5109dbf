// The origin stage of one origin (spec §0 steps 8-10, §7.2): the origin-request Lambda@Edge,
// the request CloudFront builds (§4.6), connection attempts with connect / read timeouts and
// their 502/504 answers, the origin-response Lambda@Edge, then the TTL/storage decision.
import { cloudFrontError, CLOUDFRONT_ERROR_REASONS } from '../http/generated';
import type { EdgeRequest, EdgeResponse, HeaderMap } from '../http/model';
import { buildOriginRequest } from '../http/originRequest';
import { normalizeOrigin, type NormalizedOrigin } from '../normalize';
import { utf8ByteLength } from '../security/utf8';
import type { OriginRequest, OriginResponse } from '../types';
import type { SimDeps } from './deps';
import { ensureRequestIds } from './ids';
import {
  ANSWER_NOT_MODIFIED,
  ANSWER_OBJECT,
  StoredObject,
  TOUCHED_ORIGIN,
  type OriginCall,
  type PipelineGen,
  type RequestCtx,
} from './model';
import type { OriginAnswer } from './storage';

const CONDITIONAL = ['if-none-match', 'if-modified-since', 'if-match', 'if-unmodified-since', 'if-range'];

type Failure = 'refused' | 'connect-timeout' | 'read-timeout' | 'reset';

/** Shared empty header map of light origin requests (never written to). */
const NO_HEADERS: HeaderMap = Object.freeze({}) as HeaderMap;

export class OriginStage {
  private readonly extraOrigins = new Map<string, NormalizedOrigin>();
  private readonly scratch: OriginRequest = {
    originId: '',
    method: '',
    uri: '',
    querystring: '',
    headers: NO_HEADERS,
    body: undefined,
    at: 0,
  };
  private readonly scratchCall: OriginCall;

  constructor(private readonly d: SimDeps) {
    this.scratchCall = { origin: d.ns.origins.values().next().value!, request: this.scratch };
  }

  /** The origin a Lambda@Edge origin-request function switched to (dynamic origin selection). */
  private resolveOverride(o: NormalizedOrigin['config']): NormalizedOrigin {
    const known = this.d.ns.origins.get(o.id);
    if (known && known.domainName === o.domainName) return known;
    for (const n of this.d.ns.origins.values()) if (n.domainName === o.domainName) return n;
    const key = `${o.id}|${o.domainName}`;
    let n = this.extraOrigins.get(key);
    if (!n) {
      n = normalizeOrigin({ ...o, id: o.id || o.domainName }, 'origin-request function result');
      this.extraOrigins.set(key, n);
    }
    return n;
  }

  private originRequestHeaders(
    ctx: RequestCtx,
    origin: NormalizedOrigin,
    cE: string | undefined,
    cL: string | undefined,
    cFromCopy: boolean,
  ): { headers: HeaderMap; querystring: string } {
    const b = ctx.behavior;
    const built = buildOriginRequest({
      viewer: ctx.edgeRequest(),
      keyInfo: this.d.keys.info(ctx),
      cachePolicy: b.cachePolicy,
      originRequestPolicy: b.originRequestPolicy,
      originDomain: origin.domainName,
      customHeaders: origin.customHeaders,
      acceptEncodingForOrigin: ctx.aeOrigin,
      via: ctx.via,
      cfId: ctx.requestId,
      viewerCountry: ctx.country,
      protocol: ctx.scheme,
      httpVersion: ctx.httpVersion,
    });
    if (cFromCopy) {
      // A tier revalidating its own copy sends its validators, never the viewer's (spec §2.1).
      for (const h of CONDITIONAL) delete built.headers[h];
      if (cE !== undefined) built.headers['if-none-match'] = [cE];
      else if (cL !== undefined) built.headers['if-modified-since'] = [cL];
    }
    return built;
  }

  /** run() with simulated origins: only the validators matter to the simulated origin. */
  private lightRequest(
    ctx: RequestCtx,
    cE: string | undefined,
    cL: string | undefined,
    cFromCopy: boolean,
  ): { headers: HeaderMap; querystring: string } {
    if (cE === undefined && cL === undefined && (cFromCopy || ctx.headers['if-none-match'] === undefined))
      return { headers: NO_HEADERS, querystring: ctx.querystring };
    const headers: HeaderMap = {};
    if (cFromCopy) {
      if (cE !== undefined) headers['if-none-match'] = [cE];
      else if (cL !== undefined) headers['if-modified-since'] = [cL];
    } else {
      const inm = ctx.headers['if-none-match'];
      if (inm !== undefined) headers['if-none-match'] = inm;
    }
    return { headers, querystring: ctx.querystring };
  }

  /** A response CloudFront makes itself for an origin it could not use (502/503/504). */
  private generatedError(
    ctx: RequestCtx,
    status: number,
    reason: string,
    errorType: string,
    originId: string,
    cacheable: boolean,
  ): StoredObject {
    const r = cloudFrontError(status, ctx.requestId, reason);
    const answer: OriginAnswer = {
      status,
      headers: r.headers,
      body: r.body,
      bodySize: r.bodySize,
      generatedBy: 'cloudfront',
      errorType,
    };
    const o = this.d.storage.fromOrigin(ctx, answer, originId, this.d.keys.invalidationTarget(ctx));
    return cacheable ? o : withoutCaching(o);
  }

  /**
   * Fetches from origin-group member `mi` for the request in ctx. `at` is when the request
   * reaches the origin. Leaves the answer in ctx.upObj and ctx.upAt (when it leaves the origin).
   */
  *fetch(
    ctx: RequestCtx,
    mi: number,
    at: number,
    cE: string | undefined,
    cL: string | undefined,
    cFromCopy: boolean,
  ): PipelineGen<number> {
    const d = this.d;
    const b = ctx.behavior;
    let origin = b.target.members[mi];
    const light = ctx.lightOriginRequests && b.originRequest === undefined && b.originResponse === undefined;
    if (!light) ensureRequestIds(ctx, d.ids);
    ctx.tiersMask |= TOUCHED_ORIGIN;
    ctx.fromOrigin = true;
    const fnRegion = origin.shieldRegion ?? ctx.pop.region;
    let { headers, querystring } = light
      ? this.lightRequest(ctx, cE, cL, cFromCopy)
      : this.originRequestHeaders(ctx, origin, cE, cL, cFromCopy);
    let uri = ctx.uri;
    let t = at;

    if (b.originRequest) {
      const req: EdgeRequest = {
        method: ctx.method,
        uri,
        querystring,
        headers,
        clientIp: ctx.clientIp,
        body: ctx.body,
      };
      const out = d.hooks.origin(
        ctx,
        b.originRequest,
        'origin-request',
        req,
        undefined,
        origin.config,
        fnRegion,
        t,
      );
      t += out.info.durationMs;
      if (out.kind === 'generated-response' || out.kind === 'error') {
        ctx.fromOrigin = true;
        ctx.upObj =
          out.kind === 'error'
            ? withoutCaching(this.lambdaError(ctx, out.status, out.message, origin.id))
            : d.storage.fromOrigin(
                ctx,
                answerOf(out.response, ctx.method, 'lambda'),
                origin.id,
                d.keys.invalidationTarget(ctx),
              );
        ctx.upAt = t;
        return ANSWER_OBJECT;
      }
      if (out.kind === 'continue-request') {
        uri = out.request.uri;
        querystring = out.request.querystring;
        headers = out.request.headers;
        if (out.origin) origin = this.resolveOverride(out.origin);
      }
    }

    ctx.originId = origin.id;
    const m = ctx.method;
    const retryable = m === 'GET' || m === 'HEAD';
    const attempts = origin.connectionAttempts;
    // Reconnecting costs about one round trip (approximated from the PoP).
    const rtt = d.topology.rttMs(ctx.pop.place, d.topology.originPlace(origin));
    let failure: Failure | null = null;
    let res: OriginResponse | null = null;
    for (let a = 1; a <= attempts; a++) {
      // run() reuses one request object (the simulated origin keeps nothing); request() hands
      // a fresh one to originFetch, which may keep it.
      const request: OriginRequest = light
        ? this.scratch
        : { originId: '', method: '', uri: '', querystring: '', headers: NO_HEADERS, body: undefined, at: 0 };
      request.originId = origin.id;
      request.method = m;
      request.uri = origin.originPath === '' ? uri : origin.originPath + uri;
      request.querystring = querystring;
      request.headers = headers;
      request.body = ctx.body;
      request.at = t;
      d.stats.originRequest(origin.id);
      const call = light ? this.scratchCall : { origin, request };
      call.origin = origin;
      call.request = request;
      const r: OriginResponse = yield call;
      const err = r.error ?? (r.status === 0 ? 'refused' : undefined);
      const latency = r.latencyMs ?? 0;
      let elapsed: number;
      if (err === 'refused') {
        failure = 'refused';
        elapsed = 0;
      } else if (err === 'timeout') {
        failure = 'connect-timeout';
        elapsed = origin.connectionTimeoutMs;
      } else if (err === 'reset') {
        failure = 'reset';
        elapsed = latency;
      } else if (latency > origin.readTimeoutMs) {
        failure = 'read-timeout';
        elapsed = origin.readTimeoutMs;
      } else {
        failure = null;
        res = r;
        elapsed = latency;
      }
      this.traceAttempt(ctx, origin, request, r, failure, a, attempts, t, elapsed);
      if (failure === null) {
        t += elapsed;
        break;
      }
      // Connection failures are retried for every method; a request already sent (read
      // timeout, reset) only for GET/HEAD (spec §7.2).
      const retry = failure === 'refused' || failure === 'connect-timeout' || retryable;
      t += elapsed + (a < attempts && retry ? rtt : 0);
      if (!retry) break;
    }
    ctx.upAt = t;

    if (failure !== null || res === null) {
      const f = failure ?? 'refused';
      const status = f === 'refused' ? d.ns.settings.connectErrorStatus : f === 'reset' ? 502 : 504;
      const reason =
        f === 'refused' || f === 'reset'
          ? CLOUDFRONT_ERROR_REASONS.originConnect
          : CLOUDFRONT_ERROR_REASONS.originTimeout;
      const type =
        f === 'read-timeout' ? 'OriginReadError' : f === 'reset' ? 'OriginCommError' : 'OriginConnectError';
      ctx.upObj = this.generatedError(ctx, status, reason, type, origin.id, true);
      return ANSWER_OBJECT;
    }

    let answer = answerOf(
      { status: res.status, headers: res.headers as HeaderMap, body: res.body, bodySize: res.bodySize ?? -1 },
      m,
      null,
    );
    d.stats.bytesFromOrigins += answer.bodySize;
    ctx.bytesFromOrigin += answer.bodySize;

    if (b.originResponse) {
      const req: EdgeRequest = {
        method: m,
        uri,
        querystring,
        headers,
        clientIp: ctx.clientIp,
        body: ctx.body,
      };
      const resp: EdgeResponse = {
        status: answer.status,
        headers: answer.headers,
        body: answer.body,
        bodySize: answer.bodySize,
      };
      const out = d.hooks.origin(
        ctx,
        b.originResponse,
        'origin-response',
        req,
        resp,
        origin.config,
        fnRegion,
        t,
      );
      ctx.upAt = t + out.info.durationMs;
      if (out.kind === 'error') {
        ctx.upObj = withoutCaching(this.lambdaError(ctx, out.status, out.message, origin.id));
        return ANSWER_OBJECT;
      }
      if (out.kind === 'continue-response' || out.kind === 'generated-response')
        answer = answerOf(out.response, m, null);
    }

    if (answer.status === 304) {
      ctx.upObj = withoutCaching(d.storage.fromOrigin(ctx, answer, origin.id, ''));
      return ANSWER_NOT_MODIFIED;
    }
    ctx.upObj = d.storage.fromOrigin(ctx, answer, origin.id, d.keys.invalidationTarget(ctx));
    return ANSWER_OBJECT;
  }

  private lambdaError(ctx: RequestCtx, status: number, message: string, originId: string): StoredObject {
    const reason =
      status === 502
        ? CLOUDFRONT_ERROR_REASONS.functionValidation
        : CLOUDFRONT_ERROR_REASONS.functionExecution;
    const r = cloudFrontError(status, ctx.requestId, `${reason} ${message}`);
    return this.d.storage.fromOrigin(
      ctx,
      {
        status,
        headers: r.headers,
        body: r.body,
        bodySize: r.bodySize,
        generatedBy: 'lambda',
        errorType: status === 502 ? 'LambdaValidationError' : 'LambdaExecutionError',
      },
      originId,
      '',
    );
  }

  private traceAttempt(
    ctx: RequestCtx,
    origin: NormalizedOrigin,
    req: OriginRequest,
    r: OriginResponse,
    failure: Failure | null,
    a: number,
    attempts: number,
    t: number,
    elapsed: number,
  ): void {
    if (!ctx.trace) return;
    const cond = req.headers['if-none-match'] ?? req.headers['if-modified-since'];
    const what =
      failure === 'refused'
        ? 'connection refused'
        : failure === 'connect-timeout'
          ? `no connection within ${origin.connectionTimeoutMs / 1000} s (connection timeout)`
          : failure === 'read-timeout'
            ? `no response within ${origin.readTimeoutMs / 1000} s (read timeout)`
            : failure === 'reset'
              ? 'connection reset after the request was sent'
              : `answered ${r.status}`;
    ctx.trace.push({
      stage: 'origin',
      detail: `${req.method} ${req.uri}${req.querystring ? '?' + req.querystring : ''}${cond ? ` (conditional: ${String(cond)})` : ''} → ${what}${attempts > 1 ? ` [attempt ${a} of ${attempts}]` : ''}`,
      atMs: t,
      durationMs: elapsed,
      location: origin.id,
      outcome:
        failure === null ? (r.status === 304 ? 'not-modified' : r.status >= 400 ? 'error' : 'ok') : 'error',
      data: {
        request: { method: req.method, uri: req.uri, querystring: req.querystring, headers: req.headers },
      },
    });
  }
}

/** An origin or function response in the shape storage reads. bodySize < 0 = unknown. */
function answerOf(
  r: { status: number; headers: HeaderMap; body?: string; bodySize: number },
  method: string,
  generatedBy: OriginAnswer['generatedBy'],
): OriginAnswer {
  let size = r.bodySize;
  if (!(size >= 0)) {
    if (r.body !== undefined) size = utf8ByteLength(r.body);
    else {
      const cl = Number(r.headers['content-length']?.[0]);
      size = Number.isFinite(cl) && cl >= 0 ? cl : 0;
    }
  }
  if (method === 'HEAD')
    return {
      status: r.status,
      headers: r.headers,
      body: undefined,
      bodySize: 0,
      generatedBy,
      errorType: null,
    };
  return { status: r.status, headers: r.headers, body: r.body, bodySize: size, generatedBy, errorType: null };
}

/** The same answer, never stored by any tier. */
function withoutCaching(o: StoredObject): StoredObject {
  if (!o.cacheable) return o;
  return new StoredObject(
    o.status,
    o.headers,
    o.body,
    o.bodySize,
    o.storedAt,
    0,
    0,
    -1,
    o.etag,
    o.lastModified,
    false,
    true,
    false,
    o.invTarget,
    o.originId,
    o.generatedBy,
    o.errorType,
    o.encoding,
    o.fetchSeq,
    o.availableAt,
  );
}
