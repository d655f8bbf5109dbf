// The cache key of a request (spec §4.1-4.4), memoized for the common case where only the path
// (and the normalized Accept-Encoding) is in the key: run() then finds the key string by the
// interned catalog path without building anything.
import { buildCacheKey, invalidationTarget, normalizeAcceptEncoding, type CacheKeyInfo, type NormalizedAcceptEncoding } from '../cache/cacheKey';
import type { NormalizedScenario, ResolvedBehavior } from '../normalize';
import type { RequestCtx } from './model';

/** Entries per memo generation: the memo keeps at most two generations (the current one and the
 * previous), so popular keys stay while memory stays bounded on million-object catalogs. */
const MEMO_GENERATION = 100_000;

/** run() requests for the most popular catalog objects (index below this, per catalog) find
 * their key by array index instead of hashing the path: Zipf traffic sends most requests there. */
const INDEXED_MAX = 1 << 18;
const CHUNK_BITS = 12;

/** A bounded map from path to key string: lookups move entries into the young generation. */
class KeyMemo {
  private young = new Map<string, string>();
  private old = new Map<string, string>();
  /** catalog slot -> chunk -> key, for catalog indexes below INDEXED_MAX */
  private readonly byIndex: (string[] | undefined)[][] = [];

  getIndexed(slot: number, i: number): string | undefined {
    return this.byIndex[slot]?.[i >>> CHUNK_BITS]?.[i & ((1 << CHUNK_BITS) - 1)];
  }

  setIndexed(slot: number, i: number, key: string): void {
    const chunks = (this.byIndex[slot] ??= []);
    const chunk = (chunks[i >>> CHUNK_BITS] ??= new Array<string>(1 << CHUNK_BITS));
    chunk[i & ((1 << CHUNK_BITS) - 1)] = key;
  }

  get(path: string): string | undefined {
    const k = this.young.get(path);
    if (k !== undefined) return k;
    const o = this.old.get(path);
    if (o !== undefined) this.set(path, o);
    return o;
  }

  set(path: string, key: string): void {
    if (this.young.size >= MEMO_GENERATION) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(path, key);
  }

  get size(): number {
    return this.young.size + this.old.size;
  }
}

export class KeyBuilder {
  /** behavior index -> normalized Accept-Encoding ('' none) -> path -> key */
  private readonly memo: Map<string, KeyMemo>[];
  /** the last Accept-Encoding normalized (run() sends the same string object every time) */
  private aeIn: string | undefined = undefined;
  private aeFlags = -1;
  private aeOut: NormalizedAcceptEncoding = {};
  /** the last memo map used, by behavior index and Accept-Encoding slot */
  private lastB = -1;
  private lastAe: string | undefined = undefined;
  private lastMemo: KeyMemo | null = null;

  constructor(private readonly ns: NormalizedScenario) {
    this.memo = ns.behaviors.map(() => new Map());
  }

  private pathOnly(b: ResolvedBehavior, ctx: RequestCtx): boolean {
    const p = b.cachePolicy;
    return (
      (p.queryStringBehavior === 'none' || ctx.querystring === '') &&
      (p.headerBehavior === 'none' || p.headerNames.size === 0) &&
      p.cookieBehavior === 'none'
    );
  }

  /** Sets ctx.key (and ctx.keyInfo when it was built), ctx.aeKey and ctx.aeOrigin. */
  compute(ctx: RequestCtx): void {
    const b = ctx.behavior;
    const p = b.cachePolicy;
    if (p.enableAcceptEncodingGzip || p.enableAcceptEncodingBrotli) {
      const ae = ctx.headers['accept-encoding'];
      const raw = ae === undefined ? undefined : ae.length === 1 ? ae[0] : ae.join(', ');
      const flags = (p.enableAcceptEncodingGzip ? 1 : 0) | (p.enableAcceptEncodingBrotli ? 2 : 0) | (ctx.httpVersion === '1.0' ? 4 : 0);
      if (raw !== this.aeIn || flags !== this.aeFlags) {
        this.aeOut = normalizeAcceptEncoding(raw, p.enableAcceptEncodingGzip, p.enableAcceptEncodingBrotli, ctx.httpVersion);
        this.aeIn = raw;
        this.aeFlags = flags;
      }
      const n = this.aeOut;
      ctx.aeKey = n.keyValue;
      ctx.aeOrigin = n.originValue;
    } else {
      ctx.aeKey = undefined;
      ctx.aeOrigin = undefined;
    }
    let key: string;
    if (this.pathOnly(b, ctx)) {
      const aeSlot = ctx.aeKey ?? '';
      let m = this.lastMemo;
      if (m === null || this.lastB !== b.index || this.lastAe !== aeSlot) {
        const byAe = this.memo[b.index];
        m = byAe.get(aeSlot) ?? null;
        if (m === null) {
          m = new KeyMemo();
          byAe.set(aeSlot, m);
        }
        this.lastMemo = m;
        this.lastB = b.index;
        this.lastAe = aeSlot;
      }
      const ci = ctx.catalogIndex;
      // The catalog index stands for the path only while no function has changed the URI.
      const indexed = ctx.catalogSlot >= 0 && ci >= 0 && ci < INDEXED_MAX && ctx.uri === ctx.originalUri;
      let k = indexed ? m.getIndexed(ctx.catalogSlot, ci) : m.get(ctx.uri);
      if (k === undefined) {
        k = buildCacheKey(p, ctx.edgeRequest(), ctx.aeKey, this.ns.domainName).key;
        if (indexed) m.setIndexed(ctx.catalogSlot, ci, k);
        else m.set(ctx.uri, k);
      }
      key = k;
      ctx.keyInfo = null;
    } else {
      const info = buildCacheKey(p, ctx.edgeRequest(), ctx.aeKey, this.ns.domainName);
      ctx.keyInfo = info;
      key = info.key;
    }
    // OPTIONS responses are stored apart from GET/HEAD when OPTIONS is cached (spec §3.3).
    ctx.key = ctx.method === 'OPTIONS' && b.cachesOptions ? 'OPTIONS ' + key : key;
  }

  /** The full key breakdown (built on demand when the memo gave only the string). */
  info(ctx: RequestCtx): CacheKeyInfo {
    if (ctx.keyInfo === null) ctx.keyInfo = buildCacheKey(ctx.behavior.cachePolicy, ctx.edgeRequest(), ctx.aeKey, this.ns.domainName);
    return ctx.keyInfo;
  }

  /** What invalidation paths match this key against (spec §5). */
  invalidationTarget(ctx: RequestCtx): string {
    return ctx.keyInfo === null && (ctx.querystring === '' || ctx.behavior.cachePolicy.queryStringBehavior === 'none') ? ctx.uri : invalidationTarget(this.info(ctx));
  }
}
