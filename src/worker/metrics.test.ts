import { describe, expect, it } from 'vitest';
import { LatencyReservoir, percentile } from './metrics';

describe('percentile (nearest rank)', () => {
  const sorted = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
  it('gives observed values: p50 of 1..10 x10 is 50, p95 and p99 the largest', () => {
    expect([50, 95, 99, 100].map((q) => percentile(sorted, 10, q))).toEqual([50, 100, 100, 100]);
    expect(percentile(sorted, 10, 90)).toBe(90);
    expect(percentile(sorted, 10, 1)).toBe(10);
  });
  it('uses only the first n values and is NaN for none', () => {
    expect(percentile(sorted, 4, 50)).toBe(20);
    expect(percentile(sorted, 0, 50)).toBeNaN();
  });
});

describe('LatencyReservoir', () => {
  it('gives p50/p95/p99 of one batch, then starts empty', () => {
    const r = new LatencyReservoir(1000);
    for (let i = 100; i >= 1; i--) r.add(i); // 1..100 ms, out of order
    expect(r.takePercentiles()).toEqual({ p50: 50, p95: 95, p99: 99, sampled: 100 });
    expect(r.takePercentiles()).toBeNull();
  });
  it('stays within its capacity and samples evenly when a batch is larger', () => {
    const r = new LatencyReservoir(64);
    for (let i = 1; i <= 10_000; i++) r.add(i);
    expect(r.size).toBeLessThanOrEqual(64);
    const p = r.takePercentiles()!;
    expect(p.sampled).toBeGreaterThanOrEqual(32);
    // evenly spread over 1..10,000: the median lands near the middle
    expect(p.p50).toBeGreaterThan(4000);
    expect(p.p50).toBeLessThan(6000);
    expect(p.p99).toBeGreaterThan(9000);
  });
});
