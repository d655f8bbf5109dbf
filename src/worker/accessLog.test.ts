import { describe, expect, it } from 'vitest';
import type { SampledRequest } from '../engine/types';
import { AccessLog, percentile } from './accessLog';

const EPOCH = Date.UTC(2024, 0, 1);

function s(i: number, over: Partial<SampledRequest> = {}): SampledRequest {
  return {
    atMs: i * 1000,
    method: 'GET',
    path: `/p/${i}.png`,
    pop: i % 2 ? 'NRT51-C1' : 'FRA56-C1',
    viewerRegion: i % 2 ? 'asia' : 'europe',
    result: i % 3 === 0 ? 'miss' : 'hit',
    status: i % 5 === 0 ? 404 : 200,
    tiers: ['edge'],
    latencyMs: i,
    bytes: 100,
    ...over,
  };
}

describe('access log buffer', () => {
  it('keeps only the newest records and pages newest first', () => {
    const log = new AccessLog(EPOCH, 'h', 10);
    log.addSamples(Array.from({ length: 25 }, (_, i) => s(i + 1)));
    const page = log.query({});
    expect(page.total).toBe(10);
    expect(page.rows[0]['cs-uri-stem']).toBe('/p/25.png');
    expect(page.rows[9]['cs-uri-stem']).toBe('/p/16.png');
    expect(page.pops).toEqual(['FRA56-C1', 'NRT51-C1']);
    expect(page.resultTypes).toEqual(['Hit', 'Miss']);
  });

  it('filters by result type, status class, PoP and path', () => {
    const log = new AccessLog(EPOCH, 'h');
    log.addSamples(Array.from({ length: 30 }, (_, i) => s(i + 1)));
    expect(log.query({ resultType: 'Miss' }).matched).toBe(10);
    expect(log.query({ statusClass: '4xx' }).matched).toBe(6);
    expect(log.query({ pop: 'NRT51-C1', statusClass: '4xx' }).matched).toBe(3);
    expect(log.query({ pathContains: '/p/1' }).matched).toBe(11);
    const tsv = log.export({ pathContains: '/p/30.' }, 'tsv').split('\n');
    expect(tsv[0]).toBe('#Version: 1.0');
    expect(tsv[2].split('\t').slice(2, 9)).toEqual(['FRA56-C1', '100', '-', 'GET', 'h', '/p/30.png', '404']);
  });

  it('reports nearest-rank latency percentiles per viewer region, run() samples only', () => {
    const log = new AccessLog(EPOCH, 'h');
    log.addSamples(Array.from({ length: 200 }, (_, i) => s(i + 1)));
    log.addRequestRecord({ 'time-taken': 9, 'x-edge-location': 'X' });
    const rep = log.latency();
    expect(rep.sampleCount).toBe(200);
    expect(rep.regions).toEqual([
      { region: 'asia', count: 100, p50: 99, p95: 189, p99: 197 },
      { region: 'europe', count: 100, p50: 100, p95: 190, p99: 198 },
    ]);
    expect(percentile([], 50)).toBe(0);
  });
});
