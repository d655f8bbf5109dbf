// CloudFront Functions, sandbox -> host: applies what the handler returned to the request or
// response, with the documented rules (functions-event-structure.html):
// - multiValue, when present and changed, wins; otherwise a changed `value` replaces the
//   first occurrence and later ones stay;
// - cookies travel as Cookie / Set-Cookie; header names must be lower-case;
// - validation failures (disallowed or read-only headers, a uri not starting with '/',
//   a bad status, invalid base64, an oversized body) are 502s.

import type { EdgeRequest, EdgeResponse, HeaderMap } from '../http/model';
import { base64Decode, utf8DecodeStrict, utf8Length } from './bytes';
import type { CfSnapshot } from './cfEncode';
import { CLOUDFRONT_FUNCTION_LIMITS } from './limits';
import { buildQuery, checkHeaders, checkQueryString, reasonPhrase, sameList, unescapeBody } from './wire';

export type Decoded<T> = { ok: true; value: T } | { ok: false; message: string };
const bad = (message: string): { ok: false; message: string } => ({ ok: false, message });

interface Item {
  value: string;
  attrs: string;
  valid: boolean;
}
interface Entry {
  name: string;
  item: Item;
  /** null: no multiValue array */
  mv: Item[] | null;
  /** the function left the original entry as it was */
  unchanged?: boolean;
}
type MapResult = { kind: 'unchanged' } | { kind: 'invalid' } | { kind: 'map'; entries: Entry[] };

/** 's'+text or 'n'+number/boolean are usable values; 'u' (missing) and 'x' are not. */
function item(value: string, attrs: string | undefined): Item {
  const t = value.charAt(0);
  const a = attrs !== undefined && (attrs.charAt(0) === 's' || attrs.charAt(0) === 'n') ? attrs.slice(1) : '';
  return { value: value.slice(1), attrs: a, valid: t === 's' || t === 'n' };
}

class Reader {
  i = 0;
  constructor(readonly p: string[]) {}
  next(): string {
    return this.p[this.i++] ?? 'u';
  }
  map(withAttrs: boolean): MapResult {
    const head = this.next();
    if (head === '-') return { kind: 'unchanged' };
    if (head === '!') return { kind: 'invalid' };
    const n = Number(head);
    const entries: Entry[] = [];
    for (let k = 0; k < n; k++) {
      const name = this.next();
      if (name.charCodeAt(0) === 0x1e) {
        entries.push({ name: name.slice(1), item: NO_ITEM, mv: null, unchanged: true });
        continue;
      }
      const value = this.next();
      const attrs = withAttrs ? this.next() : undefined;
      const count = this.next();
      let mv: Item[] | null = null;
      if (count !== '!' && Number(count) > 0) {
        mv = [];
        for (let j = 0; j < Number(count); j++) {
          const v = this.next();
          mv.push(item(v, withAttrs ? this.next() : undefined));
        }
      }
      entries.push({ name, item: item(value, attrs), mv });
    }
    return { kind: 'map', entries };
  }
}

const NO_ITEM: Item = { value: '', attrs: '', valid: false };

/** Groups a flat list by name, in the key order a JS object gives (integer-like names first),
 * which is the order the function saw. */
function flatToMap(flat: string[], step: 2 | 3): Map<string, Item[]> {
  const o: Record<string, Item[]> = Object.create(null) as Record<string, Item[]>;
  for (let i = 0; i < flat.length; i += step)
    (o[flat[i]] ??= []).push({ value: flat[i + 1], attrs: step === 3 ? flat[i + 2] : '', valid: true });
  const m = new Map<string, Item[]>();
  for (const k of Object.keys(o)) m.set(k, o[k]);
  return m;
}

const sameItems = (a: Item[], b: Item[]) =>
  a.length === b.length && a.every((x, i) => x.value === b[i].value && x.attrs === b[i].attrs);

/** The multiValue rules; returns the resulting items or an error message. */
function resolve(entry: Entry, original: Item[] | undefined, what: string): Item[] | string {
  if (entry.unchanged) return original ?? `${what} '${entry.name}' could not be matched`;
  const mv = entry.mv;
  if (mv && mv.length > 0 && (!original || !sameItems(mv, original))) {
    const badItem = mv.find((x) => !x.valid);
    return badItem ? `${what} '${entry.name}' has a multiValue entry without a string value` : mv;
  }
  if (original) {
    const first = original[0];
    if (!entry.item.valid) return mv ? original : `${what} '${entry.name}' has no string value`;
    if (entry.item.value !== first.value || entry.item.attrs !== first.attrs)
      return [entry.item, ...original.slice(1)];
    return original;
  }
  return entry.item.valid ? [entry.item] : `${what} '${entry.name}' has no string value`;
}

/** Resolves a whole map against what the function was shown. */
function resolveMap(
  result: MapResult,
  original: Map<string, Item[]>,
  what: string,
): Array<[string, Item[]]> | string {
  if (result.kind === 'unchanged') return [...original];
  if (result.kind === 'invalid') return `${what}s must be an object of { value } entries`;
  const out: Array<[string, Item[]]> = [];
  for (const e of result.entries) {
    const r = resolve(e, original.get(e.name), what);
    if (typeof r === 'string') return r;
    out.push([e.name, r]);
  }
  return out;
}

function toHeaderMap(list: Array<[string, Item[]]>): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const [name, items] of list) m.set(name, [...(m.get(name) ?? []), ...items.map((x) => x.value)]);
  return m;
}

function flatPairs(list: Array<[string, Item[]]>): string[] {
  const out: string[] = [];
  for (const [name, items] of list) for (const x of items) out.push(name, x.value);
  return out;
}

export function assemble(
  visible: Map<string, string[]>,
  hidden: HeaderMap,
  extraName: string,
  extra: string[] | undefined,
): HeaderMap {
  const h: HeaderMap = {};
  for (const [k, v] of visible) h[k] = v;
  for (const k in hidden) h[k] = hidden[k];
  if (extra && extra.length) h[extraName] = h[extraName] ? [...h[extraName], ...extra] : extra;
  return h;
}

export function decodeCfRequest(p: string[], snap: CfSnapshot): Decoded<EdgeRequest> {
  const r = new Reader(p);
  const orig = snap.request;
  const method = item(r.next(), undefined);
  if (method.valid && method.value !== orig.method)
    return bad(`request.method is read-only (it was ${orig.method}, the function set ${method.value})`);
  const uriTag = r.next();
  const uri = uriTag.charAt(0) === 'u' ? orig.uri : item(uriTag, undefined);
  const uriValue = typeof uri === 'string' ? uri : uri.valid ? uri.value : undefined;
  if (uriValue === undefined || !uriValue.startsWith('/'))
    return bad(
      `request.uri must be a string starting with '/' (got ${uriValue === undefined ? 'a non-string' : JSON.stringify(uriValue)})`,
    );

  // an untouched map, or one that resolves to what came in, keeps the original text
  // (order and spelling included): only a real change rebuilds the query string
  let querystring = orig.querystring;
  const qsResult = r.map(false);
  const qsOriginal = qsResult.kind === 'map' ? flatToMap(snap.qs, 2) : undefined;
  const qsList = qsOriginal
    ? resolveMap(qsResult, qsOriginal, 'query string parameter')
    : qsResult.kind === 'invalid'
      ? 'query string parameters must be an object of { value } entries'
      : [];
  if (typeof qsList === 'string') return bad(qsList);
  const qsPairs = flatPairs(qsList);
  if (qsOriginal && !sameList(qsPairs, flatPairs([...qsOriginal]))) {
    const pairs: Array<[string, string]> = [];
    for (let i = 0; i < qsPairs.length; i += 2) pairs.push([qsPairs[i], qsPairs[i + 1]]);
    querystring = buildQuery(pairs);
    const qsError = checkQueryString(querystring, uriValue, CLOUDFRONT_FUNCTION_LIMITS.maxUriLength);
    if (qsError) return bad(qsError);
  } else if (uriValue.length + querystring.length >= CLOUDFRONT_FUNCTION_LIMITS.maxUriLength) {
    return bad(
      `the URI and query string are ${CLOUDFRONT_FUNCTION_LIMITS.maxUriLength} characters or longer`,
    );
  }

  const headerOriginal = toItems(snap.headers);
  const headerList = resolveMap(r.map(false), headerOriginal, 'header');
  if (typeof headerList === 'string') return bad(headerList);
  const visible = toHeaderMap(headerList);
  const headerError = checkHeaders('viewer-request', snap.headers, visible, 'request');
  if (headerError) return bad(headerError);

  const cookieResult = r.map(false);
  const cookieOriginal = cookieResult.kind === 'map' ? flatToMap(snap.cookies, 2) : undefined;
  const cookieList = cookieOriginal
    ? resolveMap(cookieResult, cookieOriginal, 'cookie')
    : cookieResult.kind === 'invalid'
      ? 'cookies must be an object of { value } entries'
      : [];
  if (typeof cookieList === 'string') return bad(cookieList);
  const cookiePairs = flatPairs(cookieList);
  let cookieLines: string[] | undefined = orig.headers['cookie'];
  if (cookieOriginal && !sameList(cookiePairs, flatPairs([...cookieOriginal]))) {
    const parts: string[] = [];
    for (let i = 0; i < cookiePairs.length; i += 2) parts.push(`${cookiePairs[i]}=${cookiePairs[i + 1]}`);
    cookieLines = parts.length ? [parts.join('; ')] : undefined;
  }
  const headers = assemble(visible, snap.hiddenHeaders, 'cookie', cookieLines);
  const request: EdgeRequest = {
    method: orig.method,
    uri: uriValue,
    querystring,
    headers,
    clientIp: orig.clientIp,
  };
  if (orig.body !== undefined) request.body = orig.body;
  return { ok: true, value: request };
}

function toItems(m: Map<string, string[]>): Map<string, Item[]> {
  const out = new Map<string, Item[]>();
  for (const [k, v] of m)
    out.set(
      k,
      v.map((value) => ({ value, attrs: '', valid: true })),
    );
  return out;
}

export interface DecodedResponse {
  response: EdgeResponse;
  bodyReplaced: boolean;
}

/** A response returned by viewer-request (generated) or viewer-response (changed). */
export function decodeCfResponse(p: string[], snap: CfSnapshot): Decoded<DecodedResponse> {
  const r = new Reader(p);
  const original = snap.eventType === 'viewer-response' ? snap.response : undefined;
  const statusTag = r.next();
  const status = Number(statusTag.slice(1));
  if (statusTag.charAt(0) !== 'n' || !Number.isInteger(status) || status < 200 || status > 599) {
    return bad(
      `statusCode must be an integer from 200 to 599 (got ${statusTag.charAt(0) === 'u' ? 'nothing' : statusTag.slice(1) || 'a non-number'})`,
    );
  }
  const descTag = item(r.next(), undefined);
  // a status changed without its text gets the text of the new status (EdgeLab's choice)
  const keptOldText =
    original !== undefined &&
    status !== original.status &&
    descTag.value === (original.statusDescription ?? reasonPhrase(original.status));
  const statusDescription =
    descTag.valid && !keptOldText
      ? descTag.value
      : original && original.status === status && original.statusDescription
        ? original.statusDescription
        : reasonPhrase(status);

  const origHeaders = snap.resHeaders ?? new Map<string, string[]>();
  const headerOriginal = toItems(origHeaders);
  const headerList = resolveMap(r.map(false), headerOriginal, 'header');
  if (typeof headerList === 'string') return bad(headerList);
  const visible = toHeaderMap(headerList);
  const headerError = checkHeaders(
    original ? 'viewer-response' : undefined,
    origHeaders,
    visible,
    'response',
  );
  if (headerError) return bad(headerError);

  const setCookies = snap.setCookies ?? [];
  const cookieResult = r.map(true);
  let setCookie: string[] | undefined = original?.headers['set-cookie'];
  if (cookieResult.kind === 'invalid')
    return bad('cookies must be an object of { value, attributes } entries');
  if (cookieResult.kind === 'map') {
    const origCookies = flatToMap(setCookies, 3);
    const cookieList = resolveMap(cookieResult, origCookies, 'cookie');
    if (typeof cookieList === 'string') return bad(cookieList);
    const flat: string[] = [];
    for (const [name, items] of cookieList) for (const x of items) flat.push(name, x.value, x.attrs);
    const before: string[] = [];
    for (const [name, items] of origCookies) for (const x of items) before.push(name, x.value, x.attrs);
    if (!sameList(flat, before)) {
      setCookie = [];
      for (let i = 0; i < flat.length; i += 3)
        setCookie.push(`${flat[i]}=${flat[i + 1]}${flat[i + 2] ? `; ${flat[i + 2]}` : ''}`);
    }
  }
  const headers = assemble(visible, snap.resHidden ?? {}, 'set-cookie', setCookie);

  const kind = r.next();
  const encTag = r.next();
  const dataField = r.next();
  let body: string | undefined = original?.body;
  let bodySize = original ? original.bodySize : 0;
  let bodyReplaced = false;
  if (kind === 't' || kind === 'o') {
    bodyReplaced = true;
    let text: string;
    let encoding = 'text';
    if (kind === 't') text = unescapeBody(dataField);
    else {
      const enc = item(encTag, undefined);
      const data = item(unescapeBody(dataField), undefined);
      if (enc.valid) encoding = enc.value;
      if (encoding !== 'text' && encoding !== 'base64')
        return bad(
          `body.encoding must be 'text' or 'base64' (got ${JSON.stringify(enc.valid ? enc.value : null)})`,
        );
      if (!data.valid) return bad('body.data must be a string');
      text = data.value;
    }
    if (encoding === 'base64') {
      const bytes = base64Decode(text);
      if (!bytes) return bad('body.data is not valid base64');
      bodySize = bytes.length;
      body = utf8DecodeStrict(bytes);
    } else {
      body = text;
      bodySize = utf8Length(text);
    }
    if (bodySize > CLOUDFRONT_FUNCTION_LIMITS.maxBodyBytes) {
      return bad(
        `the body is ${bodySize.toLocaleString('en-US')} bytes; EdgeLab allows at most 40 KB for a body a function writes`,
      );
    }
  } else if (kind === 'x') return bad('body must be a string or { encoding, data }');
  else if (!original) {
    body = '';
    bodySize = 0;
  }
  const response: EdgeResponse = { status, statusDescription, headers, bodySize };
  if (body !== undefined) response.body = body;
  return { ok: true, value: { response, bodyReplaced } };
}
