// The origin stage of one origin (spec §0 steps 8-10, §7.2): the origin-request Lambda@Edge,
// the request CloudFront builds (§4.6), connection attempts with connect / read timeouts and
// their 502/504 answers, the origin-response Lambda@Edge, then the TTL/storage decision.
import { cloudFrontError, CLOUDFRONT_ERROR_REASONS } from '../http/generated';
import type { EdgeRequest, EdgeResponse, HeaderMap } from '../http/model';
import { buildOriginRequest } from '../http/originRequest';
import { normalizeOrigin, type NormalizedOrigin } from '../normalize';
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
import { answerOf, answerOfResponse, withoutCaching } from './originAnswer';
import type { OriginAnswer } from './storage';

const CONDITIONAL = ['if-none-match', 'if-modified-since', 'if-match', 'if-unmodified-since', 'if-range'];

type Failure = 'refused' | 'connect-timeout' | 'read-timeout' | 'reset';

/** Shared empty header map of light origin requests (never written to). */
const NO_HEADERS: HeaderMap = Object.freeze({}) as HeaderMap;

/** What one origin fetch carries from its request to its attempts and its answer. */
class FetchState {
  origin!: NormalizedOrigin;
  /** run() with simulated origins and no origin functions: reused request objects */
  light = false;
  /** where origin functions run: the shield's region, else the PoP's REC region */
  fnRegion = '';
  uri = '';
  querystring = '';
  headers: HeaderMap = NO_HEADERS;
  /** simulated ms: when the current attempt reaches the origin, then when the answer leaves it */
  t = 0;
  attempts = 0;
  /** reconnecting costs about one round trip from the PoP */
  rtt = 0;
  request!: OriginRequest;
  failure: Failure | null = null;
  res: OriginResponse | null = null;
}

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
  private readonly syncState = new FetchState();

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
    st: FetchState,
    cE: string | undefined,
    cL: string | undefined,
    cFromCopy: boolean,
  ): void {
    st.querystring = ctx.querystring;
    if (cE === undefined && cL === undefined && (cFromCopy || ctx.headers['if-none-match'] === undefined)) {
      st.headers = NO_HEADERS;
      return;
    }
    const headers: HeaderMap = {};
    if (cFromCopy) {
      if (cE !== undefined) headers['if-none-match'] = [cE];
      else if (cL !== undefined) headers['if-modified-since'] = [cL];
    } else {
      const inm = ctx.headers['if-none-match'];
      if (inm !== undefined) headers['if-none-match'] = inm;
    }
    st.headers = headers;
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
   * request(): yields each connection attempt to the driver (originFetch may be asynchronous).
   */
  *fetch(
    ctx: RequestCtx,
    mi: number,
    at: number,
    cE: string | undefined,
    cL: string | undefined,
    cFromCopy: boolean,
  ): PipelineGen<number> {
    // A state object per fetch: concurrent request() calls interleave their generators.
    const st = new FetchState();
    if (this.begin(ctx, st, mi, at, cE, cL, cFromCopy)) return ANSWER_OBJECT;
    for (let a = 1; a <= st.attempts; a++) {
      const r: OriginResponse = yield this.attemptCall(ctx, st);
      if (!this.attempted(ctx, st, r, a)) break;
    }
    return this.finish(ctx, st);
  }

  /**
   * fetch() without a generator, for run(): the simulated origin answers synchronously through
   * `respond`. Same steps, same order (begin, attempts, finish), so the same results.
   */
  fetchSync(
    ctx: RequestCtx,
    mi: number,
    at: number,
    cE: string | undefined,
    cL: string | undefined,
    cFromCopy: boolean,
    respond: (call: OriginCall) => OriginResponse,
  ): number {
    // One reused state: run() is synchronous and a fetch never starts another fetch.
    const st = this.syncState;
    if (this.begin(ctx, st, mi, at, cE, cL, cFromCopy)) return ANSWER_OBJECT;
    for (let a = 1; a <= st.attempts; a++)
      if (!this.attempted(ctx, st, respond(this.attemptCall(ctx, st)), a)) break;
    return this.finish(ctx, st);
  }

  /** The request CloudFront sends and the origin-request function. Returns true when the
   * function answered (ctx.upObj is set), false when the attempts should follow. */
  private begin(
    ctx: RequestCtx,
    st: FetchState,
    mi: number,
    at: number,
    cE: string | undefined,
    cL: string | undefined,
    cFromCopy: boolean,
  ): boolean {
    const d = this.d;
    const b = ctx.behavior;
    let origin = b.target.members[mi];
    const light = ctx.lightOriginRequests && b.originRequest === undefined && b.originResponse === undefined;
    if (!light) ensureRequestIds(ctx, d.ids);
    ctx.tiersMask |= TOUCHED_ORIGIN;
    ctx.fromOrigin = true;
    st.light = light;
    st.fnRegion = origin.shieldRegion ?? ctx.pop.region;
    st.failure = null;
    st.res = null;
    if (light) this.lightRequest(ctx, st, cE, cL, cFromCopy);
    else {
      const built = this.originRequestHeaders(ctx, origin, cE, cL, cFromCopy);
      st.headers = built.headers;
      st.querystring = built.querystring;
    }
    st.uri = ctx.uri;
    st.t = at;

    if (b.originRequest) {
      const req: EdgeRequest = {
        method: ctx.method,
        uri: st.uri,
        querystring: st.querystring,
        headers: st.headers,
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
        st.fnRegion,
        st.t,
      );
      st.t += out.info.durationMs;
      if (out.kind === 'generated-response' || out.kind === 'error') {
        ctx.fromOrigin = true;
        ctx.upObj =
          out.kind === 'error'
            ? withoutCaching(this.lambdaError(ctx, out.status, out.message, origin.id))
            : d.storage.fromOrigin(
                ctx,
                answerOfResponse(out.response, ctx.method, 'lambda'),
                origin.id,
                d.keys.invalidationTarget(ctx),
              );
        ctx.upAt = st.t;
        return true;
      }
      if (out.kind === 'continue-request') {
        st.uri = out.request.uri;
        st.querystring = out.request.querystring;
        st.headers = out.request.headers;
        if (out.origin) origin = this.resolveOverride(out.origin);
      }
    }

    ctx.originId = origin.id;
    st.origin = origin;
    st.attempts = origin.connectionAttempts;
    // Reconnecting costs about one round trip (approximated from the PoP).
    st.rtt = d.topology.rttMs(ctx.pop.place, d.topology.originPlace(origin));
    return false;
  }

  /** One connection attempt's request, counted as an origin request. */
  private attemptCall(ctx: RequestCtx, st: FetchState): OriginCall {
    const origin = st.origin;
    // run() reuses one request object (the simulated origin keeps nothing); request() hands
    // a fresh one to originFetch, which may keep it.
    const request: OriginRequest = st.light
      ? this.scratch
      : { originId: '', method: '', uri: '', querystring: '', headers: NO_HEADERS, body: undefined, at: 0 };
    request.originId = origin.id;
    request.method = ctx.method;
    request.uri = origin.originPath === '' ? st.uri : origin.originPath + st.uri;
    request.querystring = st.querystring;
    request.headers = st.headers;
    request.body = ctx.body;
    request.at = st.t;
    st.request = request;
    this.d.stats.originRequest(origin.id, ctx.behavior.index);
    const call = st.light ? this.scratchCall : { origin, request };
    call.origin = origin;
    call.request = request;
    return call;
  }

  /** Reads attempt `a`'s answer; returns true when another attempt follows. */
  private attempted(ctx: RequestCtx, st: FetchState, r: OriginResponse, a: number): boolean {
    const origin = st.origin;
    const err = r.error ?? (r.status === 0 ? 'refused' : undefined);
    const latency = r.latencyMs ?? 0;
    let failure: Failure | null;
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
      st.res = r;
      elapsed = latency;
    }
    st.failure = failure;
    this.traceAttempt(ctx, origin, st.request, r, failure, a, st.attempts, st.t, elapsed);
    if (failure === null) {
      st.t += elapsed;
      return false;
    }
    // Connection failures are retried for every method; a request already sent (read
    // timeout, reset) only for GET/HEAD (spec §7.2).
    const m = ctx.method;
    const retry = failure === 'refused' || failure === 'connect-timeout' || m === 'GET' || m === 'HEAD';
    st.t += elapsed + (a < st.attempts && retry ? st.rtt : 0);
    return retry;
  }

  /** After the attempts: CloudFront's 502/504, or the origin's answer through the
   * origin-response function and the TTL decision. */
  private finish(ctx: RequestCtx, st: FetchState): number {
    const d = this.d;
    const b = ctx.behavior;
    const origin = st.origin;
    const failure = st.failure;
    const res = st.res;
    const t = st.t;
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

    const m = ctx.method;
    let answer = answerOf(res.status, res.headers as HeaderMap, res.body, res.bodySize ?? -1, m, null);
    d.stats.bytesFromOrigins += answer.bodySize;
    ctx.bytesFromOrigin += answer.bodySize;

    if (b.originResponse) {
      const req: EdgeRequest = {
        method: m,
        uri: st.uri,
        querystring: st.querystring,
        headers: st.headers,
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
        st.fnRegion,
        t,
      );
      ctx.upAt = t + out.info.durationMs;
      if (out.kind === 'error') {
        ctx.upObj = withoutCaching(this.lambdaError(ctx, out.status, out.message, origin.id));
        return ANSWER_OBJECT;
      }
      if (out.kind === 'continue-response' || out.kind === 'generated-response')
        answer = answerOfResponse(out.response, m, null);
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
