// The scenario's own traffic: a deterministic stream of viewer requests for run().
//
// API:
//   const gen = new TrafficGenerator(scenario, rng, { catalogs?, epochMs?, startMs? })
//       catalogs: share the Map from buildCatalogs(scenario) with the simulated origin (same
//       interned path strings); built here when absent. epochMs: wall-clock time of t = 0
//       (default Date.UTC(2024, 0, 1)), for the day curve. startMs: first possible arrival.
//       Throws ScenarioError naming the traffic field that is out of range.
//   const req = createGeneratedRequest()        one struct, reused for every request
//   gen.next(req, untilMs = Infinity): boolean
//       fills `req` with the next request and returns true; returns false, consuming nothing,
//       when the next arrival falls after untilMs (it is kept for the next call) or when no
//       traffic will ever arrive. So run(d) is: while (gen.next(req, end)) handle(req).
//       The sequence does not depend on how time is cut into calls.
//   gen.skipTo(ms)         the clock moved without traffic (advance()): no arrivals before ms
//   gen.rateAt(ms)         expected requests/s at ms (day curve and events included)
//   gen.regions            the viewer regions regionIndex points into
//
// What a request carries (TrafficProfile fields; defaults in profile.ts):
//   atMs: Poisson arrivals (arrivals.ts). regionIndex: by weight x day curve x events.
//   method: methodMix. path: a catalog object by Zipf(zipfAlpha) rank (rank 1 = object 0);
//   which catalog: the only one, or with several, one picked with probability proportional to
//   its object count; without any catalog, the default origin's explicit objects by Zipf rank,
//   else '/'. query: 'cb=<n>' (no '?', n unique) with cacheBustingShare. cookie: 'session=<id>'
//   with varyingCookieShare (VARIATION). header: an accept-language value with
//   varyingHeaderShare. https: httpsShare. mobile: the region's mobileShare. attack: the
//   request is extra ddos traffic.
import { ScenarioError } from '../errors';
import type { Scenario, ScheduledEvent, SimulatedObject, ViewerRegion } from '../scenario';
import type { Rng } from '../util/rng';
import { ArrivalProcess, type Arrival } from './arrivals';
import { buildCatalogs, type VirtualCatalog } from './catalog';
import { DDOS_TRAFFIC, DEFAULT_VIEWER_REGIONS, TRAFFIC_DEFAULTS, VARIATION } from './profile';
import { ZipfSampler } from './zipf';

export interface GeneratedRequest {
  atMs: number;
  regionIndex: number;
  method: string;
  /** the origin whose catalog the path comes from ('' when there is none) */
  originId: string;
  /** index in that catalog, -1 for a path not from a catalog */
  objectIndex: number;
  path: string;
  /** without '?'; '' for none */
  query: string;
  /** Cookie header value; '' for none */
  cookie: string;
  /** value of the VARIATION.headerName header; '' for none */
  header: string;
  https: boolean;
  mobile: boolean;
  /** extra traffic of a ddos event */
  attack: boolean;
}

export function createGeneratedRequest(): GeneratedRequest {
  return {
    atMs: 0,
    regionIndex: 0,
    method: 'GET',
    originId: '',
    objectIndex: -1,
    path: '/',
    query: '',
    cookie: '',
    header: '',
    https: true,
    mobile: false,
    attack: false,
  };
}

export interface TrafficGeneratorOptions {
  catalogs?: Map<string, VirtualCatalog>;
  epochMs?: number;
  startMs?: number;
}

interface Source {
  originId: string;
  catalog?: VirtualCatalog;
  objects?: readonly SimulatedObject[];
  zipf: ZipfSampler;
}

const DEFAULT_EPOCH_MS = Date.UTC(2024, 0, 1);

export class TrafficGenerator {
  readonly regions: readonly ViewerRegion[];
  private readonly rng: Rng;
  private readonly arrivals: ArrivalProcess;
  private readonly arrival: Arrival = { atMs: 0, regionIndex: 0, attackShare: 0 };
  private pending = false;
  private exhausted = false;
  private readonly methods: string[] = [];
  private readonly methodCumulative: number[] = [];
  private readonly sources: Source[] = [];
  private readonly sourceCumulative: number[] = [];
  private readonly mobileShare: Float64Array;
  private readonly httpsShare: number;
  private readonly cacheBustingShare: number;
  private readonly cookieShare: number;
  private readonly headerShare: number;
  private readonly cookies: string[] = [];
  private cacheBuster = 0;

  constructor(scenario: Scenario, rng: Rng, options: TrafficGeneratorOptions = {}) {
    this.rng = rng;
    const traffic = scenario.traffic;
    this.regions = scenario.viewers ?? DEFAULT_VIEWER_REGIONS;
    const alpha = traffic?.zipfAlpha ?? TRAFFIC_DEFAULTS.zipfAlpha;
    const rps = traffic?.requestsPerSecond ?? 0;
    if (!(rps >= 0) || !Number.isFinite(rps)) {
      throw new ScenarioError(
        `Requests per second must be a number >= 0 (got ${rps}).`,
        'traffic.requestsPerSecond',
      );
    }
    if (!(alpha > 0) || !Number.isFinite(alpha)) {
      throw new ScenarioError(
        `The Zipf exponent must be a positive number, typically 0.6-1.2 (got ${alpha}).`,
        'traffic.zipfAlpha',
      );
    }
    this.httpsShare = share(traffic?.httpsShare, TRAFFIC_DEFAULTS.httpsShare, 'traffic.httpsShare');
    this.cacheBustingShare = share(
      traffic?.cacheBustingShare,
      TRAFFIC_DEFAULTS.cacheBustingShare,
      'traffic.cacheBustingShare',
    );
    this.cookieShare = share(
      traffic?.varyingCookieShare,
      TRAFFIC_DEFAULTS.varyingCookieShare,
      'traffic.varyingCookieShare',
    );
    this.headerShare = share(
      traffic?.varyingHeaderShare,
      TRAFFIC_DEFAULTS.varyingHeaderShare,
      'traffic.varyingHeaderShare',
    );
    this.mobileShare = new Float64Array(this.regions.length);
    this.regions.forEach((r, i) => {
      this.mobileShare[i] = share(r.mobileShare, TRAFFIC_DEFAULTS.mobileShare, `viewers.${i}.mobileShare`);
    });

    let total = 0;
    for (const [method, weight] of Object.entries(traffic?.methodMix ?? TRAFFIC_DEFAULTS.methodMix)) {
      if (!(weight >= 0)) {
        throw new ScenarioError(
          `Method weight for ${method} must be >= 0 (got ${weight}).`,
          `traffic.methodMix.${method}`,
        );
      }
      if (weight === 0) continue;
      total += weight;
      this.methods.push(method.toUpperCase());
      this.methodCumulative.push(total);
    }
    if (this.methods.length === 0) {
      throw new ScenarioError(
        'The method mix gives no method a weight above 0: give GET a weight of 1.',
        'traffic.methodMix',
      );
    }

    this.buildSources(scenario, options.catalogs ?? buildCatalogs(scenario), alpha);
    this.arrivals = new ArrivalProcess({
      rps,
      regions: this.regions,
      dayCurve: traffic?.dayCurve ?? false,
      epochMs: options.epochMs ?? DEFAULT_EPOCH_MS,
      events: scenario.events ?? [],
      startMs: options.startMs ?? 0,
    });
  }

  private buildSources(scenario: Scenario, catalogs: Map<string, VirtualCatalog>, alpha: number): void {
    if (catalogs.size > 0) {
      let total = 0;
      for (const catalog of catalogs.values()) {
        total += catalog.count;
        this.sources.push({
          originId: catalog.originId,
          catalog,
          zipf: new ZipfSampler(catalog.count, alpha),
        });
        this.sourceCumulative.push(total);
      }
      return;
    }
    // No catalog: the default behavior's origin (an origin group's primary) and its explicit objects.
    const dist = scenario.distribution;
    const target = dist.defaultCacheBehavior.targetOriginId;
    const originId = dist.originGroups?.find((g) => g.id === target)?.members[0] ?? target;
    const objects = scenario.originSimulation?.[originId]?.objects ?? [];
    this.sources.push({ originId, objects, zipf: new ZipfSampler(Math.max(1, objects.length), alpha) });
    this.sourceCumulative.push(1);
  }

  next(out: GeneratedRequest, untilMs = Infinity): boolean {
    const a = this.arrival;
    if (!this.pending) {
      if (this.exhausted || !this.arrivals.nextArrival(this.rng, a)) {
        this.exhausted = true;
        return false;
      }
      this.pending = true;
    }
    if (a.atMs > untilMs) return false;
    this.pending = false;
    this.fill(out, a);
    return true;
  }

  /** A spike / ddos event added while running; an arrival drawn ahead of `nowMs` is redrawn. */
  addEvent(e: ScheduledEvent, nowMs: number): void {
    if (this.pending && this.arrival.atMs > nowMs) this.pending = false;
    this.arrivals.addEvent(e, nowMs);
  }

  skipTo(ms: number): void {
    if (this.pending && this.arrival.atMs < ms) this.pending = false;
    this.arrivals.skipTo(ms);
  }

  rateAt(ms: number): number {
    return this.arrivals.rateAt(ms);
  }

  private fill(out: GeneratedRequest, a: Arrival): void {
    const rng = this.rng;
    out.atMs = a.atMs;
    out.regionIndex = a.regionIndex;
    const attack = a.attackShare > 0 && rng.next() < a.attackShare;
    out.attack = attack;
    out.method = attack ? 'GET' : this.pick(this.methods, this.methodCumulative);
    const source = this.pick(this.sources, this.sourceCumulative);
    out.originId = source.originId;
    const k = source.zipf.sample(rng) - 1;
    if (source.catalog) {
      out.objectIndex = k;
      out.path = source.catalog.path(k);
    } else {
      out.objectIndex = -1;
      out.path = source.objects && source.objects.length > 0 ? source.objects[k].path : '/';
    }
    const busting = attack ? DDOS_TRAFFIC.cacheBustingShare : this.cacheBustingShare;
    out.query = rng.chance(busting) ? `${VARIATION.cacheBustingParam}=${this.cacheBuster++}` : '';
    out.cookie = rng.chance(this.cookieShare) ? this.cookie(rng.int(VARIATION.cookieValues)) : '';
    out.header = rng.chance(this.headerShare)
      ? VARIATION.headerValues[rng.int(VARIATION.headerValues.length)]
      : '';
    out.https = rng.chance(this.httpsShare);
    out.mobile = rng.chance(this.mobileShare[a.regionIndex]);
  }

  private pick<T>(items: readonly T[], cumulative: readonly number[]): T {
    if (items.length === 1) return items[0];
    const x = this.rng.next() * cumulative[cumulative.length - 1];
    let i = 0;
    while (i < items.length - 1 && cumulative[i] <= x) i++;
    return items[i];
  }

  /** 'session=<id>', created once per id */
  private cookie(id: number): string {
    let c = this.cookies[id];
    if (c === undefined) {
      c = `${VARIATION.cookieName}=${id}`;
      this.cookies[id] = c;
    }
    return c;
  }
}

function share(value: number | undefined, fallback: number, field: string): number {
  const v = value ?? fallback;
  if (!(v >= 0 && v <= 1)) {
    throw new ScenarioError(`A share must be between 0 and 1 (got ${v}).`, field);
  }
  return v;
}
