import { describe, expect, it } from 'vitest';
import type { Stats } from '../engine/types';
import {
  checkExpression,
  evaluateAssertion,
  parseAssertion,
  probeKey,
  runProbes,
  type AssertionAst,
  type AssertionMetrics,
} from './assertions';

function ast(text: string): AssertionAst {
  const r = parseAssertion(text);
  if (!r.ok) throw new Error(r.error);
  return r.ast;
}

const stats: Stats = {
  requests: 1000,
  hits: 850,
  misses: 100,
  refreshHits: 10,
  errors: 30,
  generated: 10,
  originRequests: { a: 80, b: 30 },
  functionInvocations: {},
  bytesToViewers: 5_000_000,
  bytesFromOrigins: 600_000,
};
const at = (simTimeMs: number, extra: Partial<AssertionMetrics> = {}): AssertionMetrics => ({
  simTimeMs,
  stats,
  ...extra,
});

describe('parseAssertion', () => {
  it('reads a metric check with an "after" clause', () => {
    expect(ast('hitRatio > 0.85 after 600s')).toEqual({
      kind: 'metric',
      metric: 'hitRatio',
      op: '>',
      value: 0.85,
      afterMs: 600_000,
    });
  });

  it('reads percentages, minutes, == and >=', () => {
    expect(ast('offload >= 90% after 10min')).toMatchObject({ value: 0.9, op: '>=', afterMs: 600_000 });
    expect(ast('errors == 0')).toMatchObject({ metric: 'errors', op: '==', value: 0, afterMs: 0 });
    expect(ast('requests >= 1_000')).toMatchObject({ value: 1000 });
    expect(ast('latencyMs<80ms')).toMatchObject({ metric: 'latencyMs', op: '<', value: 80 });
  });

  it('reads a request check with a header expectation', () => {
    expect(ast('GET /index.html from nrt -> x-cache: Hit')).toEqual({
      kind: 'request',
      method: 'GET',
      path: '/index.html',
      pop: 'NRT',
      expect: { kind: 'header', name: 'x-cache', value: 'Hit' },
      afterMs: 0,
    });
  });

  it('reads a request check on the status, with a multi-word header value and "after"', () => {
    expect(ast('HEAD /a?b=1 from LHR -> status 200')).toMatchObject({
      path: '/a?b=1',
      expect: { kind: 'status', op: '==', value: 200 },
    });
    expect(ast('GET /x from IAD -> x-cache: Hit from cloudfront after 2min')).toMatchObject({
      expect: { kind: 'header', name: 'x-cache', value: 'Hit from cloudfront' },
      afterMs: 120_000,
    });
  });

  it('names the column and what was expected on errors', () => {
    expect(parseAssertion('hitRate > 0.8')).toMatchObject({ ok: false, position: 1 });
    const r = parseAssertion('hitRatio >> 0.8');
    expect(r).toMatchObject({ ok: false, position: 11 });
    if (!r.ok) expect(r.error).toContain('at column 11: expected a number');
    const r2 = parseAssertion('GET /a from NRT x-cache: Hit');
    if (r2.ok) throw new Error('should fail');
    expect(r2.error).toContain('expected "->"');
    expect(parseAssertion('errors == 0 please')).toMatchObject({ ok: false, position: 13 });
    expect(parseAssertion('')).toMatchObject({ ok: false, position: 1 });
  });
});

describe('evaluateAssertion', () => {
  it('computes the hit ratio from hits, refresh hits and misses', () => {
    // (850 + 10) / (850 + 10 + 100)
    expect(evaluateAssertion(ast('hitRatio > 0.85'), at(60_000))).toEqual({
      status: 'pass',
      measured: 0.8958,
    });
    expect(evaluateAssertion(ast('hitRatio > 0.9'), at(60_000)).status).toBe('fail');
  });

  it('stays pending before the "after" time and without data', () => {
    expect(evaluateAssertion(ast('hitRatio > 0.85 after 600s'), at(599_999))).toMatchObject({
      status: 'pending',
      measured: 0.8958,
    });
    expect(evaluateAssertion(ast('hitRatio > 0.85 after 600s'), at(600_000)).status).toBe('pass');
    expect(evaluateAssertion(ast('errors == 0'), { simTimeMs: 0, stats: null }).status).toBe('pending');
  });

  it('sums origin requests across origins and divides by simulated seconds', () => {
    expect(evaluateAssertion(ast('originRequestsPerSecond < 2'), at(100_000))).toEqual({
      status: 'pass',
      measured: 1.1,
    });
    expect(evaluateAssertion(ast('offload > 0.9'), at(100_000))).toEqual({ status: 'fail', measured: 0.89 });
    // 600,000 bytes over 100 s
    expect(evaluateAssertion(ast('originBytesPerSecond < 6000'), at(100_000))).toEqual({
      status: 'fail',
      measured: 6000,
    });
    expect(evaluateAssertion(ast('errors == 0'), at(1)).status).toBe('fail');
  });

  it('scales cost to a 30-day month and averages sample latency', () => {
    // $0.5 in one day -> $15 a month
    expect(evaluateAssertion(ast('costPerMonth < 150'), at(86_400_000, { costTotal: 0.5 }))).toEqual({
      status: 'pass',
      measured: 15,
    });
    const sample = (latencyMs: number) => ({
      atMs: 0,
      method: 'GET',
      path: '/',
      pop: 'NRT',
      viewerRegion: 'asia',
      result: 'hit' as const,
      status: 200,
      tiers: ['edge'],
      latencyMs,
      bytes: 1,
    });
    expect(evaluateAssertion(ast('latencyMs < 50'), at(1, { samples: [sample(20), sample(60)] }))).toEqual({
      status: 'pass',
      measured: 40,
    });
  });

  it('checks a request by prefix of the header value, case-insensitively', async () => {
    const a = ast('GET /index.html from NRT -> x-cache: Hit');
    const sent: string[] = [];
    const probes = await runProbes(
      [a, ast('GET /index.html from NRT -> status 200')],
      'd1.cloudfront.net',
      (req) => {
        sent.push(`${req.method} ${req.url} ${req.viewer?.pop}`);
        return Promise.resolve({ status: 200, headers: { 'x-cache': 'RefreshHit from cloudfront' } });
      },
    );
    expect(sent).toEqual(['GET https://d1.cloudfront.net/index.html NRT']);
    expect(evaluateAssertion(a, at(1, { probes }))).toEqual({
      status: 'fail',
      measured: 'x-cache: RefreshHit from cloudfront',
    });
    probes.set(probeKey(a as Extract<AssertionAst, { kind: 'request' }>), {
      status: 200,
      headers: { 'x-cache': 'hit from cloudfront' },
    });
    expect(evaluateAssertion(a, at(1, { probes })).status).toBe('pass');
    expect(evaluateAssertion(a, at(1)).status).toBe('pending');
  });

  it('reports a parse error as a failing goal carrying the error', () => {
    expect(checkExpression('hitRatio >', at(1))).toMatchObject({ status: 'fail' });
    expect(String(checkExpression('hitRatio >', at(1)).measured)).toContain('column 11');
  });
});
