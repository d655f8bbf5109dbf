// The pipeline's four function hook points (spec §8, §9). The runtime (../functions) builds
// events and validates results; here we only call it, count invocations (stats, cost), record
// the trace step and normalise errors (Lambda execution error status is a setting, §9.4).
import type { CostMeter } from '../cost/CostMeter';
import type { FunctionContext, FunctionOutcome, FunctionRuntime } from '../functions/types';
import type { EdgeRequest, EdgeResponse } from '../http/model';
import type { FunctionRef, NormalizedScenario } from '../normalize';
import type { LambdaEventType, Origin } from '../scenario';
import type { TraceStage } from '../types';
import { ensureRequestIds, type IdSource } from './ids';
import type { RequestCtx } from './model';
import type { StatsCounter } from './stats';

/** Memory a Lambda@Edge function is billed for (viewer triggers are capped at 128 MB, spec §9.3). */
export const LAMBDA_MEMORY_MB = 128;

/**
 * The FunctionContext of one invocation. Its request id is made on first read: a function that
 * never reads it (nor Math.random, seeded from it) costs the request no id, like a hit without
 * a function. (A class, not a literal with a getter: this is made once per request.)
 */
class HookContext implements FunctionContext {
  constructor(
    readonly distributionDomainName: string,
    readonly distributionId: string,
    readonly wallClockMs: number,
    readonly location: string,
    readonly viewerCountry: string | undefined,
    private readonly ctx: RequestCtx,
    private readonly ids: IdSource,
  ) {}
  get requestId(): string {
    ensureRequestIds(this.ctx, this.ids);
    return this.ctx.requestId;
  }
}

export class FunctionHooks {
  constructor(
    private readonly ns: NormalizedScenario,
    private readonly runtime: FunctionRuntime | null,
    private readonly stats: StatsCounter,
    private readonly cost: CostMeter,
    private readonly epochMs: number,
    private readonly ids: IdSource,
  ) {}

  private context(ctx: RequestCtx, location: string, at: number): FunctionContext {
    return new HookContext(
      this.ns.domainName,
      this.ns.distributionId,
      this.epochMs + at,
      location,
      ctx.country,
      ctx,
      this.ids,
    );
  }

  private rt(ref: FunctionRef): FunctionRuntime {
    if (!this.runtime)
      throw new Error(`Function "${ref.name}" cannot run: the edge-function runtime is not loaded.`);
    return this.runtime;
  }

  /** Counts the invocation, records it in the trace, and applies the Lambda error-status setting. */
  private done(
    ctx: RequestCtx,
    ref: FunctionRef,
    stage: TraceStage,
    event: string,
    at: number,
    location: string,
    out: FunctionOutcome,
  ): FunctionOutcome {
    const info = out.info;
    this.stats.functionInvocation(ref.name);
    this.cost.addFunctionInvocation(
      ref.kind === 'lambda-edge' ? 'lambda' : 'cloudfront',
      info.durationMs,
      LAMBDA_MEMORY_MB,
    );
    const kvsReads = info.kvsReads ?? 0;
    if (kvsReads > 0) this.cost.addKvsReads(kvsReads);
    if (out.kind === 'error' && ref.kind === 'lambda-edge' && out.errorType === 'execution') {
      out = { ...out, status: this.ns.settings.lambdaExecutionErrorStatus };
    }
    if (ctx.trace) {
      const what =
        out.kind === 'error'
          ? `failed (${out.errorType}): ${out.message}`
          : out.kind === 'generated-response'
            ? `returned a response (${out.response.status}); the request goes no further`
            : 'returned the ' + (out.kind === 'continue-request' ? 'request' : 'response');
      ctx.trace.push({
        stage,
        detail: `${ref.kind === 'lambda-edge' ? 'Lambda@Edge' : 'CloudFront Function'} "${ref.name}" (${event}) ${what}${kvsReads > 0 ? `; ${kvsReads} KeyValueStore ${kvsReads === 1 ? 'read' : 'reads'} (billed)` : ''}`,
        atMs: at,
        durationMs: info.durationMs,
        location,
        outcome: out.kind === 'error' ? 'error' : out.kind === 'generated-response' ? 'generated' : 'ok',
        data: {
          logs: info.logs,
          computeUtilization: info.computeUtilization,
          kvsReads,
          input: info.input,
          output: info.output,
        },
      });
    }
    return out;
  }

  viewerRequest(ctx: RequestCtx, ref: FunctionRef, at: number): FunctionOutcome {
    const rt = this.rt(ref);
    const req = ctx.edgeRequest();
    const fctx = this.context(ctx, ctx.pop.code, at);
    const out =
      ref.kind === 'lambda-edge'
        ? rt.lambda(
            ref.name,
            'viewer-request',
            req,
            undefined,
            undefined,
            this.context(ctx, ctx.pop.region, at),
            ref.includeBody,
          )
        : rt.cloudFrontViewerRequest(ref.name, req, fctx);
    return this.done(
      ctx,
      ref,
      'viewer-request-function',
      'viewer-request',
      at,
      ref.kind === 'lambda-edge' ? ctx.pop.region : ctx.pop.code,
      out,
    );
  }

  viewerResponse(ctx: RequestCtx, ref: FunctionRef, response: EdgeResponse, at: number): FunctionOutcome {
    const rt = this.rt(ref);
    const req = ctx.edgeRequest();
    const fctx = this.context(ctx, ctx.pop.code, at);
    const out =
      ref.kind === 'lambda-edge'
        ? rt.lambda(
            ref.name,
            'viewer-response',
            req,
            response,
            undefined,
            this.context(ctx, ctx.pop.region, at),
            ref.includeBody,
          )
        : rt.cloudFrontViewerResponse(ref.name, req, response, fctx);
    return this.done(
      ctx,
      ref,
      'viewer-response-function',
      'viewer-response',
      at,
      ref.kind === 'lambda-edge' ? ctx.pop.region : ctx.pop.code,
      out,
    );
  }

  /** origin-request / origin-response Lambda@Edge, run in `region` (the shield's when enabled, spec §9.1). */
  origin(
    ctx: RequestCtx,
    ref: FunctionRef,
    event: Extract<LambdaEventType, 'origin-request' | 'origin-response'>,
    req: EdgeRequest,
    response: EdgeResponse | undefined,
    origin: Origin,
    region: string,
    at: number,
  ): FunctionOutcome {
    const rt = this.rt(ref);
    const out = rt.lambda(
      ref.name,
      event,
      req,
      response,
      origin,
      this.context(ctx, region, at),
      ref.includeBody,
    );
    return this.done(
      ctx,
      ref,
      event === 'origin-request' ? 'origin-request-function' : 'origin-response-function',
      event,
      at,
      region,
      out,
    );
  }
}
