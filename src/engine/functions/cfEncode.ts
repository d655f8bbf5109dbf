// CloudFront Functions, host -> sandbox: turns the pipeline's EdgeRequest / EdgeResponse into
// the flat event the bridge builds (§8.2 shape), and remembers what the function was shown
// (the "snapshot") so the reply can be applied with the multiValue rules.

import type { EdgeRequest, EdgeResponse, HeaderMap } from '../http/model';
import type { FunctionEventType } from '../scenario';
import type { FunctionContext } from './types';
import { isDisallowedHeader } from './limits';
import {
  ITEM_SEP,
  parseCookiePairs,
  parseQueryPairs,
  parseSetCookies,
  reasonPhrase,
  SEP,
  wireSafe,
} from './wire';

export interface CfSnapshot {
  eventType: FunctionEventType;
  request: EdgeRequest;
  response?: EdgeResponse;
  /** flat [name, value, ...] as shown to the function */
  qs: string[];
  cookies: string[];
  /** visible request headers (no cookie, no disallowed ones) */
  headers: Map<string, string[]>;
  /** the same as flat [name, value, ...], in the order the function sees them */
  headerItems: string[];
  /** headers the function never sees; they travel on unchanged */
  hiddenHeaders: HeaderMap;
  resHeaders?: Map<string, string[]>;
  resHidden?: HeaderMap;
  /** visible response headers as flat [name, value, ...] (viewer-response) */
  resItems?: string[];
  /** flat [name, value, attributes, ...] of Set-Cookie */
  setCookies?: string[];
  /** the wire input without request id, ip and clock: the key of the result cache */
  stableKey: string;
}

function splitHeaders(
  headers: HeaderMap,
  cookieName: string,
  out: string[],
  visible: Map<string, string[]>,
  hidden: HeaderMap,
): void {
  for (const name in headers) {
    if (name === cookieName) continue;
    const values = headers[name];
    if (isDisallowedHeader(name)) {
      hidden[name] = values;
      continue;
    }
    visible.set(name, values);
    for (const v of values) out.push(name, v);
  }
}

/** One map as one wire field: items joined by U+001E (see buildCffEvent in preludeBridge.ts). */
function segment(items: string[]): string {
  for (const item of items) {
    if (item.indexOf(SEP) >= 0 || item.indexOf(ITEM_SEP) >= 0) return items.map(wireSafe).join(ITEM_SEP);
  }
  return items.join(ITEM_SEP);
}

/**
 * What the function is shown, as flat name/value lists (the fast path builds its event from
 * these directly) and as the maps the reply is decoded against.
 */
export function cffSnapshot(
  eventType: FunctionEventType,
  request: EdgeRequest,
  response: EdgeResponse | undefined,
): CfSnapshot {
  const qs: string[] = [];
  const cookies: string[] = [];
  const headerItems: string[] = [];
  const headers = new Map<string, string[]>();
  const hiddenHeaders: HeaderMap = {};
  parseQueryPairs(request.querystring, qs);
  splitHeaders(request.headers, 'cookie', headerItems, headers, hiddenHeaders);
  parseCookiePairs(request.headers['cookie'], cookies);
  const snap: CfSnapshot = {
    eventType,
    request,
    response,
    qs,
    cookies,
    headers,
    headerItems,
    hiddenHeaders,
    stableKey: '',
  };
  if (eventType === 'viewer-response' && response) {
    const resHeaders = new Map<string, string[]>();
    const resHidden: HeaderMap = {};
    const resItems: string[] = [];
    const setCookies: string[] = [];
    splitHeaders(response.headers, 'set-cookie', resItems, resHeaders, resHidden);
    parseSetCookies(response.headers['set-cookie'], setCookies);
    snap.resHeaders = resHeaders;
    snap.resHidden = resHidden;
    snap.resItems = resItems;
    snap.setCookies = setCookies;
  }
  return snap;
}

/**
 * The wire input's fields (layout in preludeBridge.ts buildCffEvent); with the result-cache
 * key set on the snapshot when asked for (it is long to build).
 */
export function cffWireFields(
  snap: CfSnapshot,
  ctx: FunctionContext,
  seed: number,
  withCacheKey: boolean,
): string[] {
  const { request, response } = snap;
  // fields 1-6 vary per request or per distribution; the cache key is everything else
  const fields = [
    snap.eventType,
    wireSafe(ctx.requestId),
    wireSafe(request.clientIp),
    String(ctx.wallClockMs),
    String(seed >>> 0),
    wireSafe(ctx.distributionDomainName),
    wireSafe(ctx.distributionId),
    wireSafe(request.method),
    wireSafe(request.uri),
    segment(snap.qs),
    segment(snap.headerItems),
    segment(snap.cookies),
  ];
  if (snap.resItems && response) {
    fields.push(
      String(response.status),
      wireSafe(response.statusDescription ?? reasonPhrase(response.status)),
      segment(snap.resItems),
      segment(snap.setCookies ?? []),
    );
  }
  if (!withCacheKey) return fields;
  const stable = fields[0] + SEP + fields.slice(7).join(SEP);
  // the result cache key: what the function sees, plus what passes through it verbatim
  // (raw query and cookie text, hidden headers), since a reused result carries those too
  snap.stableKey = `${stable}\n${ctx.distributionDomainName}\n${ctx.distributionId}\n${request.querystring}\n${request.headers['cookie']?.join('\n') ?? ''}\n${hiddenKey(snap.hiddenHeaders)}${
    response
      ? `\n${response.headers['set-cookie']?.join('\n') ?? ''}\n${hiddenKey(snap.resHidden ?? {})}`
      : ''
  }`;
  return fields;
}

function hiddenKey(h: HeaderMap): string {
  let s = '';
  for (const k in h) s += `${k}:${h[k].join('\n')}\n`;
  return s;
}

type CfValue = { value: string; multiValue?: Array<{ value: string; attributes?: string }> };

function toObject(flat: string[], step: 2 | 3): Record<string, CfValue & { attributes?: string }> {
  const o: Record<string, CfValue & { attributes?: string }> = {};
  for (let i = 0; i < flat.length; i += step) {
    const name = flat[i];
    const item: { value: string; attributes?: string } = { value: flat[i + 1] };
    if (step === 3 && flat[i + 2]) item.attributes = flat[i + 2];
    const e = Object.prototype.hasOwnProperty.call(o, name) ? o[name] : undefined;
    if (!e)
      Object.defineProperty(o, name, {
        value: { ...item },
        enumerable: true,
        writable: true,
        configurable: true,
      });
    else {
      if (!e.multiValue)
        e.multiValue = [
          step === 3 && e.attributes ? { value: e.value, attributes: e.attributes } : { value: e.value },
        ];
      e.multiValue?.push(item);
    }
  }
  return o;
}

function headersObject(headers: Map<string, string[]>): Record<string, CfValue> {
  const flat: string[] = [];
  for (const [name, values] of headers) for (const v of values) flat.push(name, v);
  return toObject(flat, 2);
}

/** The event exactly as the function saw it (for the inspector and saved test events). */
export function cfEventObject(snap: CfSnapshot, ctx: FunctionContext): unknown {
  const r = snap.request;
  const event: Record<string, unknown> = {
    version: '1.0',
    context: {
      distributionDomainName: ctx.distributionDomainName,
      distributionId: ctx.distributionId,
      eventType: snap.eventType,
      requestId: ctx.requestId,
    },
    viewer: { ip: r.clientIp },
    request: {
      method: r.method,
      uri: r.uri,
      querystring: toObject(snap.qs, 2),
      headers: headersObject(snap.headers),
      cookies: toObject(snap.cookies, 2),
    },
  };
  if (snap.response && snap.resHeaders) {
    event.response = {
      statusCode: snap.response.status,
      statusDescription: snap.response.statusDescription ?? reasonPhrase(snap.response.status),
      headers: headersObject(snap.resHeaders),
      cookies: toObject(snap.setCookies ?? [], 3),
    };
  }
  return event;
}

/** Event-shaped view of a request / response the function produced (inspector output). */
export function cfRequestObject(r: EdgeRequest): unknown {
  const qs: string[] = [];
  parseQueryPairs(r.querystring, qs);
  const cookies: string[] = [];
  parseCookiePairs(r.headers['cookie'], cookies);
  const headers = new Map<string, string[]>();
  for (const name in r.headers)
    if (name !== 'cookie' && !isDisallowedHeader(name)) headers.set(name, r.headers[name]);
  return {
    method: r.method,
    uri: r.uri,
    querystring: toObject(qs, 2),
    headers: headersObject(headers),
    cookies: toObject(cookies, 2),
  };
}

export function cfResponseObject(r: EdgeResponse, bodyReplaced: boolean): unknown {
  const setCookies: string[] = [];
  parseSetCookies(r.headers['set-cookie'], setCookies);
  const headers = new Map<string, string[]>();
  for (const name in r.headers)
    if (name !== 'set-cookie' && !isDisallowedHeader(name)) headers.set(name, r.headers[name]);
  const o: Record<string, unknown> = {
    statusCode: r.status,
    statusDescription: r.statusDescription ?? reasonPhrase(r.status),
    headers: headersObject(headers),
    cookies: toObject(setCookies, 3),
  };
  if (bodyReplaced) o.body = r.body ?? '';
  return o;
}
