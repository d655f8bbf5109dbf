// Checks in plain words: metric names as people say them, %, $, /s and time units, origin
// requests of one cache behavior, and edge locations by city. The camelCase forms keep working
// (assertions.test.ts).
import { describe, expect, it } from 'vitest';
import type { Stats } from '../engine/types';
import { evaluateAssertion, parseAssertion, type AssertionAst } from './assertions';

function ast(text: string): AssertionAst {
  const r = parseAssertion(text);
  if (!r.ok) throw new Error(r.error);
  return r.ast;
}

function error(text: string): string {
  const r = parseAssertion(text);
  if (r.ok) throw new Error(`"${text}" should not parse`);
  return r.error;
}

const stats: Stats = {
  requests: 1000,
  hits: 850,
  misses: 100,
  refreshHits: 10,
  errors: 30,
  generated: 10,
  originRequests: { api: 80, images: 30 },
  functionInvocations: {},
  bytesToViewers: 5_000_000,
  bytesFromOrigins: 600_000,
  originRequestsByBehavior: { '/api/*': 80, 'images/*': 30, '*': 0 },
};

describe('plain metric names', () => {
  it('reads the issue examples as the camelCase forms they mean', () => {
    expect(ast('hit ratio > 85% after 10 min')).toEqual(ast('hitRatio > 0.85 after 600s'));
    expect(ast('cost per month < $150')).toEqual(ast('costPerMonth < 150'));
    expect(ast('origin requests for /api/* < 100/s')).toEqual({
      kind: 'metric',
      metric: 'originRequestsPerSecond',
      op: '<',
      value: 100,
      afterMs: 0,
      behavior: '/api/*',
    });
  });

  it('ignores case, spaces and underscores, and knows the usual synonyms', () => {
    const metric = (t: string) => (ast(t) as Extract<AssertionAst, { kind: 'metric' }>).metric;
    expect(metric('Hit Ratio > 0.5')).toBe('hitRatio');
    expect(metric('HITRATIO > 0.5')).toBe('hitRatio');
    expect(metric('cache hit rate > 0.5')).toBe('hitRatio');
    expect(metric('origin_requests < 5')).toBe('originRequests');
    expect(metric('origin requests per second < 5')).toBe('originRequestsPerSecond');
    expect(metric('origin requests/s < 5')).toBe('originRequestsPerSecond');
    expect(metric('requests per second > 5')).toBe('requestsPerSecond');
    expect(metric('bytes from origins < 5')).toBe('bytesFromOrigins');
    expect(metric('latency < 80ms')).toBe('latencyMs');
    expect(metric('monthly cost < 5')).toBe('costPerMonth');
    expect(metric('refresh hits > 0')).toBe('refreshHits');
  });

  it('turns a count with "/s" into its per-second form, and reads per minute and time units', () => {
    expect(ast('origin requests < 100/s')).toMatchObject({ metric: 'originRequestsPerSecond', value: 100 });
    expect(ast('requests > 6000 per minute')).toMatchObject({ metric: 'requestsPerSecond', value: 100 });
    expect(ast('bytes from origins < 5000 /s')).toMatchObject({
      metric: 'originBytesPerSecond',
      value: 5000,
    });
    expect(ast('latency < 0.2 s after 2 minutes')).toMatchObject({ value: 200, afterMs: 120_000 });
    expect(ast('errors == 0 after 1 h')).toMatchObject({ afterMs: 3_600_000 });
  });

  it('names the column and what to fix', () => {
    expect(error('hit ratio < 5/s')).toBe(
      'Cannot read "hit ratio < 5/s" at column 14: expected a plain number: hit ratio is not counted per second.',
    );
    expect(error('errors < $5')).toBe(
      'Cannot read "errors < $5" at column 10: expected a number without "$": only cost and cost per month are in dollars.',
    );
    expect(error('hit ratio for /api/* > 50%')).toBe(
      'Cannot read "hit ratio for /api/* > 50%" at column 11: only origin requests can be measured for one cache behavior, e.g. "origin requests for /api/* < 100/s"; hit ratio covers the whole distribution.',
    );
    expect(parseAssertion('origin requests for < 3')).toMatchObject({ ok: false, position: 21 });
    expect(error('hit rates > 50%')).toContain(
      'at column 1: expected a metric (hit ratio, offload, requests, requests per second,',
    );
  });
});

describe('origin requests of one cache behavior', () => {
  const at = (simTimeMs: number) => ({ simTimeMs, stats });

  it('reads its path pattern exactly, a leading "/" optional, "default" for the default behavior', () => {
    // 80 origin requests in 100 s
    expect(evaluateAssertion(ast('origin requests for /api/* < 1/s'), at(100_000))).toEqual({
      status: 'pass',
      measured: 0.8,
    });
    expect(evaluateAssertion(ast('origin requests for api/* >= 80'), at(100_000))).toEqual({
      status: 'pass',
      measured: 80,
    });
    expect(evaluateAssertion(ast('origin requests for /images/* == 30'), at(100_000)).status).toBe('pass');
    expect(evaluateAssertion(ast('origin requests for default == 0'), at(100_000)).status).toBe('pass');
    expect(evaluateAssertion(ast('origin requests for * > 0'), at(100_000))).toEqual({
      status: 'fail',
      measured: 0,
    });
  });

  it('fails with the list of path patterns when the distribution has no such behavior', () => {
    expect(evaluateAssertion(ast('origin requests for /API/* < 1/s'), at(100_000))).toEqual({
      status: 'fail',
      measured:
        'no cache behavior has the path pattern /API/*; this distribution has /api/*, images/*, * (default)',
    });
  });

  it('waits for data when the stats carry no per-behavior counts', () => {
    const { originRequestsByBehavior: _, ...older } = stats;
    expect(
      evaluateAssertion(ast('origin requests for /api/* < 1/s'), { simTimeMs: 1000, stats: older }).status,
    ).toBe('pending');
  });
});

describe('edge locations by city', () => {
  const pop = (t: string) => (ast(t) as Extract<AssertionAst, { kind: 'request' }>).pop;

  it('reads a city, a code or a full PoP code, and the header name in any case', () => {
    expect(ast('GET /index.html from Tokyo -> X-Cache: Hit')).toEqual(
      ast('GET /index.html from NRT -> x-cache: Hit'),
    );
    expect(pop('GET /a from tokyo -> status 200')).toBe('NRT');
    expect(pop('GET /a from New York -> status 200')).toBe('JFK');
    expect(pop('GET /a from São Paulo -> status 200')).toBe('GRU');
    expect(pop('GET /a from Frankfurt country DE -> status 200')).toBe('FRA');
    expect(pop('GET /a from nrt51-c1 -> status 200')).toBe('NRT51-C1');
    expect(pop('get /a from Sydney -> status 200')).toBe('SYD');
  });

  it('lists close matches for an unknown or ambiguous name', () => {
    expect(error('GET /a from Tokio -> x-cache: Hit')).toBe(
      'Cannot read "GET /a from Tokio -> x-cache: Hit" at column 13: "Tokio" is not an edge location; close matches: Tokyo (NRT).',
    );
    expect(error('GET /a from Japan -> x-cache: Hit')).toBe(
      'Cannot read "GET /a from Japan -> x-cache: Hit" at column 13: "Japan" could be several edge locations: Osaka (KIX), Tokyo (NRT); name one.',
    );
    expect(error('GET /a from New -> x-cache: Hit')).toContain('New York (JFK), New Delhi (DEL); name one');
    expect(error('GET /a from XYZ -> status 200')).toContain(
      'at column 13: "XYZ" is not an edge location: use a code such as NRT or NRT51-C1, or a city such as Tokyo.',
    );
    expect(error('GET /a from Tokyo x-cache: Hit')).toContain('at column 19: expected "->"');
  });
});
