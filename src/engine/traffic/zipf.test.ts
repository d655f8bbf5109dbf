import { describe, expect, it } from 'vitest';
import { createRng } from '../util/rng';
import { ZipfSampler, zipfProbability } from './zipf';

function frequencies(n: number, alpha: number, samples: number, seed = 1): Float64Array {
  const z = new ZipfSampler(n, alpha);
  const rng = createRng(seed);
  const counts = new Float64Array(n + 1);
  for (let i = 0; i < samples; i++) counts[z.sample(rng)]++;
  return counts;
}

/** Pearson chi-square of observed counts against the exact Zipf pmf. */
function chiSquare(counts: Float64Array, n: number, alpha: number, samples: number): number {
  let chi = 0;
  for (let k = 1; k <= n; k++) {
    const e = samples * zipfProbability(k, n, alpha);
    chi += ((counts[k] - e) * (counts[k] - e)) / e;
  }
  return chi;
}

describe('ZipfSampler', () => {
  it('matches Zipf(0.8) over 1,000 objects rank by rank (chi-square, seed 1)', () => {
    const counts = frequencies(1000, 0.8, 400_000);
    // 999 degrees of freedom: the 0.1% critical value is about 1143
    expect(chiSquare(counts, 1000, 0.8, 400_000)).toBeLessThan(1143);
    expect(counts[1] / 400_000).toBeCloseTo(zipfProbability(1, 1000, 0.8), 3);
    expect(counts[10] / 400_000).toBeCloseTo(zipfProbability(10, 1000, 0.8), 3);
  });

  it('is exact at alpha = 1 and above 1, and for tiny catalogs', () => {
    expect(chiSquare(frequencies(50, 1, 200_000), 50, 1, 200_000)).toBeLessThan(85.4); // df 49
    expect(chiSquare(frequencies(50, 1.2, 200_000), 50, 1.2, 200_000)).toBeLessThan(85.4);
    expect(chiSquare(frequencies(10, 0.6, 200_000), 10, 0.6, 200_000)).toBeLessThan(27.9); // df 9
    expect(frequencies(1, 0.8, 1000)[1]).toBe(1000);
  });

  it('samples a 5,000,000-object catalog with the right head share and never leaves 1..n', () => {
    const n = 5_000_000;
    const z = new ZipfSampler(n, 0.8);
    const rng = createRng(5);
    let head = 0;
    let outside = 0;
    const samples = 200_000;
    for (let i = 0; i < samples; i++) {
      const k = z.sample(rng);
      if (k < 1 || k > n || !Number.isInteger(k)) outside++;
      if (k <= 50_000) head++;
    }
    let norm = 0;
    let headP = 0;
    for (let i = 1; i <= n; i++) {
      const p = Math.pow(i, -0.8);
      norm += p;
      if (i <= 50_000) headP += p;
    }
    expect(outside).toBe(0);
    // the top 1% of objects draws ~37% of requests at alpha 0.8
    expect(headP / norm).toBeCloseTo(0.3726, 4);
    expect(head / samples).toBeCloseTo(headP / norm, 2);
  });

  it('gives the same ranks for the same seed', () => {
    const a = new ZipfSampler(1000, 0.8);
    const r1 = createRng(9);
    const r2 = createRng(9);
    const s1 = Array.from({ length: 50 }, () => a.sample(r1));
    const s2 = Array.from({ length: 50 }, () => a.sample(r2));
    expect(s1).toEqual(s2);
  });

  it('refuses an empty catalog or a non-positive exponent, saying what to give', () => {
    expect(() => new ZipfSampler(0, 0.8)).toThrow(/at least one item/);
    expect(() => new ZipfSampler(10, 0)).toThrow(/positive number/);
    expect(() => new ZipfSampler(10, Number.NaN)).toThrow(/positive number/);
  });
});
