// The FunctionRuntime the request pipeline calls (types.ts): one sandbox per function,
// events encoded and results applied by the codecs, limits turned into 502/503 outcomes
// with messages a user can act on, and an optional cache of results for functions whose
// output provably depends only on the request (cacheSafety.ts).

import { ScenarioError } from '../errors';
import type { EdgeRequest, EdgeResponse } from '../http/model';
import type { EdgeFunction, FunctionEventType, LambdaEventType, Origin } from '../scenario';
import { hashString } from '../util/rng';
import { analyzeCacheSafety } from './cacheSafety';
import { decodeCfRequest, decodeCfResponse } from './cfDecode';
import {
  cfEventObject,
  cfRequestObject,
  cfResponseObject,
  cffSnapshot,
  cffWireFields,
  type CfSnapshot,
} from './cfEncode';
import { decodeLambdaResult, encodeLambdaEvent, lambdaEventObject } from './lambdaCodec';
import { CLOUDFRONT_FUNCTION_LIMITS, LAMBDA_EDGE_LIMITS, lambdaSide, SANDBOX_LIMITS } from './limits';
import {
  cffTemplate,
  invocationInfo,
  isOutOfMemory,
  outOfMemory,
  reviveCff,
  round3,
  thrown,
  validation,
  type CffTemplate,
} from './outcomes';
import type { QuickJSHost } from './quickjsHost';
import { FastHandler } from './fast/fastHandler';
import { ResultCache, type CacheEntry } from './resultCache';
import { Sandbox, SandboxLoadError, type CallResult } from './sandbox';
import { checkFunctionShape, checkFunctionSource, functionLabel } from './sourceCheck';
import type { FunctionContext, FunctionOutcome, FunctionRuntime, InvocationInfo } from './types';
import { parseReply, SEP } from './wire';

export interface FunctionRuntimeOptions {
  /** scenario seed: Math.random inside functions is seeded from it and the request id */
  seed?: number;
  /** Lambda@Edge execution-error status (spec §9.4 is ambiguous; default 503) */
  lambdaExecutionErrorStatus?: 500 | 503;
  /** where the QuickJS .wasm file is served (browser); Node loads it from the package */
  wasmLocation?: string;
  /** reuse results of functions proven to depend only on the request (default true) */
  cacheResults?: boolean;
  /** run eligible CloudFront Functions on the fast path (fast/fastHandler.ts; default true) */
  fastPath?: boolean;
}

interface Prepared {
  fn: EdgeFunction;
  kind: 'cff' | 'lambda';
  sandbox: Sandbox;
  cache?: ResultCache;
  /** the fast path, for stateless CloudFront Functions it can compile */
  fast?: FastHandler;
}

export class EdgeFunctionRuntime implements FunctionRuntime {
  private prepared = new Map<string, Prepared>();
  private warm = new Set<string>();
  private readonly seed: number;
  private readonly lambdaErrorStatus: 500 | 503;

  constructor(
    private readonly host: QuickJSHost,
    private readonly options: FunctionRuntimeOptions = {},
  ) {
    this.seed = options.seed ?? 0;
    this.lambdaErrorStatus = options.lambdaExecutionErrorStatus ?? 503;
  }

  /** How often a function's result came from the result cache; undefined when it is not cached. */
  resultCacheHits(name: string): number | undefined {
    return this.prepared.get(name)?.cache?.hits;
  }

  /** How often the fast path answered a function; undefined when it does not run it. */
  fastPathAnswers(name: string): number | undefined {
    return this.prepared.get(name)?.fast?.answered;
  }

  /** Notes from the sandbox calibration (empty when every limit is exact). */
  get diagnostics(): readonly string[] {
    return this.host.diagnostics;
  }

  prepare(functions: EdgeFunction[]): void {
    this.disposeFunctions();
    this.warm.clear(); // a new deployment starts cold everywhere
    const names = new Set<string>();
    try {
      functions.forEach((fn, index) => {
        checkFunctionShape(fn, index, names);
        this.prepared.set(fn.name, this.load(fn, index));
      });
    } catch (e) {
      this.disposeFunctions();
      throw e;
    }
  }

  private load(fn: EdgeFunction, index: number): Prepared {
    const checked = checkFunctionSource(fn, index);
    const kind = fn.kind === 'lambda-edge' ? 'lambda' : 'cff';
    const sandbox = new Sandbox(this.host, {
      config: {
        kind,
        runtime: checked.runtime,
        logCap: kind === 'cff' ? CLOUDFRONT_FUNCTION_LIMITS.maxLogBytes : LAMBDA_EDGE_LIMITS.maxLogBytes,
        kvs: kind === 'cff' && checked.runtime === '2.0' && fn.kvs ? { ...fn.kvs } : null,
        file: `${fn.name}.js`,
      },
      source: checked.source,
      loadBudget: SANDBOX_LIMITS.prepareBudgetUnits,
      memoryLimitBytes:
        kind === 'cff' ? CLOUDFRONT_FUNCTION_LIMITS.maxMemoryBytes : SANDBOX_LIMITS.lambdaMemoryBytes,
    });
    try {
      sandbox.load();
    } catch (e) {
      sandbox.dispose();
      if (e instanceof SandboxLoadError)
        throw new ScenarioError(`${functionLabel(fn)} ${e.message}`, `functions[${index}].code`);
      throw e;
    }
    const prepared: Prepared = { fn, kind, sandbox };
    const stateless = analyzeCacheSafety(checked.ast, kind).safe;
    // A stateless function runs on the fast path when it compiles there (every time: that is
    // cheaper than the result cache); otherwise its results may be reused.
    if (kind === 'cff' && stateless && this.options.fastPath !== false) {
      const fast = FastHandler.compile(checked.ast);
      if (typeof fast !== 'string') prepared.fast = fast;
    }
    if (!prepared.fast && stateless && this.options.cacheResults !== false)
      prepared.cache = new ResultCache();
    // Read tracking: the cache keys results by what was read, and the fast path counts reads as
    // QuickJS does with it on (so a bailed invocation's poll points match the fast path's).
    if (prepared.fast || prepared.cache) sandbox.call('setTracking', ['on'], 1_000);
    return prepared;
  }

  cloudFrontViewerRequest(name: string, request: EdgeRequest, ctx: FunctionContext): FunctionOutcome {
    return this.runCff(name, 'viewer-request', request, undefined, ctx);
  }

  cloudFrontViewerResponse(
    name: string,
    request: EdgeRequest,
    response: EdgeResponse,
    ctx: FunctionContext,
  ): FunctionOutcome {
    return this.runCff(name, 'viewer-response', request, response, ctx);
  }

  private runCff(
    name: string,
    eventType: FunctionEventType,
    request: EdgeRequest,
    response: EdgeResponse | undefined,
    ctx: FunctionContext,
  ): FunctionOutcome {
    const p = this.prepared.get(name);
    if (!p || p.kind !== 'cff') return this.notPrepared(name, 'CloudFront Function', p);
    const snap = cffSnapshot(eventType, request, response);
    // Math.random's seed comes from the request id, which may be made on demand (FunctionContext)
    const seedOf = () => hashString(ctx.requestId, this.seed);
    const budget = CLOUDFRONT_FUNCTION_LIMITS.computeBudgetUnits;
    const fast = p.fast?.call(snap, ctx, seedOf); // undefined: QuickJS decides
    let entry: CacheEntry;
    if (fast) entry = { result: fast };
    else {
      const withKey = p.cache !== undefined;
      const input = cffWireFields(snap, ctx, seedOf(), withKey).join(SEP); // sets snap.stableKey
      entry = this.callCached(p, snap.stableKey, request.clientIp, 'cff', [input], budget);
    }
    const template = entry.template as CffTemplate | undefined;
    if (template) return reviveCff(template, request, response, () => cfEventObject(snap, ctx));
    const decoded = { bodyReplaced: false };
    const outcome = this.decodeCff(p, name, eventType, entry.result, snap, ctx, decoded);
    if (p.cache && entry.result.ok) entry.template = cffTemplate(outcome, decoded.bodyReplaced);
    return outcome;
  }

  private decodeCff(
    p: Prepared,
    name: string,
    eventType: FunctionEventType,
    res: CallResult,
    snap: CfSnapshot,
    ctx: FunctionContext,
    decoded: { bodyReplaced: boolean },
  ): FunctionOutcome {
    const budget = CLOUDFRONT_FUNCTION_LIMITS.computeBudgetUnits;
    // the handler's own work; a stopped run used the whole budget
    const units = res.ok ? (res.handlerUnits ?? res.units) : res.units;
    const utilization = Math.min(100, Math.round((units / budget) * 100));
    const duration = round3((Math.min(units, budget) / budget) * CLOUDFRONT_FUNCTION_LIMITS.maxRunMs);
    const inputObject = () => cfEventObject(snap, ctx);
    if (!res.ok) {
      const info = invocationInfo(name, [], duration, utilization, inputObject, () => null);
      return this.limitOutcome(p, res, info, 'CloudFront Function');
    }
    const reply = res.parsed ?? parseReply(res.reply);
    if (!reply) return this.outputTampered(name, duration, utilization, inputObject);
    let output: () => unknown = () => null;
    const info = () =>
      invocationInfo(name, reply.logs, duration, utilization, inputObject, output, reply.kvsReads);
    switch (reply.status) {
      case 'err':
        if (isOutOfMemory(reply))
          return this.limitOutcome(p, outOfMemory(p.kind), info(), 'CloudFront Function');
        return thrown(reply, info(), 503, `CloudFront Function "${name}"`);
      case 'req': {
        if (eventType !== 'viewer-request') break;
        const d = res.request ? { ok: true as const, value: res.request } : decodeCfRequest(reply.p, snap);
        if (!d.ok) return validation(d.message, info());
        output = () => cfRequestObject(d.value);
        return { kind: 'continue-request', request: d.value, info: info() };
      }
      case 'res': {
        const d = decodeCfResponse(reply.p, snap);
        if (!d.ok) return validation(d.message, info());
        output = () => cfResponseObject(d.value.response, d.value.bodyReplaced);
        decoded.bodyReplaced = d.value.bodyReplaced;
        return eventType === 'viewer-request'
          ? { kind: 'generated-response', response: d.value.response, info: info() }
          : { kind: 'continue-response', response: d.value.response, info: info() };
      }
      case 'bad':
        return validation(reply.p[0] ?? 'the function returned an unusable value', info());
    }
    return validation(`the function returned an unexpected result (${reply.status})`, info());
  }

  lambda(
    name: string,
    eventType: LambdaEventType,
    request: EdgeRequest,
    response: EdgeResponse | undefined,
    origin: Origin | undefined,
    ctx: FunctionContext,
    includeBody?: boolean,
  ): FunctionOutcome {
    const p = this.prepared.get(name);
    if (!p || p.kind !== 'lambda') return this.notPrepared(name, 'Lambda@Edge function', p);
    const side = LAMBDA_EDGE_LIMITS[lambdaSide(eventType)];
    const budget = Math.round(side.timeoutMs / LAMBDA_EDGE_LIMITS.simulatedMsPerUnit);
    const { json, meta, snap } = encodeLambdaEvent(
      eventType,
      request,
      response,
      origin,
      ctx,
      includeBody === true,
      hashString(ctx.requestId, this.seed),
      name,
    );
    const res = this.callCached(p, snap.stableKey, request.clientIp, 'lambda', [json, meta], budget).result;
    const location = `${name}@${ctx.location}`;
    const cold = !this.warm.has(location);
    this.warm.add(location);
    const runMs = Math.min(res.units * LAMBDA_EDGE_LIMITS.simulatedMsPerUnit, side.timeoutMs);
    const duration = round3(
      (cold ? LAMBDA_EDGE_LIMITS.coldStartMs : 0) + LAMBDA_EDGE_LIMITS.warmInvocationMs + runMs,
    );
    const inputObject = () => lambdaEventObject(json, ctx, request.clientIp);
    if (!res.ok) {
      const info = invocationInfo(name, [], duration, undefined, inputObject, () => null);
      if (res.limit === 'cpu') {
        if (p.sandbox.hasPendingWork()) p.sandbox.reload();
        return {
          kind: 'error',
          status: 503,
          errorType: 'limit',
          message: `Lambda@Edge function "${name}" timed out: it ran past the ${side.timeoutMs / 1000} s ${lambdaSide(eventType)}-trigger timeout (EdgeLab simulates ${LAMBDA_EDGE_LIMITS.simulatedMsPerUnit * 1000} µs per function call or loop iteration)`,
          info,
        };
      }
      return this.limitOutcome(p, res, info, 'Lambda@Edge function');
    }
    const reply = parseReply(res.reply);
    if (!reply) return this.outputTampered(name, duration, undefined, inputObject);
    let output: () => unknown = () => null;
    const info = () => invocationInfo(name, reply.logs, duration, undefined, inputObject, output);
    if (reply.status === 'err' && isOutOfMemory(reply))
      return this.limitOutcome(p, outOfMemory(p.kind), info(), 'Lambda@Edge function');
    if (reply.status === 'err')
      return thrown(reply, info(), this.lambdaErrorStatus, `Lambda@Edge function "${name}"`);
    if (reply.status === 'bad')
      return validation(reply.p[0] ?? 'the function returned an unusable value', info());
    if (reply.status !== 'json')
      return validation(`the function returned an unexpected result (${reply.status})`, info());
    let result: unknown;
    try {
      result = JSON.parse(reply.p[0] ?? 'null');
    } catch {
      return validation('the function returned a value that is not JSON', info());
    }
    output = () => result;
    const d = decodeLambdaResult(result, snap);
    if (!d.ok) return validation(d.message, info());
    const v = d.value;
    if (v.kind === 'request')
      return v.origin
        ? { kind: 'continue-request', request: v.request, origin: v.origin, info: info() }
        : { kind: 'continue-request', request: v.request, info: info() };
    if (v.kind === 'generated') return { kind: 'generated-response', response: v.response, info: info() };
    return { kind: 'continue-response', response: v.response, info: info() };
  }

  dispose(): void {
    this.disposeFunctions();
  }

  private disposeFunctions(): void {
    for (const p of this.prepared.values()) p.sandbox.dispose();
    this.prepared.clear();
  }

  private callCached(
    p: Prepared,
    stableKey: string,
    clientIp: string,
    fn: 'cff' | 'lambda',
    args: string[],
    budget: number,
  ): CacheEntry {
    const hit = p.cache?.get(stableKey, clientIp);
    if (hit) return hit;
    const entry: CacheEntry = { result: p.sandbox.call(fn, args, budget) };
    if (p.cache && entry.result.ok) p.cache.store(stableKey, clientIp, entry, parseFlags(entry.result.reply));
    return entry;
  }

  private limitOutcome(
    p: Prepared,
    res: Extract<CallResult, { ok: false }>,
    info: InvocationInfo,
    label: string,
  ): FunctionOutcome {
    if (res.limit === 'output') return validation(`the function ${res.message}`, info);
    if (res.limit !== 'cpu' || p.sandbox.hasPendingWork()) {
      // memory, an internal failure, or async work cut off mid-way: start from a clean sandbox
      try {
        p.sandbox.reload();
      } catch {
        // the code loaded before; if it cannot now, later calls report the failure
      }
    }
    const what = res.limit === 'crash' ? 'execution' : 'limit';
    return {
      kind: 'error',
      status: 503,
      errorType: what,
      message: `${label} "${p.fn.name}" ${res.message}`,
      info,
    };
  }

  private notPrepared(name: string, label: string, p: Prepared | undefined): FunctionOutcome {
    const message = p
      ? `"${name}" is a ${p.kind === 'cff' ? 'CloudFront Function' : 'Lambda@Edge function'}, not a ${label}: fix the association`
      : `no ${label} named "${name}" was prepared: add it to the scenario's functions`;
    return {
      kind: 'error',
      status: 503,
      errorType: 'execution',
      message,
      info: invocationInfo(
        name,
        [],
        0,
        undefined,
        () => null,
        () => null,
      ),
    };
  }

  private outputTampered(
    name: string,
    duration: number,
    utilization: number | undefined,
    input: () => unknown,
  ): FunctionOutcome {
    return validation(
      'the function output contains the control character U+001F, which HTTP values cannot hold',
      invocationInfo(name, [], duration, utilization, input, () => null),
    );
  }
}

function parseFlags(reply: string): number {
  const at = reply.indexOf('\x1f');
  const end = reply.indexOf('\x1f', at + 1);
  return Number(reply.slice(at + 1, end)) | 0;
}

export type { CfSnapshot };
