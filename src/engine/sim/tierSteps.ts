// The cache tiers' steps (spec §6): edge PoP -> regional edge cache -> Origin Shield -> origin.
// One generic tier step serves all three cache kinds: fresh hit, joining an in-flight fetch
// (collapsing, §6.3), stale-while-revalidate, stale-on-error, revalidation with validators
// (§2.1) and plain misses. Every step here is synchronous and runs up to the point where an
// upper tier or the origin must answer; ./tiers chains them (as a generator for request(), as
// plain calls for run()).
import type { ResolvedBehavior } from '../normalize';
import { PROCESSING_MS, type SimDeps } from './deps';
import {
  NEED_UPSTREAM,
  ANSWER_NOT_MODIFIED,
  ANSWER_OBJECT,
  ANSWER_STALE,
  TOUCHED_EDGE,
  TOUCHED_REGIONAL,
  TOUCHED_SHIELD,
  type RequestCtx,
  type StoredObject,
  type TierInstance,
} from './model';

const sameVersion = (o: StoredObject, etag: string | undefined, lm: string | undefined): boolean =>
  etag !== undefined ? o.etag === etag : lm !== undefined && o.lastModified === lm;

const secs = (ms: number): string => `${Math.floor(ms / 1000)} s`;

export class TierSteps {
  constructor(protected readonly d: SimDeps) {}

  /** The tiers before the origin stage for this request (spec §6.1-6.2). The REC is skipped for
   * proxy methods (anything but GET/HEAD, so OPTIONS too even when the edge caches it: V29), dynamic requests, an S3 origin in the REC's own region, and when the PoP's
   * REC region is the primary's Origin Shield region (that REC acts as the shield: no extra hop). */
  chooseLevels(ctx: RequestCtx): void {
    // Precomputed per (PoP, behavior, GET/HEAD or not): the hot path reads one array.
    const pop = ctx.pop;
    const b = ctx.behavior;
    const getOrHead = ctx.method === 'GET' || ctx.method === 'HEAD';
    const slot = b.index * 2 + (getOrHead ? 0 : 1);
    let levels = pop.levelsCache[slot];
    if (levels === undefined) {
      levels = [pop];
      const primary = b.target.members[0];
      const rec = pop.region;
      const useRec =
        this.d.ns.regionalEdgeCaches &&
        getOrHead &&
        !b.dynamic &&
        !(primary.isS3 && primary.region === rec) &&
        primary.shieldRegion !== rec;
      if (useRec) levels.push(this.d.topology.rec(rec));
      pop.levelsCache[slot] = levels;
    }
    ctx.levels = levels;
  }

  /** The edge lookup alone, synchronously: an ANSWER_* code when the edge answered, otherwise
   * NEED_UPSTREAM and edgeUpstream() continues. Together they equal serve(). */
  edgeLookup(ctx: RequestCtx): number {
    this.chooseLevels(ctx);
    return this.lookup(ctx, ctx.pop, 0, -1, ctx.cursor, undefined, undefined, false);
  }

  private tierOf(ctx: RequestCtx, level: number, member: number): TierInstance {
    return member < 0
      ? ctx.levels[level]
      : this.d.topology.shield(ctx.behavior.target.members[member].shieldRegion!);
  }

  /** Round trip from a tier to the next one up; 0 before the origin stage (it adds its own hops). */
  private hopMs(ctx: RequestCtx, tier: TierInstance, level: number, member: number): number {
    const topo = this.d.topology;
    if (member >= 0) return topo.rttMs(tier.place, topo.originPlace(ctx.behavior.target.members[member]));
    if (level + 1 < ctx.levels.length) return topo.rttMs(tier.place, ctx.levels[level + 1].place);
    return 0;
  }

  private answer(
    ctx: RequestCtx,
    obj: StoredObject,
    readyAt: number,
    cE: string | undefined,
    cL: string | undefined,
    cFromCopy: boolean,
  ): number {
    ctx.upObj = obj;
    ctx.upAt = readyAt;
    return cFromCopy && (cE !== undefined || cL !== undefined) && sameVersion(obj, cE, cL)
      ? ANSWER_NOT_MODIFIED
      : ANSWER_OBJECT;
  }

  private step(
    ctx: RequestCtx,
    tier: TierInstance,
    at: number,
    outcome: string,
    detail: string,
    durationMs: number = PROCESSING_MS.lookup,
  ): void {
    if (ctx.trace) {
      ctx.trace.push({ stage: tier.kind, detail, atMs: at, durationMs, location: tier.location, outcome });
    }
  }

  private shieldBilled(ctx: RequestCtx, b: ResolvedBehavior, shield: TierInstance): boolean {
    // Cacheable requests are billed as Origin Shield requests when they come from a REC in another
    // region; dynamic and proxy requests always are (spec §6.2, §11.4).
    return ctx.proxy || b.dynamic || ctx.pop.region !== shield.region;
  }

  /**
   * The synchronous half of a tier step: looks the key up and either answers from this tier
   * (returns an ANSWER_* code, answer in ctx.upObj / ctx.upAt) or says the tier must go upstream
   * (NEED_UPSTREAM, with the expired copy to revalidate in ctx.lookupObj, or null for a miss).
   * Split from upstreamOf so that hits run without creating generators (run() hot path).
   * `level` indexes ctx.levels when member < 0; member >= 0 means the Origin Shield of that
   * origin-group member. `cE`/`cL` are the validators the tier below sends; `cFromCopy` says
   * they describe a copy it holds (so a 304 can answer) rather than the viewer's.
   */
  lookup(
    ctx: RequestCtx,
    tier: TierInstance,
    level: number,
    member: number,
    at: number,
    cE: string | undefined,
    cL: string | undefined,
    cFromCopy: boolean,
  ): number {
    const isEdge = member < 0 && level === 0;
    tier.counters.requests++;
    ctx.tiersMask |=
      tier.kind === 'edge' ? TOUCHED_EDGE : tier.kind === 'regional' ? TOUCHED_REGIONAL : TOUCHED_SHIELD;
    if (tier.kind === 'shield' && this.shieldBilled(ctx, ctx.behavior, tier))
      this.d.cost.addShieldRequest(this.d.topology.regionPricing(tier.region));
    const t0 = ctx.t0;
    let obj = ctx.proxy ? undefined : tier.store.getAt(ctx.keyId, ctx.key);

    // (A nanosecond of tolerance: visibility times are sums of floating-point hop times.)
    if (obj !== undefined && obj.availableAt > at + 1e-6) {
      // The object's fetch is still in flight at this tier.
      const prev = obj.prev;
      if (prev !== null && prev.swrMs > 0 && t0 - prev.expiresAt() < prev.swrMs && !ctx.background) {
        tier.counters.hits++;
        if (isEdge) ctx.edgeOutcome = 'stale-swr';
        if (ctx.trace)
          this.step(
            ctx,
            tier,
            at,
            'stale',
            `Expired copy served while its refresh is in flight (stale-while-revalidate)`,
          );
        return this.answer(ctx, prev, at + PROCESSING_MS.lookup, cE, cL, cFromCopy);
      }
      if (ctx.collapse && !obj.noCollapse) {
        tier.counters.hits++;
        if (isEdge) ctx.edgeOutcome = 'joined';
        if (tier.kind === 'shield') ctx.shieldHit = true;
        if (ctx.trace)
          this.step(
            ctx,
            tier,
            at,
            'hit',
            `Joined the in-flight fetch for this key (request collapsing); ready at ${obj.availableAt.toFixed(1)} ms`,
            obj.availableAt - at,
          );
        return this.answer(ctx, obj, obj.availableAt, cE, cL, cFromCopy);
      }
      obj = prev !== null && prev.availableAt <= at + 1e-6 ? prev : undefined;
    } else if (obj !== undefined && obj.prev !== null) {
      obj.prev = null; // the fetch has completed: the older version is no longer needed
    }

    if (obj !== undefined) {
      const age = t0 - obj.storedAt;
      if (age < obj.ttlMs) {
        tier.counters.hits++;
        if (isEdge) ctx.edgeOutcome = 'hit';
        if (tier.kind === 'shield') ctx.shieldHit = true;
        if (ctx.trace)
          this.step(ctx, tier, at, 'hit', `Fresh copy in cache (age ${secs(age)} < TTL ${secs(obj.ttlMs)})`);
        return this.answer(ctx, obj, at + PROCESSING_MS.lookup, cE, cL, cFromCopy);
      }
      if (obj.staleUntil > t0) {
        tier.counters.hits++;
        if (isEdge) ctx.edgeOutcome = 'stale-error';
        if (ctx.trace)
          this.step(
            ctx,
            tier,
            at,
            'stale',
            `Expired copy served: the origin failed recently; it is asked again after ${obj.staleUntil.toFixed(0)} ms`,
          );
        ctx.upObj = obj;
        ctx.upAt = at + PROCESSING_MS.lookup;
        return ANSWER_STALE;
      }
      if (obj.swrMs > 0 && age < obj.ttlMs + obj.swrMs && !ctx.background) {
        tier.counters.hits++;
        if (isEdge) ctx.edgeOutcome = 'stale-swr';
        if (ctx.trace)
          this.step(
            ctx,
            tier,
            at,
            'stale',
            `Expired ${secs(age - obj.ttlMs)} ago, within stale-while-revalidate=${secs(obj.swrMs)}: served now, refreshed in the background`,
          );
        if (obj.refreshStartedAt < 0 && ctx.bgObj === null) {
          obj.refreshStartedAt = t0;
          ctx.bgObj = obj;
          ctx.bgLevel = level;
          ctx.bgMember = member;
        }
        return this.answer(ctx, obj, at + PROCESSING_MS.lookup, cE, cL, cFromCopy);
      }
    }
    ctx.lookupObj = obj ?? null;
    return NEED_UPSTREAM;
  }

  /** A miss's first half: counts it, traces it, returns the round trip to the next tier up. */
  protected missStart(
    ctx: RequestCtx,
    tier: TierInstance,
    level: number,
    member: number,
    at: number,
  ): number {
    tier.counters.misses++;
    if (ctx.trace)
      this.step(
        ctx,
        tier,
        at,
        ctx.proxy ? 'skipped' : 'miss',
        ctx.proxy ? `${ctx.method} is never cached: passed through` : 'Not in cache: asking the next tier',
      );
    const hop = this.hopMs(ctx, tier, level, member);
    ctx.netMs += hop / 2;
    return hop;
  }

  /** A miss's second half, once the tier above answered `kind`: stores and answers. */
  protected missAnswer(
    ctx: RequestCtx,
    tier: TierInstance,
    level: number,
    member: number,
    kind: number,
    hop: number,
    cE: string | undefined,
    cL: string | undefined,
    cFromCopy: boolean,
  ): number {
    const isEdge = member < 0 && level === 0;
    ctx.netMs += hop / 2;
    const readyAt = ctx.upAt + hop / 2;
    let up = ctx.upObj!;
    if (kind === ANSWER_OBJECT) {
      if (isEdge) up = this.d.storage.compressForViewer(ctx, up);
      if (up.cacheable && !ctx.proxy) this.store(ctx, tier, up, readyAt);
      if (isEdge) ctx.edgeOutcome = ctx.proxy ? 'pass' : 'miss';
      return this.answer(ctx, up, readyAt, cE, cL, cFromCopy);
    }
    if (isEdge) ctx.edgeOutcome = kind === ANSWER_STALE ? 'stale-error' : 'miss';
    ctx.upAt = readyAt;
    return kind;
  }

  private store(ctx: RequestCtx, tier: TierInstance, obj: StoredObject, readyAt: number): void {
    // A new fetch becomes visible once the origin has produced it (network transit between tiers
    // is not counted), so requests arriving during origin time join it; copies of older objects
    // keep their time.
    if (obj.fetchSeq === ctx.seq) {
      const visible = readyAt - ctx.netMs;
      if (obj.availableAt < visible) obj.availableAt = visible;
    }
    tier.store.setAt(ctx.keyId, ctx.key, obj);
  }

  /** A revalidation's first half: traces it, returns the round trip to the next tier up. */
  protected revalidateStart(
    ctx: RequestCtx,
    tier: TierInstance,
    level: number,
    member: number,
    at: number,
    obj: StoredObject,
  ): number {
    if (ctx.trace) {
      const own = obj.revalidatable;
      this.step(
        ctx,
        tier,
        at,
        'stale',
        own
          ? `Expired (age ${secs(ctx.t0 - obj.storedAt)} ≥ TTL ${secs(obj.ttlMs)}): revalidating with ${obj.etag !== undefined ? 'If-None-Match' : 'If-Modified-Since'}`
          : `Expired (age ${secs(ctx.t0 - obj.storedAt)} ≥ TTL ${secs(obj.ttlMs)}) and no validator: fetching again`,
      );
    }
    const hop = this.hopMs(ctx, tier, level, member);
    ctx.netMs += hop / 2;
    return hop;
  }

  /** A revalidation's second half, once the tier above answered `kind`: 304 -> refreshed copy,
   * failure -> stale copy when allowed, otherwise the new object replaces the old. */
  protected revalidateEnd(
    ctx: RequestCtx,
    tier: TierInstance,
    level: number,
    member: number,
    obj: StoredObject,
    kind: number,
    hop: number,
    cE: string | undefined,
    cL: string | undefined,
    cFromCopy: boolean,
  ): number {
    const isEdge = member < 0 && level === 0;
    ctx.netMs += hop / 2;
    const readyAt = ctx.upAt + hop / 2;
    const up = ctx.upObj!;
    if (kind === ANSWER_NOT_MODIFIED) {
      tier.counters.hits++;
      const fresh = this.d.storage.refreshed(
        ctx,
        obj,
        up.status === 304 ? up.headers : null,
        up.status === 304 ? null : up,
      );
      fresh.availableAt = readyAt - ctx.netMs;
      fresh.prev = obj;
      obj.prev = null;
      tier.store.setAt(ctx.keyId, ctx.key, fresh);
      if (isEdge) ctx.edgeOutcome = 'refresh';
      return this.answer(ctx, fresh, readyAt, cE, cL, cFromCopy);
    }
    if (kind === ANSWER_STALE || (up.status >= 500 && this.d.storage.staleAllowed(obj, up.status, ctx.t0))) {
      tier.counters.hits++;
      const window =
        kind === ANSWER_STALE ? up.staleUntil : ctx.t0 + this.d.storage.errorCachingMinTtl(up.status) * 1000;
      if (obj.staleUntil < window) obj.staleUntil = window;
      if (isEdge) ctx.edgeOutcome = 'stale-error';
      if (ctx.trace)
        ctx.trace.push({
          stage: tier.kind,
          detail: `Origin failed (${up.status}): the expired copy is served instead until ${window.toFixed(0)} ms`,
          atMs: readyAt,
          durationMs: 0,
          location: tier.location,
          outcome: 'stale',
        });
      ctx.upObj = obj;
      ctx.upAt = readyAt;
      return ANSWER_STALE;
    }
    tier.counters.misses++;
    let fresh = up;
    if (isEdge) fresh = this.d.storage.compressForViewer(ctx, fresh);
    if (fresh.cacheable) this.store(ctx, tier, fresh, readyAt);
    else tier.store.deleteAt(ctx.keyId, ctx.key);
    if (isEdge) ctx.edgeOutcome = 'refresh-200';
    return this.answer(ctx, fresh, readyAt, cE, cL, cFromCopy);
  }

  protected shieldOf(o: ResolvedBehavior['target']['members'][number]): TierInstance | null {
    return o.shieldRegion !== undefined ? this.d.topology.shield(o.shieldRegion) : null;
  }

  /** Round trip to member i (its shield, else the origin), half counted as transit now. */
  protected memberHop(ctx: RequestCtx, from: TierInstance, i: number, shield: TierInstance | null): number {
    const topo = this.d.topology;
    const o = ctx.behavior.target.members[i];
    const hop = topo.rttMs(from.place, shield ? shield.place : topo.originPlace(o));
    ctx.netMs += hop / 2;
    return hop;
  }

  /** After member i answered `kind`: -1 when that answer stands, else the time the next member
   * is tried (failover on a failover status code or an unreachable origin). */
  protected memberDone(ctx: RequestCtx, i: number, hop: number, kind: number): number {
    const target = ctx.behavior.target;
    const members = target.members;
    const m = ctx.method;
    const canFail = members.length > 1 && (m === 'GET' || m === 'HEAD' || m === 'OPTIONS');
    ctx.netMs += hop / 2;
    const readyAt = ctx.upAt + hop / 2;
    ctx.upAt = readyAt;
    if (!canFail || i === members.length - 1 || kind !== ANSWER_OBJECT) return -1;
    const up = ctx.upObj!;
    const failed = up.generatedBy === 'cloudfront' || target.failoverCodes.has(up.status);
    if (!failed) return -1;
    if (ctx.trace) this.traceFailover(ctx, i, readyAt);
    return readyAt;
  }

  private traceFailover(ctx: RequestCtx, i: number, readyAt: number): void {
    const target = ctx.behavior.target;
    const o = target.members[i];
    const up = ctx.upObj!;
    ctx.trace!.push({
      stage: 'origin',
      detail: `Primary origin "${o.id}" ${up.generatedBy === 'cloudfront' ? 'could not be reached' : `answered ${up.status}, a failover code of group "${target.id}"`}: trying the secondary "${target.members[i + 1].id}"`,
      atMs: readyAt,
      durationMs: 0,
      location: o.id,
      outcome: 'failover',
    });
  }

  /** The refresh leaves the stale copy visible until its answer arrives (prev + availableAt);
   * while it runs, upper tiers revalidate instead of serving stale. */
  protected backgroundStart(ctx: RequestCtx): TierInstance {
    ctx.bgObj = null;
    ctx.background = true;
    return this.tierOf(ctx, ctx.bgLevel, ctx.bgMember);
  }
}
