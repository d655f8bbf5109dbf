// Signed URLs and signed cookies (spec §10.4-10.5, V55): key lookup through the behavior's
// trusted key groups, RSA-SHA1 signature over the canned or custom policy, then the policy's
// Resource, DateLessThan, DateGreaterThan and IpAddress conditions.
import { parseQuery } from '../cache/cacheKey';
import { decodeCloudFrontBase64 } from './base64';
import { parsePublicKeyPem, type RsaPublicKey } from './pem';
import { verifyRsaSha1 } from './rsa';
import { utf8Decode, utf8Encode } from './utf8';

export type SignedUrlErrorCode =
  'MissingKey' | 'InvalidKey' | 'AccessDenied' | 'MalformedSignature' | 'MalformedPolicy';

/** The messages CloudFront puts in its XML error body (observed responses; spec §10.4). */
export const SIGNED_URL_MESSAGES: Readonly<Record<SignedUrlErrorCode, string>> = {
  MissingKey: 'Missing Key-Pair-Id query parameter or cookie value',
  InvalidKey: 'Unknown Key',
  AccessDenied: 'Access denied',
  MalformedSignature: 'Could not unencode Signature',
  MalformedPolicy: 'Malformed Policy',
};

export type SignedRequestResult =
  | { ok: true; source: 'url' | 'cookies'; keyPairId: string }
  | {
      ok: false;
      code: SignedUrlErrorCode;
      /** the message CloudFront sends (for the XML body) */
      message: string;
      /** what exactly failed, for the trace and the inspector */
      reason: string;
    };

export interface SignedRequestArgs {
  /** scheme://host/path?query without the signing params */
  resourceUrl: string;
  querystring: string;
  cookies: Array<[string, string]>;
  /** the behavior's trusted key groups */
  keyGroupIds: string[];
  /** key group id -> public key ids */
  keyGroups: Record<string, string[]>;
  /** public key id -> PEM */
  publicKeys: Record<string, string>;
  nowEpochSeconds: number;
  clientIp?: string;
}

const fail = (code: SignedUrlErrorCode, reason: string): SignedRequestResult => ({
  ok: false,
  code,
  message: SIGNED_URL_MESSAGES[code],
  reason,
});

// ---- parsed public keys, cached by PEM text -------------------------------------------
const keyCache = new Map<string, RsaPublicKey | Error>();
function publicKey(pem: string): RsaPublicKey | Error {
  let k = keyCache.get(pem);
  if (!k) {
    try {
      k = parsePublicKeyPem(pem);
    } catch (err) {
      k = err as Error;
    }
    if (keyCache.size >= 256) keyCache.clear();
    keyCache.set(pem, k);
  }
  return k;
}

// ---- Resource wildcards -----------------------------------------------------------------
interface UrlParts {
  scheme: string;
  host: string;
  path: string;
  query: string;
}

function splitUrl(url: string): UrlParts {
  const se = url.indexOf('://');
  const scheme = se < 0 ? '' : url.slice(0, se);
  const rest = se < 0 ? url : url.slice(se + 3);
  const slash = rest.indexOf('/');
  const host = slash < 0 ? rest : rest.slice(0, slash);
  const pq = slash < 0 ? '/' : rest.slice(slash);
  const q = pq.indexOf('?');
  return { scheme, host, path: q < 0 ? pq : pq.slice(0, q), query: q < 0 ? '' : pq.slice(q + 1) };
}

/** '*' = zero or more characters (including '/'), '?' = exactly one; anchored. */
function glob(pattern: string): (s: string) => boolean {
  if (pattern === '*') return () => true;
  if (!/[*?]/.test(pattern)) return (s) => s === pattern;
  let src = '^';
  for (const ch of pattern)
    src += ch === '*' ? '[\\s\\S]*' : ch === '?' ? '[\\s\\S]' : ch.replace(/[\\^$.+()[\]{}|/-]/g, '\\$&');
  const re = new RegExp(src + '$');
  return (s) => re.test(s);
}

/**
 * A policy Resource as a matcher (private-content-creating-signed-url-custom-policy): wildcards
 * apply within each of the scheme, domain, path and query sections; the query separator is
 * written '\?'; a trailing '*' in the path implies '?*'; a trailing '*' in the domain implies
 * '/*?*'; a Resource without '://' gets '*://'; '*' alone matches everything.
 */
export function compileResource(resource: string): (url: string) => boolean {
  if (resource === '*') return () => true;
  const se = resource.indexOf('://');
  const scheme = se < 0 ? '*' : resource.slice(0, se);
  const rest = se < 0 ? resource : resource.slice(se + 3);
  const slash = rest.indexOf('/');
  let domain: string;
  let path: string;
  let query: string;
  if (slash < 0) {
    domain = rest;
    [path, query] = domain.endsWith('*') ? ['/*', '*'] : ['/', ''];
  } else {
    domain = rest.slice(0, slash);
    const pq = rest.slice(slash);
    const sep = pq.indexOf('\\?');
    if (sep >= 0) {
      path = pq.slice(0, sep);
      query = pq.slice(sep + 2);
    } else {
      path = pq;
      query = path.endsWith('*') ? '*' : '';
    }
  }
  const m = [glob(scheme), glob(domain), glob(path), glob(query)];
  return (url) => {
    const u = splitUrl(url);
    return m[0](u.scheme) && m[1](u.host) && m[2](u.path) && m[3](u.query);
  };
}

const resourceCache = new Map<string, (url: string) => boolean>();
function resourceMatcher(resource: string): (url: string) => boolean {
  let m = resourceCache.get(resource);
  if (!m) {
    m = compileResource(resource);
    if (resourceCache.size >= 256) resourceCache.clear();
    resourceCache.set(resource, m);
  }
  return m;
}

// ---- IpAddress --------------------------------------------------------------------------
function ipv4(ip: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip.trim());
  if (!m) return undefined;
  let n = 0;
  for (let i = 1; i <= 4; i++) {
    const o = Number(m[i]);
    if (o > 255) return undefined;
    n = n * 256 + o;
  }
  return n;
}

/** Whether an IPv4 address lies in a CIDR such as '192.0.2.0/24' (a bare address = /32).
 * IPv6 is not supported by CloudFront policies, so it never matches. */
export function ipInCidr(ip: string, cidr: string): boolean {
  const [base, bitsText] = cidr.split('/');
  const bits = bitsText === undefined ? 32 : Number(bitsText);
  const a = ipv4(ip);
  const b = ipv4(base);
  if (a === undefined || b === undefined || !Number.isInteger(bits) || bits < 0 || bits > 32) return false;
  if (bits === 0) return true;
  const shift = 32 - bits;
  return Math.floor(a / 2 ** shift) === Math.floor(b / 2 ** shift);
}

// ---- policy JSON ------------------------------------------------------------------------
interface Statement {
  resource?: string;
  lessThan: number;
  greaterThan?: number;
  sourceIp?: string;
}

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function epoch(cond: unknown): number | undefined | null {
  if (cond === undefined) return undefined;
  if (!isObj(cond)) return null;
  const v = cond['AWS:EpochTime'];
  return typeof v === 'number' && Number.isInteger(v) ? v : null; // a quoted number is invalid
}

/** The one statement of a policy, or a string saying why it is malformed. */
function readPolicy(text: string): Statement | string {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return 'the policy is not valid JSON';
  }
  if (!isObj(doc) || !Array.isArray(doc['Statement']) || doc['Statement'].length !== 1) {
    return 'the policy must have a "Statement" array with exactly one statement';
  }
  const st: unknown = doc['Statement'][0];
  if (!isObj(st) || !isObj(st['Condition'])) return 'the statement has no "Condition"';
  const cond = st['Condition'];
  const lessThan = epoch(cond['DateLessThan']);
  if (lessThan === undefined || lessThan === null)
    return 'Condition.DateLessThan.AWS:EpochTime is required and must be an unquoted integer';
  const greaterThan = epoch(cond['DateGreaterThan']);
  if (greaterThan === null) return 'Condition.DateGreaterThan.AWS:EpochTime must be an unquoted integer';
  let sourceIp: string | undefined;
  if (cond['IpAddress'] !== undefined) {
    const ipCond = cond['IpAddress'];
    if (!isObj(ipCond) || typeof ipCond['AWS:SourceIp'] !== 'string')
      return 'Condition.IpAddress.AWS:SourceIp must be one IPv4 CIDR string';
    sourceIp = ipCond['AWS:SourceIp'];
  }
  const resource = st['Resource'];
  if (resource !== undefined && typeof resource !== 'string') return 'Resource must be a string';
  return { resource, lessThan, greaterThan: greaterThan ?? undefined, sourceIp };
}

const policyCache = new Map<string, Statement | string>();
function cachedPolicy(text: string): Statement | string {
  let p = policyCache.get(text);
  if (p === undefined) {
    p = readPolicy(text);
    if (policyCache.size >= 256) policyCache.clear();
    policyCache.set(text, p);
  }
  return p;
}

/** The policy CloudFront reconstructs for a canned-policy URL or cookie (whitespace-free). */
export function cannedPolicy(resourceUrl: string, expires: number | string): string {
  return `{"Statement":[{"Resource":"${resourceUrl}","Condition":{"DateLessThan":{"AWS:EpochTime":${expires}}}}]}`;
}

// ---- the check --------------------------------------------------------------------------
function firstOf(pairs: Array<[string, string]>, name: string): string | undefined {
  for (const [n, v] of pairs) if (n === name) return v;
  return undefined;
}

/**
 * Checks a request to a behavior with trusted key groups. Any of the reserved query
 * parameters (Expires, Policy, Signature, Key-Pair-Id) makes it a signed URL and the signed
 * cookies are ignored; otherwise the CloudFront-* cookies are used (spec §10.4 precedence).
 */
export function verifySignedRequest(a: SignedRequestArgs): SignedRequestResult {
  const q = parseQuery(a.querystring);
  const fromUrl = q.some(
    ([n]) => n === 'Expires' || n === 'Policy' || n === 'Signature' || n === 'Key-Pair-Id',
  );
  const src = fromUrl ? q : a.cookies;
  const prefix = fromUrl ? '' : 'CloudFront-';
  const keyPairId = firstOf(src, prefix + 'Key-Pair-Id');
  const signature = firstOf(src, prefix + 'Signature');
  const policyParam = firstOf(src, prefix + 'Policy');
  const expiresParam = firstOf(src, prefix + 'Expires');
  const where = fromUrl ? 'URL' : 'cookies';

  if (!keyPairId)
    return fail(
      'MissingKey',
      `no Key-Pair-Id in the ${fromUrl ? 'query string' : 'request (URL or cookies)'}`,
    );
  const trusted = a.keyGroupIds.some((g) => (a.keyGroups[g] ?? []).includes(keyPairId));
  if (!trusted)
    return fail(
      'InvalidKey',
      `public key ${keyPairId} is not in the behavior's trusted key groups (${a.keyGroupIds.join(', ') || 'none'})`,
    );
  const pem = a.publicKeys[keyPairId];
  if (pem === undefined)
    return fail(
      'InvalidKey',
      `public key ${keyPairId} is listed in a key group but has no PEM in publicKeys`,
    );
  const key = publicKey(pem);
  if (key instanceof Error)
    return fail('InvalidKey', `public key ${keyPairId} cannot be used: ${key.message}`);

  if (signature === undefined || signature === '')
    return fail('AccessDenied', `the ${where} has no Signature`);
  const sig = decodeCloudFrontBase64(signature);
  if (!sig) return fail('MalformedSignature', 'the Signature is not valid CloudFront base64');

  let policyText: string;
  if (policyParam !== undefined) {
    const bytes = decodeCloudFrontBase64(policyParam);
    if (!bytes) return fail('MalformedPolicy', 'the Policy is not valid CloudFront base64');
    policyText = utf8Decode(bytes);
  } else if (expiresParam !== undefined) {
    if (!/^\d+$/.test(expiresParam))
      return fail('AccessDenied', `Expires "${expiresParam}" is not a whole number of epoch seconds`);
    policyText = cannedPolicy(a.resourceUrl, expiresParam);
  } else {
    return fail(
      'AccessDenied',
      `the ${where} has neither Expires (canned policy) nor Policy (custom policy)`,
    );
  }

  if (!verifyRsaSha1(key, utf8Encode(policyText), sig)) {
    return fail(
      'AccessDenied',
      `the signature does not match the ${policyParam !== undefined ? 'policy' : 'canned policy for this URL and Expires'} and key ${keyPairId}`,
    );
  }

  const st = cachedPolicy(policyText);
  if (typeof st === 'string') return fail('MalformedPolicy', st);
  const now = a.nowEpochSeconds;
  if (!(now < st.lessThan))
    return fail('AccessDenied', `expired: now ${now} is not before DateLessThan ${st.lessThan}`);
  if (st.greaterThan !== undefined && now < st.greaterThan) {
    return fail('AccessDenied', `not yet valid: now ${now} is before DateGreaterThan ${st.greaterThan}`);
  }
  if (st.sourceIp !== undefined && !(a.clientIp !== undefined && ipInCidr(a.clientIp, st.sourceIp))) {
    return fail('AccessDenied', `viewer IP ${a.clientIp ?? '(unknown)'} is outside ${st.sourceIp}`);
  }
  // A canned policy's Resource is this very URL (the signature already binds it), written with a
  // literal '?', so only custom policies go through wildcard matching.
  if (
    policyParam !== undefined &&
    st.resource !== undefined &&
    !resourceMatcher(st.resource)(a.resourceUrl)
  ) {
    return fail('AccessDenied', `${a.resourceUrl} does not match the policy Resource ${st.resource}`);
  }
  return { ok: true, source: fromUrl ? 'url' : 'cookies', keyPairId };
}
