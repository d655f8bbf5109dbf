// Worked examples J (spec/examples.md V55, V57): signed URLs and cookies, with an RSA-2048 key
// pair made here by node:crypto and policies signed like the AWS CLI does (RSA-SHA1).
import { generateKeyPairSync, sign } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CacheBehavior } from '../scenario';
import { DOMAIN, exampleScenario, harness, policy, xcache } from './testing/harness';

const KEY_ID = 'K2JCJMDEHXQW5F';
let privateKey: string;
let publicKey: string;

beforeAll(() => {
  const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
  privateKey = pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  publicKey = pair.publicKey.export({ type: 'spki', format: 'pem' }).toString();
});

const urlSafe = (b64: string): string => b64.replace(/\+/g, '-').replace(/=/g, '_').replace(/\//g, '~');
const signPolicy = (p: string): string =>
  urlSafe(sign('sha1', Buffer.from(p, 'utf8'), privateKey).toString('base64'));

function scenario(qs: 'none' | 'all' = 'none') {
  const privateBehavior: CacheBehavior = {
    pathPattern: 'private/*',
    targetOriginId: 'app',
    viewerProtocolPolicy: 'allow-all',
    allowedMethods: ['GET', 'HEAD'],
    cachedMethods: ['GET', 'HEAD'],
    cachePolicyId: 'P',
    trustedKeyGroups: ['kg1'],
  };
  return exampleScenario({
    cachePolicy: policy(0, 86_400, 31_536_000, { queryStringBehavior: qs }),
    distribution: { cacheBehaviors: [privateBehavior] },
    scenario: { publicKeys: { [KEY_ID]: publicKey }, keyGroups: { kg1: [KEY_ID] } },
  });
}

const CUSTOM =
  '{"Statement":[{"Resource":"https://d111111abcdef8.cloudfront.net/private/*","Condition":{"DateLessThan":{"AWS:EpochTime":1700003600},"DateGreaterThan":{"AWS:EpochTime":1700001000},"IpAddress":{"AWS:SourceIp":"192.0.2.0/24"}}}]}';
const customQuery = (): string =>
  `Policy=${urlSafe(Buffer.from(CUSTOM).toString('base64'))}&Signature=${signPolicy(CUSTOM)}&Key-Pair-Id=${KEY_ID}`;
const customCookies = (): string =>
  `CloudFront-Policy=${urlSafe(Buffer.from(CUSTOM).toString('base64'))}; CloudFront-Signature=${signPolicy(CUSTOM)}; CloudFront-Key-Pair-Id=${KEY_ID}`;
const canned = (path: string, expires: number): string => {
  const p = `{"Statement":[{"Resource":"https://${DOMAIN}${path}","Condition":{"DateLessThan":{"AWS:EpochTime":${expires}}}}]}`;
  return `Expires=${expires}&Signature=${signPolicy(p)}&Key-Pair-Id=${KEY_ID}`;
};

describe('V55 SIG-CUSTOM-AND-PRECEDENCE', () => {
  it('checks DateGreaterThan, the Resource wildcard, the source IP and expiry', async () => {
    const h = await harness(scenario(), undefined, 1_700_000_000_000);
    const rows: Array<[number, string, string, number]> = [
      [0, '192.0.2.5', '/private/a.jpg', 403],
      [2000, '192.0.2.5', '/private/x/y.jpg', 200],
      [2000, '198.51.100.7', '/private/a.jpg', 403],
      [4000, '192.0.2.5', '/private/a.jpg', 403],
    ];
    for (const [t, ip, path, status] of rows) {
      h.at(t);
      const r = await h.get(`${path}?${customQuery()}`, { viewer: { ip, country: 'US', pop: 'IAD' } });
      expect([t, ip, path, r.status]).toEqual([t, ip, path, status]);
      if (status === 403) {
        expect([xcache(r), r.headers['content-type']]).toEqual(['Error', 'text/xml']);
        expect(r.body).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?><Error><Code>AccessDenied<\/Code>/);
      }
    }
  });
  it('a signed URL takes precedence over signed cookies, and any reserved parameter disables cookies', async () => {
    const h = await harness(scenario(), undefined, 1_700_000_000_000);
    h.at(2000);
    const viewer = { ip: '192.0.2.5', country: 'US', pop: 'IAD' };
    const cookies = { cookie: customCookies() };
    const expiredUrl = canned('/private/a.jpg', 1_700_000_500);
    expect((await h.get(`/private/a.jpg?${expiredUrl}`, { viewer, headers: cookies })).status).toBe(403);
    expect((await h.get('/private/a.jpg', { viewer, headers: cookies })).status).toBe(200);
    expect((await h.get('/private/a.jpg?Expires=123', { viewer, headers: cookies })).status).toBe(403);
    const missing = await h.get('/private/a.jpg', { viewer });
    expect([missing.status, missing.body?.includes('<Code>MissingKey</Code>')]).toEqual([403, true]);
    // Unsigned paths outside the behavior stay public.
    expect((await h.get('/public.jpg', { viewer })).status).toBe(200);
  });
  it("a key that is not in the behavior's key groups is refused", async () => {
    const h = await harness(scenario(), undefined, 1_700_000_000_000);
    h.at(2000);
    const r = await h.get(`/private/a.jpg?${customQuery().replace(KEY_ID, 'KUNKNOWNKEY123')}`, {
      viewer: { ip: '192.0.2.5', country: 'US', pop: 'IAD' },
    });
    expect([r.status, r.body?.includes('<Code>InvalidKey</Code>')]).toEqual([403, true]);
  });
});

describe('V57 SIG-NOT-IN-KEY', () => {
  it('two signed URLs for one object share a cache entry; the signing parameters never reach the origin', async () => {
    const h = await harness(scenario('all'), undefined, 1_700_000_000_000);
    const a = await h.get(`/private/a.jpg?${canned('/private/a.jpg', 1_700_000_600)}`);
    const b = await h.get(`/private/a.jpg?${canned('/private/a.jpg', 1_700_000_900)}`);
    expect([a.status, xcache(a), b.status, xcache(b), h.calls.length]).toEqual([200, 'Miss', 200, 'Hit', 1]);
    expect(h.calls[0].querystring).toBe('');
    const withParam = await h.get(`/private/a.jpg?x=1&${canned('/private/a.jpg?x=1', 1_700_000_600)}`);
    expect([withParam.status, xcache(withParam), h.calls[1].querystring]).toEqual([200, 'Miss', 'x=1']);
  });
});
