import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  cannedPolicy,
  compileResource,
  ipInCidr,
  verifySignedRequest,
  type SignedRequestArgs,
} from './signedUrl';

// CloudFront's URL-safe base64 ('+' -> '-', '=' -> '_', '/' -> '~'), done independently of the
// module under test so the test cannot agree with a bug.
const cf = (b: Buffer): string =>
  b.toString('base64').replace(/\+/g, '-').replace(/=/g, '_').replace(/\//g, '~');
const signWith = (key: KeyObject, policy: string): string =>
  cf(sign('sha1', Buffer.from(policy, 'utf8'), key));

const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
const PEM = publicKey.export({ type: 'spki', format: 'pem' }).toString();
const KEY_ID = 'K2JCJMDEHXQW5F';

const BASE = {
  keyGroupIds: ['kg-1'],
  keyGroups: { 'kg-1': [KEY_ID], 'kg-other': ['KOTHER'] },
  publicKeys: { [KEY_ID]: PEM, KOTHER: other.publicKey.export({ type: 'spki', format: 'pem' }).toString() },
};
const HOST = 'https://d111111abcdef8.cloudfront.net';

// V55 policy
const POLICY =
  '{"Statement":[{"Resource":"https://d111111abcdef8.cloudfront.net/private/*","Condition":{"DateLessThan":{"AWS:EpochTime":1700003600},"DateGreaterThan":{"AWS:EpochTime":1700001000},"IpAddress":{"AWS:SourceIp":"192.0.2.0/24"}}}]}';
const customQs = (policy = POLICY, key: KeyObject = privateKey, id = KEY_ID): string =>
  `Policy=${cf(Buffer.from(policy, 'utf8'))}&Signature=${signWith(key, policy)}&Key-Pair-Id=${id}`;

function check(over: Partial<SignedRequestArgs> & { path?: string }) {
  const path = over.path ?? '/private/a.jpg';
  return verifySignedRequest({
    resourceUrl: HOST + path,
    querystring: '',
    cookies: [],
    nowEpochSeconds: 1700002000,
    clientIp: '192.0.2.5',
    ...BASE,
    ...over,
  });
}

describe('V55: custom policy', () => {
  it.each([
    [1700000000, '192.0.2.5', '/private/a.jpg', false, /before DateGreaterThan/],
    [1700002000, '192.0.2.5', '/private/x/y.jpg', true, null],
    [1700002000, '198.51.100.7', '/private/a.jpg', false, /outside 192\.0\.2\.0\/24/],
    [1700004000, '192.0.2.5', '/private/a.jpg', false, /expired/],
  ])('now %i from %s for %s -> ok=%s', (now, ip, path, ok, reason) => {
    const r = check({ nowEpochSeconds: now, clientIp: ip, path, querystring: customQs() });
    expect(r.ok).toBe(ok);
    if (!r.ok) {
      expect(r.code).toBe('AccessDenied');
      expect(r.message).toBe('Access denied');
      expect(r.reason).toMatch(reason as RegExp);
    }
  });
  it('refuses a path outside the Resource', () => {
    const r = check({ path: '/public/a.jpg', querystring: customQs() });
    expect(r.ok ? 'ok' : r.reason).toBe(
      `${HOST}/public/a.jpg does not match the policy Resource https://d111111abcdef8.cloudfront.net/private/*`,
    );
  });
  it('DateLessThan is strict at equality', () => {
    expect(check({ nowEpochSeconds: 1700003600, querystring: customQs() }).ok).toBe(false);
    expect(check({ nowEpochSeconds: 1700003599, querystring: customQs() }).ok).toBe(true);
  });
});

describe('V55: precedence of URL over cookies', () => {
  const cookies: Array<[string, string]> = [
    ['CloudFront-Policy', cf(Buffer.from(POLICY, 'utf8'))],
    ['CloudFront-Signature', signWith(privateKey, POLICY)],
    ['CloudFront-Key-Pair-Id', KEY_ID],
  ];
  it('valid cookies alone: allowed', () => {
    expect(check({ cookies })).toEqual({ ok: true, source: 'cookies', keyPairId: KEY_ID });
  });
  it('valid cookies plus an expired signed URL: the URL wins, 403', () => {
    const expired =
      '{"Statement":[{"Resource":"https://d111111abcdef8.cloudfront.net/private/*","Condition":{"DateLessThan":{"AWS:EpochTime":1700001500}}}]}';
    const r = check({ cookies, querystring: customQs(expired) });
    expect(r.ok ? 'ok' : r.code).toBe('AccessDenied');
  });
  it('an unsigned URL with ?Expires=123 makes CloudFront ignore valid cookies', () => {
    const r = check({ cookies, querystring: 'Expires=123' });
    expect(r.ok ? 'ok' : r.code).toBe('MissingKey');
  });
});

describe('canned policy', () => {
  const url = `${HOST}/private/a.jpg?size=large`;
  const cannedQs = (expires: number, key: KeyObject = privateKey): string =>
    `size=large&Expires=${expires}&Signature=${signWith(key, cannedPolicy(url, expires))}&Key-Pair-Id=${KEY_ID}`;
  it('builds the whitespace-free policy CloudFront signs', () => {
    expect(cannedPolicy('https://d111111abcdef8.cloudfront.net/a.jpg', 1700003600)).toBe(
      '{"Statement":[{"Resource":"https://d111111abcdef8.cloudfront.net/a.jpg","Condition":{"DateLessThan":{"AWS:EpochTime":1700003600}}}]}',
    );
  });
  it('accepts a valid canned URL, and refuses it once expired', () => {
    expect(check({ resourceUrl: url, querystring: cannedQs(1700003600) }).ok).toBe(true);
    expect(
      check({ resourceUrl: url, querystring: cannedQs(1700003600), nowEpochSeconds: 1700003601 }).ok,
    ).toBe(false);
  });
  it('binds the URL: the same signature for another query string fails', () => {
    const r = check({ resourceUrl: `${HOST}/private/a.jpg?size=small`, querystring: cannedQs(1700003600) });
    expect(r.ok ? 'ok' : r.code).toBe('AccessDenied');
  });
  it('works from CloudFront-Expires cookies too', () => {
    const r = check({
      resourceUrl: url,
      cookies: [
        ['CloudFront-Expires', '1700003600'],
        ['CloudFront-Signature', signWith(privateKey, cannedPolicy(url, 1700003600))],
        ['CloudFront-Key-Pair-Id', KEY_ID],
      ],
    });
    expect(r.ok).toBe(true);
  });
});

describe('failures', () => {
  it('no key at all: MissingKey with the documented message', () => {
    expect(check({})).toEqual({
      ok: false,
      code: 'MissingKey',
      message: 'Missing Key-Pair-Id query parameter or cookie value',
      reason: 'no Key-Pair-Id in the request (URL or cookies)',
    });
    expect(
      check({ querystring: `Policy=${cf(Buffer.from(POLICY))}&Signature=${signWith(privateKey, POLICY)}` }),
    ).toMatchObject({ code: 'MissingKey' });
  });
  it('unknown key id, and a key outside the behavior key groups: InvalidKey "Unknown Key"', () => {
    expect(check({ querystring: customQs(POLICY, privateKey, 'KNOPE') })).toMatchObject({
      ok: false,
      code: 'InvalidKey',
      message: 'Unknown Key',
    });
    expect(check({ querystring: customQs(POLICY, other.privateKey, 'KOTHER') })).toMatchObject({
      ok: false,
      code: 'InvalidKey',
    });
    expect(
      check({ querystring: customQs(POLICY, other.privateKey, 'KOTHER'), keyGroupIds: ['kg-1', 'kg-other'] })
        .ok,
    ).toBe(true);
  });
  it('a key group entry without a PEM, or with a broken PEM: InvalidKey', () => {
    expect(check({ querystring: customQs(), publicKeys: {} })).toMatchObject({ code: 'InvalidKey' });
    expect(check({ querystring: customQs(), publicKeys: { [KEY_ID]: 'not a key' } })).toMatchObject({
      code: 'InvalidKey',
    });
  });
  it('tampered signature or policy: AccessDenied', () => {
    const sig = signWith(privateKey, POLICY);
    const flipped = sig[10] === 'A' ? 'B' : 'A';
    const tampered = sig.slice(0, 10) + flipped + sig.slice(11);
    expect(
      check({ querystring: `Policy=${cf(Buffer.from(POLICY))}&Signature=${tampered}&Key-Pair-Id=${KEY_ID}` }),
    ).toMatchObject({ code: 'AccessDenied' });
    const wider = POLICY.replace('/private/*', '/*');
    expect(
      check({ querystring: `Policy=${cf(Buffer.from(wider))}&Signature=${sig}&Key-Pair-Id=${KEY_ID}` }),
    ).toMatchObject({ code: 'AccessDenied' });
    expect(check({ querystring: customQs(POLICY, other.privateKey) })).toMatchObject({
      code: 'AccessDenied',
    });
  });
  it('missing Signature, or neither Expires nor Policy: AccessDenied', () => {
    expect(check({ querystring: `Policy=${cf(Buffer.from(POLICY))}&Key-Pair-Id=${KEY_ID}` })).toMatchObject({
      code: 'AccessDenied',
    });
    expect(check({ querystring: `Signature=abc&Key-Pair-Id=${KEY_ID}` })).toMatchObject({
      code: 'AccessDenied',
    });
  });
  it('undecodable Signature: MalformedSignature; a signed policy without DateLessThan: MalformedPolicy', () => {
    expect(
      check({ querystring: `Policy=${cf(Buffer.from(POLICY))}&Signature=%%%&Key-Pair-Id=${KEY_ID}` }),
    ).toMatchObject({
      code: 'MalformedSignature',
      message: 'Could not unencode Signature',
    });
    const noDate = '{"Statement":[{"Resource":"*","Condition":{"DateGreaterThan":{"AWS:EpochTime":1}}}]}';
    expect(check({ querystring: customQs(noDate) })).toMatchObject({
      code: 'MalformedPolicy',
      message: 'Malformed Policy',
    });
    const quoted =
      '{"Statement":[{"Resource":"*","Condition":{"DateLessThan":{"AWS:EpochTime":"1800000000"}}}]}';
    expect(check({ querystring: customQs(quoted) })).toMatchObject({ code: 'MalformedPolicy' });
  });
  it('a policy without Resource applies to every URL', () => {
    const open = '{"Statement":[{"Condition":{"DateLessThan":{"AWS:EpochTime":1800000000}}}]}';
    expect(check({ path: '/anything', querystring: customQs(open) }).ok).toBe(true);
  });
});

describe('Resource wildcards (spec §10.4)', () => {
  it("'*' alone matches everything", () => {
    expect(compileResource('*')('http://x.example/a?b=1')).toBe(true);
  });
  it("a trailing '*' in the path implies '?*'; without it, no query is allowed", () => {
    const m = compileResource('https://d111111abcdef8.cloudfront.net/private/*');
    expect(m(`${HOST}/private/a.jpg?x=1`)).toBe(true);
    const exact = compileResource('https://d111111abcdef8.cloudfront.net/a.jpg');
    expect(exact(`${HOST}/a.jpg`)).toBe(true);
    expect(exact(`${HOST}/a.jpg?x=1`)).toBe(false);
  });
  it("'\\?' separates the query section; '?' elsewhere is one character", () => {
    const m = compileResource('https://d111111abcdef8.cloudfront.net/a?.jpg\\?v=*');
    expect(m(`${HOST}/ab.jpg?v=3`)).toBe(true);
    expect(m(`${HOST}/ab.jpg`)).toBe(false);
    expect(m(`${HOST}/abc.jpg?v=3`)).toBe(false);
  });
  it("wildcards in scheme and domain; a trailing '*' in the domain implies '/*?*'", () => {
    expect(compileResource('http*://*.cloudfront.net/*')(`${HOST}/x/y`)).toBe(true);
    expect(compileResource('https://d111111abcdef8.*')(`${HOST}/x?y=1`)).toBe(true);
    expect(compileResource('*example.com')('http://www.example.com/')).toBe(true);
    expect(compileResource('*example.com')('http://www.example.com/a')).toBe(false);
  });
});

describe('ipInCidr', () => {
  it('matches IPv4 CIDRs and bare addresses; IPv6 never matches', () => {
    expect(ipInCidr('192.0.2.255', '192.0.2.0/24')).toBe(true);
    expect(ipInCidr('192.0.3.0', '192.0.2.0/24')).toBe(false);
    expect(ipInCidr('10.1.2.3', '10.0.0.0/8')).toBe(true);
    expect(ipInCidr('203.0.113.9', '203.0.113.9')).toBe(true);
    expect(ipInCidr('1.2.3.4', '0.0.0.0/0')).toBe(true);
    expect(ipInCidr('2001:db8::1', '192.0.2.0/24')).toBe(false);
    expect(ipInCidr('192.0.2.1', '192.0.2.0/33')).toBe(false);
  });
});
