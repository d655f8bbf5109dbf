// Simulated origins (Scenario.originSimulation): what an origin answers when no originFetch
// is given (request()) and always in run(). Explicit objects first, then the generated
// catalog, then dynamic paths; scheduled events change the answers over time (outages refuse
// connections, slowdowns add latency, deploys change versions and ETags). Conditional
// requests get 304 when the validator matches the current version.
import { formatHttpDate } from '../http/dates';
import type { HeaderMap } from '../http/model';
import type { NormalizedOrigin } from '../normalize';
import { compilePathPattern, type PathMatcher } from '../routing/pathPattern';
import type { Scenario, ScheduledEvent, SimulatedObject, SimulatedOrigin } from '../scenario';
import { buildCatalogs, type VirtualCatalog } from '../traffic/catalog';
import type { OriginRequest, OriginResponse } from '../types';
import { createRng, hashInts, hashString, type Rng } from '../util/rng';

/** Defaults of a simulated origin (teaching values, not measurements). */
export const SIMULATED_ORIGIN_DEFAULTS = {
  /** origin processing time per request, ms (a typical static-file server answers in 10-50 ms) */
  processingMs: 20,
  /** a dynamic path's answer: a small JSON document that is never cached */
  dynamicBody: '{"ok":true}',
  dynamicCacheControl: 'private, no-store',
} as const;

interface OriginSim {
  config: SimulatedOrigin;
  catalog?: VirtualCatalog;
  /** header value lists every catalog response shares (never mutated downstream) */
  catalogContentType: string[];
  catalogCacheControl?: string[];
  /** seeds the catalog's ETags */
  etagSeed: number;
  objects: Map<string, SimulatedObject>;
  dynamic: PathMatcher[];
  rng: Rng;
  outages: ScheduledEvent[];
  slowdowns: ScheduledEvent[];
  deploys: number[];
}

const targets = (e: ScheduledEvent, id: string): boolean =>
  e.target === undefined || (typeof e.target === 'string' ? e.target === id : e.target.includes(id));

const active = (e: ScheduledEvent, t: number): boolean =>
  t >= e.atMs && (e.durationMs === undefined || t < e.atMs + e.durationMs);

export class SimulatedOrigins {
  private readonly sims = new Map<string, OriginSim>();
  readonly catalogs: Map<string, VirtualCatalog>;
  private readonly root: Rng;
  private readonly events: ScheduledEvent[];
  private readonly seed: number;

  constructor(
    scenario: Scenario,
    origins: ReadonlyMap<string, NormalizedOrigin>,
    private readonly epochMs: number,
  ) {
    this.catalogs = buildCatalogs(scenario);
    this.events = scenario.events ?? [];
    this.seed = scenario.seed;
    this.root = createRng(scenario.seed);
    for (const id of origins.keys()) this.sims.set(id, this.build(id, scenario.originSimulation?.[id] ?? {}));
  }

  private build(id: string, config: SimulatedOrigin): OriginSim {
    const events = this.events;
    const catalog = this.catalogs.get(id);
    return {
      config,
      catalog,
      catalogContentType: [catalog?.contentType ?? 'application/octet-stream'],
      catalogCacheControl: catalog?.cacheControl ? [catalog.cacheControl] : undefined,
      etagSeed: hashString(`${this.seed}:${id}`),
      objects: new Map((config.objects ?? []).map((o) => [o.path, o])),
      dynamic: (config.dynamicPaths ?? []).map(compilePathPattern),
      rng: this.root.fork(`origin:${id}`),
      outages: events.filter((e) => e.kind === 'origin-outage' && targets(e, id)),
      slowdowns: events.filter((e) => e.kind === 'origin-slowdown' && targets(e, id)),
      deploys: events
        .filter((e) => e.kind === 'deploy' && targets(e, id))
        .map((e) => e.atMs)
        .sort((a, b) => a - b),
    };
  }

  /** An outage, slowdown or deploy scheduled while running (SimEngine.schedule). */
  addEvent(e: ScheduledEvent): void {
    for (const [id, sim] of this.sims) {
      if (!targets(e, id)) continue;
      if (e.kind === 'origin-outage') sim.outages.push(e);
      else if (e.kind === 'origin-slowdown') sim.slowdowns.push(e);
      else if (e.kind === 'deploy') sim.deploys = [...sim.deploys, e.atMs].sort((a, b) => a - b);
    }
    if (e.kind === 'deploy') for (const catalog of this.catalogs.values()) catalog.addDeploy(e);
  }

  /** The origin's answer to one connection attempt arriving at `req.at`. `catalogHint` is the
   * catalog index behind the path when the caller knows it (run()), -1 otherwise. */
  respond(origin: NormalizedOrigin, req: OriginRequest, catalogHint: number): OriginResponse {
    let sim = this.sims.get(origin.id);
    if (!sim) {
      // An origin a Lambda@Edge function routed to (not in the scenario): the any-path origin.
      sim = this.build(origin.id, {});
      this.sims.set(origin.id, sim);
    }
    const t = req.at;
    for (const e of sim.outages) if (active(e, t)) return { status: 0, headers: {}, error: 'refused' };
    let latencyMs = sim.config.processingMs ?? SIMULATED_ORIGIN_DEFAULTS.processingMs;
    for (const e of sim.slowdowns) if (active(e, t)) latencyMs += e.factor ?? 0;
    const cfg = sim.config;
    if (cfg.errorRate && sim.rng.chance(cfg.errorRate)) {
      return {
        status: 503,
        headers: { 'content-type': ['text/plain'], 'content-length': ['19'] },
        body: 'Service Unavailable',
        bodySize: 19,
        latencyMs,
      };
    }
    // The origin sees its own path (originPath prefixed); objects are configured without it.
    const path =
      origin.originPath && req.uri.startsWith(origin.originPath)
        ? req.uri.slice(origin.originPath.length)
        : req.uri;
    const wall = this.epochMs + t;

    const obj = sim.objects.get(path);
    if (obj) return this.explicit(sim, obj, req, wall, latencyMs);

    const cat = sim.catalog;
    if (cat) {
      const i = catalogHint >= 0 && cat.path(catalogHint) === path ? catalogHint : cat.indexOf(path);
      if (i >= 0) {
        // A short ETag: object identity and version (deploys change it).
        const etag = `"${(hashInts(sim.etagSeed, i) >>> 0).toString(16)}-${cat.version(i, t)}"`;
        if (matches(req.headers, etag)) return notModified(etag, cat.cacheControl, latencyMs);
        const size = cat.sizeBytes(i);
        // No Content-Length line: bodySize carries it and the edge writes the header (saves an
        // array and a string per cached object on million-object catalogs).
        const headers: HeaderMap = { 'content-type': sim.catalogContentType, etag: [etag] };
        if (sim.catalogCacheControl) headers['cache-control'] = sim.catalogCacheControl;
        return { status: 200, headers, bodySize: req.method === 'HEAD' ? 0 : size, latencyMs };
      }
    }
    for (const m of sim.dynamic) {
      if (m(path)) {
        const body = SIMULATED_ORIGIN_DEFAULTS.dynamicBody;
        return {
          status: 200,
          headers: {
            'content-type': ['application/json'],
            'cache-control': [SIMULATED_ORIGIN_DEFAULTS.dynamicCacheControl],
            'content-length': [String(body.length)],
          },
          body,
          bodySize: body.length,
          latencyMs,
        };
      }
    }
    if (cat || sim.objects.size > 0 || sim.dynamic.length > 0) {
      const body = 'Not Found';
      return {
        status: 404,
        headers: { 'content-type': ['text/plain'], 'content-length': ['9'] },
        body,
        bodySize: 9,
        latencyMs,
      };
    }
    return this.anyPath(sim, path, req, wall, latencyMs);
  }

  private version(sim: OriginSim, t: number): number {
    let v = 1;
    for (const at of sim.deploys) if (at <= t) v++;
    return v;
  }

  private explicit(
    sim: OriginSim,
    o: SimulatedObject,
    req: OriginRequest,
    wall: number,
    latencyMs: number,
  ): OriginResponse {
    const v = this.version(sim, req.at);
    const etag = `"${(hashString(o.path) >>> 0).toString(16)}-v${v}"`;
    const status = o.status ?? 200;
    if (status === 200 && matches(req.headers, etag)) return notModified(etag, o.cacheControl, latencyMs);
    const headers: HeaderMap = {
      date: [formatHttpDate(wall)],
      'content-type': [o.contentType ?? 'text/plain'],
      'content-length': [String(o.sizeBytes)],
    };
    if (status === 200) headers['etag'] = [etag];
    if (o.cacheControl) headers['cache-control'] = [o.cacheControl];
    for (const [k, val] of Object.entries(o.headers ?? {})) headers[k.toLowerCase()] = [val];
    const body =
      o.body ??
      (o.sizeBytes <= 65_536 && (o.contentType ?? 'text/plain').startsWith('text/')
        ? `${o.path} v${v}`
        : undefined);
    return { status, headers, body, bodySize: req.method === 'HEAD' ? 0 : o.sizeBytes, latencyMs };
  }

  /** No simulation configured for this origin: 200 text/plain with an ETag for any path. */
  private anyPath(
    sim: OriginSim,
    path: string,
    req: OriginRequest,
    wall: number,
    latencyMs: number,
  ): OriginResponse {
    const v = this.version(sim, req.at);
    const etag = `"${(hashString(path) >>> 0).toString(16)}-v${v}"`;
    if (matches(req.headers, etag)) return notModified(etag, undefined, latencyMs);
    const body = `v${v}`;
    return {
      status: 200,
      headers: {
        date: [formatHttpDate(wall)],
        'content-type': ['text/plain'],
        'content-length': [String(body.length)],
        etag: [etag],
      },
      body: req.method === 'HEAD' ? undefined : body,
      bodySize: req.method === 'HEAD' ? 0 : body.length,
      latencyMs,
    };
  }
}

function matches(headers: OriginRequest['headers'], etag: string): boolean {
  const inm = headers['if-none-match'];
  if (inm === undefined) return false;
  const v = Array.isArray(inm) ? inm.join(',') : inm;
  return v === etag || v === '*' || v.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}

function notModified(etag: string, cacheControl: string | undefined, latencyMs: number): OriginResponse {
  const headers: HeaderMap = { etag: [etag] };
  if (cacheControl) headers['cache-control'] = [cacheControl];
  return { status: 304, headers, bodySize: 0, latencyMs };
}
