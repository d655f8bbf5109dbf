// "Why was this a miss?" against real traces from the engine (the worked-example harness: one
// origin answering 200 "v1" with ETag "e1", a viewer at IAD, the clock in seconds).
import { describe, expect, it } from 'vitest';
import {
  CACHING_DISABLED,
  exampleScenario,
  harness,
  policy,
  scriptedOrigin,
  xcache,
} from '../sim/testing/harness';
import type { ViewerResult } from '../types';
import { explainResult, type InvalidationRecord } from './explainResult';

async function explainSequence(
  h: Awaited<ReturnType<typeof harness>>,
  steps: Array<[seconds: number, path: string]>,
) {
  const history: ViewerResult[] = [];
  for (const [t, path] of steps) {
    h.at(t);
    history.push(await h.get(path));
  }
  return history;
}

describe('explainResult', () => {
  it('says nothing for a Hit', async () => {
    const h = await harness(exampleScenario());
    const [a, b] = await explainSequence(h, [
      [0, '/a'],
      [5, '/a'],
    ]);
    expect(xcache(b)).toBe('Hit');
    expect(explainResult(b, { history: [a] })).toBeNull();
  });

  it('a first request for the key at this PoP', async () => {
    const h = await harness(exampleScenario());
    const a = await h.get('/a');
    const e = explainResult(a, { history: [] });
    expect(e?.reason).toBe('first-request');
    expect(e?.summary).toBe(
      'First request for this cache key at edge location IAD66-C1: nothing was cached there yet.',
    );
  });

  it('names the query parameter that makes the key differ', async () => {
    const h = await harness(
      exampleScenario({
        cachePolicy: policy(0, 86_400, 31_536_000, { queryStringBehavior: 'whitelist', queryStrings: ['v'] }),
      }),
    );
    const [a, b] = await explainSequence(h, [
      [0, '/a?v=1'],
      [3, '/a?v=2&utm=x'],
    ]);
    expect(xcache(b)).toBe('Miss');
    const e = explainResult(b, { history: [a, b] });
    expect(e?.reason).toBe('key-differs');
    expect(e?.keyDifferences).toEqual([{ part: 'query', name: 'v', cached: '1', now: '2' }]);
    expect(e?.summary).toBe(
      'The cache key differs from the one cached at IAD66-C1 at t=0.0 s: the query parameter `v` differs: 1 vs 2.',
    );
  });

  it('a header in the key that was absent before', async () => {
    const h = await harness(
      exampleScenario({
        cachePolicy: policy(0, 86_400, 31_536_000, {
          headerBehavior: 'whitelist',
          headers: ['CloudFront-Viewer-Country', 'x-tenant'],
        }),
      }),
    );
    const a = await h.get('/a');
    const b = await h.get('/a', { headers: { 'X-Tenant': 'blue' } });
    const e = explainResult(b, { history: [a] });
    expect(e?.keyDifferences).toEqual([{ part: 'header', name: 'x-tenant', cached: null, now: 'blue' }]);
    expect(e?.summary).toContain('the header `x-tenant` differs: absent vs blue');
  });

  it('a RefreshHit: TTL expired, with the max-age that set it', async () => {
    const h = await harness(exampleScenario(), scriptedOrigin({ 'cache-control': 'max-age=60' }));
    const [a, b] = await explainSequence(h, [
      [0, '/a'],
      [61, '/a'],
    ]);
    expect(xcache(b)).toBe('RefreshHit');
    const e = explainResult(b, { history: [a] });
    expect(e?.reason).toBe('ttl-expired');
    expect(e?.summary).toBe(
      'TTL expired: the copy cached at edge location IAD66-C1 was stale (age 61 s ≥ TTL 60 s), so CloudFront revalidated it with the origin, which answered 304 Not Modified: the cached body was served and its TTL restarted.',
    );
    expect(e?.details[0]).toBe("The TTL came from max-age=60 from the origin's Cache-Control.");
  });

  it('DefaultTTL when the origin sent no caching headers, and MinTTL raising a short max-age', async () => {
    const h = await harness(exampleScenario({ cachePolicy: policy(0, 100, 1000) }));
    const [a, b] = await explainSequence(h, [
      [0, '/a'],
      [150, '/a'],
    ]);
    expect(explainResult(b, { history: [a] })?.details[0]).toBe(
      "The TTL came from the origin sent no s-maxage, max-age or Expires, so the policy's DefaultTTL (100 s) applies.",
    );
    const h2 = await harness(
      exampleScenario({ cachePolicy: policy(30, 100, 1000) }),
      scriptedOrigin({ 'cache-control': 'max-age=5, s-maxage=10' }),
    );
    const [c, d] = await explainSequence(h2, [
      [0, '/a'],
      [31, '/a'],
    ]);
    const e = explainResult(d, { history: [c] });
    expect(e?.summary).toContain('(age 31 s ≥ TTL 30 s)');
    expect(e?.details[0]).toBe(
      "The TTL came from s-maxage=10 from the origin's Cache-Control (it wins over max-age=5), raised to the policy's MinTTL (30 s).",
    );
  });

  it('an invalidation between the two requests', async () => {
    const h = await harness(exampleScenario());
    const a = await h.get('/img/a.png');
    h.at(10);
    const id = h.engine.invalidate(['/img/*']);
    const invalidations: InvalidationRecord[] = [{ id, paths: ['/img/*'], createdAtMs: 10_000 }];
    h.at(20);
    const b = await h.get('/img/a.png');
    expect(xcache(b)).toBe('Miss');
    const e = explainResult(b, { history: [a], invalidations });
    expect(e?.reason).toBe('invalidated');
    expect(e?.summary).toBe(
      `Invalidated at t=10.0 s: invalidation ${id} (/img/*) removed the copy cached at t=0.0 s.`,
    );
  });

  it('POST is never cached', async () => {
    const h = await harness(
      exampleScenario({
        behavior: { allowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'POST', 'PATCH', 'DELETE'] },
      }),
    );
    const r = await h.send('POST', '/api', { body: 'x=1' });
    const e = explainResult(r, { history: [] });
    expect([xcache(r), e?.reason]).toEqual(['Miss', 'method-not-cached']);
    expect(e?.summary).toMatch(/^POST is never cached/);
  });

  it('no-store with MinTTL 0: not cacheable', async () => {
    const h = await harness(exampleScenario(), scriptedOrigin({ 'cache-control': 'no-store' }));
    const [a, b] = await explainSequence(h, [
      [0, '/a'],
      [1, '/a'],
    ]);
    const e = explainResult(b, { history: [a] });
    expect([xcache(b), e?.reason]).toEqual(['Miss', 'not-cacheable']);
    expect(e?.summary).toContain("Cache-Control: no-store with the policy's MinTTL 0");
  });

  it('the CachingDisabled policy', async () => {
    const h = await harness(exampleScenario({ cachePolicy: CACHING_DISABLED }));
    const r = await h.get('/a');
    const e = explainResult(r, { history: [] });
    expect(e?.reason).toBe('caching-disabled');
    expect(e?.summary).toBe(
      'The behavior\'s cache policy "Managed-CachingDisabled" disables caching (MaxTTL 0 s): every request goes to the origin.',
    );
  });

  it('evicted for capacity while still fresh', async () => {
    const h = await harness(
      exampleScenario({
        scenario: { topology: { pops: ['IAD'], regionalEdgeCaches: false, capacityBytes: { edge: 1 } } },
      }),
      scriptedOrigin({ 'cache-control': 'max-age=3600', 'content-length': '600' }, () => ({
        extraHeaders: {},
      })),
    );
    const [a, , c] = await explainSequence(h, [
      [0, '/a'],
      [1, '/b'],
      [2, '/a'],
    ]);
    expect(xcache(c)).toBe('Miss');
    const e = explainResult(c, { history: [a] });
    expect(e?.reason).toBe('evicted');
    expect(e?.summary).toBe(
      "Evicted for capacity: the copy cached at t=0.0 s was still fresh (age 2 s < TTL 3600 s (60 min)) but IAD66-C1's cache removed it to make room (least recently used first).",
    );
  });

  it('an origin error names the status the origin sent', async () => {
    const h = await harness(
      exampleScenario(),
      scriptedOrigin({}, () => ({ status: 503, headers: {} })),
    );
    const r = await h.get('/a');
    const e = explainResult(r, { history: [] });
    expect([r.status, e?.reason]).toEqual([503, 'origin-error']);
    expect(e?.summary).toBe('Origin error: origin "app" answered 503, so the viewer got 503.');
  });

  it('a request CloudFront refuses before any cache', async () => {
    const h = await harness(exampleScenario());
    const r = await h.send('DELETE', '/a');
    const e = explainResult(r, { history: [] });
    expect([r.status, e?.reason]).toEqual([403, 'refused']);
    expect(e?.summary).toBe(
      "CloudFront answered 403 before looking in any cache: DELETE is not in this behavior's allowed methods (GET, HEAD): 403.",
    );
  });
});
