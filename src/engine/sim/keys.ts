// The cache key of a request (spec §4.1-4.4), memoized for the common case where only the path
// (and the normalized Accept-Encoding) is in the key: run() then finds the key string by the
// interned catalog path without building anything.
//
// Key ids: a key whose path is a simulated catalog's object and which has no query part is
// host + path + a suffix (the header, cookie and Accept-Encoding sections), so it gets an
// integer id: a range per (suffix, catalog path family), plus the catalog index. The tier
// stores index it by that integer (TierStore.getAt): no hashing of long strings, and no key
// string kept per cached object. The id is a function of the key string alone (never of who
// sent the request), so request() and run() find each other's copies. Ranges go to suffixes
// first come, first served while they last; every other key is stored by its string (keyId -1).
import {
  buildCacheKey,
  invalidationTarget,
  normalizeAcceptEncoding,
  type CacheKeyInfo,
  type NormalizedAcceptEncoding,
} from '../cache/cacheKey';
import type { NormalizedScenario, ResolvedBehavior } from '../normalize';
import type { VirtualCatalog } from '../traffic/catalog';
import type { RequestCtx } from './model';

/** Id range size bounds: a power of two >= the largest catalog, within these (larger catalogs'
 * indexes beyond the range use string keys). Ids stay below 2^31 (Int32Array tables). */
const MIN_ID_RANGE = 1 << 12;
const MAX_ID_RANGE = 1 << 24;

/** Entries per memo generation: the memo keeps at most two generations (the current one and the
 * previous), so popular keys stay while memory stays bounded on million-object catalogs. */
const MEMO_GENERATION = 100_000;

/** run() requests for the most popular catalog objects (index below this, per catalog) find
 * their key by array index instead of hashing the path: Zipf traffic sends most requests there. */
const INDEXED_MAX = 1 << 18;
const CHUNK_BITS = 12;

/** Distinct header/cookie/Accept-Encoding combinations remembered per behavior before the
 * suffix memo starts over (run()'s varying cookies make thousands; memory stays bounded). */
const SUFFIX_MEMO_MAX = 50_000;

/** Stands for an absent header or cookie line in the suffix memo (never a real header value). */
const ABSENT = '\u0000';

/**
 * Key suffixes (what follows host + path when the key has no query part) by the raw values the
 * suffix is built from: each keyed header's value, the Cookie line, the normalized
 * Accept-Encoding. Nested maps, so a lookup allocates nothing. Filled from buildCacheKey itself,
 * so a remembered suffix is always the one buildCacheKey would give.
 */
class SuffixMemo {
  readonly root = new Map<string, unknown>();
  size = 0;

  get(parts: readonly string[], n: number): string | undefined {
    let node: unknown = this.root;
    for (let i = 0; i < n && node !== undefined; i++) node = (node as Map<string, unknown>).get(parts[i]);
    return node as string | undefined;
  }

  set(parts: readonly string[], n: number, suffix: string): void {
    if (this.size >= SUFFIX_MEMO_MAX) {
      this.root.clear();
      this.size = 0;
    }
    let node = this.root;
    for (let i = 0; i < n - 1; i++) {
      let next = node.get(parts[i]) as Map<string, unknown> | undefined;
      if (next === undefined) {
        next = new Map();
        node.set(parts[i], next);
      }
      node = next;
    }
    node.set(parts[n - 1], suffix);
    this.size++;
  }
}

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

  /** catalogs by slot (the order of SimulatedOrigins.catalogs, as run() numbers them) */
  private catalogs: VirtualCatalog[] = [];
  /** slot -> the first slot with the same path prefix and extension (same paths, same ids) */
  private canonicalSlot: number[] = [];
  private idRanges = 0;
  private idRange = MIN_ID_RANGE;
  private maxIdRanges = 2 ** 31 / MIN_ID_RANGE - 1;

  /** behavior index -> key suffixes of keys with headers or cookies (run()'s fast path) */
  private readonly suffixes: SuffixMemo[];
  /** scratch: the raw values one suffix lookup is keyed by */
  private readonly parts: string[] = [];

  constructor(private readonly ns: NormalizedScenario) {
    this.memo = ns.behaviors.map(() => new Map());
    this.suffixes = ns.behaviors.map(() => new SuffixMemo());
  }

  /** The simulated catalogs, in the order run() numbers them (RequestCtx.catalogSlot). */
  useCatalogs(catalogs: Map<string, VirtualCatalog>): void {
    this.catalogs = [...catalogs.values()];
    this.canonicalSlot = this.catalogs.map((c) =>
      this.catalogs.findIndex((o) => o.pathPrefix === c.pathPrefix && o.extension === c.extension),
    );
    let range = MIN_ID_RANGE;
    for (const c of this.catalogs) while (range < c.count && range < MAX_ID_RANGE) range *= 2;
    this.idRange = range;
    this.maxIdRanges = 2 ** 31 / range - 1;
  }

  /** Id ranges by key suffix (what follows host + path in the key string: behaviors whose keys
   * are equal share ids). Value: canonical catalog slot -> first id of its range. */
  private readonly idBases = new Map<string, number[]>();
  private lastVariant: string | undefined = undefined;
  private lastBases: number[] = [];

  /** Catalog slot and index of a path-only key's path, or -1: run() knows them, request() parses. */
  private keyIdFor(ctx: RequestCtx, suffix: string): number {
    if (this.catalogs.length === 0) return -1;
    let slot = -1;
    let ci = -1;
    if (ctx.catalogSlot >= 0 && ctx.catalogIndex >= 0 && ctx.uri === ctx.originalUri) {
      slot = ctx.catalogSlot;
      ci = ctx.catalogIndex;
    } else {
      for (let s = 0; s < this.catalogs.length && ci < 0; s++) {
        ci = this.catalogs[s].indexOf(ctx.uri);
        slot = s;
      }
      if (ci < 0) return -1;
    }
    if (ci >= this.idRange) return -1;
    slot = this.canonicalSlot[slot];
    const variant = suffix;
    if (variant !== this.lastVariant) {
      let bases = this.idBases.get(variant);
      if (bases === undefined) {
        bases = [];
        this.idBases.set(variant, bases);
      }
      this.lastVariant = variant;
      this.lastBases = bases;
    }
    let base = this.lastBases[slot];
    if (base === undefined) {
      if (this.idRanges >= this.maxIdRanges) return -1;
      base = this.idRanges++ * this.idRange;
      this.lastBases[slot] = base;
    }
    return base + ci;
  }

  private pathOnly(b: ResolvedBehavior, ctx: RequestCtx): boolean {
    const p = b.cachePolicy;
    return (
      (p.queryStringBehavior === 'none' || ctx.querystring === '') &&
      (p.headerBehavior === 'none' || p.headerNames.size === 0) &&
      p.cookieBehavior === 'none'
    );
  }

  private aeSuffixIn: string | undefined = undefined;
  private aeSuffixOut = '';

  /** What follows host + path in a path-only key (buildCacheKey's Accept-Encoding section). */
  private aeSuffix(aeKey: string | undefined): string {
    if (aeKey === undefined) return '';
    if (aeKey !== this.aeSuffixIn) {
      this.aeSuffixIn = aeKey;
      this.aeSuffixOut = '\ne:' + aeKey;
    }
    return this.aeSuffixOut;
  }

  /** Sets ctx.key (and ctx.keyInfo when it was built), ctx.aeKey, ctx.aeOrigin and ctx.keyId. */
  compute(ctx: RequestCtx): void {
    const b = ctx.behavior;
    const p = b.cachePolicy;
    if (p.enableAcceptEncodingGzip || p.enableAcceptEncodingBrotli) {
      const ae = ctx.headers['accept-encoding'];
      const raw = ae === undefined ? undefined : ae.length === 1 ? ae[0] : ae.join(', ');
      const flags =
        (p.enableAcceptEncodingGzip ? 1 : 0) |
        (p.enableAcceptEncodingBrotli ? 2 : 0) |
        (ctx.httpVersion === '1.0' ? 4 : 0);
      if (raw !== this.aeIn || flags !== this.aeFlags) {
        this.aeOut = normalizeAcceptEncoding(
          raw,
          p.enableAcceptEncodingGzip,
          p.enableAcceptEncodingBrotli,
          ctx.httpVersion,
        );
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
      const options = ctx.method === 'OPTIONS' && b.cachesOptions;
      ctx.keyId = options ? -1 : this.keyIdFor(ctx, this.aeSuffix(ctx.aeKey));
      // run() without a trace needs no key string for an id-keyed request (nothing reads it).
      if (ctx.keyId >= 0 && ctx.trace === null && ctx.lightOriginRequests) {
        ctx.key = '';
        ctx.keyInfo = null;
        return;
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
    } else if (this.internedVariant(ctx)) {
      return;
    } else {
      const info = buildCacheKey(p, ctx.edgeRequest(), ctx.aeKey, this.ns.domainName);
      ctx.keyInfo = info;
      key = info.key;
      const options = ctx.method === 'OPTIONS' && b.cachesOptions;
      ctx.keyId =
        info.query !== '' || options
          ? -1
          : this.keyIdFor(ctx, key.slice(this.ns.domainName.length + info.path.length));
    }
    // OPTIONS responses are stored apart from GET/HEAD when OPTIONS is cached (spec §3.3).
    ctx.key = ctx.method === 'OPTIONS' && b.cachesOptions ? 'OPTIONS ' + key : key;
  }

  /**
   * run()'s fast path for keys with headers or cookies (issue 3 workload c): when the key has no
   * query part and is a catalog object's, its id comes from the interned suffix, so nothing is
   * built per request. Returns false (nothing set) whenever the general path must run: a trace
   * or a real origin request needs the key's parts, the query string is in the key, a header
   * repeats, or the object has no id.
   */
  private internedVariant(ctx: RequestCtx): boolean {
    if (ctx.trace !== null || !ctx.lightOriginRequests || ctx.catalogSlot < 0 || ctx.catalogIndex < 0)
      return false;
    if (ctx.uri !== ctx.originalUri) return false;
    const b = ctx.behavior;
    const p = b.cachePolicy;
    if (ctx.querystring !== '' && p.queryStringBehavior !== 'none') return false;
    if (ctx.method === 'OPTIONS' && b.cachesOptions) return false;
    const parts = this.parts;
    let n = 0;
    const h = ctx.headers;
    if (p.headerBehavior === 'whitelist') {
      const skipAe = p.enableAcceptEncodingGzip || p.enableAcceptEncodingBrotli;
      for (const name of p.headerNames) {
        if (skipAe && name === 'accept-encoding') continue;
        const v = h[name];
        if (v !== undefined && v.length > 1) return false;
        parts[n++] = v === undefined || v.length === 0 ? ABSENT : v[0];
      }
    }
    if (p.cookieBehavior !== 'none') {
      const c = h['cookie'];
      if (c !== undefined && c.length > 1) return false;
      parts[n++] = c === undefined || c.length === 0 ? ABSENT : c[0];
    }
    parts[n++] = ctx.aeKey ?? ABSENT;
    const memo = this.suffixes[b.index];
    let suffix = memo.get(parts, n);
    if (suffix === undefined) {
      const info = buildCacheKey(p, ctx.edgeRequest(), ctx.aeKey, this.ns.domainName);
      if (info.query !== '') return false;
      suffix = info.key.slice(this.ns.domainName.length + info.path.length);
      memo.set(parts, n, suffix);
    }
    const id = this.keyIdFor(ctx, suffix);
    if (id < 0) return false;
    ctx.keyId = id;
    ctx.key = '';
    ctx.keyInfo = null;
    return true;
  }

  /** The full key breakdown (built on demand when the memo gave only the string). */
  info(ctx: RequestCtx): CacheKeyInfo {
    if (ctx.keyInfo === null)
      ctx.keyInfo = buildCacheKey(ctx.behavior.cachePolicy, ctx.edgeRequest(), ctx.aeKey, this.ns.domainName);
    return ctx.keyInfo;
  }

  /** What invalidation paths match this key against (spec §5). */
  invalidationTarget(ctx: RequestCtx): string {
    return ctx.keyInfo === null &&
      (ctx.querystring === '' || ctx.behavior.cachePolicy.queryStringBehavior === 'none')
      ? ctx.uri
      : invalidationTarget(this.info(ctx));
  }
}
