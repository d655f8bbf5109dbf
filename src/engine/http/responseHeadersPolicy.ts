// Response headers policies (spec §4.7): CORS, security headers, custom headers and header
// removal, applied to the response CloudFront is about to send to the viewer.
import type { ResponseHeadersPolicyConfig } from '../scenario';
import type { HeaderMap } from './model';

/** Headers a policy can neither add nor remove (understanding-response-headers-policies,
 * "Custom headers" and "Remove headers" restrictions; spec §4.7). */
const DISALLOWED: ReadonlySet<string> = new Set([
  'connection',
  'content-encoding',
  'content-length',
  'expect',
  'host',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'via',
  'warning',
  'x-cache',
  'x-forwarded-proto',
  'x-real-ip',
]);
const DISALLOWED_PREFIXES = ['x-amz-cf-', 'x-amzn-', 'x-edge-', 'x-accel-'];

export function isDisallowedResponseHeader(name: string): boolean {
  const n = name.toLowerCase();
  return DISALLOWED.has(n) || DISALLOWED_PREFIXES.some((p) => n.startsWith(p));
}

export interface PolicyRequestView {
  method: string;
  headers: HeaderMap;
}

function present(headers: HeaderMap, name: string): boolean {
  const v = headers[name];
  return v !== undefined && v.length > 0;
}

/** Sets a header unless the origin already sent it and the policy does not override. */
function put(headers: HeaderMap, name: string, value: string, override: boolean): void {
  if (override || !present(headers, name)) headers[name] = [value];
}

function applyCors(
  cors: NonNullable<ResponseHeadersPolicyConfig['corsConfig']>,
  headers: HeaderMap,
  req: PolicyRequestView,
): void {
  const origin = req.headers['origin']?.[0];
  if (origin === undefined) return; // not a CORS request
  const allowed = cors.accessControlAllowOrigins;
  const allowOrigin = allowed.includes('*') ? '*' : allowed.includes(origin) ? origin : undefined;
  if (allowOrigin === undefined) return; // origin not allowed: no CORS headers
  const o = cors.originOverride;
  const preflight = req.method === 'OPTIONS' && present(req.headers, 'access-control-request-method');
  put(headers, 'access-control-allow-origin', allowOrigin, o);
  if (cors.accessControlAllowCredentials) put(headers, 'access-control-allow-credentials', 'true', o);
  if (preflight) {
    // Preflight responses carry the method/header lists and Max-Age (Fetch standard, CORS protocol).
    if (cors.accessControlAllowMethods.length > 0) {
      put(headers, 'access-control-allow-methods', cors.accessControlAllowMethods.join(', '), o);
    }
    if (cors.accessControlAllowHeaders.length > 0) {
      put(headers, 'access-control-allow-headers', cors.accessControlAllowHeaders.join(', '), o);
    }
    if (cors.accessControlMaxAgeSec !== undefined) {
      put(headers, 'access-control-max-age', String(cors.accessControlMaxAgeSec), o);
    }
  } else if (cors.accessControlExposeHeaders && cors.accessControlExposeHeaders.length > 0) {
    put(headers, 'access-control-expose-headers', cors.accessControlExposeHeaders.join(', '), o);
  }
}

function applySecurity(
  sec: NonNullable<ResponseHeadersPolicyConfig['securityHeadersConfig']>,
  headers: HeaderMap,
): void {
  if (sec.xssProtection) {
    const x = sec.xssProtection;
    const value = !x.protection
      ? '0'
      : x.modeBlock
        ? '1; mode=block'
        : x.reportUri
          ? `1; report=${x.reportUri}`
          : '1';
    put(headers, 'x-xss-protection', value, x.override);
  }
  if (sec.frameOptions)
    put(headers, 'x-frame-options', sec.frameOptions.frameOption, sec.frameOptions.override);
  if (sec.referrerPolicy)
    put(headers, 'referrer-policy', sec.referrerPolicy.referrerPolicy, sec.referrerPolicy.override);
  if (sec.contentSecurityPolicy) {
    put(
      headers,
      'content-security-policy',
      sec.contentSecurityPolicy.contentSecurityPolicy,
      sec.contentSecurityPolicy.override,
    );
  }
  if (sec.contentTypeOptions)
    put(headers, 'x-content-type-options', 'nosniff', sec.contentTypeOptions.override);
  if (sec.strictTransportSecurity) {
    const h = sec.strictTransportSecurity;
    let v = `max-age=${h.accessControlMaxAgeSec}`;
    if (h.includeSubdomains) v += '; includeSubDomains';
    if (h.preload) v += '; preload';
    put(headers, 'strict-transport-security', v, h.override);
  }
}

/**
 * Applies a response headers policy to `headers` in place. Removal runs first (it targets what
 * the origin sent), then CORS (only for requests with an Origin header; preflight = OPTIONS with
 * Access-Control-Request-Method), security headers and custom headers, each honouring its
 * override flag. Headers CloudFront reserves (X-Cache, Via, X-Amz-Cf-*...) are never touched.
 * Server-Timing is not modelled.
 */
export function applyResponseHeadersPolicy(
  policy: ResponseHeadersPolicyConfig,
  headers: HeaderMap,
  req: PolicyRequestView,
): void {
  for (const raw of policy.removeHeaders ?? []) {
    const n = raw.toLowerCase();
    if (!isDisallowedResponseHeader(n)) delete headers[n];
  }
  if (policy.corsConfig) applyCors(policy.corsConfig, headers, req);
  if (policy.securityHeadersConfig) applySecurity(policy.securityHeadersConfig, headers);
  for (const h of policy.customHeaders ?? []) {
    const n = h.header.toLowerCase();
    if (!isDisallowedResponseHeader(n)) put(headers, n, h.value, h.override);
  }
}
