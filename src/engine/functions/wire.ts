// Small pieces shared by the CloudFront Functions and Lambda@Edge codecs: the sandbox reply
// envelope, query-string and cookie parsing, and the header rules every edge function obeys.

import type { LambdaEventType } from '../scenario';
import { isDisallowedHeader, READ_ONLY_HEADERS } from './limits';

export const SEP = '\x1f';
/** separates the items of one map inside a wire field */
export const ITEM_SEP = '\x1e';
/** prefix of a map entry the function left untouched (reply side): U+001E + name */
export const UNCHANGED = '\x1e';

export interface Reply {
  status: string;
  /** bit set of what the run read: 1 Date, 2 Math.random, 4 viewer ip, 8 request id */
  flags: number;
  /** KeyValueStore reads the run made (each get / exists / meta call), billed per read */
  kvsReads: number;
  logs: string[];
  /** payload fields */
  p: string[];
}
export const READ_DATE = 1;
export const READ_RANDOM = 2;
export const READ_IP = 4;
export const READ_REQUEST_ID = 8;
/** The reply's flags field is flags + KVS_READ_UNIT x KeyValueStore reads (preludeBridge.ts). The
 * flag bits stay where they were, so `field | 0` tested with the READ_* masks still works. */
export const KVS_READ_UNIT = 16;

/** Parses the bridge's reply (see preludeBridge.ts); undefined when it was tampered with. */
export function parseReply(reply: string): Reply | undefined {
  const f = reply.split(SEP);
  const n = f.length;
  if (n < 4 || Number(f[n - 1]) !== n) return undefined;
  const logCount = Number(f[n - 2]);
  const logStart = n - 2 - logCount;
  if (!(logCount >= 0) || logStart < 2) return undefined;
  const packed = Math.max(0, Number(f[1]) || 0);
  return {
    status: f[0],
    flags: packed % KVS_READ_UNIT,
    kvsReads: Math.floor(packed / KVS_READ_UNIT),
    logs: f.slice(logStart, n - 2),
    p: f.slice(2, logStart),
  };
}

// eslint-disable-next-line no-control-regex -- the wire escape uses U+001E on purpose
const BODY_ESCAPE = /\x1e([01])/g;
export function unescapeBody(s: string): string {
  return s.indexOf('\x1e') < 0 ? s : s.replace(BODY_ESCAPE, (_, d: string) => (d === '0' ? '\x1e' : '\x1f'));
}

/** Removes the wire separators from a value going into the sandbox (no valid HTTP value has them). */
export function wireSafe(s: string): string {
  // eslint-disable-next-line no-control-regex -- removing the wire separators is the point
  return s.indexOf(SEP) < 0 && s.indexOf(ITEM_SEP) < 0 ? s : s.replace(/[\x1e\x1f]/g, '');
}

/** 'a=1&b=&c' -> [a, 1, b, '', c, ''] (names and values as received, not decoded). */
export function parseQueryPairs(raw: string, out: string[]): number {
  if (raw === '') return 0;
  let n = 0;
  for (const seg of raw.split('&')) {
    if (seg === '') continue;
    const eq = seg.indexOf('=');
    if (eq < 0) out.push(seg, '');
    else out.push(seg.slice(0, eq), seg.slice(eq + 1));
    n++;
  }
  return n;
}

export function buildQuery(pairs: Array<[string, string]>): string {
  return pairs.map(([k, v]) => `${k}=${v}`).join('&');
}

/** Cookie header lines -> [name, value, ...]. */
export function parseCookiePairs(lines: string[] | undefined, out: string[]): number {
  if (!lines) return 0;
  let n = 0;
  for (const line of lines) {
    for (const part of line.split(';')) {
      const t = part.trim();
      if (t === '') continue;
      const eq = t.indexOf('=');
      out.push(eq < 0 ? t : t.slice(0, eq), eq < 0 ? '' : t.slice(eq + 1));
      n++;
    }
  }
  return n;
}

/** Set-Cookie lines -> [name, value, attributes, ...]. */
export function parseSetCookies(lines: string[] | undefined, out: string[]): number {
  if (!lines) return 0;
  for (const line of lines) {
    const semi = line.indexOf(';');
    const pair = semi < 0 ? line : line.slice(0, semi);
    const attrs = semi < 0 ? '' : line.slice(semi + 1).trim();
    const eq = pair.indexOf('=');
    out.push(eq < 0 ? pair.trim() : pair.slice(0, eq).trim(), eq < 0 ? '' : pair.slice(eq + 1), attrs);
  }
  return lines.length;
}

export function titleCase(name: string): string {
  return name.replace(/(^|-)([a-z])/g, (_, d: string, c: string) => d + c.toUpperCase());
}

const REASONS: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  204: 'No Content',
  206: 'Partial Content',
  301: 'Moved Permanently',
  302: 'Found',
  303: 'See Other',
  304: 'Not Modified',
  307: 'Temporary Redirect',
  308: 'Permanent Redirect',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  409: 'Conflict',
  410: 'Gone',
  412: 'Precondition Failed',
  413: 'Payload Too Large',
  416: 'Range Not Satisfiable',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};
export function reasonPhrase(status: number): string {
  return REASONS[status] ?? '';
}

export function sameList(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The header rules of edge-functions-restrictions.html, applied to what a function hands
 * back: lower-case names, no disallowed header, read-only headers untouched, no line breaks.
 * `eventType` undefined = a response the function generated (no read-only headers).
 * Returns an error message or undefined.
 */
export function checkHeaders(
  eventType: LambdaEventType | undefined,
  before: ReadonlyMap<string, string[]>,
  after: ReadonlyMap<string, string[]>,
  what: 'request' | 'response',
): string | undefined {
  for (const [name, values] of after) {
    if (name !== name.toLowerCase())
      return `header name '${name}' must be lower-case in the ${what}'s headers object`;
    if (!/^[!#$%&'*+.^_`|~0-9a-z-]+$/.test(name)) return `'${name}' is not a valid header name`;
    if (isDisallowedHeader(name))
      return `the function added the header '${name}', which edge functions may not set`;
    for (const v of values)
      if (/[\r\n\0]/.test(v))
        return `the value of header '${name}' contains a ${/\0/.test(v) ? 'NUL character' : 'line break'}`;
  }
  if (!eventType) return undefined; // a generated response has no original to protect
  for (const name of READ_ONLY_HEADERS[eventType]) {
    if (!sameList(before.get(name), after.get(name))) {
      return `the header '${name}' is read-only in ${eventType} functions; the function ${before.has(name) ? (after.has(name) ? 'changed' : 'removed') : 'added'} it`;
    }
  }
  return undefined;
}

// eslint-disable-next-line no-control-regex -- control characters are exactly what is forbidden
const QS_FORBIDDEN = /[\s\x00-\x1f\x7f#]/;
export function checkQueryString(qs: string, uri: string, maxUriLength: number): string | undefined {
  if (QS_FORBIDDEN.test(qs)) return 'the query string contains a space, a control character or #';
  if (uri.length + (qs ? qs.length + 1 : 0) >= maxUriLength)
    return `the URI and query string are ${maxUriLength} characters or longer`;
  return undefined;
}
