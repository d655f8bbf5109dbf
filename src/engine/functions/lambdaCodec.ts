// Lambda@Edge: the Records[0].cf event of lambda-event-structure.html built from the
// pipeline's request / response / origin, and the function's answer mapped back, with the
// validation CloudFront applies (502 on a malformed answer, a disallowed or read-only
// header, a status outside 200-599, an oversized generated response).

import type { EdgeRequest, EdgeResponse, HeaderMap } from '../http/model';
import type { LambdaEventType, Origin } from '../scenario';
import type { FunctionContext } from './types';
import { base64Decode, base64Encode, utf8DecodeStrict, utf8Encode, utf8Length } from './bytes';
import { CLOUDFRONT_FUNCTION_LIMITS, isDisallowedHeader, LAMBDA_EDGE_LIMITS, lambdaSide } from './limits';
import { checkHeaders, checkQueryString, reasonPhrase, sameList, SEP, titleCase, wireSafe } from './wire';
import { eventOrigin, originFromEvent } from './lambdaOrigin';
import type { Decoded } from './cfDecode';

type LambdaHeaders = Record<string, Array<{ key: string; value: string }>>;

export interface LambdaSnapshot {
  eventType: LambdaEventType;
  request: EdgeRequest;
  response?: EdgeResponse;
  origin?: Origin;
  originJson?: string;
  headers: Map<string, string[]>;
  hidden: HeaderMap;
  resHeaders?: Map<string, string[]>;
  resHidden?: HeaderMap;
  /** the event without request id and client ip: the key of the result cache */
  stableKey: string;
}

function split(headers: HeaderMap, visible: Map<string, string[]>, hidden: HeaderMap): LambdaHeaders {
  const out: LambdaHeaders = {};
  for (const name in headers) {
    if (isDisallowedHeader(name)) {
      hidden[name] = headers[name];
      continue;
    }
    visible.set(name, headers[name]);
    const key = titleCase(name);
    out[name] = headers[name].map((value) => ({ key, value }));
  }
  return out;
}

export function encodeLambdaEvent(
  eventType: LambdaEventType,
  request: EdgeRequest,
  response: EdgeResponse | undefined,
  origin: Origin | undefined,
  ctx: FunctionContext,
  includeBody: boolean,
  seed: number,
  functionName: string,
): { json: string; meta: string; snap: LambdaSnapshot } {
  const side = LAMBDA_EDGE_LIMITS[lambdaSide(eventType)];
  const headers = new Map<string, string[]>();
  const hidden: HeaderMap = {};
  const req: Record<string, unknown> = {
    clientIp: '',
    headers: split(request.headers, headers, hidden),
    method: request.method,
    querystring: request.querystring,
    uri: request.uri,
  };
  if (includeBody && (eventType === 'viewer-request' || eventType === 'origin-request')) {
    const bytes = utf8Encode(request.body ?? '');
    const cut = bytes.length > side.bodyExposedBytes;
    req.body = {
      inputTruncated: cut,
      action: 'read-only',
      encoding: 'base64',
      data: base64Encode(cut ? bytes.subarray(0, side.bodyExposedBytes) : bytes),
    };
  }
  const snap: LambdaSnapshot = { eventType, request, response, origin, headers, hidden, stableKey: '' };
  if (origin && (eventType === 'origin-request' || eventType === 'origin-response')) {
    req.origin = eventOrigin(origin);
    snap.originJson = JSON.stringify(req.origin);
  }
  const cf: Record<string, unknown> = {
    config: {
      distributionDomainName: ctx.distributionDomainName,
      distributionId: ctx.distributionId,
      eventType,
      requestId: '',
    },
    request: req,
  };
  if (response && (eventType === 'origin-response' || eventType === 'viewer-response')) {
    const resHeaders = new Map<string, string[]>();
    const resHidden: HeaderMap = {};
    cf.response = {
      status: String(response.status),
      statusDescription: response.statusDescription ?? reasonPhrase(response.status),
      headers: split(response.headers, resHeaders, resHidden),
    };
    snap.resHeaders = resHeaders;
    snap.resHidden = resHidden;
  }
  const json = JSON.stringify({ Records: [{ cf }] });
  snap.stableKey = json;
  const budgetMs = side.timeoutMs;
  const meta = [
    String(ctx.wallClockMs),
    String(seed >>> 0),
    ctx.requestId,
    request.clientIp,
    functionName,
    String(budgetMs),
  ]
    .map(wireSafe)
    .join(SEP);
  return { json, meta, snap };
}

/** The event as the function saw it, for the inspector. */
export function lambdaEventObject(json: string, ctx: FunctionContext, clientIp: string): unknown {
  const ev = JSON.parse(json) as {
    Records: Array<{ cf: { config: { requestId: string }; request: { clientIp: string } } }>;
  };
  ev.Records[0].cf.config.requestId = ctx.requestId;
  ev.Records[0].cf.request.clientIp = clientIp;
  return ev;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function readHeaders(v: unknown, what: string): Map<string, string[]> | string {
  if (!isObject(v)) return `${what}.headers must be an object of arrays of { key, value }`;
  const m = new Map<string, string[]>();
  for (const name of Object.keys(v)) {
    const list = v[name];
    if (!Array.isArray(list)) return `${what}.headers['${name}'] must be an array of { key, value }`;
    const values: string[] = [];
    for (const x of list) {
      if (!isObject(x) || typeof x.value !== 'string')
        return `${what}.headers['${name}'] has an entry without a string value`;
      if (x.key !== undefined && (typeof x.key !== 'string' || x.key.toLowerCase() !== name)) {
        return `${what}.headers['${name}'] has key ${JSON.stringify(x.key)}; the key must be the header name in any case (the map key is its lower-case form)`;
      }
      values.push(x.value);
    }
    m.set(name, values);
  }
  return m;
}

function toHeaderMap(visible: Map<string, string[]>, hidden: HeaderMap): HeaderMap {
  const h: HeaderMap = {};
  for (const [k, v] of visible) h[k] = v;
  for (const k in hidden) h[k] = hidden[k];
  return h;
}

function decodeBody(body: unknown, encoding: unknown): { text?: string; bytes: number } | string {
  if (typeof body !== 'string') return 'body must be a string';
  const enc = encoding === undefined ? 'text' : encoding;
  if (enc === 'text') return { text: body, bytes: utf8Length(body) };
  if (enc !== 'base64') return `bodyEncoding must be 'text' or 'base64' (got ${JSON.stringify(enc)})`;
  const bytes = base64Decode(body);
  if (!bytes) return 'body is not valid base64';
  return { text: utf8DecodeStrict(bytes), bytes: bytes.length };
}

function headerBytes(h: HeaderMap): number {
  let n = 0;
  for (const k in h) for (const v of h[k]) n += k.length + v.length + 4;
  return n;
}

export type LambdaDecoded =
  | { kind: 'request'; request: EdgeRequest; origin?: Origin }
  | { kind: 'generated'; response: EdgeResponse }
  | { kind: 'response'; response: EdgeResponse };

export function decodeLambdaResult(result: unknown, snap: LambdaSnapshot): Decoded<LambdaDecoded> {
  const bad = (message: string) => ({ ok: false as const, message });
  const t = snap.eventType;
  const side = LAMBDA_EDGE_LIMITS[lambdaSide(t)];
  if (!isObject(result))
    return bad(
      `the function returned ${result === null ? 'nothing (null)' : typeof result}; it must return ${t.endsWith('request') ? 'the request or a response object' : 'the response object'}`,
    );
  const isRequestTrigger = t === 'viewer-request' || t === 'origin-request';

  if (isRequestTrigger && !('status' in result)) {
    const orig = snap.request;
    if (result.method !== undefined && result.method !== orig.method)
      return bad(`request.method is read-only (it was ${orig.method})`);
    const uri = result.uri === undefined ? orig.uri : result.uri;
    if (typeof uri !== 'string' || !uri.startsWith('/'))
      return bad(`request.uri must be a string starting with '/' (got ${JSON.stringify(uri)})`);
    const qs = result.querystring === undefined ? orig.querystring : result.querystring;
    if (typeof qs !== 'string')
      return bad('request.querystring must be a string in Lambda@Edge events (e.g. "a=1&b=2")');
    if (qs !== orig.querystring || uri !== orig.uri) {
      const qsError = checkQueryString(
        qs === orig.querystring ? '' : qs,
        uri,
        CLOUDFRONT_FUNCTION_LIMITS.maxUriLength,
      );
      if (qsError) return bad(qsError);
    }
    const visible = result.headers === undefined ? snap.headers : readHeaders(result.headers, 'request');
    if (typeof visible === 'string') return bad(visible);
    const headerError = checkHeaders(t, snap.headers, visible, 'request');
    if (headerError) return bad(headerError);
    if (
      t === 'viewer-request' &&
      !snap.headers.has('cloudfront-viewer-country') &&
      visible.has('cloudfront-viewer-country')
    ) {
      return bad(
        'a viewer-request function may not add CloudFront-Viewer-Country (CloudFront adds it after this event)',
      );
    }
    const request: EdgeRequest = {
      method: orig.method,
      uri,
      querystring: qs,
      headers: toHeaderMap(visible, snap.hidden),
      clientIp: orig.clientIp,
    };
    if (orig.body !== undefined) request.body = orig.body;
    if (isObject(result.body) && result.body.action === 'replace') {
      const b = decodeBody(result.body.data, result.body.encoding);
      if (typeof b === 'string') return bad(`request.${b}`);
      request.body = (b.text ?? '').slice(0, side.bodyExposedBytes);
    }
    let origin: Origin | undefined;
    if (
      t === 'origin-request' &&
      snap.origin &&
      result.origin !== undefined &&
      JSON.stringify(result.origin) !== snap.originJson
    ) {
      const o = originFromEvent(result.origin, snap.origin);
      if (typeof o === 'string') return bad(o);
      origin = o;
    }
    return { ok: true, value: origin ? { kind: 'request', request, origin } : { kind: 'request', request } };
  }

  // a response: generated by a request trigger, or the (changed) response of a response trigger
  const original = isRequestTrigger ? undefined : snap.response;
  if (
    !isRequestTrigger &&
    !('status' in result) &&
    ('uri' in result || 'method' in result || 'clientIp' in result)
  ) {
    return bad(`an ${t} function must return the response object; it returned a request`);
  }
  let status = original?.status ?? 200;
  if (result.status !== undefined || isRequestTrigger) {
    const s = Number(result.status);
    if (
      (typeof result.status !== 'string' && typeof result.status !== 'number') ||
      !Number.isInteger(s) ||
      s < 200 ||
      s > 599
    ) {
      return bad(
        `status must be a string holding a code from 200 to 599 (got ${JSON.stringify(result.status)})`,
      );
    }
    // viewer-response functions cannot change the status (lambda-at-edge restrictions)
    if (t !== 'viewer-response') status = s;
  }
  const before = snap.resHeaders ?? new Map<string, string[]>();
  const visible = result.headers === undefined ? before : readHeaders(result.headers, 'response');
  if (typeof visible === 'string') return bad(visible);
  const headerError = checkHeaders(original ? t : undefined, before, visible, 'response');
  if (headerError) return bad(headerError);
  const headers = toHeaderMap(visible, snap.resHidden ?? {});
  let body = original?.body;
  let bodySize = original?.bodySize ?? 0;
  let replaced = false;
  if (result.body !== undefined) {
    const b = decodeBody(result.body, result.bodyEncoding);
    if (typeof b === 'string') return bad(`response.${b}`);
    body = b.text;
    bodySize = b.bytes;
    replaced = true;
  }
  if (
    (isRequestTrigger || replaced || !sameHeaders(before, visible)) &&
    headerBytes(headers) + (replaced || isRequestTrigger ? bodySize : 0) > side.maxResponseBytes
  ) {
    return bad(
      `the response the function produced is ${Math.round((headerBytes(headers) + bodySize) / 1024)} KB; ${t} functions may produce at most ${side.maxResponseBytes / 1024} KB (headers and body)`,
    );
  }
  const desc =
    typeof result.statusDescription === 'string'
      ? result.statusDescription
      : status === original?.status
        ? (original.statusDescription ?? reasonPhrase(status))
        : reasonPhrase(status);
  const response: EdgeResponse = { status, statusDescription: desc, headers, bodySize };
  if (body !== undefined) response.body = body;
  return {
    ok: true,
    value: isRequestTrigger ? { kind: 'generated', response } : { kind: 'response', response },
  };
}

function sameHeaders(a: Map<string, string[]>, b: Map<string, string[]>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (!sameList(v, b.get(k))) return false;
  return true;
}
