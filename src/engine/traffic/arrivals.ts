// When requests arrive and from which viewer region: a Poisson process per region whose rate
// is requestsPerSecond x the region's weight share x its day curve x any spike / ddos factor.
//
// Sampled by thinning (Lewis & Shedler 1979): candidates arrive at a bound rate, each is given
// a region by weight and kept with probability (its true factor / the bound factor). Spike and
// ddos events cut time into segments with a constant bound; at a segment edge the candidate
// clock restarts at the edge, which the exponential's memorylessness makes exact.
//
// API (used by TrafficGenerator):
//   new ArrivalProcess({ rps, regions, dayCurve, epochMs, events, startMs })
//   nextArrival(rng, out: Arrival): boolean   false when no request will ever arrive
//   skipTo(ms)                                 no arrivals before ms (the clock moved without traffic)
//   rateAt(ms): number                         expected requests/s at ms, all regions
import type { ScheduledEvent, ViewerRegion } from '../scenario';
import type { Rng } from '../util/rng';
import { DAY_CURVE, EVENT_DEFAULTS } from './profile';

export interface Arrival {
  atMs: number;
  regionIndex: number;
  /** share of this arrival's rate that is ddos traffic, 0 when none: the caller draws `attack` */
  attackShare: number;
}

interface Segment {
  startMs: number;
  endMs: number;
  /** spike x ddos factor per region */
  factor: Float64Array;
  /** ddos factor per region */
  ddos: Float64Array;
  /** max over regions of factor x the day curve's peak */
  bound: number;
}

const MS_PER_HOUR = 3_600_000;
const TWO_PI = 2 * Math.PI;

export interface ArrivalOptions {
  rps: number;
  regions: readonly ViewerRegion[];
  dayCurve: boolean;
  epochMs: number;
  events: readonly ScheduledEvent[];
  startMs: number;
}

export class ArrivalProcess {
  private readonly rps: number;
  private readonly cumulativeWeight: Float64Array;
  private readonly totalWeight: number;
  private readonly share: Float64Array;
  private readonly utcOffsetHours: Float64Array;
  private readonly dayCurve: boolean;
  private readonly epochHours: number;
  private segments: Segment[];
  private seg = 0;
  private t: number;
  /** kept so an event added at run time can re-cut the segments */
  private readonly events: ScheduledEvent[];
  private readonly regions: readonly ViewerRegion[];

  constructor(o: ArrivalOptions) {
    const n = o.regions.length;
    this.rps = o.rps;
    this.dayCurve = o.dayCurve;
    this.epochHours = o.epochMs / MS_PER_HOUR;
    this.cumulativeWeight = new Float64Array(n);
    this.share = new Float64Array(n);
    this.utcOffsetHours = new Float64Array(n);
    let sum = 0;
    for (let r = 0; r < n; r++) {
      const region = o.regions[r];
      sum += Math.max(0, region.weight);
      this.cumulativeWeight[r] = sum;
      // Without an explicit offset, solar time from the longitude is close enough for a day curve.
      this.utcOffsetHours[r] = region.utcOffset ?? Math.round(region.lon / 15);
    }
    this.totalWeight = sum;
    for (let r = 0; r < n; r++) this.share[r] = sum > 0 ? Math.max(0, o.regions[r].weight) / sum : 0;
    this.events = [...o.events];
    this.regions = o.regions;
    this.segments = buildSegments(this.events, o.regions, this.dayCurve ? 1 + DAY_CURVE.amplitude : 1);
    this.t = o.startMs;
    this.seekSegment();
  }

  /** Day-curve factor of region r at simulated time ms. */
  private day(r: number, ms: number): number {
    if (!this.dayCurve) return 1;
    const hour = this.epochHours + ms / MS_PER_HOUR + this.utcOffsetHours[r];
    return 1 + DAY_CURVE.amplitude * Math.cos((TWO_PI * (hour - DAY_CURVE.peakLocalHour)) / 24);
  }

  private seekSegment(): void {
    while (this.t >= this.segments[this.seg].endMs) this.seg++;
  }

  /**
   * An event scheduled while running (SimEngine.schedule). Candidates already drawn past `nowMs`
   * used the old bound, so the process restarts at `nowMs` (Poisson arrivals are memoryless).
   */
  addEvent(e: ScheduledEvent, nowMs: number): void {
    this.events.push(e);
    this.segments = buildSegments(this.events, this.regions, this.dayCurve ? 1 + DAY_CURVE.amplitude : 1);
    if (this.t > nowMs) this.t = nowMs;
    this.seg = 0;
    this.seekSegment();
  }

  skipTo(ms: number): void {
    if (ms > this.t) {
      this.t = ms;
      this.seekSegment();
    }
  }

  nextArrival(rng: Rng, out: Arrival): boolean {
    if (!(this.rps > 0) || !(this.totalWeight > 0)) return false;
    const n = this.cumulativeWeight.length;
    for (;;) {
      const s = this.segments[this.seg];
      if (s.bound <= 0) {
        if (s.endMs === Infinity) return false;
        this.t = s.endMs;
        this.seg++;
        continue;
      }
      const t = this.t + rng.exp(1000 / (this.rps * s.bound));
      if (t >= s.endMs) {
        this.t = s.endMs;
        this.seg++;
        continue;
      }
      this.t = t;
      const w = rng.next() * this.totalWeight;
      let r = 0;
      while (r < n - 1 && this.cumulativeWeight[r] <= w) r++;
      const f = s.factor[r] * this.day(r, t);
      if (rng.next() * s.bound < f) {
        out.atMs = t;
        out.regionIndex = r;
        out.attackShare = s.ddos[r] > 1 ? 1 - 1 / s.ddos[r] : 0;
        return true;
      }
    }
  }

  rateAt(ms: number): number {
    let i = 0;
    while (ms >= this.segments[i].endMs) i++;
    const s = this.segments[i];
    let rate = 0;
    for (let r = 0; r < this.share.length; r++) rate += this.share[r] * s.factor[r] * this.day(r, ms);
    return this.rps * rate;
  }
}

function appliesTo(e: ScheduledEvent, region: ViewerRegion): boolean {
  if (e.target === undefined) return true;
  return typeof e.target === 'string' ? e.target === region.id : e.target.includes(region.id);
}

/** Splits time at every spike / ddos start and end; within a segment the factors are constant. */
function buildSegments(events: readonly ScheduledEvent[], regions: readonly ViewerRegion[], dayPeak: number) {
  const load = events
    .filter((e) => e.kind === 'spike' || e.kind === 'ddos')
    .map((e) => ({
      e,
      start: e.atMs,
      end: e.atMs + (e.durationMs ?? EVENT_DEFAULTS.durationMs),
      factor: e.factor ?? (e.kind === 'spike' ? EVENT_DEFAULTS.spikeFactor : EVENT_DEFAULTS.ddosFactor),
    }));
  const edges = [...new Set([0, ...load.flatMap((l) => [l.start, l.end])])]
    .filter((x) => x >= 0 && Number.isFinite(x))
    .sort((a, b) => a - b);
  edges.push(Infinity);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < edges.length; i++) {
    const startMs = edges[i];
    const endMs = edges[i + 1];
    const factor = new Float64Array(regions.length).fill(1);
    const ddos = new Float64Array(regions.length).fill(1);
    for (const l of load) {
      if (l.start > startMs || l.end <= startMs) continue;
      for (let r = 0; r < regions.length; r++) {
        if (!appliesTo(l.e, regions[r])) continue;
        factor[r] *= l.factor;
        if (l.e.kind === 'ddos') ddos[r] *= l.factor;
      }
    }
    let max = 0;
    for (let r = 0; r < regions.length; r++) max = Math.max(max, factor[r]);
    segments.push({ startMs, endMs, factor, ddos, bound: max * dayPeak });
  }
  return segments;
}
