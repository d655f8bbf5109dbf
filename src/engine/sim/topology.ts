// The network the simulation runs on: edge PoPs (each with its own cache), regional edge
// caches (one per REC region), Origin Shield caches (one per shield region) and the origins,
// each a "place" with coordinates. Round-trip times between places come from the latency
// model and are memoized in a dense table, so the hot path reads a number.
import { createTierStore } from '../cache/store';
import {
  awsRegion,
  countryLocation,
  GLOBAL_POP_PREFIXES,
  latencyMs,
  nearestPop,
  popLocation,
  popPrefix,
  pricingRegionOf,
  recRegionOfPop,
  resolvePopCode,
} from '../geo';
import type { NormalizedOrigin, NormalizedScenario } from '../normalize';
import type { PopInstance, TierInstance, TierKind } from './model';

interface Place {
  lat: number;
  lon: number;
}

export class Topology {
  private readonly places: Place[] = [];
  private rtt = new Float64Array(0);
  private rttSize = 0;
  readonly pops: PopInstance[] = [];
  private readonly popsByCode = new Map<string, PopInstance>();
  private readonly popsByPrefix = new Map<string, PopInstance>();
  readonly recs = new Map<string, TierInstance>();
  readonly shields = new Map<string, TierInstance>();
  private readonly originPlaces = new Map<string, number>();
  private nextTierId = 0;
  /** PoP codes in play (the scenario's topology; empty = every known location) */
  private readonly popList: readonly string[];

  constructor(private readonly ns: NormalizedScenario) {
    this.popList = ns.pops;
    for (const code of ns.pops) this.popByCode(code);
    for (const o of ns.origins.values()) this.originPlace(o);
  }

  private addPlace(lat: number, lon: number): number {
    this.places.push({ lat, lon });
    return this.places.length - 1;
  }

  /** Round-trip time between two places over the AWS backbone, ms (memoized). */
  rttMs(a: number, b: number): number {
    const n = this.places.length;
    if (n !== this.rttSize) this.growRtt(n);
    const i = a * n + b;
    let v = this.rtt[i];
    if (v < 0) {
      v = a === b ? 0 : latencyMs(this.places[a], this.places[b], 'backbone');
      this.rtt[i] = v;
      this.rtt[b * n + a] = v;
    }
    return v;
  }

  private growRtt(n: number): void {
    const old = this.rtt;
    const m = this.rttSize;
    this.rtt = new Float64Array(n * n).fill(-1);
    for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) this.rtt[i * n + j] = old[i * m + j];
    this.rttSize = n;
  }

  private tier(kind: TierKind, location: string, region: string, place: number): TierInstance {
    const capacity =
      kind === 'edge'
        ? this.ns.capacity.edge
        : kind === 'regional'
          ? this.ns.capacity.regional
          : this.ns.capacity.shield;
    return {
      id: this.nextTierId++,
      kind,
      location,
      region,
      place,
      store: createTierStore(this.ns.eviction, capacity),
      counters: { requests: 0, hits: 0, misses: 0, bytesOut: 0 },
    };
  }

  /** The PoP with this full code (created on first use). */
  popByCode(code: string): PopInstance {
    let p = this.popsByCode.get(code);
    if (p) return p;
    const loc = popLocation(code);
    const prefix = popPrefix(code);
    const base = this.tier('edge', code, recRegionOfPop(prefix), this.addPlace(loc.lat, loc.lon));
    p = { ...base, kind: 'edge', code, prefix, pricingRegion: pricingRegionOf(prefix), levelsCache: [] };
    this.popsByCode.set(code, p);
    if (!this.popsByPrefix.has(prefix)) this.popsByPrefix.set(prefix, p);
    this.pops.push(p);
    return p;
  }

  /**
   * A viewer's `pop` field: a full code picks exactly that PoP; a 3-letter prefix picks the
   * scenario's PoP with that prefix, or '<prefix>50-C1' when the topology has none (DESIGN.md).
   */
  popForViewer(pop: string): PopInstance {
    const v = pop.trim().toUpperCase();
    if (v.length === 3) {
      const inTopology = this.popsByPrefix.get(v);
      if (inTopology && this.popList.includes(inTopology.code)) return inTopology;
      return this.popByCode(this.popList.length === 0 ? resolvePopCode(v) : `${v}50-C1`);
    }
    return this.popByCode(resolvePopCode(v));
  }

  /** The nearest PoP in play to a point (price class respected, spec §11.5), optionally
   * leaving one out (a PoP in an outage). */
  nearestPopTo(lat: number, lon: number, except?: string): PopInstance {
    let list: readonly string[] = this.popList;
    if (except !== undefined) {
      const all = list.length > 0 ? list : GLOBAL_POP_PREFIXES;
      list = all.filter((p) => p !== except && p !== except.slice(0, 3) && resolvePopCode(p) !== except);
      if (list.length === 0) return this.popByCode(except);
    }
    const choice = nearestPop(lat, lon, list, this.ns.priceClass);
    return choice.length === 3 ? this.popForViewer(choice) : this.popByCode(choice);
  }

  /** Where a viewer sits: its country's capital, or next to the PoP when unknown. */
  viewerPlace(country: string | undefined): Place | undefined {
    if (!country) return undefined;
    const c = countryLocation(country);
    return c ? { lat: c.lat, lon: c.lon } : undefined;
  }

  /** Viewer <-> PoP round trip, ms: distance over a typical internet path plus the last mile.
   * A viewer of unknown location sits next to its PoP (last mile only). */
  viewerRttMs(pop: PopInstance, viewer: Place | undefined, mobile = false): number {
    const p = this.places[pop.place];
    return latencyMs(viewer ?? p, p, mobile ? 'viewer-mobile' : 'viewer-fixed');
  }

  rec(region: string): TierInstance {
    let r = this.recs.get(region);
    if (!r) {
      const loc = awsRegion(region)!;
      r = this.tier('regional', region, region, this.addPlace(loc.lat, loc.lon));
      this.recs.set(region, r);
    }
    return r;
  }

  shield(region: string): TierInstance {
    let s = this.shields.get(region);
    if (!s) {
      const loc = awsRegion(region)!;
      s = this.tier('shield', region, region, this.addPlace(loc.lat, loc.lon));
      this.shields.set(region, s);
    }
    return s;
  }

  /** Pricing region of an AWS region (Origin Shield requests are billed where the shield is). */
  regionPricing(region: string): number {
    return awsRegion(region)?.pricingRegion ?? 0;
  }

  originPlace(o: NormalizedOrigin): number {
    let p = this.originPlaces.get(o.id);
    if (p === undefined) {
      p = this.addPlace(o.lat, o.lon);
      this.originPlaces.set(o.id, p);
    }
    return p;
  }

  /** Every cache instance, edges first. */
  allTiers(): TierInstance[] {
    return [...this.pops, ...this.recs.values(), ...this.shields.values()];
  }
}
