// The UI's "Test function" panel: run one function on an event the user typed, exactly as
// the console's test does, and report what came out, the logs, any error (with the same
// validation as a real invocation) and the compute utilization. The raw event is turned into
// the engine's request/response and back through the real invocation path, so what the
// panel shows is what a simulation would do with the same request.

import { ScenarioError } from '../errors';
import type { EdgeRequest, EdgeResponse, HeaderMap } from '../http/model';
import type { EdgeFunction, LambdaEventType, Origin } from '../scenario';
import { base64Decode, utf8DecodeStrict } from './bytes';
import { CLOUDFRONT_FUNCTION_LIMITS, formatBytes, LAMBDA_EDGE_LIMITS } from './limits';
import { originFromEvent } from './lambdaOrigin';
import { loadQuickJS, type QuickJSHost } from './quickjsHost';
import { EdgeFunctionRuntime } from './runtime';
import type { FunctionContext, FunctionOutcome } from './types';

export interface TestFunctionResult {
  /** what the function produced: the request or response object, null on error */
  output: unknown;
  logs: string[];
  /** a user-facing explanation when the function failed or its result is invalid */
  error?: string;
  /** HTTP status CloudFront would return for the error (502 / 503) */
  errorStatus?: number;
  /** CloudFront Functions: 0-100; Lambda@Edge: 0 (see durationMs) */
  computeUtilization: number;
  durationMs: number;
  /** when a generated or replaced response broke a size limit: the limits per trigger, in words */
  sizeLimits?: string;
  /** KeyValueStore reads the run made (each is billed in CloudFront); absent = none */
  kvsReads?: number;
}

const kb = (n: number) => formatBytes(n);
const VIEWER = LAMBDA_EDGE_LIMITS.viewer.maxResponseBytes;
const ORIGIN = LAMBDA_EDGE_LIMITS.origin.maxResponseBytes;
/** Spec §9.3: generated response (headers + body) and replacement body, per trigger side. */
const LAMBDA_SIZE_LIMITS = `Lambda@Edge limits per trigger: viewer-request and viewer-response may generate ${kb(VIEWER)} (headers + body; a replacement body: text ${kb(VIEWER)}, base64 ${kb(LAMBDA_EDGE_LIMITS.viewer.maxBase64BodyBytes)}); origin-request and origin-response ${kb(ORIGIN)} (text ${kb(ORIGIN)}, base64 ${kb(LAMBDA_EDGE_LIMITS.origin.maxBase64BodyBytes)}).`;
const CFF_SIZE_LIMITS = `CloudFront Functions: EdgeLab allows ${kb(CLOUDFRONT_FUNCTION_LIMITS.maxBodyBytes)} for a body a function writes (AWS publishes no number; this is Lambda@Edge's viewer-trigger limit).`;

/** The per-trigger size limits to show beside a result that broke one (502 from a size check). */
function sizeLimitsFor(fn: EdgeFunction, outcome: FunctionOutcome): string | undefined {
  if (outcome.kind !== 'error' || outcome.status !== 502) return undefined;
  if (fn.kind === 'lambda-edge')
    return /functions may produce at most/.test(outcome.message) ? LAMBDA_SIZE_LIMITS : undefined;
  return /EdgeLab allows at most .* for a body/.test(outcome.message) ? CFF_SIZE_LIMITS : undefined;
}

export type TestFunctionContext = Partial<FunctionContext> & { seed?: number; wasmLocation?: string };

const hosts = new Map<string, Promise<QuickJSHost>>();
function sharedHost(wasmLocation?: string): Promise<QuickJSHost> {
  const key = wasmLocation ?? '';
  let h = hosts.get(key);
  if (!h) {
    h = loadQuickJS(wasmLocation);
    hosts.set(key, h);
  }
  return h;
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : {});
const str = (v: unknown, d: string): string =>
  typeof v === 'string' ? v : typeof v === 'number' ? String(v) : d;

/** CloudFront Functions map entries -> values, multiValue first. */
function cfValues(e: unknown): string[] {
  const o = obj(e);
  if (Array.isArray(o.multiValue) && o.multiValue.length)
    return o.multiValue.map((x) => str(obj(x).value, ''));
  return [str(o.value, '')];
}

function cfToEdge(ev: Obj): { request: EdgeRequest; response?: EdgeResponse } {
  const r = obj(ev.request);
  const headers: HeaderMap = {};
  for (const [k, v] of Object.entries(obj(r.headers))) headers[k.toLowerCase()] = cfValues(v);
  const cookies = Object.entries(obj(r.cookies)).flatMap(([k, v]) => cfValues(v).map((x) => `${k}=${x}`));
  if (cookies.length) headers['cookie'] = [cookies.join('; ')];
  const qs = Object.entries(obj(r.querystring)).flatMap(([k, v]) => cfValues(v).map((x) => `${k}=${x}`));
  const request: EdgeRequest = {
    method: str(r.method, 'GET'),
    uri: str(r.uri, '/'),
    querystring: qs.join('&'),
    headers,
    clientIp: str(obj(ev.viewer).ip, '198.51.100.10'),
  };
  if (ev.response === undefined) return { request };
  const s = obj(ev.response);
  const resHeaders: HeaderMap = {};
  for (const [k, v] of Object.entries(obj(s.headers))) resHeaders[k.toLowerCase()] = cfValues(v);
  const setCookie: string[] = [];
  for (const [k, v] of Object.entries(obj(s.cookies))) {
    const o = obj(v);
    const items = Array.isArray(o.multiValue) && o.multiValue.length ? o.multiValue.map(obj) : [o];
    for (const it of items)
      setCookie.push(`${k}=${str(it.value, '')}${it.attributes ? `; ${str(it.attributes, '')}` : ''}`);
  }
  if (setCookie.length) resHeaders['set-cookie'] = setCookie;
  const status = Number(s.statusCode ?? 200);
  return {
    request,
    response: {
      status,
      statusDescription: typeof s.statusDescription === 'string' ? s.statusDescription : undefined,
      headers: resHeaders,
      bodySize: 0,
    },
  };
}

function lambdaHeaders(v: unknown): HeaderMap {
  const h: HeaderMap = {};
  for (const [k, list] of Object.entries(obj(v)))
    h[k.toLowerCase()] = Array.isArray(list) ? list.map((x) => str(obj(x).value, '')) : [];
  return h;
}

const PLACEHOLDER_ORIGIN: Origin = { id: 'origin', domainName: 'example.com' };

function lambdaToEdge(ev: Obj): {
  request: EdgeRequest;
  response?: EdgeResponse;
  origin?: Origin;
  includeBody: boolean;
} {
  const records = Array.isArray(ev.Records) ? ev.Records : [];
  const cf = obj(obj(records[0]).cf);
  const r = obj(cf.request);
  const request: EdgeRequest = {
    method: str(r.method, 'GET'),
    uri: str(r.uri, '/'),
    querystring: str(r.querystring, ''),
    headers: lambdaHeaders(r.headers),
    clientIp: str(r.clientIp, '198.51.100.10'),
  };
  const body = obj(r.body);
  const includeBody = r.body !== undefined;
  if (typeof body.data === 'string') {
    const bytes = body.encoding === 'text' ? undefined : base64Decode(body.data);
    request.body = body.encoding === 'text' ? body.data : bytes ? (utf8DecodeStrict(bytes) ?? '') : '';
  }
  let origin: Origin | undefined;
  if (r.origin !== undefined) {
    const o = originFromEvent(r.origin, PLACEHOLDER_ORIGIN);
    if (typeof o === 'string')
      throw new ScenarioError(
        `The test event's origin is invalid: ${o}`,
        'event.Records[0].cf.request.origin',
      );
    origin = { ...o, id: 'origin' };
  }
  if (cf.response === undefined) return { request, origin, includeBody };
  const s = obj(cf.response);
  const response: EdgeResponse = {
    status: Number(s.status ?? 200),
    statusDescription: typeof s.statusDescription === 'string' ? s.statusDescription : undefined,
    headers: lambdaHeaders(s.headers),
    bodySize: 0,
  };
  return { request, response, origin, includeBody };
}

function fail(message: string, status?: number): TestFunctionResult {
  return {
    output: null,
    logs: [],
    error: message,
    errorStatus: status,
    computeUtilization: 0,
    durationMs: 0,
  };
}

export async function testFunction(
  fn: EdgeFunction,
  eventType: string,
  eventJson: unknown,
  ctx: TestFunctionContext = {},
): Promise<TestFunctionResult> {
  let event: Obj;
  try {
    event = obj(typeof eventJson === 'string' ? JSON.parse(eventJson) : eventJson);
  } catch (e) {
    return fail(`The test event is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  const runtime = new EdgeFunctionRuntime(await sharedHost(ctx.wasmLocation), {
    seed: ctx.seed,
    cacheResults: false,
    fastPath: false, // the panel runs the reference runtime (the fast path gives the same answers)
  });
  try {
    runtime.prepare([fn]);
  } catch (e) {
    runtime.dispose();
    return fail(e instanceof Error ? e.message : String(e));
  }
  const config = obj(obj(obj((Array.isArray(event.Records) ? event.Records : [])[0]).cf).config);
  const context = obj(event.context);
  const full: FunctionContext = {
    distributionDomainName:
      ctx.distributionDomainName ??
      str(context.distributionDomainName ?? config.distributionDomainName, 'd111111abcdef8.cloudfront.net'),
    distributionId:
      ctx.distributionId ?? str(context.distributionId ?? config.distributionId, 'EDFDVBD6EXAMPLE'),
    requestId:
      ctx.requestId ??
      str(
        context.requestId ?? config.requestId,
        'EDGELABTESTntjQpEXAMPLE_SG5Z-EXAMPLEPmPfEXAMPLEu3EqEXAMPLE==',
      ),
    wallClockMs: ctx.wallClockMs ?? Date.UTC(2024, 0, 1),
    location: ctx.location ?? 'IAD89-C1',
  };
  try {
    let outcome: FunctionOutcome;
    if (fn.kind === 'cloudfront-function') {
      if (eventType !== 'viewer-request' && eventType !== 'viewer-response')
        return fail(`CloudFront Functions run on viewer-request or viewer-response, not ${eventType}`);
      const { request, response } = cfToEdge(event);
      if (eventType === 'viewer-response' && !response)
        return fail('A viewer-response test event needs a response object (statusCode, headers)');
      outcome =
        eventType === 'viewer-request'
          ? runtime.cloudFrontViewerRequest(fn.name, request, full)
          : runtime.cloudFrontViewerResponse(fn.name, request, response as EdgeResponse, full);
    } else {
      const types: LambdaEventType[] = [
        'viewer-request',
        'origin-request',
        'origin-response',
        'viewer-response',
      ];
      if (!types.includes(eventType as LambdaEventType))
        return fail(`Lambda@Edge triggers are ${types.join(', ')}, not ${eventType}`);
      const t = eventType as LambdaEventType;
      const { request, response, origin, includeBody } = lambdaToEdge(event);
      if ((t === 'origin-response' || t === 'viewer-response') && !response)
        return fail(`A ${t} test event needs Records[0].cf.response`);
      outcome = runtime.lambda(
        fn.name,
        t,
        request,
        response,
        origin ?? (t.startsWith('origin') ? PLACEHOLDER_ORIGIN : undefined),
        full,
        includeBody,
      );
    }
    const info = outcome.info;
    return {
      output: outcome.kind === 'error' ? null : info.output,
      logs: info.logs,
      ...(outcome.kind === 'error' ? { error: outcome.message, errorStatus: outcome.status } : {}),
      computeUtilization: info.computeUtilization ?? 0,
      durationMs: info.durationMs,
      ...(info.kvsReads ? { kvsReads: info.kvsReads } : {}),
      ...(sizeLimitsFor(fn, outcome) ? { sizeLimits: sizeLimitsFor(fn, outcome) } : {}),
    };
  } catch (e) {
    return fail(e instanceof Error ? e.message : String(e));
  } finally {
    runtime.dispose();
  }
}
