// The engine's public types: a contract (see DESIGN.md). Tests outside this repo call
// the API with these shapes; extend them, never change what is here.

/** Names case-insensitive on input; an array = the same header on several lines. */
export type Headers = Record<string, string | string[]>;

export type HttpVersion = '1.0' | '1.1' | '2.0' | '3.0';

export interface ViewerRequest {
  method: string;
  /** e.g. 'https://d111111abcdef8.cloudfront.net/img/a.png?v=2' */
  url: string;
  headers?: Headers;
  body?: string;
  /** default '1.1' */
  httpVersion?: HttpVersion;
  viewer?: {
    /** ISO 3166-1 alpha-2; absent = unknown (geo restriction lets it through) */
    country?: string;
    ip?: string;
    /** 'NRT51-C1' or its 3-letter prefix 'NRT'; absent = nearest PoP to the viewer */
    pop?: string;
  };
}

export type TraceStage =
  | 'viewer'
  | 'behavior'
  | 'viewer-request-function'
  | 'cache-key'
  | 'edge'
  | 'regional'
  | 'shield'
  | 'origin-request-function'
  | 'origin'
  | 'origin-response-function'
  | 'viewer-response-function'
  | 'response';

export interface TraceStep {
  stage: TraceStage;
  /** human-readable, shown as is by the inspector */
  detail: string;
  /** simulated ms when the step began */
  atMs: number;
  durationMs: number;
  /** PoP code, REC / shield region, origin id, function region */
  location?: string;
  /** e.g. 'hit', 'miss', 'stale', 'skipped', 'error' */
  outcome?: string;
  /** machine-readable extras for the inspector and "why was this a miss?" (optional) */
  data?: Record<string, unknown>;
}

export interface ViewerResult {
  status: number;
  /** lower-case names; repeated lines joined with ', ' (set-cookie joined with '\n') */
  headers: Record<string, string>;
  bodySize: number;
  /** present for textual bodies up to 64 KB */
  body?: string;
  trace: TraceStep[];
  /** simulated time seen by the viewer */
  latencyMs: number;
}

export interface OriginRequest {
  originId: string;
  method: string;
  uri: string;
  /** as sent, without '?' */
  querystring: string;
  /** lower-case names, repeated lines as arrays */
  headers: Record<string, string | string[]>;
  body?: string;
  /** simulated ms */
  at: number;
}

export interface OriginResponse {
  status: number;
  headers: Headers;
  bodySize?: number;
  body?: string;
  latencyMs?: number;
  /** 'refused' (or status 0) = connection refused; 'reset' = dropped after the request was sent; 'timeout' = no answer */
  error?: 'refused' | 'reset' | 'timeout';
}

export type OriginFetch = (req: OriginRequest) => OriginResponse | Promise<OriginResponse>;

export interface EngineOptions {
  originFetch?: OriginFetch;
  /** wall-clock time of simulated t=0; default Date.UTC(2024, 0, 1) */
  epochMs?: number;
}

export interface Stats {
  requests: number;
  hits: number;
  misses: number;
  refreshHits: number;
  errors: number;
  /** function / CloudFront generated responses (incl. redirects) */
  generated: number;
  originRequests: Record<string, number>;
  functionInvocations: Record<string, number>;
  bytesToViewers: number;
  bytesFromOrigins: number;
  /** origin requests (as counted in originRequests) by the cache behavior the viewer request
   * matched, keyed by its path pattern; the default behavior is '*'. Every behavior is listed. */
  originRequestsByBehavior?: Record<string, number>;
}

/** CloudFront standard-log field names (spec §2.5). */
export interface LogRecord {
  [field: string]: string | number;
}

export interface CostBreakdown {
  /** USD by item; always includes `total` */
  [item: string]: number;
  total: number;
}

export type ResultKind = 'hit' | 'miss' | 'refreshHit' | 'error' | 'generated';

/** One request of a run(), kept as a bounded sample for animation and the log table. */
export interface SampledRequest {
  atMs: number;
  method: string;
  path: string;
  pop: string;
  viewerRegion: string;
  result: ResultKind;
  status: number;
  /** tiers the request touched, in order: 'edge', 'regional', 'shield', 'origin' */
  tiers: string[];
  originId?: string;
  latencyMs: number;
  bytes: number;
  /** what the access log needs of the viewer request (run() fills them; absent in older samples) */
  clientIp?: string;
  /** query string without '?', '' when none */
  query?: string;
  /** the Cookie header as sent, '' when none */
  cookie?: string;
  protocol?: 'http' | 'https';
  userAgent?: string;
}

export interface RunSummary {
  fromMs: number;
  toMs: number;
  requests: number;
  hits: number;
  misses: number;
  refreshHits: number;
  errors: number;
  generated: number;
  bytesToViewers: number;
  bytesFromOrigins: number;
  originRequests: number;
  samples: SampledRequest[];
}

export interface InvalidationStatus {
  status: 'InProgress' | 'Completed';
  paths: string[];
}

export interface Engine {
  /** one request, full trace, logged */
  request(req: ViewerRequest): Promise<ViewerResult>;
  /** move the simulated clock (background work runs) */
  advance(ms: number): void;
  /** simulated ms since t=0 */
  now(): number;
  /** returns an invalidation id; throws on bad paths / limits (error.code = AWS code) */
  invalidate(paths: string[]): string;
  invalidation(id: string): InvalidationStatus;
  /** drive the scenario's own traffic for that long */
  run(durationMs: number): RunSummary;
  /** cumulative counters */
  stats(): Stats;
  /** standard-log records of request() calls, oldest first (bounded) */
  logs(): LogRecord[];
  /** USD so far, by item */
  cost(): CostBreakdown;
}
