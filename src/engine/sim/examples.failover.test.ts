// Worked examples H and L (spec/examples.md V45, V47, V59): origin groups, timeouts, collapsing.
import { describe, expect, it } from 'vitest';
import type { Origin } from '../scenario';
import type { OriginRequest, OriginResponse } from '../types';
import {
  CACHING_DISABLED,
  exampleScenario,
  harness,
  policy,
  scriptedOrigin,
  xcache,
} from './testing/harness';

const origin = (id: string, extra: Partial<Origin> = {}): Origin => ({
  id,
  domainName: `${id.toLowerCase()}.example.com`,
  customOriginConfig: {},
  ...extra,
});

function groupScenario(p: Partial<Origin> = {}) {
  return exampleScenario({
    behavior: { targetOriginId: 'G' },
    distribution: {
      origins: [origin('P', p), origin('S')],
      originGroups: [
        { id: 'G', failoverCriteria: { statusCodes: [500, 502, 503, 504] }, members: ['P', 'S'] },
      ],
    },
  });
}

/** P and S answer by script; `calls` is split per origin. */
function twoOrigins(p: (req: OriginRequest) => OriginResponse, s: (req: OriginRequest) => OriginResponse) {
  const calls: OriginRequest[] = [];
  return {
    calls,
    fetch: (req: OriginRequest): OriginResponse => {
      calls.push(req);
      return req.originId === 'P' ? p(req) : s(req);
    },
  };
}
const count = (calls: OriginRequest[], id: string): number => calls.filter((c) => c.originId === id).length;

describe('V45 FO-STATUS-FAILOVER', () => {
  it('fails over on 503, caches the secondary answer, and tries the primary first again', async () => {
    const healthy = scriptedOrigin({ 'cache-control': 'max-age=60' });
    const o = twoOrigins(() => ({ status: 503, headers: {}, body: 'down' }), healthy.fetch);
    const h = await harness(groupScenario(), o);
    const rows: Array<[number, number, number, string]> = [
      [0, 1, 1, 'Miss'],
      [10, 1, 1, 'Hit'],
      [61, 2, 2, 'RefreshHit'],
    ];
    for (const [t, p, s, x] of rows) {
      h.at(t);
      const r = await h.get('/a');
      expect([t, r.status, r.body, count(o.calls, 'P'), count(o.calls, 'S'), xcache(r)]).toEqual([
        t,
        200,
        'v1',
        p,
        s,
        x,
      ]);
    }
    const lastS = o.calls.filter((c) => c.originId === 'S').pop()!;
    expect(lastS.headers['if-none-match']).toEqual('"e1"');
  });
  it('variant: both fail, the 502 is cached for ErrorCachingMinTTL', async () => {
    const o = twoOrigins(
      () => ({ status: 503, headers: {}, body: 'down' }),
      () => ({ status: 502, headers: {}, body: 'bad' }),
    );
    const h = await harness(groupScenario(), o);
    const rows: Array<[number, number, number]> = [
      [0, 1, 1],
      [5, 1, 1],
      [11, 2, 2],
    ];
    for (const [t, p, s] of rows) {
      h.at(t);
      const r = await h.get('/a');
      expect([t, r.status, xcache(r), count(o.calls, 'P'), count(o.calls, 'S')]).toEqual([
        t,
        502,
        'Error',
        p,
        s,
      ]);
    }
  });
});

describe('V47 FO-TIMEOUT-TIMING', () => {
  const hang = (): OriginResponse => ({ status: 0, headers: {}, error: 'timeout' });
  const ok = scriptedOrigin().fetch;
  it('two 3 s connection timeouts, then the secondary: 200 at about 6 s', async () => {
    const o = twoOrigins(hang, ok);
    const h = await harness(groupScenario({ connectionAttempts: 2, connectionTimeout: 3 }), o);
    const r = await h.get('/a');
    expect([r.status, count(o.calls, 'P'), count(o.calls, 'S')]).toEqual([200, 2, 1]);
    expect(r.latencyMs).toBeGreaterThan(6000);
    expect(r.latencyMs).toBeLessThan(6100);
    expect(o.calls[1].at - o.calls[0].at).toBeGreaterThanOrEqual(3000);
  });
  it('no origin group: 504 Error at about 6 s', async () => {
    const h = await harness(
      exampleScenario({
        distribution: { origins: [origin('app', { connectionAttempts: 2, connectionTimeout: 3 })] },
      }),
      { fetch: hang, calls: [] },
    );
    const r = await h.get('/a');
    expect([r.status, xcache(r)]).toEqual([504, 'Error']);
    expect(r.latencyMs).toBeGreaterThan(6000);
    expect(r.latencyMs).toBeLessThan(6100);
  });
  it('defaults (3 attempts x 10 s): 504 at about 30 s', async () => {
    const h = await harness(exampleScenario({ distribution: { origins: [origin('app')] } }), {
      fetch: hang,
      calls: [],
    });
    const r = await h.get('/a');
    expect(r.status).toBe(504);
    expect(r.latencyMs).toBeGreaterThan(30_000);
    expect(r.latencyMs).toBeLessThan(30_100);
  });
  it('read timeout: GET retried then fails over at about 10 s; POST gets 504 at about 5 s with no retry', async () => {
    const silent = (): OriginResponse => ({ status: 200, headers: {}, latencyMs: 1e9 });
    const readTimeout = { connectionAttempts: 2, customOriginConfig: { originReadTimeout: 5 } };
    const o = twoOrigins(silent, ok);
    const h = await harness(groupScenario(readTimeout), o);
    const g = await h.get('/a');
    expect([g.status, count(o.calls, 'P'), count(o.calls, 'S')]).toEqual([200, 2, 1]);
    expect(g.latencyMs).toBeGreaterThan(10_000);
    expect(g.latencyMs).toBeLessThan(10_100);

    const calls: OriginRequest[] = [];
    const h2 = await harness(
      exampleScenario({
        behavior: { allowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'POST', 'PATCH', 'DELETE'] },
        distribution: { origins: [origin('app', readTimeout)] },
      }),
      { fetch: (req) => (calls.push(req), silent()), calls },
    );
    const p = await h2.send('POST', '/a', { body: 'x' });
    expect([p.status, xcache(p), calls.length]).toEqual([504, 'Error', 1]);
    expect(p.latencyMs).toBeGreaterThan(5000);
    expect(p.latencyMs).toBeLessThan(5100);
  });
});

describe('V59 COLLAPSE: requests for one key while its fetch is in flight', () => {
  const slow = (cc: string) => scriptedOrigin({ 'cache-control': cc }, () => ({ latencyMs: 1000 }));
  const three = async (h: Awaited<ReturnType<typeof harness>>, paths = ['/a', '/a', '/a'], extra = {}) => {
    const out = [];
    for (let i = 0; i < 3; i++) {
      h.at(i * 0.1);
      out.push(await h.get(paths[i], extra));
    }
    return out;
  };
  it('same key: one origin fetch, Miss then Hit, Hit, all finishing at about 1 s without Age', async () => {
    const h = await harness(exampleScenario(), slow('max-age=60'));
    const rs = await three(h);
    expect(h.calls.length).toBe(1);
    expect(rs.map(xcache)).toEqual(['Miss', 'Hit', 'Hit']);
    expect(rs.map((r) => r.headers['age'])).toEqual([undefined, undefined, undefined]);
    rs.forEach((r, i) => {
      const done = i * 100 + r.latencyMs;
      expect(done).toBeGreaterThan(1000);
      expect(done).toBeLessThan(1050);
    });
  });
  it('(a) different keys (query strings in the key) do not collapse', async () => {
    const h = await harness(
      exampleScenario({ cachePolicy: policy(0, 86_400, 31_536_000, { queryStringBehavior: 'all' }) }),
      slow('max-age=60'),
    );
    const rs = await three(h, ['/a?v=1', '/a?v=2', '/a?v=3']);
    expect([h.calls.length, ...rs.map(xcache)]).toEqual([3, 'Miss', 'Miss', 'Miss']);
  });
  it('(b) CachingDisabled does not collapse', async () => {
    const h = await harness(exampleScenario({ cachePolicy: CACHING_DISABLED }), slow('max-age=60'));
    const rs = await three(h);
    expect([h.calls.length, ...rs.map(xcache)]).toEqual([3, 'Miss', 'Miss', 'Miss']);
  });
  for (const cc of ['private', 'no-store', 'no-cache', 'max-age=0', 's-maxage=0']) {
    it(`(c) MinTTL 0 and "${cc}" does not collapse`, async () => {
      const h = await harness(exampleScenario(), slow(cc));
      const rs = await three(h);
      expect([h.calls.length, ...rs.map(xcache)]).toEqual([3, 'Miss', 'Miss', 'Miss']);
    });
  }
  it('(d) cookies in the key, or forwarded by the origin request policy, do not collapse', async () => {
    const a = await harness(
      exampleScenario({ cachePolicy: policy(0, 86_400, 31_536_000, { cookieBehavior: 'all' }) }),
      slow('max-age=60'),
    );
    const ra = await three(a);
    expect([a.calls.length, ...ra.map(xcache)]).toEqual([3, 'Miss', 'Miss', 'Miss']);
    const allViewer = '216adef6-5c7f-47e4-b989-5492eafa07d3';
    const b = await harness(
      exampleScenario({ behavior: { originRequestPolicyId: allViewer } }),
      slow('max-age=60'),
    );
    const rb = await three(b);
    expect([b.calls.length, ...rb.map(xcache)]).toEqual([3, 'Miss', 'Miss', 'Miss']);
  });
});
