// Worked examples A (spec/examples.md V01-V11): expiration and TTL, through the public API.
import { describe, expect, it } from 'vitest';
import {
  CACHING_OPTIMIZED,
  exampleScenario,
  harness,
  policy,
  scriptedOrigin,
  xcache,
} from './testing/harness';

describe('V01 TTL-DEFAULT: no cache headers use DefaultTTL', () => {
  it('hits for a day, then revalidates with If-None-Match and restarts Age', async () => {
    const h = await harness(exampleScenario());
    const rows: Array<[number, string, string | undefined, number]> = [
      [0, 'Miss', undefined, 1],
      [100, 'Hit', '100', 1],
      [86_399, 'Hit', '86399', 1],
      [86_401, 'RefreshHit', undefined, 2],
      [86_500, 'Hit', '99', 2],
    ];
    for (const [t, x, age, fetches] of rows) {
      h.at(t);
      const r = await h.get('/a');
      expect([t, r.status, xcache(r), r.headers['age'], h.calls.length, r.body]).toEqual([
        t,
        200,
        x,
        age,
        fetches,
        'v1',
      ]);
    }
    expect(h.calls[1].headers['if-none-match']).toEqual('"e1"');
  });
});

describe('V03 TTL-MAXTTL-CAP: max-age above MaxTTL', () => {
  it('caps the edge TTL at MaxTTL and passes Cache-Control through unchanged', async () => {
    const h = await harness(
      exampleScenario({ cachePolicy: policy(0, 86_400, 3600) }),
      scriptedOrigin({ 'cache-control': 'max-age=7200' }),
    );
    const a = await h.get('/a');
    h.at(3599);
    const b = await h.get('/a');
    h.at(3601);
    const c = await h.get('/a');
    expect([xcache(a), xcache(b), b.headers['age'], xcache(c), h.calls.length]).toEqual([
      'Miss',
      'Hit',
      '3599',
      'RefreshHit',
      2,
    ]);
    for (const r of [a, b, c]) expect(r.headers['cache-control']).toBe('max-age=7200');
  });
});

describe('V05 TTL-SMAXAGE: s-maxage wins over max-age at the edge', () => {
  it('A: P default, s-maxage=300', async () => {
    const h = await harness(
      exampleScenario(),
      scriptedOrigin({ 'cache-control': 'max-age=60, s-maxage=300' }),
    );
    const out: string[] = [];
    for (const t of [0, 120, 299, 301]) {
      h.at(t);
      const r = await h.get('/a');
      out.push(`${t}:${xcache(r)}:${r.headers['age'] ?? '-'}:${h.calls.length}`);
    }
    expect(out).toEqual(['0:Miss:-:1', '120:Hit:120:1', '299:Hit:299:1', '301:RefreshHit:-:2']);
  });
  it('B: s-maxage is clamped to MaxTTL 200', async () => {
    const h = await harness(
      exampleScenario({ cachePolicy: policy(0, 86_400, 200) }),
      scriptedOrigin({ 'cache-control': 'max-age=60, s-maxage=300' }),
    );
    await h.get('/a');
    h.at(199);
    expect(xcache(await h.get('/a'))).toBe('Hit');
    h.at(201);
    expect(xcache(await h.get('/a'))).toBe('RefreshHit');
  });
});

describe('V07 TTL-NOSTORE-MIN0: no-store with MinTTL 0', () => {
  it('is never stored: every request is a Miss without validators', async () => {
    const h = await harness(exampleScenario(), scriptedOrigin({ 'cache-control': 'no-store' }));
    for (const t of [0, 1, 2]) {
      h.at(t);
      const r = await h.get('/a');
      expect([r.status, xcache(r), r.headers['age']]).toEqual([200, 'Miss', undefined]);
    }
    expect(h.calls.length).toBe(3);
    expect(h.calls.every((c) => c.headers['if-none-match'] === undefined)).toBe(true);
  });
});

describe('V09 TTL-PRIVATE-CACHINGOPTIMIZED: private under a managed policy', () => {
  it('caches for MinTTL 1 s and ignores max-age=600', async () => {
    const h = await harness(
      exampleScenario({ cachePolicy: CACHING_OPTIMIZED }),
      scriptedOrigin({ 'cache-control': 'private, max-age=600' }),
    );
    const a = await h.get('/a');
    h.at(0.5);
    const b = await h.get('/a');
    h.at(1.5);
    const c = await h.get('/a');
    expect([xcache(a), xcache(b), b.headers['age'], xcache(c), h.calls.length]).toEqual([
      'Miss',
      'Hit',
      undefined,
      'RefreshHit',
      2,
    ]);
  });
});

describe('V11 TTL-ZERO-WITH-VALIDATOR (INF)', () => {
  it('max-age=0 with an ETag is stored stale and revalidated', async () => {
    const h = await harness(exampleScenario(), scriptedOrigin({ 'cache-control': 'max-age=0' }));
    expect(xcache(await h.get('/a'))).toBe('Miss');
    h.at(1);
    const r = await h.get('/a');
    expect([xcache(r), h.calls.length, h.calls[1].headers['if-none-match']]).toEqual([
      'RefreshHit',
      2,
      '"e1"',
    ]);
  });
  it('without ETag or Last-Modified the second request is a plain Miss', async () => {
    const origin = scriptedOrigin({ 'cache-control': 'max-age=0' }, () => ({
      status: 200,
      headers: { 'cache-control': 'max-age=0', 'content-type': 'text/plain' },
      body: 'v1',
    }));
    const h = await harness(exampleScenario(), origin);
    await h.get('/a');
    h.at(1);
    const r = await h.get('/a');
    expect([
      xcache(r),
      h.calls.length,
      h.calls[1].headers['if-none-match'],
      h.calls[1].headers['if-modified-since'],
    ]).toEqual(['Miss', 2, undefined, undefined]);
  });
});
