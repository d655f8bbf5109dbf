import { describe, expect, it } from 'vitest';
import type { IntervalCounts, TierBatch } from '../worker/protocol';
import {
  appendInterval,
  appendWindowed,
  emptyWindowSeries,
  EMPTY_SERIES,
  toFillData,
  toPopHitData,
  topPops,
  type Series,
} from './metricsSeries';

function interval(simMs: number, requests = 10): IntervalCounts {
  return {
    simMs,
    requests,
    hits: requests,
    misses: 0,
    refreshHits: 0,
    errors: 0,
    generated: 0,
    originRequests: 0,
    bytesToViewers: 0,
  };
}

const tiers = (pops: Record<string, [number, number]>, edge: number): TierBatch => ({
  pops: Object.keys(pops),
  lookups: Object.values(pops).map(([l]) => l),
  hits: Object.values(pops).map(([, h]) => h),
  fill: { edge, regional: edge / 2, shield: 0 },
});

describe('windowed series', () => {
  it('keeps the last window at fixed resolution however long the run', () => {
    // Two hours of 100 ms batches into the 1-minute window: 500 ms buckets, 120 of them.
    let w = emptyWindowSeries(60_000);
    let all: Series = EMPTY_SERIES;
    for (let t = 100; t <= 7_200_000; t += 100) {
      w = appendWindowed(w, interval(100), t, 60_000);
      if (t % 10_000 === 0) all = appendInterval(all, interval(10_000, 1000), t);
    }
    expect(w.points.length).toBe(120);
    expect(w.points[0].startMs).toBe(7_140_000);
    expect(w.points[119].endMs).toBe(7_200_000);
    expect(w.points[119].requests).toBe(50);
    // The whole-run series has coarsened to buckets of a minute or more.
    expect(all.points.length).toBeLessThanOrEqual(240);
    expect(all.bucketMs).toBeGreaterThanOrEqual(30_000);
  });

  it('keeps a batch longer than the window as one point', () => {
    const w = appendWindowed(emptyWindowSeries(60_000), interval(120_000), 120_000, 60_000);
    expect(w.points.map((p) => [p.startMs, p.endMs])).toEqual([[0, 120_000]]);
  });
});

describe('per-PoP hit ratio and cache fill', () => {
  let s: Series = EMPTY_SERIES;
  s = appendInterval(s, interval(1000), 1000, undefined, tiers({ NRT: [10, 5], FRA: [30, 30] }, 2_000_000));
  s = appendInterval(s, interval(1000), 2000, undefined, tiers({ NRT: [10, 10], IAD: [4, 1] }, 3_500_000));

  it('ranks PoPs by lookups over the series', () => {
    expect(topPops(s, 2)).toEqual(['FRA', 'NRT']);
    expect(topPops(s, 5)).toEqual(['FRA', 'NRT', 'IAD']);
  });

  it('gives the edge hit ratio over all PoPs and per chosen PoP, in percent', () => {
    expect(toPopHitData(s, ['NRT', 'FRA'])).toEqual([
      { t: 1, all: 87.5, NRT: 50, FRA: 100 },
      { t: 2, all: 78.6, NRT: 100, FRA: null },
    ]);
  });

  it('merges per-PoP counts exactly when points merge', () => {
    let m: Series = EMPTY_SERIES;
    m = appendInterval(m, interval(1000), 1000, 2, tiers({ NRT: [10, 5] }, 1_000_000));
    m = appendInterval(m, interval(1000), 2000, 2, tiers({ NRT: [10, 10] }, 1_000_000));
    m = appendInterval(m, interval(1000), 3000, 2, tiers({ FRA: [4, 0] }, 1_500_000));
    expect(m.points[0].pops).toEqual({ NRT: { lookups: 20, hits: 15 } });
    expect(toPopHitData(m, ['NRT'])[0]).toEqual({ t: 2, all: 75, NRT: 75 });
  });

  it('charts the latest bytes cached per tier in megabytes', () => {
    expect(toFillData(s)).toEqual([
      { t: 1, edge: 2, regional: 1, shield: 0 },
      { t: 2, edge: 3.5, regional: 1.75, shield: 0 },
    ]);
  });
});
