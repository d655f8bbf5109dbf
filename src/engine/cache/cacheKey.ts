// The cache key (spec §4.1-4.4): distribution domain + path, plus whatever the cache policy
// adds (query strings, headers, cookies, normalized Accept-Encoding). Built as one string
// on the hot path; the parts are kept for the inspector and for the origin request.
//
// Not done here, by design:
// - OPTIONS: when OPTIONS is a cached method, the pipeline prefixes the key with 'OPTIONS '
//   so OPTIONS responses are stored apart from GET/HEAD (which share entries), spec §3.3.
// - Signed URLs: for a behavior with trusted key groups the pipeline passes a request whose
//   querystring went through stripSignedParams, so Expires/Signature/... never split the key.
// - CloudFront-* headers the policy lists must already be in req.headers
//   (applyCloudFrontViewerHeaders in ../http/viewerHeaders).
import type { EdgeRequest, HeaderMap } from '../http/model';
import type { ResolvedCachePolicy } from './policy';

export interface CacheKeyInfo {
  key: string;
  path: string;
  /** the key's query part in request order, '' if none */
  query: string;
  /** [lower-case name, value] sorted by name */
  headers: Array<[string, string]>;
  /** [name, value] sorted by name (case-sensitive) */
  cookies: Array<[string, string]>;
}

// ---- Accept-Encoding (spec §4.4) -------------------------------------------------------

export interface NormalizedAcceptEncoding {
  /** value that goes in the cache key, absent when nothing does */
  keyValue?: string;
  /** value sent to the origin on a miss, absent when the header is not sent */
  originValue?: string;
}

const NONE: NormalizedAcceptEncoding = Object.freeze({});
const aeMemo = new Map<string, NormalizedAcceptEncoding>();
const AE_MEMO_MAX = 512;

function aeTokens(viewer: string): { gzip: boolean; br: boolean } {
  let gzip = false;
  let br = false;
  for (const part of viewer.split(',')) {
    const semi = part.indexOf(';'); // q-values are ignored (spec §4.4: UNCONFIRMED, token presence only)
    const t = (semi < 0 ? part : part.slice(0, semi)).trim().toLowerCase();
    if (t === 'gzip') gzip = true;
    else if (t === 'br') br = true;
  }
  return { gzip, br };
}

/**
 * The normalized Accept-Encoding when the cache policy enables gzip and/or Brotli.
 * Both flags off: {} (Accept-Encoding is then an ordinary header, handled by the policies).
 * HTTP/1.0: {} (CloudFront removes the header). Header missing: {}.
 */
export function normalizeAcceptEncoding(
  viewer: string | undefined,
  gzip: boolean,
  br: boolean,
  httpVersion: string,
): NormalizedAcceptEncoding {
  if ((!gzip && !br) || viewer === undefined || httpVersion === '1.0') return NONE;
  const memoKey = (gzip ? 'g' : '-') + (br ? 'b' : '-') + viewer;
  const hit = aeMemo.get(memoKey);
  if (hit) return hit;
  const has = aeTokens(viewer);
  const useBr = br && has.br;
  const useGzip = gzip && has.gzip;
  const value = useBr && useGzip ? 'br,gzip' : useBr ? 'br' : useGzip ? 'gzip' : undefined;
  const out: NormalizedAcceptEncoding = Object.freeze(
    value ? { keyValue: value, originValue: value } : { originValue: 'identity' },
  );
  if (aeMemo.size >= AE_MEMO_MAX) aeMemo.clear();
  aeMemo.set(memoKey, out);
  return out;
}

// ---- Query strings and cookies ----------------------------------------------------------

/** Splits on '&' only (';' stays in the value, V33), keeps names and values raw and
 * case-sensitive; 'a' without '=' is ['a', '']; empty segments are skipped. */
export function parseQuery(qs: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  if (qs === '') return out;
  for (const seg of qs.split('&')) {
    if (seg === '') continue;
    const eq = seg.indexOf('=');
    out.push(eq < 0 ? [seg, ''] : [seg.slice(0, eq), seg.slice(eq + 1)]);
  }
  return out;
}

/** Cookie header lines to [name, value] pairs in header order (names case-sensitive). */
export function parseCookieHeader(values: readonly string[] | undefined): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  if (!values) return out;
  for (const line of values) {
    for (const part of line.split(';')) {
      const p = part.trim();
      if (p === '') continue;
      const eq = p.indexOf('=');
      out.push(eq < 0 ? [p, ''] : [p.slice(0, eq).trim(), p.slice(eq + 1).trim()]);
    }
  }
  return out;
}

/** Reserved query parameters of signed URLs (spec §10.4). */
export const SIGNED_URL_PARAMS: readonly string[] = ['Expires', 'Policy', 'Signature', 'Key-Pair-Id'];
const SIGNED_SET: ReadonlySet<string> = new Set(SIGNED_URL_PARAMS);

function segName(seg: string): string {
  const eq = seg.indexOf('=');
  return eq < 0 ? seg : seg.slice(0, eq);
}

/** The query string without the signed-URL parameters, other segments untouched and in order. */
export function stripSignedParams(qs: string): string {
  if (
    qs === '' ||
    !(
      qs.includes('Expires') ||
      qs.includes('Policy') ||
      qs.includes('Signature') ||
      qs.includes('Key-Pair-Id')
    )
  ) {
    return qs;
  }
  return qs
    .split('&')
    .filter((seg) => !SIGNED_SET.has(segName(seg)))
    .join('&');
}

/** Keeps the raw segments the predicate accepts, in request order. */
export function filterQuery(qs: string, keep: (name: string) => boolean): string {
  if (qs === '') return '';
  let out = '';
  for (const seg of qs.split('&')) {
    if (seg === '' || !keep(segName(seg))) continue;
    out = out === '' ? seg : out + '&' + seg;
  }
  return out;
}

/** Whether a list behavior (none / whitelist / allExcept / all) includes a name. */
export function listIncludes(behavior: string, names: ReadonlySet<string>, name: string): boolean {
  switch (behavior) {
    case 'all':
      return true;
    case 'whitelist':
      return names.has(name);
    case 'allExcept':
      return !names.has(name);
    default:
      return false;
  }
}

/** Shared, frozen: most policies key on no headers or cookies, so the common case allocates
 * nothing (a caller that tried to push into it would throw, not corrupt other keys). */
const NO_PAIRS = Object.freeze([]) as unknown as Array<[string, string]>;

const byName = (a: [string, string], b: [string, string]): number => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

function keyQuery(p: ResolvedCachePolicy, qs: string): string {
  switch (p.queryStringBehavior) {
    case 'all':
      return qs; // raw: order, case and ';' all matter (V33)
    case 'whitelist':
    case 'allExcept':
      return filterQuery(qs, (n) => listIncludes(p.queryStringBehavior, p.queryNames, n));
    default:
      return '';
  }
}

function keyHeaders(p: ResolvedCachePolicy, headers: HeaderMap): Array<[string, string]> {
  if (p.headerBehavior !== 'whitelist' || p.headerNames.size === 0) return NO_PAIRS;
  const out: Array<[string, string]> = [];
  // With gzip/br normalization on, Accept-Encoding is represented by the normalized value.
  const skipAe = p.enableAcceptEncodingGzip || p.enableAcceptEncodingBrotli;
  for (const name of p.headerNames) {
    if (skipAe && name === 'accept-encoding') continue;
    const v = headers[name];
    if (v && v.length > 0) out.push([name, v.length === 1 ? v[0] : v.join(',')]);
  }
  if (out.length === 0) return NO_PAIRS;
  if (out.length > 1) out.sort(byName);
  return out;
}

function keyCookies(p: ResolvedCachePolicy, headers: HeaderMap): Array<[string, string]> {
  if (p.cookieBehavior === 'none' || !headers['cookie']) return NO_PAIRS;
  const all = parseCookieHeader(headers['cookie']);
  const out =
    p.cookieBehavior === 'all' ? all : all.filter(([n]) => listIncludes(p.cookieBehavior, p.cookieNames, n));
  if (out.length > 1) out.sort(byName); // CloudFront sorts cookies by name (V35)
  return out;
}

/**
 * The cache key of a request. Sections are separated by '\n' (never part of a path, header
 * value or cookie), so two different requests never produce the same string.
 */
export function buildCacheKey(
  p: ResolvedCachePolicy,
  req: EdgeRequest,
  encodingKey: string | undefined,
  distributionHost: string,
): CacheKeyInfo {
  const query = keyQuery(p, req.querystring);
  const headers = keyHeaders(p, req.headers);
  const cookies = keyCookies(p, req.headers);
  let key = distributionHost + req.uri;
  if (query !== '') key += '?' + query;
  if (headers.length > 0) {
    key += '\nh';
    for (const [n, v] of headers) key += '\n' + n + ':' + v;
  }
  if (cookies.length > 0) {
    key += '\nc';
    for (const [n, v] of cookies) key += '\n' + n + '=' + v;
  }
  if (encodingKey !== undefined) key += '\ne:' + encodingKey;
  return { key, path: req.uri, query, headers, cookies };
}

/** What an invalidation path is matched against: the path plus '?query' when the key has one
 * (spec §5, V41). Header and cookie variants share it, so one path removes them all. */
export function invalidationTarget(info: CacheKeyInfo): string {
  return info.query === '' ? info.path : info.path + '?' + info.query;
}
