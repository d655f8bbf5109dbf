// Worked examples B and C (spec/examples.md V13-V21): stale serving, viewer conditionals,
// error caching and custom error responses' ErrorCachingMinTTL.
import { describe, expect, it } from 'vitest';
import { DEFAULT_MODEL_SETTINGS } from '../scenario';
import { exampleScenario, harness, policy, scriptedOrigin, xcache } from './testing/harness';

describe('V13 REV-STALE-ON-5XX: default stale-on-error for ErrorCachingMinTTL', () => {
  it('serves the expired copy on 503, keeps it for 10 s without asking, then revalidates', async () => {
    // X-Cache while serving stale is UNCONFIRMED: settings.staleOnErrorXCache (default RefreshHit).
    expect(DEFAULT_MODEL_SETTINGS.staleOnErrorXCache).toBe('RefreshHit');
    const origin = scriptedOrigin({ 'cache-control': 'max-age=10' }, (req) =>
      req.at >= 15_000 && req.at < 30_000
        ? { status: 503, headers: { 'content-type': 'text/plain' }, body: 'down' }
        : undefined,
    );
    const h = await harness(exampleScenario(), origin);
    const rows: Array<[number, number, string, string, number]> = [
      [0, 200, 'v1', 'Miss', 1],
      [20, 200, 'v1', 'RefreshHit', 2],
      [25, 200, 'v1', 'RefreshHit', 2],
      [31, 200, 'v1', 'RefreshHit', 3],
    ];
    for (const [t, status, body, x, fetches] of rows) {
      h.at(t);
      const r = await h.get('/a');
      expect([t, r.status, r.body, xcache(r), h.calls.length]).toEqual([t, status, body, x, fetches]);
    }
    expect(h.calls[2].headers['if-none-match']).toEqual('"e1"');
  });
});

describe('V15 REV-STALE-IF-ERROR-0: the origin forbids stale serving', () => {
  const setup = (cc: string) =>
    harness(
      exampleScenario({
        cachePolicy: policy(30, 86_400, 31_536_000),
        distribution: {
          origins: [
            { id: 'app', domainName: 'app.example.com', connectionAttempts: 1, customOriginConfig: {} },
          ],
        },
      }),
      scriptedOrigin({ 'cache-control': cc }, (req) =>
        req.at >= 35_000 ? { error: 'refused', status: 0 } : undefined,
      ),
    );
  it('stale-if-error=0: a CloudFront 502 once MinTTL has passed', async () => {
    const h = await setup('no-cache, stale-if-error=0');
    expect(xcache(await h.get('/a'))).toBe('Miss');
    h.at(10);
    expect(xcache(await h.get('/a'))).toBe('Hit');
    h.at(40);
    const r = await h.get('/a');
    expect([r.status, xcache(r), r.headers['server']]).toEqual([502, 'Error', 'CloudFront']);
    expect(r.body).toContain('502 ERROR');
  });
  it('control without stale-if-error=0: the stale copy is served', async () => {
    const h = await setup('no-cache');
    await h.get('/a');
    h.at(40);
    const r = await h.get('/a');
    expect([r.status, r.body]).toEqual([200, 'v1']);
  });
});

describe('V17 REV-VIEWER-CONDITIONAL: the edge answers a viewer conditional GET', () => {
  it('304 without a body for a matching If-None-Match on a fresh hit, 200 otherwise', async () => {
    const h = await harness(exampleScenario(), scriptedOrigin({ 'cache-control': 'max-age=3600' }));
    const a = await h.get('/a');
    h.at(5);
    const b = await h.get('/a', { headers: { 'If-None-Match': '"e1"' } });
    h.at(6);
    const c = await h.get('/a', { headers: { 'If-None-Match': '"zz"' } });
    expect([a.status, xcache(a)]).toEqual([200, 'Miss']);
    expect([b.status, b.body, b.bodySize, xcache(b), b.headers['etag']]).toEqual([
      304,
      undefined,
      0,
      'Hit',
      '"e1"',
    ]);
    expect([c.status, c.body, xcache(c)]).toEqual([200, 'v1', 'Hit']);
    expect(h.calls.length).toBe(1);
  });
});

describe('V19 ERR-TTL-COMBINATIONS: error TTL = max(ECMT, header), header capped by MaxTTL', () => {
  it('(a) 404 with max-age=60', async () => {
    const h = await harness(
      exampleScenario(),
      scriptedOrigin({}, () => ({
        status: 404,
        extraHeaders: { 'cache-control': 'max-age=60' },
        body: 'nf',
      })),
    );
    const first = await h.get('/a');
    h.at(30);
    const cached = await h.get('/a');
    expect([first.status, xcache(first), cached.status, xcache(cached), h.calls.length]).toEqual([
      404,
      'Error',
      404,
      'Error',
      1,
    ]);
    h.at(61);
    await h.get('/a');
    expect(h.calls.length).toBe(2);
  });
  it('(b) 500 with max-age=5 and ErrorCachingMinTTL 30', async () => {
    const h = await harness(
      exampleScenario({
        distribution: { customErrorResponses: [{ errorCode: 500, errorCachingMinTtl: 30 }] },
      }),
      scriptedOrigin({}, () => ({
        status: 500,
        extraHeaders: { 'cache-control': 'max-age=5' },
        body: 'boom',
      })),
    );
    await h.get('/a');
    h.at(20);
    await h.get('/a');
    expect(h.calls.length).toBe(1);
    h.at(31);
    await h.get('/a');
    expect(h.calls.length).toBe(2);
  });
  it('(c) 404 with max-age=600 under P(0/86400/100): TTL 100', async () => {
    const h = await harness(
      exampleScenario({ cachePolicy: policy(0, 86_400, 100) }),
      scriptedOrigin({}, () => ({
        status: 404,
        extraHeaders: { 'cache-control': 'max-age=600' },
        body: 'nf',
      })),
    );
    await h.get('/a');
    h.at(99);
    await h.get('/a');
    expect(h.calls.length).toBe(1);
    h.at(101);
    await h.get('/a');
    expect(h.calls.length).toBe(2);
  });
});

describe('V21 ERR-NOCACHE: ErrorCachingMinTTL 0 and 416', () => {
  it('(a) ECMT 0 for 404 without headers: not cached', async () => {
    const h = await harness(
      exampleScenario({
        distribution: { customErrorResponses: [{ errorCode: 404, errorCachingMinTtl: 0 }] },
      }),
      scriptedOrigin({}, () => ({ status: 404, headers: {}, body: 'nf' })),
    );
    await h.get('/a');
    h.at(1);
    await h.get('/a');
    expect(h.calls.length).toBe(2);
  });
  it('(b) 416 is never cached, whatever ErrorCachingMinTTL says', async () => {
    const h = await harness(
      exampleScenario({
        distribution: { customErrorResponses: [{ errorCode: 416, errorCachingMinTtl: 300 }] },
      }),
      scriptedOrigin({}, () => ({ status: 416, headers: {}, body: '' })),
    );
    const a = await h.get('/a');
    h.at(1);
    await h.get('/a');
    expect([a.status, xcache(a), h.calls.length]).toEqual([416, 'Error', 2]);
  });
});
