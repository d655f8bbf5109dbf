// The Engine of DESIGN.md: request() drives the pipeline asynchronously with a full trace and a
// log record; run() drives the same pipeline synchronously over the scenario's traffic;
// advance() moves the clock and applies scheduled events; invalidations, stats, logs, cost.
import { CostMeter } from '../cost/CostMeter';
import type { FunctionRuntime } from '../functions/types';
import { normalizeHeaders, toViewerHeaders } from '../http/headers';
import type { HeaderMap } from '../http/model';
import type { NormalizedScenario } from '../normalize';
import type { ScheduledEvent } from '../scenario';
import { SimulatedOrigins } from '../origin/simulatedOrigin';
import type {
  CostBreakdown,
  Engine,
  HttpVersion,
  InvalidationStatus,
  LogRecord,
  OriginFetch,
  OriginRequest,
  OriginResponse,
  RunSummary,
  Stats,
  ViewerRequest,
  ViewerResult,
} from '../types';
import type { SimDeps } from './deps';
import { FunctionHooks } from './functionHooks';
import { ensureRequestIds, IdSource } from './ids';
import { buildSnapshot, type EngineSnapshot } from './inspect';
import { Invalidations } from './invalidations';
import { KeyBuilder } from './keys';
import { logRecord, LogRing } from './logs';
import { RequestCtx, type PipelineGen } from './model';
import { Pipeline } from './pipeline';
import { Responder } from './respond';
import { Runner } from './runner';
import { StatsCounter } from './stats';
import { Storage } from './storage';
import { Topology } from './topology';

export const DEFAULT_EPOCH_MS = Date.UTC(2024, 0, 1);
/** ViewerResult.body is given for textual bodies up to this size (DESIGN.md). */
export const MAX_RESULT_BODY_BYTES = 64 * 1024;
/** The viewer address used when a request gives none (the worked examples' default). */
export const DEFAULT_VIEWER_IP = '198.51.100.10';

const HTTP_VERSIONS: ReadonlySet<string> = new Set(['1.0', '1.1', '2.0', '3.0']);
const URL_RE = /^(https?):\/\/([^/?#]*)([^?#]*)(?:\?([^#]*))?/i;

export class SimEngine implements Engine {
  private clock = 0;
  private seq = 0;
  private readonly d: SimDeps;
  private readonly pipeline: Pipeline;
  private readonly responder: Responder;
  private readonly origins: SimulatedOrigins;
  private readonly runner: Runner;
  private readonly invalidations: Invalidations;
  private readonly logRing = new LogRing();
  /** scheduled invalidation events not yet applied, by time */
  private readonly pendingEvents: { atMs: number; paths: string[] }[];

  constructor(
    private readonly ns: NormalizedScenario,
    private readonly originFetch: OriginFetch | undefined,
    private readonly epochMs: number,
    private readonly runtime: FunctionRuntime | null,
    /** internal: run() through the generator pipeline (tests compare it with the synchronous path) */
    internal: { driveGenerators?: boolean } = {},
  ) {
    const stats = new StatsCounter(ns.behaviors.map((b) => b.pathPattern));
    const cost = new CostMeter();
    const topology = new Topology(ns);
    const ids = new IdSource(ns.seed);
    this.d = {
      ns,
      epochMs,
      topology,
      stats,
      cost,
      ids,
      keys: new KeyBuilder(ns),
      storage: new Storage(ns, epochMs),
      hooks: new FunctionHooks(ns, runtime, stats, cost, epochMs, ids),
    };
    this.pipeline = new Pipeline(this.d);
    this.responder = new Responder(this.d);
    this.origins = new SimulatedOrigins(ns.source, ns.origins, epochMs);
    this.d.keys.useCatalogs(this.origins.catalogs);
    this.invalidations = new Invalidations(
      topology,
      this.d.ids,
      cost,
      ns.settings.invalidationCompletionMs,
      ns.defaultRootObject,
    );
    this.pendingEvents = (ns.source.events ?? [])
      .filter((e) => e.kind === 'invalidation' && e.paths && e.paths.length > 0)
      .map((e) => ({ atMs: e.atMs, paths: e.paths! }))
      .sort((a, b) => a.atMs - b.atMs);
    this.runner = new Runner(
      this.d,
      this.pipeline,
      this.responder,
      this.origins,
      {
        eventsUntil: (t) => this.eventsUntil(t),
        nextEventAt: () => (this.pendingEvents.length > 0 ? this.pendingEvents[0].atMs : Infinity),
        nextSeq: () => ++this.seq,
      },
      internal.driveGenerators ?? false,
    );
  }

  now(): number {
    return this.clock;
  }

  advance(ms: number): void {
    if (!(ms >= 0) || !Number.isFinite(ms))
      throw new RangeError(`advance(ms) needs a finite number of milliseconds ≥ 0 (got ${ms}).`);
    this.eventsUntil(this.clock + ms);
    this.clock += ms;
    this.runner.skipTo(this.clock);
  }

  /** Scheduled invalidations due by `t` (other events act through the origins and the traffic). */
  private eventsUntil(t: number): void {
    while (this.pendingEvents.length > 0 && this.pendingEvents[0].atMs <= t) {
      const e = this.pendingEvents.shift()!;
      try {
        this.invalidations.create(e.paths, e.atMs);
      } catch {
        // A scheduled batch CloudFront would refuse is skipped, as the API call would fail.
      }
    }
  }

  /**
   * Adds an event while the simulation runs, through the same code paths as the scenario's own
   * events (an extension of the contract, for the UI's one-click events). It must not start in the past.
   */
  schedule(event: ScheduledEvent): void {
    if (!(event.atMs >= this.clock) || !Number.isFinite(event.atMs)) {
      throw new RangeError(
        `schedule(): event "${event.id}" starts at ${event.atMs} ms, before the simulated clock (${this.clock} ms); schedule it at now() or later.`,
      );
    }
    if (event.kind === 'invalidation') {
      if (!event.paths || event.paths.length === 0)
        throw new RangeError(`schedule(): invalidation "${event.id}" needs at least one path, e.g. ["/*"].`);
      const paths = event.paths;
      let i = this.pendingEvents.length;
      while (i > 0 && this.pendingEvents[i - 1].atMs > event.atMs) i--;
      this.pendingEvents.splice(i, 0, { atMs: event.atMs, paths });
      return;
    }
    this.origins.addEvent(event);
    this.runner.addEvent(event, this.clock);
  }

  invalidate(paths: string[]): string {
    return this.invalidations.create(paths, this.clock).id;
  }

  invalidation(id: string): InvalidationStatus {
    return this.invalidations.status(id, this.clock);
  }

  run(durationMs: number): RunSummary {
    if (!(durationMs >= 0) || !Number.isFinite(durationMs))
      throw new RangeError(`run(durationMs) needs a finite number of milliseconds ≥ 0 (got ${durationMs}).`);
    const from = this.clock;
    const to = from + durationMs;
    const summary = this.runner.run(from, to);
    this.clock = to;
    return summary;
  }

  stats(): Stats {
    return this.d.stats.snapshot();
  }

  logs(): LogRecord[] {
    return this.logRing.all();
  }

  cost(): CostBreakdown {
    return this.d.cost.breakdown({ priceClass: this.ns.priceClass, freeTier: this.ns.settings.freeTier });
  }

  /** Frees the edge-function sandbox (call when replacing the engine). An extension of the contract. */
  dispose(): void {
    this.runtime?.dispose();
  }

  /** A JSON-safe picture of the caches and counters, for the UI (an extension of the contract). */
  inspect(): EngineSnapshot {
    return buildSnapshot(this.d.topology, this.invalidations.snapshot(this.clock), this.clock);
  }

  private async drive(g: PipelineGen<void>, ctx: RequestCtx): Promise<void> {
    let r = g.next();
    while (!r.done) {
      const call = r.value;
      let res: OriginResponse;
      if (this.originFetch) {
        const raw = await this.originFetch(forOriginFetch(call.request));
        res = checkOriginResponse(raw, call.request.originId);
      } else {
        res = this.origins.respond(call.origin, call.request, ctx.catalogIndex);
      }
      r = g.next(res);
    }
  }

  async request(vr: ViewerRequest): Promise<ViewerResult> {
    const ctx = this.viewerContext(vr);
    await this.drive(this.pipeline.handle(ctx), ctx);
    this.responder.finish(ctx, true);
    const r = ctx.response!;
    const latencyMs = ctx.viewerRttMs + (ctx.doneAt - ctx.t0);
    const headers = toViewerHeaders(r.headers);
    ctx.trace!.push({
      stage: 'response',
      detail: `${r.status} ${ctx.resultType} from cloudfront${ctx.customErrorPage ? ' (custom error page)' : ''}${ctx.notModified ? ' (304: the viewer’s copy is current)' : ''}, ${r.bodySize} bytes, ${latencyMs.toFixed(1)} ms for the viewer`,
      atMs: ctx.doneAt,
      durationMs: ctx.viewerRttMs / 2,
      location: ctx.pop.code,
      outcome: ctx.resultType,
    });
    const result: ViewerResult = {
      status: r.status,
      headers,
      bodySize: r.bodySize,
      trace: ctx.trace!,
      latencyMs,
    };
    if (r.body !== undefined && ctx.method !== 'HEAD' && r.body.length <= MAX_RESULT_BODY_BYTES)
      result.body = r.body;
    let headerBytes = 0;
    for (const k in headers) headerBytes += k.length + headers[k].length + 4;
    this.logRing.push(logRecord(ctx, this.epochMs, latencyMs, r.bodySize + headerBytes, headers));
    // A stale-while-revalidate refresh runs after the viewer has its answer.
    if (ctx.bgObj !== null) {
      ctx.trace = null;
      await this.drive(this.pipeline.tiers.background(ctx), ctx);
    }
    return result;
  }

  private viewerContext(vr: ViewerRequest): RequestCtx {
    if (!vr || typeof vr.url !== 'string')
      throw new TypeError(
        'request() needs { method, url }, e.g. { method: "GET", url: "https://d111111abcdef8.cloudfront.net/index.html" }.',
      );
    const m = URL_RE.exec(vr.url.trim());
    if (!m)
      throw new TypeError(
        `request(): "${vr.url}" is not an absolute http(s) URL such as https://${this.ns.domainName}/index.html.`,
      );
    const scheme = m[1].toLowerCase() as 'http' | 'https';
    const host = m[2].toLowerCase().replace(/:(80|443)$/, '');
    const path = m[3] === '' ? '/' : m[3];
    const query = m[4] ?? '';
    const httpVersion = (vr.httpVersion ?? '1.1') as HttpVersion;
    if (!HTTP_VERSIONS.has(httpVersion))
      throw new TypeError(
        `request(): httpVersion must be '1.0', '1.1', '2.0' or '3.0' (got "${String(vr.httpVersion)}").`,
      );
    const headers: HeaderMap = normalizeHeaders(vr.headers);
    if (headers['host'] === undefined) headers['host'] = [host];
    const topo = this.d.topology;
    const viewer = vr.viewer ?? {};
    const place = topo.viewerPlace(viewer.country);
    const pop = viewer.pop
      ? topo.popForViewer(viewer.pop)
      : place
        ? topo.nearestPopTo(place.lat, place.lon)
        : (topo.pops[0] ?? topo.popForViewer('IAD'));
    const ctx = new RequestCtx();
    ctx.seq = ++this.seq;
    ctx.method = (vr.method || 'GET').toUpperCase();
    ctx.scheme = scheme;
    ctx.host = host;
    ctx.uri = ctx.originalUri = path;
    ctx.querystring = ctx.originalQuery = query;
    ctx.headers = headers;
    ctx.body = vr.body;
    ctx.httpVersion = httpVersion;
    ctx.clientIp = viewer.ip ?? DEFAULT_VIEWER_IP;
    ctx.country = viewer.country ? viewer.country.toUpperCase() : undefined;
    ctx.pop = pop;
    ctx.viewerRttMs = topo.viewerRttMs(pop, place);
    ctx.t0 = this.clock;
    ctx.cursor = this.clock;
    ctx.trace = [];
    ensureRequestIds(ctx, this.d.ids);
    return ctx;
  }
}

/** Validates what a test's originFetch returned and normalizes its headers. */
function checkOriginResponse(raw: OriginResponse, originId: string): OriginResponse {
  if (!raw || typeof raw !== 'object' || (typeof raw.status !== 'number' && raw.error === undefined)) {
    throw new TypeError(
      `originFetch for origin "${originId}" must return { status, headers, body?, bodySize?, latencyMs?, error? } (got ${JSON.stringify(raw)}).`,
    );
  }
  return { ...raw, status: raw.status ?? 0, headers: normalizeHeaders(raw.headers ?? {}) };
}

/** The OriginRequest handed to a user's originFetch: a copy (the pipeline reuses its own), with
 * single header lines as strings and only repeated lines as arrays (DESIGN.md). */
function forOriginFetch(req: OriginRequest): OriginRequest {
  const headers: Record<string, string | string[]> = {};
  for (const name of Object.keys(req.headers)) {
    const v = req.headers[name];
    headers[name] = Array.isArray(v) && v.length === 1 ? v[0] : Array.isArray(v) ? [...v] : v;
  }
  return { ...req, headers };
}
