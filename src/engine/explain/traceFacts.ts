// Reads the facts "why was this a miss?" needs out of a ViewerResult: its trace steps (stage,
// outcome, detail, data written by src/engine/sim) and its response headers. Trace `data` is
// untyped (Record<string, unknown>) and may have crossed a worker boundary, so every field is
// checked before use.
import type { TraceStep, ViewerResult } from '../types';

export interface PolicyFacts {
  name: string;
  id?: string;
  minTtl: number;
  defaultTtl: number;
  maxTtl: number;
  cachingDisabled: boolean;
}

export interface KeyFacts {
  key: string;
  path: string;
  /** the key's query part, '' when none */
  query: string;
  headers: Array<[string, string]>;
  cookies: Array<[string, string]>;
  acceptEncoding?: string;
  /** false for methods CloudFront never caches (the key is not looked up) */
  cached: boolean;
  method: string;
  policy?: PolicyFacts;
}

export interface ResultFacts {
  /** simulated ms when the request arrived */
  sentAtMs: number;
  /** 'Hit', 'Miss', 'RefreshHit', 'Error', 'Redirect', ... (X-Cache without " from cloudfront") */
  resultType: string;
  status: number;
  /** the edge location that served it */
  pop: string;
  method: string;
  key?: KeyFacts;
  edge?: TraceStep;
  /** REC and Origin Shield steps, in order */
  upper: TraceStep[];
  origin: TraceStep[];
  /** the step that ended the request early with an error (behavior checks, functions) */
  refusal?: TraceStep;
  /** X-Amz-Cf-Id */
  requestId?: string;
  /** Age header in seconds, when the response carried one */
  ageSeconds?: number;
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function pairs(v: unknown): Array<[string, string]> {
  if (!Array.isArray(v)) return [];
  const out: Array<[string, string]> = [];
  for (const p of v as unknown[]) {
    if (Array.isArray(p) && isString(p[0]) && isString(p[1])) out.push([p[0], p[1]]);
  }
  return out;
}

function policyFacts(v: unknown): PolicyFacts | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const p = v as Record<string, unknown>;
  if (!isString(p.name) || !isNumber(p.minTtl) || !isNumber(p.defaultTtl) || !isNumber(p.maxTtl))
    return undefined;
  return {
    name: p.name,
    id: isString(p.id) ? p.id : undefined,
    minTtl: p.minTtl,
    defaultTtl: p.defaultTtl,
    maxTtl: p.maxTtl,
    cachingDisabled: p.cachingDisabled === true,
  };
}

function keyFacts(step: TraceStep, fallbackMethod: string): KeyFacts | undefined {
  const d = step.data;
  if (!d || !isString(d.key)) return undefined;
  const method = isString(d.method) ? d.method : fallbackMethod;
  return {
    key: d.key,
    path: isString(d.path) ? d.path : '',
    query: isString(d.query) ? d.query : '',
    headers: pairs(d.headers),
    cookies: pairs(d.cookies),
    acceptEncoding: isString(d.acceptEncoding) ? d.acceptEncoding : undefined,
    // Older traces without `cached`: the detail says when the method is not cached.
    cached: typeof d.cached === 'boolean' ? d.cached : !/ is not cached/.test(step.detail),
    method,
    policy: policyFacts(d.policy),
  };
}

const REFUSING_STAGES = new Set([
  'behavior',
  'viewer-request-function',
  'origin-request-function',
  'origin-response-function',
  'viewer-response-function',
]);

/** The facts of one result; cheap enough to call for every history entry. */
export function resultFacts(r: ViewerResult): ResultFacts {
  const trace = r.trace;
  const viewer = trace.find((s) => s.stage === 'viewer');
  const method = viewer ? viewer.detail.slice(0, viewer.detail.indexOf(' ')) || 'GET' : 'GET';
  const keyStep = trace.find((s) => s.stage === 'cache-key');
  const edge = trace.find((s) => s.stage === 'edge');
  const xCache = r.headers['x-cache'];
  const response = trace.find((s) => s.stage === 'response');
  const resultType = xCache
    ? xCache.replace(/ from cloudfront$/i, '')
    : (response?.outcome ?? (r.status >= 400 ? 'Error' : 'Miss'));
  const age = r.headers['age'];
  const ageSeconds = age !== undefined && /^\d+$/.test(age.trim()) ? Number(age.trim()) : undefined;
  return {
    sentAtMs: trace[0]?.atMs ?? 0,
    resultType,
    status: r.status,
    pop: edge?.location ?? r.headers['x-amz-cf-pop'] ?? viewer?.location ?? '',
    method,
    key: keyStep ? keyFacts(keyStep, method) : undefined,
    edge,
    upper: trace.filter((s) => s.stage === 'regional' || s.stage === 'shield'),
    origin: trace.filter((s) => s.stage === 'origin'),
    refusal: trace.find((s) => REFUSING_STAGES.has(s.stage) && s.outcome === 'error'),
    requestId: r.headers['x-amz-cf-id'],
    ageSeconds,
  };
}
