// Worked examples D and E (spec/examples.md V23-V37): behaviors, protocol, methods, cache key,
// compression. V25 (a viewer-request function) is in examples.functions.test.ts.
import { describe, expect, it } from 'vitest';
import type { CacheBehavior } from '../scenario';
import {
  ALL_METHODS,
  CACHING_OPTIMIZED,
  DOMAIN,
  exampleScenario,
  harness,
  policy,
  scriptedOrigin,
  xcache,
} from './testing/harness';

const stages = (r: { trace: { stage: string }[] }): string[] => r.trace.map((s) => s.stage);

describe('V23 BEH-ORDER-AND-CASE: first match wins; case-sensitive, anchored patterns', () => {
  it('routes every row of the table to the expected behavior', async () => {
    const b = (pathPattern: string, targetOriginId: string): CacheBehavior => ({
      pathPattern,
      targetOriginId,
      viewerProtocolPolicy: 'allow-all',
      allowedMethods: ['GET', 'HEAD'],
      cachedMethods: ['GET', 'HEAD'],
      cachePolicyId: 'P',
    });
    const origins = ['B0', 'B1', 'B2', 'B3'].map((id) => ({
      id,
      domainName: `${id.toLowerCase()}.example.com`,
      customOriginConfig: {},
    }));
    const h = await harness(
      exampleScenario({
        behavior: { targetOriginId: 'B0' },
        distribution: {
          origins,
          cacheBehaviors: [b('images/*.jpg', 'B1'), b('images/*', 'B2'), b('*.gif', 'B3')],
        },
      }),
    );
    const table: Array<[string, string]> = [
      ['/images/sample.gif', 'B2'],
      ['/images/a/b.jpg', 'B1'],
      ['/images/a.JPG', 'B2'],
      ['/x.gif', 'B3'],
      ['/docs/deep/file.gif', 'B3'],
      ['/images', 'B0'],
      ['/images/', 'B2'],
      ['/IMAGES/a.jpg', 'B0'],
      ['/a/images/x.jpg', 'B0'],
    ];
    for (const [path, expected] of table) {
      await h.get(path);
      expect([path, h.calls[h.calls.length - 1].originId]).toEqual([path, expected]);
    }
  });
});

describe('V27 BEH-REDIRECT-NONGET-AND-HTTPSONLY', () => {
  it('redirect-to-https: POST over HTTP/1.1 gets 307 to https, over HTTP/1.0 gets 403', async () => {
    const h = await harness(
      exampleScenario({
        behavior: { viewerProtocolPolicy: 'redirect-to-https', allowedMethods: ALL_METHODS },
      }),
    );
    const r = await h.send('POST', `http://${DOMAIN}/form`, { body: 'x=1' });
    expect([r.status, r.headers['location'], xcache(r), r.headers['server']]).toEqual([
      307,
      `https://${DOMAIN}/form`,
      'Redirect',
      'CloudFront',
    ]);
    const g = await h.send('GET', `http://${DOMAIN}/page?q=1`);
    expect([g.status, g.headers['location']]).toEqual([301, `https://${DOMAIN}/page?q=1`]);
    const old = await h.send('POST', `http://${DOMAIN}/form`, { httpVersion: '1.0', body: 'x=1' });
    expect([old.status, xcache(old)]).toEqual([403, 'Error']);
    expect(h.calls.length).toBe(0);
    expect(h.engine.stats().generated).toBe(2);
  });
  it('https-only: HTTP gets 403 Error and nothing reaches the origin', async () => {
    const h = await harness(exampleScenario({ behavior: { viewerProtocolPolicy: 'https-only' } }));
    const r = await h.get(`http://${DOMAIN}/a`);
    expect([r.status, xcache(r), h.calls.length]).toEqual([403, 'Error', 0]);
  });
});

describe('V29 BEH-METHOD-CACHING: HEAD shares with GET, OPTIONS separate, proxies never cached', () => {
  it('follows the table, with the REC skipped for OPTIONS and POST', async () => {
    const h = await harness(
      exampleScenario({
        behavior: { allowedMethods: ALL_METHODS, cachedMethods: ['GET', 'HEAD', 'OPTIONS'] },
      }),
      scriptedOrigin({ 'cache-control': 'max-age=3600' }),
    );
    const rows: Array<[number, string, number, string, number, boolean | null]> = [
      [0, 'GET', 200, 'Miss', 1, true],
      [1, 'HEAD', 200, 'Hit', 1, null],
      [2, 'OPTIONS', 200, 'Miss', 2, false],
      [3, 'OPTIONS', 200, 'Hit', 2, null],
      [4, 'POST', 200, 'Miss', 3, false],
      [5, 'POST', 200, 'Miss', 4, false],
      [6, 'GET', 200, 'Hit', 4, null],
    ];
    for (const [t, method, status, x, fetches, rec] of rows) {
      h.at(t);
      const r = await h.send(method, '/a', method === 'POST' ? { body: 'x' } : {});
      expect([t, method, r.status, xcache(r), h.calls.length]).toEqual([t, method, status, x, fetches]);
      if (rec !== null) expect(stages(r).includes('regional')).toBe(rec);
      if (method === 'HEAD') expect([r.body, r.bodySize]).toEqual([undefined, 0]);
    }
  });
  it('variant: cached GET,HEAD only, every OPTIONS reaches the origin', async () => {
    const h = await harness(
      exampleScenario({ behavior: { allowedMethods: ALL_METHODS } }),
      scriptedOrigin({ 'cache-control': 'max-age=3600' }),
    );
    for (const t of [0, 1, 2]) {
      h.at(t);
      expect(xcache(await h.send('OPTIONS', '/a'))).toBe('Miss');
    }
    expect(h.calls.length).toBe(3);
  });
});

describe('V31 KEY-DEFAULT: only domain + path', () => {
  it('forwards no query, cookie or Accept-Language, sends User-Agent: Amazon CloudFront, and hits on any variation', async () => {
    const h = await harness(exampleScenario());
    const a = await h.get('/p?ref=1', {
      headers: { Cookie: 's=1', 'User-Agent': 'A', 'Accept-Language': 'en' },
    });
    const sent = h.calls[0];
    expect([
      xcache(a),
      sent.uri,
      sent.querystring,
      sent.headers['cookie'],
      sent.headers['accept-language'],
      sent.headers['user-agent'],
    ]).toEqual(['Miss', '/p', '', undefined, undefined, 'Amazon CloudFront']);
    for (const name of ['x-amz-cf-id', 'via', 'x-forwarded-for']) expect(sent.headers[name]).toBeDefined();
    expect(sent.headers['x-forwarded-for']).toEqual('198.51.100.10');
    h.at(1);
    const b = await h.get('/p?ref=2', { headers: { Cookie: 's=2', 'User-Agent': 'B' } });
    expect([xcache(b), h.calls.length]).toEqual(['Hit', 1]);
  });
});

describe('V33 KEY-QS-ALL: order, case and delimiter matter', () => {
  it('gives five keys for five spellings', async () => {
    const h = await harness(
      exampleScenario({ cachePolicy: policy(0, 86_400, 31_536_000, { queryStringBehavior: 'all' }) }),
    );
    const out: string[] = [];
    for (const q of ['a=1&b=2', 'b=2&a=1', 'a=1&b=2', 'A=1&b=2', 'a=1;b=2'])
      out.push(xcache(await h.get('/p?' + q)));
    expect(out).toEqual(['Miss', 'Miss', 'Hit', 'Miss', 'Miss']);
    expect(h.calls.map((c) => c.querystring)).toEqual(['a=1&b=2', 'b=2&a=1', 'A=1&b=2', 'a=1;b=2']);
  });
});

describe('V35 KEY-COOKIES: case-sensitive; order does not matter', () => {
  it('whitelist [session]', async () => {
    const h = await harness(
      exampleScenario({
        cachePolicy: policy(0, 86_400, 31_536_000, { cookieBehavior: 'whitelist', cookies: ['session'] }),
      }),
    );
    const rows: Array<[string, string]> = [
      ['session=abc; theme=dark', 'Miss'],
      ['theme=light; session=abc', 'Hit'],
      ['Session=abc', 'Miss'],
      ['session=ABC', 'Miss'],
    ];
    for (const [cookie, x] of rows)
      expect([cookie, xcache(await h.get('/p', { headers: { cookie } }))]).toEqual([cookie, x]);
    expect(h.calls[0].headers['cookie']).toEqual('session=abc');
  });
  it('all: order does not change the key; the origin gets cookies sorted by name', async () => {
    const h = await harness(
      exampleScenario({ cachePolicy: policy(0, 86_400, 31_536_000, { cookieBehavior: 'all' }) }),
    );
    const a = await h.get('/p', { headers: { cookie: 'b=2; a=1' } });
    const b = await h.get('/p', { headers: { cookie: 'a=1; b=2' } });
    expect([xcache(a), xcache(b), h.calls.length, h.calls[0].headers['cookie']]).toEqual([
      'Miss',
      'Hit',
      1,
      'a=1; b=2',
    ]);
  });
});

describe('V37 CMP-ELIGIBLE: brotli preferred, ETag weakened, separate keys', () => {
  it('keys br, gzip and identity apart and weakens the ETag of compressed copies', async () => {
    const html = 'x'.repeat(5000);
    const origin = scriptedOrigin({}, () => ({
      status: 200,
      headers: { 'content-type': 'text/html; charset=utf-8', 'content-length': '5000', etag: '"abc"' },
      body: html,
    }));
    const h = await harness(
      exampleScenario({ cachePolicy: CACHING_OPTIMIZED, behavior: { compress: true } }),
      origin,
    );
    const br = await h.get('/page', { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
    const gz = await h.get('/page', { headers: { 'Accept-Encoding': 'gzip' } });
    const none = await h.get('/page');
    expect([xcache(br), br.headers['content-encoding'], br.headers['etag'], br.body?.length]).toEqual([
      'Miss',
      'br',
      'W/"abc"',
      5000,
    ]);
    expect(br.bodySize).toBeLessThan(5000);
    expect([xcache(gz), gz.headers['content-encoding'], gz.headers['etag']]).toEqual([
      'Miss',
      'gzip',
      'W/"abc"',
    ]);
    expect([xcache(none), none.headers['content-encoding'], none.headers['etag'], none.bodySize]).toEqual([
      'Miss',
      undefined,
      '"abc"',
      5000,
    ]);
    expect(h.calls.length).toBe(3);
    expect(h.calls.map((c) => c.headers['accept-encoding'])).toEqual(['br,gzip', 'gzip', undefined]);
    const again = await h.get('/page', { headers: { 'Accept-Encoding': 'br, gzip' } });
    expect([xcache(again), again.headers['content-encoding']]).toEqual(['Hit', 'br']);
  });
});
