// run(): the scenario's own traffic, synchronously, through the same pipeline as request(), with
// the simulated origins, no trace and no per-request allocation on the hit path (one reused
// RequestCtx, interned paths, precomputed viewer placement). Misses take the pipeline's
// synchronous twin (Pipeline.runSync: no generator per tier). Keeps a bounded sample for animation.
import type { HeaderMap } from '../http/model';
import type { ScheduledEvent, ViewerRegion } from '../scenario';
import { createGeneratedRequest, TrafficGenerator, type GeneratedRequest } from '../traffic/generator';
import { VARIATION } from '../traffic/profile';
import type { OriginResponse, ResultKind, RunSummary, SampledRequest } from '../types';
import { createRng } from '../util/rng';
import type { SimDeps } from './deps';
import {
  RequestCtx,
  TOUCHED_EDGE,
  TOUCHED_ORIGIN,
  TOUCHED_REGIONAL,
  TOUCHED_SHIELD,
  type OriginCall,
  type PipelineGen,
  type PopInstance,
  type ResultType,
} from './model';
import type { Pipeline } from './pipeline';
import type { Responder } from './respond';
import type { SimulatedOrigins } from '../origin/simulatedOrigin';

/** Samples kept per run() call for animation and the live request table. */
export const MAX_SAMPLES_PER_RUN = 200;

/** What a simulated browser sends (run() traffic). */
const RUN_ACCEPT_ENCODING = 'gzip, deflate, br';
const RUN_USER_AGENT = 'Mozilla/5.0 (EdgeLab simulated viewer)';

interface RegionPlacement {
  region: ViewerRegion;
  pop: PopInstance;
  rttFixedMs: number;
  rttMobileMs: number;
  /** pop-outage windows of the nearest PoP ([start, end) pairs), and where viewers go meanwhile */
  outages: number[];
  fallback: { pop: PopInstance; rttFixedMs: number; rttMobileMs: number } | null;
  clientIp: string;
  /** the usual headers, shared by every request without a cookie or varying header */
  headers: HeaderMap;
}

const RESULT_KIND: Record<ResultType, ResultKind> = {
  Hit: 'hit',
  Miss: 'miss',
  RefreshHit: 'refreshHit',
  Error: 'error',
  Redirect: 'generated',
  FunctionGeneratedResponse: 'generated',
  LambdaGeneratedResponse: 'generated',
};

/** SampledRequest.tiers by RequestCtx.tiersMask, built once: samples share them (frozen, so a
 * consumer that tried to change one would throw instead of changing every sample). */
const TIERS_BY_MASK: readonly string[][] = Array.from({ length: 16 }, (_, m) => {
  const tiers: string[] = [];
  if (m & TOUCHED_EDGE) tiers.push('edge');
  if (m & TOUCHED_REGIONAL) tiers.push('regional');
  if (m & TOUCHED_SHIELD) tiers.push('shield');
  if (m & TOUCHED_ORIGIN) tiers.push('origin');
  return Object.freeze(tiers) as string[];
});

/** Header maps kept per region for requests varying by one header value (VARIATION has 8). */
const MAX_VARIED_HEADER_MAPS = 4_096;

function inWindows(w: number[], t: number): boolean {
  for (let i = 0; i < w.length; i += 2) if (t >= w[i] && t < w[i + 1]) return true;
  return false;
}

export interface RunHooks {
  /** applies scheduled events (invalidations) due at or before `t` */
  eventsUntil(t: number): void;
  /** time of the next scheduled event (Infinity when none) */
  nextEventAt(): number;
  nextSeq(): number;
}

export class Runner {
  private traffic: TrafficGenerator | null = null;
  private readonly req: GeneratedRequest = createGeneratedRequest();
  private readonly ctx = new RequestCtx();
  private placements: RegionPlacement[] = [];
  /** origin id -> catalog slot (RequestCtx.catalogSlot) */
  private readonly catalogSlots = new Map<string, number>();
  private respondFn: (call: OriginCall) => OriginResponse;

  /**
   * `driveGenerators`: run requests through the generator pipeline request() uses (driven
   * synchronously) instead of Pipeline.runSync. Same results, slower: for tests comparing the two.
   */
  constructor(
    private readonly d: SimDeps,
    private readonly pipeline: Pipeline,
    private readonly responder: Responder,
    private readonly origins: SimulatedOrigins,
    private readonly hooks: RunHooks,
    private readonly driveGenerators = false,
  ) {
    const ctx = this.ctx;
    this.respondFn = (call) => this.origins.respond(call.origin, call.request, ctx.catalogIndex);
    pipeline.tiers.useSyncOrigin(this.respondFn);
  }

  private setup(startMs: number): TrafficGenerator {
    const s = this.d.ns.source;
    for (const id of this.origins.catalogs.keys()) this.catalogSlots.set(id, this.catalogSlots.size);
    const gen = new TrafficGenerator(s, createRng(this.d.ns.seed).fork('traffic'), {
      catalogs: this.origins.catalogs,
      epochMs: this.d.epochMs,
      startMs,
    });
    const topo = this.d.topology;
    const events = s.events ?? [];
    this.placements = gen.regions.map((region, i) => {
      const pop = topo.nearestPopTo(region.lat, region.lon);
      const place = { lat: region.lat, lon: region.lon };
      const placement: RegionPlacement = {
        region,
        pop,
        rttFixedMs: topo.viewerRttMs(pop, place, false),
        rttMobileMs: topo.viewerRttMs(pop, place, true),
        outages: [],
        fallback: null,
        // documentation-range addresses (RFC 5737), one per region
        clientIp: `203.0.113.${(i % 254) + 1}`,
        headers: {
          host: [this.d.ns.domainName],
          'accept-encoding': [RUN_ACCEPT_ENCODING],
          'user-agent': [RUN_USER_AGENT],
        },
      };
      for (const e of events) this.addPopOutage(placement, e);
      return placement;
    });
    return gen;
  }

  /** pop-outage: viewers of that PoP are routed to the next nearest PoP in play (DNS steering). */
  private addPopOutage(place: RegionPlacement, e: ScheduledEvent): void {
    if (e.kind !== 'pop-outage' || e.target === undefined) return;
    const pop = place.pop;
    const targets = typeof e.target === 'string' ? [e.target] : e.target;
    if (!targets.some((t) => t.toUpperCase() === pop.code || t.toUpperCase() === pop.prefix)) return;
    place.outages.push(e.atMs, e.atMs + (e.durationMs ?? Infinity));
    if (place.fallback !== null) return;
    const topo = this.d.topology;
    const at = { lat: place.region.lat, lon: place.region.lon };
    const alt = topo.nearestPopTo(at.lat, at.lon, pop.code);
    if (alt !== pop)
      place.fallback = {
        pop: alt,
        rttFixedMs: topo.viewerRttMs(alt, at, false),
        rttMobileMs: topo.viewerRttMs(alt, at, true),
      };
  }

  /** A spike, ddos or pop-outage scheduled while running (SimEngine.schedule), from `nowMs` on. */
  addEvent(e: ScheduledEvent, nowMs: number): void {
    if (this.traffic === null) this.traffic = this.setup(nowMs);
    if (e.kind === 'spike' || e.kind === 'ddos') this.traffic.addEvent(e, nowMs);
    else if (e.kind === 'pop-outage') for (const p of this.placements) this.addPopOutage(p, e);
  }

  /** The clock moved without traffic (advance()): no arrivals before `ms`. */
  skipTo(ms: number): void {
    this.traffic?.skipTo(ms);
  }

  private drive(g: PipelineGen<void>): void {
    let r = g.next();
    while (!r.done) r = g.next(this.respondFn(r.value));
  }

  run(fromMs: number, toMs: number): RunSummary {
    const d = this.d;
    const stats = d.stats;
    if (this.traffic === null) this.traffic = this.setup(fromMs);
    const gen = this.traffic;
    const before = {
      requests: stats.requests,
      hits: stats.hits,
      misses: stats.misses,
      refreshHits: stats.refreshHits,
      errors: stats.errors,
      generated: stats.generated,
      bytesToViewers: stats.bytesToViewers,
      bytesFromOrigins: stats.bytesFromOrigins,
      originRequests: stats.originRequestsTotal,
    };
    const expected = Math.max(1, (gen.rateAt(fromMs) * (toMs - fromMs)) / 1000);
    const stride = Math.max(1, Math.ceil(expected / MAX_SAMPLES_PER_RUN));
    const samples: SampledRequest[] = [];
    const req = this.req;
    const ctx = this.ctx;
    const domain = d.ns.domainName;
    let n = 0;
    // origin id -> catalog slot of the previous request (one catalog in most scenarios)
    let lastOrigin = '';
    let lastSlot = -1;
    let nextEvent = this.hooks.nextEventAt();
    while (gen.next(req, toMs)) {
      if (req.atMs >= nextEvent) {
        this.hooks.eventsUntil(req.atMs);
        nextEvent = this.hooks.nextEventAt();
      }
      const place = this.placements[req.regionIndex];
      ctx.resetOutcome();
      ctx.seq = this.hooks.nextSeq();
      ctx.method = req.method;
      ctx.scheme = req.https ? 'https' : 'http';
      ctx.host = domain;
      ctx.uri = ctx.originalUri = req.path;
      ctx.querystring = ctx.originalQuery = req.query;
      ctx.headers = req.cookie === '' && req.header === '' ? place.headers : this.varied(place, req);
      ctx.body = undefined;
      ctx.httpVersion = '2.0';
      ctx.clientIp = place.clientIp;
      ctx.country = place.region.country;
      ctx.pop = place.pop;
      ctx.viewerRttMs = req.mobile ? place.rttMobileMs : place.rttFixedMs;
      if (place.fallback !== null && inWindows(place.outages, req.atMs)) {
        ctx.pop = place.fallback.pop;
        ctx.viewerRttMs = req.mobile ? place.fallback.rttMobileMs : place.fallback.rttFixedMs;
      }
      ctx.t0 = req.atMs;
      ctx.trace = null;
      ctx.requestId = '';
      ctx.via = '';
      ctx.catalogIndex = req.objectIndex;
      if (req.originId !== lastOrigin) {
        lastOrigin = req.originId;
        lastSlot = this.catalogSlots.get(lastOrigin) ?? -1;
      }
      ctx.catalogSlot = req.objectIndex >= 0 ? lastSlot : -1;
      ctx.lightOriginRequests = true;
      if (this.driveGenerators) this.drive(this.pipeline.handle(ctx));
      else this.pipeline.runSync(ctx);
      const bytes = this.responder.finish(ctx, false);
      if (n % stride === 0 && samples.length < MAX_SAMPLES_PER_RUN)
        samples.push(this.sample(ctx, place, bytes));
      n++;
      if (ctx.bgObj !== null) {
        if (this.driveGenerators) this.drive(this.pipeline.tiers.background(ctx));
        else this.pipeline.tiers.backgroundSync(ctx);
      }
    }
    this.hooks.eventsUntil(toMs);
    return {
      fromMs,
      toMs,
      requests: stats.requests - before.requests,
      hits: stats.hits - before.hits,
      misses: stats.misses - before.misses,
      refreshHits: stats.refreshHits - before.refreshHits,
      errors: stats.errors - before.errors,
      generated: stats.generated - before.generated,
      bytesToViewers: stats.bytesToViewers - before.bytesToViewers,
      bytesFromOrigins: stats.bytesFromOrigins - before.bytesFromOrigins,
      originRequests: stats.originRequestsTotal - before.originRequests,
      samples,
    };
  }

  /** header maps of requests with a varying header and no cookie: region index -> value -> map */
  private readonly variedHeaders: Map<string, HeaderMap>[] = [];

  private varied(place: RegionPlacement, req: GeneratedRequest): HeaderMap {
    if (req.cookie === '') {
      // A handful of values per region: build each map once (like place.headers, shared by
      // every request that has it; nothing downstream changes a request's header map).
      const byValue = (this.variedHeaders[req.regionIndex] ??= new Map());
      let shared = byValue.get(req.header);
      if (shared === undefined) {
        if (byValue.size >= MAX_VARIED_HEADER_MAPS) byValue.clear();
        shared = { ...place.headers, [VARIATION.headerName]: [req.header] };
        byValue.set(req.header, shared);
      }
      return shared;
    }
    const h: HeaderMap = { ...place.headers };
    if (req.cookie !== '') h['cookie'] = [req.cookie];
    if (req.header !== '') h[VARIATION.headerName] = [req.header];
    return h;
  }

  private sample(ctx: RequestCtx, place: RegionPlacement, bytes: number): SampledRequest {
    const tiers = TIERS_BY_MASK[ctx.tiersMask & 15];
    return {
      atMs: ctx.t0,
      method: ctx.method,
      path: ctx.originalUri,
      pop: ctx.pop.code,
      viewerRegion: place.region.id,
      result: RESULT_KIND[ctx.resultType],
      status: ctx.status,
      tiers,
      originId: ctx.originId,
      latencyMs: ctx.viewerRttMs + (ctx.doneAt - ctx.t0),
      bytes,
      clientIp: ctx.clientIp,
      query: ctx.originalQuery,
      cookie: this.req.cookie,
      protocol: ctx.scheme === 'http' ? 'http' : 'https',
      userAgent: RUN_USER_AGENT,
    };
  }
}
