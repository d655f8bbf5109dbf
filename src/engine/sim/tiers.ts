// The cache tiers (spec §6), chained: edge PoP -> regional edge cache -> Origin Shield ->
// origin, with origin group failover (§7.1) and stale-while-revalidate refreshes. The steps
// themselves are in ./tierSteps; the origin stage (attempts, failover codes) in ./originStage.
import type { OriginResponse } from '../types';
import type { SimDeps } from './deps';
import {
  NEED_UPSTREAM,
  ANSWER_OBJECT,
  type OriginCall,
  type PipelineGen,
  type RequestCtx,
  type StoredObject,
  type TierInstance,
} from './model';
import { OriginStage } from './originStage';
import { TierSteps } from './tierSteps';

/**
 * Every step that waits for an upper tier or the origin exists twice, with one body: a generator
 * (request(): originFetch may be asynchronous, so the driver awaits each origin call) and a plain
 * synchronous method (run(): the simulated origin answers at once, through `respond`), which
 * allocates no generator per tier per miss. Both call the same halves (missStart / missAnswer,
 * revalidateStart / revalidateEnd, memberHop / memberDone), so they cannot drift apart.
 */
export class Tiers extends TierSteps {
  private readonly origin: OriginStage;

  /** the synchronous origin of the *Sync methods (run(): the simulated origins) */
  private respond: (call: OriginCall) => OriginResponse = () => {
    throw new Error('Tiers: the synchronous path needs useSyncOrigin() first.');
  };

  constructor(d: SimDeps) {
    super(d);
    this.origin = new OriginStage(d);
  }

  /** The origin the synchronous methods ask (run() hands its simulated origins). */
  useSyncOrigin(respond: (call: OriginCall) => OriginResponse): void {
    this.respond = respond;
  }

  /** Runs the cache/origin stage; the edge's answer is left in ctx.upObj / ctx.upAt. */
  *serve(ctx: RequestCtx): PipelineGen<number> {
    const code = this.edgeLookup(ctx);
    if (code !== NEED_UPSTREAM) return code;
    return yield* this.edgeUpstream(ctx);
  }

  /** serve() without generators (run()). */
  serveSync(ctx: RequestCtx): number {
    const code = this.edgeLookup(ctx);
    if (code !== NEED_UPSTREAM) return code;
    return this.edgeUpstreamSync(ctx);
  }

  edgeUpstream(ctx: RequestCtx): PipelineGen<number> {
    return this.upstreamOf(ctx, ctx.pop, 0, -1, ctx.cursor, undefined, undefined, false);
  }

  edgeUpstreamSync(ctx: RequestCtx): number {
    return this.upstreamSync(ctx, ctx.pop, 0, -1, ctx.cursor, undefined, undefined, false);
  }

  /** The asynchronous half: revalidate the expired copy in ctx.lookupObj, or fetch on a miss.
   * The generator body is kept minimal (the work is in missStart / missAnswer). */
  *upstreamOf(
    ctx: RequestCtx,
    tier: TierInstance,
    level: number,
    member: number,
    at: number,
    cE: string | undefined,
    cL: string | undefined,
    cFromCopy: boolean,
  ): PipelineGen<number> {
    const obj = ctx.lookupObj;
    ctx.lookupObj = null;
    if (obj !== null) return yield* this.revalidate(ctx, tier, level, member, at, obj, cE, cL, cFromCopy);
    // Miss: ask the next tier up.
    const hop = this.missStart(ctx, tier, level, member, at);
    const next = this.nextTier(ctx, level, member, at + hop / 2, cE, cL, cFromCopy);
    const kind = typeof next === 'number' ? next : yield* next;
    return this.missAnswer(ctx, tier, level, member, kind, hop, cE, cL, cFromCopy);
  }

  /** upstreamOf() without generators (run()). */
  upstreamSync(
    ctx: RequestCtx,
    tier: TierInstance,
    level: number,
    member: number,
    at: number,
    cE: string | undefined,
    cL: string | undefined,
    cFromCopy: boolean,
  ): number {
    const obj = ctx.lookupObj;
    ctx.lookupObj = null;
    if (obj !== null) return this.revalidateSync(ctx, tier, level, member, at, obj, cE, cL, cFromCopy);
    const hop = this.missStart(ctx, tier, level, member, at);
    const kind = this.nextTierSync(ctx, level, member, at + hop / 2, cE, cL, cFromCopy);
    return this.missAnswer(ctx, tier, level, member, kind, hop, cE, cL, cFromCopy);
  }

  /** An expired copy: conditional request upstream (spec §2.1), stale-on-error (§1.4-1.6). */
  private *revalidate(
    ctx: RequestCtx,
    tier: TierInstance,
    level: number,
    member: number,
    at: number,
    obj: StoredObject,
    cE: string | undefined,
    cL: string | undefined,
    cFromCopy: boolean,
  ): PipelineGen<number> {
    const hop = this.revalidateStart(ctx, tier, level, member, at, obj);
    const own = obj.revalidatable;
    const next = this.nextTier(
      ctx,
      level,
      member,
      at + hop / 2,
      own ? obj.etag : undefined,
      own ? obj.lastModified : undefined,
      true,
    );
    const kind = typeof next === 'number' ? next : yield* next;
    return this.revalidateEnd(ctx, tier, level, member, obj, kind, hop, cE, cL, cFromCopy);
  }

  /** revalidate() without generators (run()). */
  private revalidateSync(
    ctx: RequestCtx,
    tier: TierInstance,
    level: number,
    member: number,
    at: number,
    obj: StoredObject,
    cE: string | undefined,
    cL: string | undefined,
    cFromCopy: boolean,
  ): number {
    const hop = this.revalidateStart(ctx, tier, level, member, at, obj);
    const own = obj.revalidatable;
    const kind = this.nextTierSync(
      ctx,
      level,
      member,
      at + hop / 2,
      own ? obj.etag : undefined,
      own ? obj.lastModified : undefined,
      true,
    );
    return this.revalidateEnd(ctx, tier, level, member, obj, kind, hop, cE, cL, cFromCopy);
  }

  /** The next tier up with its lookup inline: the answer code when that tier answered, else the
   * generator that continues upstream (so hits further up create no generator either). */
  private nextTier(
    ctx: RequestCtx,
    level: number,
    member: number,
    at: number,
    cE: string | undefined,
    cL: string | undefined,
    cFromCopy: boolean,
  ): number | PipelineGen<number> {
    if (member >= 0) return this.origin.fetch(ctx, member, at, cE, cL, cFromCopy);
    if (level + 1 < ctx.levels.length) {
      const tier = ctx.levels[level + 1];
      const code = this.lookup(ctx, tier, level + 1, -1, at, cE, cL, cFromCopy);
      if (code !== NEED_UPSTREAM) return code;
      return this.upstreamOf(ctx, tier, level + 1, -1, at, cE, cL, cFromCopy);
    }
    return this.originGroup(ctx, ctx.levels[level], at, cE, cL, cFromCopy);
  }

  /** nextTier() without generators (run()): the answer code of the next tier up. */
  private nextTierSync(
    ctx: RequestCtx,
    level: number,
    member: number,
    at: number,
    cE: string | undefined,
    cL: string | undefined,
    cFromCopy: boolean,
  ): number {
    if (member >= 0) return this.origin.fetchSync(ctx, member, at, cE, cL, cFromCopy, this.respond);
    if (level + 1 < ctx.levels.length) {
      const tier = ctx.levels[level + 1];
      const code = this.lookup(ctx, tier, level + 1, -1, at, cE, cL, cFromCopy);
      if (code !== NEED_UPSTREAM) return code;
      return this.upstreamSync(ctx, tier, level + 1, -1, at, cE, cL, cFromCopy);
    }
    return this.originGroupSync(ctx, ctx.levels[level], at, cE, cL, cFromCopy);
  }

  /** Origin group failover (spec §7.1): GET/HEAD/OPTIONS only, the primary first every time,
   * each member through its own Origin Shield. */
  private *originGroup(
    ctx: RequestCtx,
    from: TierInstance,
    at: number,
    cE: string | undefined,
    cL: string | undefined,
    cFromCopy: boolean,
  ): PipelineGen<number> {
    const members = ctx.behavior.target.members;
    let t = at;
    for (let i = 0; i < members.length; i++) {
      const shield = this.shieldOf(members[i]);
      const hop = this.memberHop(ctx, from, i, shield);
      let kind: number;
      if (shield) {
        kind = this.lookup(ctx, shield, -1, i, t + hop / 2, cE, cL, cFromCopy);
        if (kind === NEED_UPSTREAM)
          kind = yield* this.upstreamOf(ctx, shield, -1, i, t + hop / 2, cE, cL, cFromCopy);
      } else {
        kind = yield* this.origin.fetch(ctx, i, t + hop / 2, cE, cL, cFromCopy);
      }
      t = this.memberDone(ctx, i, hop, kind);
      if (t < 0) return kind;
    }
    return ANSWER_OBJECT;
  }

  /** originGroup() without generators (run()). */
  private originGroupSync(
    ctx: RequestCtx,
    from: TierInstance,
    at: number,
    cE: string | undefined,
    cL: string | undefined,
    cFromCopy: boolean,
  ): number {
    const members = ctx.behavior.target.members;
    let t = at;
    for (let i = 0; i < members.length; i++) {
      const shield = this.shieldOf(members[i]);
      const hop = this.memberHop(ctx, from, i, shield);
      let kind: number;
      if (shield) {
        kind = this.lookup(ctx, shield, -1, i, t + hop / 2, cE, cL, cFromCopy);
        if (kind === NEED_UPSTREAM)
          kind = this.upstreamSync(ctx, shield, -1, i, t + hop / 2, cE, cL, cFromCopy);
      } else {
        kind = this.origin.fetchSync(ctx, i, t + hop / 2, cE, cL, cFromCopy, this.respond);
      }
      t = this.memberDone(ctx, i, hop, kind);
      if (t < 0) return kind;
    }
    return ANSWER_OBJECT;
  }

  /** A stale-while-revalidate refresh, after the viewer got the stale copy (run once per request). */
  *background(ctx: RequestCtx): PipelineGen<void> {
    const obj = ctx.bgObj;
    if (obj === null) return;
    const tier = this.backgroundStart(ctx);
    const saveTrace = ctx.trace;
    ctx.trace = null;
    yield* this.revalidate(ctx, tier, ctx.bgLevel, ctx.bgMember, ctx.t0, obj, undefined, undefined, false);
    ctx.trace = saveTrace;
    ctx.background = false;
    obj.refreshStartedAt = -1;
  }

  /** background() without generators (run()). */
  backgroundSync(ctx: RequestCtx): void {
    const obj = ctx.bgObj;
    if (obj === null) return;
    const tier = this.backgroundStart(ctx);
    const saveTrace = ctx.trace;
    ctx.trace = null;
    this.revalidateSync(ctx, tier, ctx.bgLevel, ctx.bgMember, ctx.t0, obj, undefined, undefined, false);
    ctx.trace = saveTrace;
    ctx.background = false;
    obj.refreshStartedAt = -1;
  }
}
