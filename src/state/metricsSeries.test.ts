import { describe, expect, it } from 'vitest';
import type { IntervalCounts } from '../worker/protocol';
import { appendInterval, coarsen, EMPTY_SERIES, RingBuffer, toChartData, type Series } from './metricsSeries';

function interval(
  simMs: number,
  requests: number,
  hits: number,
  misses: number,
  refreshHits = 0,
): IntervalCounts {
  return {
    simMs,
    requests,
    hits,
    misses,
    refreshHits,
    errors: 0,
    generated: 0,
    originRequests: misses,
    bytesToViewers: 0,
  };
}

function feed(n: number, capacity: number): Series {
  let s = EMPTY_SERIES;
  // 100 ms batches of 20 requests: 15 hits, 5 misses.
  for (let i = 1; i <= n; i++) s = appendInterval(s, interval(100, 20, 15, 5), i * 100, capacity);
  return s;
}

describe('appendInterval', () => {
  it('adds one point per batch, with its simulated time span', () => {
    const s = appendInterval(EMPTY_SERIES, interval(100, 20, 15, 5), 100);
    expect(s.points).toEqual([
      {
        startMs: 0,
        endMs: 100,
        requests: 20,
        hits: 15,
        refreshHits: 0,
        misses: 5,
        errors: 0,
        generated: 0,
        originRequests: 5,
      },
    ]);
  });

  it('ignores a batch that covered no simulated time (e.g. the report right after a load)', () => {
    expect(appendInterval(EMPTY_SERIES, interval(0, 0, 0, 0), 0)).toBe(EMPTY_SERIES);
  });

  it('does not mutate the series it is given', () => {
    const before = feed(3, 10);
    const copy = JSON.parse(JSON.stringify(before)) as Series;
    appendInterval(before, interval(100, 1, 1, 0), 400, 10);
    expect(before).toEqual(copy);
  });

  it('halves the points when full, keeping every count and the whole time range', () => {
    const s = feed(11, 10);
    expect(s.points).toHaveLength(6);
    expect(s.points[0]).toMatchObject({ startMs: 0, endMs: 200, requests: 40, hits: 30, misses: 10 });
    expect(s.points[5]).toMatchObject({ startMs: 1000, endMs: 1100, requests: 20 });
    expect(s.points.reduce((n, p) => n + p.requests, 0)).toBe(220);
    // 1100 ms over 6 points: new points close once they span 200 ms (the doubled bucket).
    expect(s.bucketMs).toBeCloseTo(1100 / 6, 6);
  });

  it('after compaction, merges new batches into the last point until it spans a bucket', () => {
    let s = feed(11, 10); // last point 1000-1100 spans 100 ms < bucket
    s = appendInterval(s, interval(100, 20, 20, 0), 1200, 10);
    expect(s.points).toHaveLength(6);
    expect(s.points[5]).toMatchObject({ startMs: 1000, endMs: 1200, requests: 40, hits: 35, misses: 5 });
    s = appendInterval(s, interval(100, 20, 20, 0), 1300, 10);
    expect(s.points).toHaveLength(7);
    expect(s.points[6]).toMatchObject({ startMs: 1200, endMs: 1300 });
  });

  it('keeps memory bounded over a long run', () => {
    const s = feed(10_000, 240);
    expect(s.points.length).toBeLessThanOrEqual(240);
    expect(s.points.reduce((n, p) => n + p.requests, 0)).toBe(200_000);
    expect(s.points[0].startMs).toBe(0);
    expect(s.points[s.points.length - 1].endMs).toBe(1_000_000);
  });
});

describe('toChartData', () => {
  it('gives hit ratio in percent (RefreshHit counts as a hit) and requests per simulated second', () => {
    let s = appendInterval(EMPTY_SERIES, interval(500, 50, 30, 10, 10), 500);
    s = appendInterval(s, interval(2000, 0, 0, 0), 2500);
    expect(toChartData(s)).toEqual([
      {
        t: 0.5,
        hitRatioPct: 80,
        requestsPerSecond: 100,
        hitPerSecond: 60,
        refreshHitPerSecond: 20,
        missPerSecond: 20,
        errorPerSecond: 0,
        generatedPerSecond: 0,
        originRequestsPerSecond: 20,
      },
      {
        t: 2.5,
        hitRatioPct: null,
        requestsPerSecond: 0,
        hitPerSecond: 0,
        refreshHitPerSecond: 0,
        missPerSecond: 0,
        errorPerSecond: 0,
        generatedPerSecond: 0,
        originRequestsPerSecond: 0,
      },
    ]);
  });

  it('gives errors and generated responses their own per-second series', () => {
    const s = appendInterval(
      EMPTY_SERIES,
      {
        simMs: 2000,
        requests: 10,
        hits: 2,
        misses: 2,
        refreshHits: 0,
        errors: 4,
        generated: 2,
        originRequests: 6,
        bytesToViewers: 0,
      },
      2000,
    );
    const [d] = toChartData(s);
    expect([d.errorPerSecond, d.generatedPerSecond, d.originRequestsPerSecond]).toEqual([2, 1, 3]);
  });
});

describe('RingBuffer', () => {
  it('keeps the newest entries, oldest first, in constant memory', () => {
    const r = new RingBuffer<number>(3);
    expect(r.toArray()).toEqual([]);
    r.push(1);
    r.push(2);
    expect(r.toArray()).toEqual([1, 2]);
    r.push(3);
    r.push(4);
    r.push(5);
    expect(r.toArray()).toEqual([3, 4, 5]);
    expect(r.size).toBe(3);
    r.clear();
    r.push(6);
    expect(r.toArray()).toEqual([6]);
  });

  it('refuses a capacity that is not a whole number of at least 1', () => {
    expect(() => new RingBuffer<number>(0)).toThrow(/at least 1 \(got 0\)/);
  });
});

describe('coarsen (what a chart draws)', () => {
  it('merges neighbours exactly until at most the limit remain, keeping every request', () => {
    let s: Series = EMPTY_SERIES;
    for (let i = 1; i <= 200; i++)
      s = appendInterval(
        s,
        {
          simMs: 1000,
          requests: i,
          hits: 1,
          refreshHits: 0,
          misses: i - 1,
          errors: 0,
          generated: 0,
          originRequests: i - 1,
          bytesToViewers: 0,
        },
        i * 1000,
      );
    const c = coarsen(s, 80);
    expect(c.points.length).toBeLessThanOrEqual(80);
    expect(c.points.length).toBeGreaterThan(40);
    const total = (x: typeof s) => x.points.reduce((a, p) => a + p.requests, 0);
    expect(total(c)).toBe(total(s));
    expect(c.points[0].startMs).toBe(s.points[0].startMs);
    expect(c.points[c.points.length - 1].endMs).toBe(s.points[s.points.length - 1].endMs);
    expect(coarsen(c, 80)).toBe(c);
  });
});
