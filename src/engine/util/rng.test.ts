import { describe, expect, it } from 'vitest';
import { createRng, hash32, hashInts, hashString, unitFromHash } from './rng';

describe('createRng', () => {
  it('gives the same sequence for the same seed and a different one for another seed', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const seqA = Array.from({ length: 8 }, () => a.next());
    const seqB = Array.from({ length: 8 }, () => b.next());
    const seqC = Array.from({ length: 8 }, () => c.next());
    expect(seqA).toEqual(seqB);
    expect(seqA).not.toEqual(seqC);
  });

  it('draws uniformly in [0, 1): mean, bounds and 10 equal buckets', () => {
    const rng = createRng(7);
    const n = 200_000;
    const buckets = new Array<number>(10).fill(0);
    let sum = 0;
    let min = 1;
    let max = 0;
    for (let i = 0; i < n; i++) {
      const x = rng.next();
      sum += x;
      if (x < min) min = x;
      if (x > max) max = x;
      buckets[Math.floor(x * 10)]++;
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    expect(sum / n).toBeCloseTo(0.5, 2);
    // chi-square with 9 degrees of freedom: 27.9 is the 0.1% critical value
    const expected = n / 10;
    const chi2 = buckets.reduce((acc, o) => acc + ((o - expected) * (o - expected)) / expected, 0);
    expect(chi2).toBeLessThan(27.9);
  });

  it('int(n) stays in [0, n) and hits every value', () => {
    const rng = createRng(1);
    const seen = new Set<number>();
    for (let i = 0; i < 10_000; i++) seen.add(rng.int(6));
    // only the integers 0..5 ever come out, and all of them do
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('chance(p) is never true at 0, always at 1, and about p in between', () => {
    const rng = createRng(3);
    let hits = 0;
    let zeroHits = 0;
    let oneMisses = 0;
    for (let i = 0; i < 100_000; i++) {
      if (rng.chance(0)) zeroHits++;
      if (!rng.chance(1)) oneMisses++;
      if (rng.chance(0.25)) hits++;
    }
    expect(zeroHits).toBe(0);
    expect(oneMisses).toBe(0);
    expect(hits / 100_000).toBeCloseTo(0.25, 2);
  });

  it('exp(mean) has the requested mean', () => {
    const rng = createRng(11);
    let sum = 0;
    const n = 100_000;
    for (let i = 0; i < n; i++) sum += rng.exp(20);
    expect(sum / n).toBeGreaterThan(19.7);
    expect(sum / n).toBeLessThan(20.3);
  });

  it('fork(label) depends on the seed and the label only, not on draws already made', () => {
    const parent1 = createRng(99);
    const parent2 = createRng(99);
    for (let i = 0; i < 1000; i++) parent2.next();
    const f1 = parent1.fork('traffic');
    const f2 = parent2.fork('traffic');
    expect([f1.next(), f1.next()]).toEqual([f2.next(), f2.next()]);
    const other = createRng(99).fork('origin');
    expect(other.next()).not.toBe(createRng(99).fork('traffic').next());
  });

  it('accepts seeds beyond 32 bits and non-integers deterministically', () => {
    expect(createRng(2 ** 40 + 5).next()).toBe(createRng(2 ** 40 + 5).next());
    expect(createRng(2 ** 40 + 5).next()).not.toBe(createRng(5).next());
    expect(createRng(1.9).next()).toBe(createRng(1).next());
  });
});

describe('hashes', () => {
  it('hashString is FNV-1a 32-bit (published test vectors)', () => {
    expect(hashString('')).toBe(0x811c9dc5);
    expect(hashString('a')).toBe(0xe40c292c);
    expect(hashString('foobar')).toBe(0xbf9cf968);
  });

  it('hash32 and hashInts are unsigned, deterministic and spread nearby inputs', () => {
    expect(hash32(0)).toBe(0);
    expect(hash32(1)).toBe(hash32(1));
    expect(hash32(1)).not.toBe(hash32(2));
    expect(hashInts(1, 2)).not.toBe(hashInts(2, 1));
    let sum = 0;
    let negatives = 0;
    for (let i = 0; i < 10_000; i++) {
      const h = hashInts(12345, i);
      if (h < 0) negatives++;
      sum += unitFromHash(h);
    }
    expect(negatives).toBe(0);
    expect(sum / 10_000).toBeCloseTo(0.5, 1);
  });
});
