// The simulation's internal shapes: what a cache tier stores, the per-request working state the
// pipeline fills in, and the answer codes tiers pass down to each other.
import type { CacheKeyInfo } from '../cache/cacheKey';
import type { Sized, TierStore } from '../cache/store';
import type { EdgeRequest, EdgeResponse, HeaderMap } from '../http/model';
import type { NormalizedOrigin, ResolvedBehavior } from '../normalize';
import type { HttpVersion, OriginRequest, OriginResponse, TraceStep } from '../types';

/**
 * One version of a response as CloudFront caches it. The same object is shared by every tier
 * that obtained it from the same fetch (edge, REC, shield), which keeps long runs small; a
 * revalidation creates a new version instead of changing this one. Times are simulated ms.
 */
export class StoredObject implements Sized {
  /** bytes counted against a tier's capacity: body plus headers */
  size: number;
  /** when the object becomes visible (the fetch that made it completes); requests arriving
   * earlier join the fetch when collapsing is allowed */
  availableAt: number;
  /** the version this one replaces while its fetch is in flight (served stale-while-revalidate) */
  prev: StoredObject | null = null;
  /** after a failed revalidation: serve this stale copy without asking upstream until then */
  staleUntil = 0;
  /** a stale-while-revalidate background refresh was started at this time (-1: none) */
  refreshStartedAt = -1;
  /** the request sequence number that created this object (to tell new fetches from copies) */
  fetchSeq: number;

  constructor(
    public readonly status: number,
    public readonly headers: HeaderMap,
    public readonly body: string | undefined,
    public readonly bodySize: number,
    /** when the request that fetched or revalidated it reached the edge: Age and freshness
     * count from here (RFC 9111 §4.2.3 request_time), so whole-second clocks give whole-second Ages */
    public readonly storedAt: number,
    public readonly ttlMs: number,
    /** stale-while-revalidate window after expiry, ms (0: none) */
    public readonly swrMs: number,
    /** stale-if-error window after expiry, ms; -1 when the origin sent none (default stale-on-5xx applies) */
    public readonly sieMs: number,
    public readonly etag: string | undefined,
    public readonly lastModified: string | undefined,
    /** has a validator and no Vary: * (spec §1.8): expired copies are revalidated with a conditional request */
    public readonly revalidatable: boolean,
    /** spec §6.3: this response turns collapsing off for its key */
    public readonly noCollapse: boolean,
    /** tiers may store it (cacheable method, status and headers) */
    public readonly cacheable: boolean,
    /** what invalidation paths are matched against: path + '?query' of the key */
    public readonly invTarget: string,
    public readonly originId: string,
    /** 'lambda' when an origin-request Lambda@Edge generated it; 'cloudfront' for CloudFront's own 502/504 */
    public readonly generatedBy: 'lambda' | 'cloudfront' | null,
    /** x-edge-detailed-result-type of a CloudFront-generated origin error */
    public readonly errorType: string | null,
    /** set on the edge's compressed variant */
    public readonly encoding: 'br' | 'gzip' | null,
    fetchSeq: number,
    availableAt: number,
  ) {
    this.fetchSeq = fetchSeq;
    this.availableAt = availableAt;
    let h = 0;
    for (const name in headers) {
      const values = headers[name];
      for (let i = 0; i < values.length; i++) h += name.length + values[i].length + 4;
    }
    this.size = bodySize + h;
  }

  expiresAt(): number {
    return this.storedAt + this.ttlMs;
  }
}

export type TierKind = 'edge' | 'regional' | 'shield';

/** Live counters of one cache instance (for inspect() and the canvas). */
export interface TierCounters {
  requests: number;
  hits: number;
  misses: number;
  bytesOut: number;
}

/** One cache instance: an edge PoP, a regional edge cache, or Origin Shield in a region. */
export interface TierInstance {
  id: number;
  kind: TierKind;
  /** PoP code for an edge, region code for a REC or shield */
  location: string;
  /** AWS region (REC / shield) or the PoP's REC region (edge) */
  region: string;
  /** index into the topology's place table (latency) */
  place: number;
  store: TierStore<StoredObject>;
  counters: TierCounters;
}

export interface PopInstance extends TierInstance {
  kind: 'edge';
  /** full code, e.g. 'IAD66-C1' */
  code: string;
  prefix: string;
  pricingRegion: number;
  /** tier chains by behavior index * 2 + (GET/HEAD ? 0 : 1), filled on first use */
  levelsCache: TierInstance[][];
}

/** What an origin attempt hands to the driver; the driver answers with an OriginResponse. */
export interface OriginCall {
  origin: NormalizedOrigin;
  request: OriginRequest;
}

/** The pipeline is written once as a generator: request() drives it asynchronously (awaiting
 * originFetch), run() drives it synchronously with simulated origins. */
export type PipelineGen<T> = Generator<OriginCall, T, OriginResponse>;

/** Answer codes one tier passes to the tier below it. */
export const ANSWER_OBJECT = 0;
export const ANSWER_NOT_MODIFIED = 1;
/** a stale copy served because the origin failed (stale-if-error / default stale-on-5xx) */
export const ANSWER_STALE = 2;
/** (internal to a tier step) the tier must ask upstream */
export const NEED_UPSTREAM = -1;

/** How the edge (tier 0) dealt with a request; mapped to X-Cache once the pipeline is done. */
export type EdgeOutcome =
  'hit' | 'joined' | 'miss' | 'refresh' | 'refresh-200' | 'stale-error' | 'stale-swr' | 'pass';

export type ResultType =
  | 'Hit'
  | 'RefreshHit'
  | 'Miss'
  | 'Error'
  | 'Redirect'
  | 'FunctionGeneratedResponse'
  | 'LambdaGeneratedResponse';

/** Bits of RequestCtx.tiersMask (SampledRequest.tiers). */
export const TOUCHED_EDGE = 1;
export const TOUCHED_REGIONAL = 2;
export const TOUCHED_SHIELD = 4;
export const TOUCHED_ORIGIN = 8;

/** Per-request working state. run() reuses one instance for every request (no allocation). */
export class RequestCtx {
  seq = 0;
  // ---- the request as it moves through the pipeline
  method = 'GET';
  scheme: 'http' | 'https' = 'https';
  host = '';
  /** path, possibly changed by a viewer-request function or the default root object */
  uri = '/';
  /** the viewer's path (behavior selection, logs) */
  originalUri = '/';
  querystring = '';
  originalQuery = '';
  headers: HeaderMap = {};
  body: string | undefined = undefined;
  httpVersion: HttpVersion = '1.1';
  clientIp = '';
  country: string | undefined = undefined;
  pop!: PopInstance;
  viewerRttMs = 0;
  /** arrival at the PoP, simulated ms (= engine.now() for request()); freshness and Age use it */
  t0 = 0;
  /** when the next stage starts (t0 plus any viewer-request function time) */
  cursor = 0;
  /** network transit time accumulated between tiers so far; an object becomes visible at
   * (ready time - transit), i.e. when the origin finished producing it */
  netMs = 0;
  trace: TraceStep[] | null = null;
  requestId = '';
  via = '';
  /** run(): the catalog index behind uri (-1 when unknown), lets the simulated origin skip parsing */
  catalogIndex = -1;
  /** run(): which catalog catalogIndex belongs to (a small integer per origin with a catalog; -1 none) */
  catalogSlot = -1;
  /** run(): origins are simulated and nothing observes the origin request's headers, so the
   * origin stage sends only what the simulated origin reads (method, path, validators) */
  lightOriginRequests = false;

  // ---- resolved along the way
  behavior!: ResolvedBehavior;
  key = '';
  /** the integer id tier stores know ctx.key by (catalog keys), -1 when they use ctx.key
   * (set by KeyBuilder.compute, see ./keys) */
  keyId = -1;
  keyInfo: CacheKeyInfo | null = null;
  /** normalized Accept-Encoding for the key / the origin (spec §4.4) */
  aeKey: string | undefined = undefined;
  aeOrigin: string | undefined = undefined;
  proxy = false;
  collapse = false;
  /** cache tiers before the origin stage: [edge] or [edge, REC] (a shared array: never mutate) */
  levels: readonly TierInstance[] = [];

  // ---- answers passed between tiers
  upObj: StoredObject | null = null;
  /** a tier's expired copy between its lookup and its upstream step */
  lookupObj: StoredObject | null = null;
  upAt = 0;
  /** an origin (or origin-request Lambda) produced the answer during this request */
  fromOrigin = false;
  /** the shield served the object from its cache (log: OriginShieldHit) */
  shieldHit = false;
  /** origin id of the last origin contacted */
  originId: string | undefined = undefined;

  // ---- outcome
  edgeOutcome: EdgeOutcome = 'miss';
  resultType: ResultType = 'Miss';
  detailedType = '';
  status = 0;
  obj: StoredObject | null = null;
  gen: EdgeResponse | null = null;
  /** the edge answers a viewer's conditional request with 304 */
  notModified = false;
  customErrorPage = false;
  /** simulated ms the response is ready at the edge */
  doneAt = 0;
  tiersMask = 0;
  bytesFromOrigin = 0;
  /** a stale-while-revalidate refresh to run after the response: the object and where it sits */
  bgObj: StoredObject | null = null;
  bgLevel = -1;
  bgMember = -1;
  /** a stale-while-revalidate refresh is running: upper tiers revalidate instead of serving stale */
  background = false;
  /** the final viewer response (request() mode, or when a viewer-response function ran) */
  response: EdgeResponse | null = null;

  /** The request as functions and the origin-request builder see it. */
  edgeRequest(): EdgeRequest {
    return {
      method: this.method,
      uri: this.uri,
      querystring: this.querystring,
      headers: this.headers,
      clientIp: this.clientIp,
      body: this.body,
    };
  }

  resetOutcome(): void {
    this.keyInfo = null;
    this.aeKey = undefined;
    this.aeOrigin = undefined;
    this.upObj = null;
    this.lookupObj = null;
    this.upAt = 0;
    this.netMs = 0;
    this.fromOrigin = false;
    this.shieldHit = false;
    this.originId = undefined;
    this.edgeOutcome = 'miss';
    this.resultType = 'Miss';
    this.detailedType = '';
    this.status = 0;
    this.obj = null;
    this.gen = null;
    this.notModified = false;
    this.customErrorPage = false;
    this.doneAt = 0;
    this.tiersMask = 0;
    this.bytesFromOrigin = 0;
    this.bgObj = null;
    this.bgLevel = -1;
    this.bgMember = -1;
    this.background = false;
    this.response = null;
    this.catalogIndex = -1;
    this.catalogSlot = -1;
    this.lightOriginRequests = false;
  }
}
