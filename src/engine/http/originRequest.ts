// The request CloudFront sends to the origin (spec §4.6, V31, V35): what the cache key holds,
// what the origin request policy adds, and the headers CloudFront always sets itself.
import type { ResolvedCachePolicy, ResolvedOriginRequestPolicy } from '../cache/policy';
import {
  filterQuery,
  listIncludes,
  parseCookieHeader,
  stripSignedParams,
  type CacheKeyInfo,
} from '../cache/cacheKey';
import type { CustomHeader, OriginRequestPolicyConfig } from '../scenario';
import type { EdgeRequest, HeaderMap } from './model';
import { cloudFrontHeaderValue, isCloudFrontHeader, type ViewerFacts } from './viewerHeaders';

/** Viewer headers CloudFront forwards whatever the policies say (RequestAndResponseBehaviorCustomOrigin,
 * "HTTP request headers and CloudFront behavior"): the conditional headers (spec §2.2) and the
 * headers that describe a request body. */
export const ALWAYS_FORWARDED_HEADERS: ReadonlySet<string> = new Set([
  'if-match',
  'if-none-match',
  'if-modified-since',
  'if-unmodified-since',
  'content-type',
  'content-length',
  'content-md5',
]);

/** Never copied from the viewer: hop-by-hop headers, and headers CloudFront sets itself. */
const NEVER_COPIED: ReadonlySet<string> = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'expect',
  'host',
  'user-agent',
  'cookie',
  'accept-encoding',
  'via',
  'x-amz-cf-id',
  'x-forwarded-for',
]);

/** Names an origin's custom headers may not override (CloudFront rejects such a config). */
const CLOUDFRONT_OWNED: ReadonlySet<string> = new Set([
  'host',
  'via',
  'x-amz-cf-id',
  'x-forwarded-for',
  'cookie',
]);

export const CLOUDFRONT_USER_AGENT = 'Amazon CloudFront';

export interface OriginRequestArgs {
  /** the request after viewer-request functions (uri/querystring as the cache key saw them) */
  viewer: EdgeRequest;
  keyInfo: CacheKeyInfo;
  cachePolicy: ResolvedCachePolicy;
  originRequestPolicy?: OriginRequestPolicyConfig;
  originDomain: string;
  customHeaders?: CustomHeader[];
  /** normalizeAcceptEncoding(...).originValue when the cache policy enables gzip/br */
  acceptEncodingForOrigin?: string;
  /** e.g. '1.1 <32 hex>.cloudfront.net (CloudFront)' */
  via: string;
  cfId: string;
  viewerCountry?: string;
  protocol: 'http' | 'https';
  httpVersion: string;
}

interface OrpSets {
  headers: ReadonlySet<string>;
  cookies: ReadonlySet<string>;
  queries: ReadonlySet<string>;
}
const orpSetsCache = new WeakMap<OriginRequestPolicyConfig, OrpSets>();
function orpSets(p: OriginRequestPolicyConfig): OrpSets {
  const r = p as Partial<ResolvedOriginRequestPolicy>;
  if (r.headerNames && r.cookieNames && r.queryNames) {
    return { headers: r.headerNames, cookies: r.cookieNames, queries: r.queryNames };
  }
  let s = orpSetsCache.get(p);
  if (!s) {
    s = {
      headers: new Set(p.headers.map((h) => h.toLowerCase())),
      cookies: new Set(p.cookies),
      queries: new Set(p.queryStrings),
    };
    orpSetsCache.set(p, s);
  }
  return s;
}

/** Whether the origin request policy forwards a (non CloudFront-*) viewer header. Authorization
 * only travels through the cache policy: CloudFront refuses it in an origin request policy. */
function orpForwardsHeader(
  p: OriginRequestPolicyConfig | undefined,
  sets: OrpSets | undefined,
  name: string,
): boolean {
  if (!p || !sets || name === 'authorization') return false;
  switch (p.headerBehavior) {
    case 'allViewer':
    case 'allViewerAndWhitelistCloudFront':
      return true;
    case 'whitelist':
      return sets.headers.has(name);
    case 'allExcept':
      return !sets.headers.has(name);
    default:
      return false;
  }
}

/** CloudFront-* names the origin request policy asks for. */
function orpCloudFrontHeaders(
  p: OriginRequestPolicyConfig | undefined,
  sets: OrpSets | undefined,
): Iterable<string> {
  if (!p || !sets) return [];
  if (p.headerBehavior === 'whitelist' || p.headerBehavior === 'allViewerAndWhitelistCloudFront')
    return sets.headers;
  return [];
}

export function buildOriginRequest(args: OriginRequestArgs): { headers: HeaderMap; querystring: string } {
  const { viewer, cachePolicy: cp, originRequestPolicy: orp } = args;
  const sets = orp ? orpSets(orp) : undefined;
  const vh = viewer.headers;
  const out: HeaderMap = {};
  const forwarded = (name: string): boolean => cp.headerNames.has(name) || orpForwardsHeader(orp, sets, name);

  // 1. Viewer headers: the ones CloudFront always passes, plus those either policy forwards.
  for (const name of Object.keys(vh)) {
    if (NEVER_COPIED.has(name) || isCloudFrontHeader(name)) continue;
    if (ALWAYS_FORWARDED_HEADERS.has(name) || forwarded(name)) out[name] = vh[name].slice();
  }

  // 2. CloudFront-* headers either policy lists, computed by CloudFront (never the viewer's).
  const facts: ViewerFacts = {
    clientIp: viewer.clientIp,
    country: args.viewerCountry,
    protocol: args.protocol,
    httpVersion: args.httpVersion,
    userAgent: vh['user-agent']?.[0],
  };
  for (const [name, value] of args.keyInfo.headers) if (isCloudFrontHeader(name)) out[name] = [value];
  for (const name of orpCloudFrontHeaders(orp, sets)) {
    if (!isCloudFrontHeader(name) || out[name]) continue;
    const v = cloudFrontHeaderValue(name, facts);
    if (v !== undefined) out[name] = [v];
  }
  for (const name of cp.headerNames) {
    if (!isCloudFrontHeader(name) || out[name]) continue;
    const v = cloudFrontHeaderValue(name, facts);
    if (v !== undefined) out[name] = [v];
  }

  // 3. Host and User-Agent: the viewer's when forwarded, otherwise CloudFront's own.
  out['host'] = forwarded('host') && vh['host']?.length ? [vh['host'][0]] : [args.originDomain];
  if (forwarded('user-agent')) {
    if (vh['user-agent']?.length) out['user-agent'] = vh['user-agent'].slice();
  } else {
    out['user-agent'] = [CLOUDFRONT_USER_AGENT];
  }

  // 4. Accept-Encoding: the normalized value when gzip/br is on in the cache policy (listing it
  //    in a policy then has no effect); otherwise an ordinary header. HTTP/1.0 never carries it.
  if (args.httpVersion !== '1.0') {
    if (cp.enableAcceptEncodingGzip || cp.enableAcceptEncodingBrotli) {
      if (args.acceptEncodingForOrigin !== undefined) out['accept-encoding'] = [args.acceptEncodingForOrigin];
    } else if (forwarded('accept-encoding') && vh['accept-encoding']?.length) {
      out['accept-encoding'] = vh['accept-encoding'].slice();
    }
  }

  // 5. Cookies the cache policy keys on or the origin request policy forwards, sorted by name.
  const cookieAllowed = (n: string): boolean =>
    listIncludes(cp.cookieBehavior, cp.cookieNames, n) ||
    (orp !== undefined && sets !== undefined && listIncludes(orp.cookieBehavior, sets.cookies, n));
  if (cp.cookieBehavior !== 'none' || (orp && orp.cookieBehavior !== 'none')) {
    const cookies = parseCookieHeader(vh['cookie']).filter(([n]) => cookieAllowed(n));
    if (cookies.length > 0) {
      cookies.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      out['cookie'] = [cookies.map(([n, v]) => n + '=' + v).join('; ')];
    }
  }

  // 6. CloudFront's own headers. X-Forwarded-For appends the viewer's address to any value the
  //    viewer sent (written as in the docs' example: '192.0.2.4,192.0.2.3,192.0.2.2').
  const xff = vh['x-forwarded-for'];
  out['x-forwarded-for'] = [xff?.length ? xff.join(',') + ',' + viewer.clientIp : viewer.clientIp];
  out['via'] = [args.via];
  out['x-amz-cf-id'] = [args.cfId];

  // 7. The origin's custom headers (origin settings) override viewer values.
  for (const h of args.customHeaders ?? []) {
    const n = h.headerName.toLowerCase();
    if (!CLOUDFRONT_OWNED.has(n)) out[n] = [h.headerValue];
  }

  // Query string: the union of what the two policies allow, in request order, never the
  // signed-URL parameters.
  const qs = viewer.querystring;
  let querystring: string;
  if (cp.queryStringBehavior === 'all' || orp?.queryStringBehavior === 'all') querystring = qs;
  else if (cp.queryStringBehavior === 'none' && (!orp || orp.queryStringBehavior === 'none'))
    querystring = '';
  else {
    querystring = filterQuery(
      qs,
      (n) =>
        listIncludes(cp.queryStringBehavior, cp.queryNames, n) ||
        (orp !== undefined && sets !== undefined && listIncludes(orp.queryStringBehavior, sets.queries, n)),
    );
  }
  return { headers: out, querystring: stripSignedParams(querystring) };
}
