// Zipf(alpha) popularity over ranks 1..n: P(k) = k^-alpha / H(n, alpha).
//
// Rejection-inversion sampling (W. Hörmann and G. Derflinger, "Rejection-inversion to generate
// variates from monotone discrete distributions", ACM TOMACS 6(3), 1996), following the
// structure of Apache Commons RNG's RejectionInversionZipfSampler: O(1) expected time per
// sample (about 1.1 uniform draws), O(1) memory whatever n is, exact for any alpha > 0
// (including alpha = 1 and alpha < 1). Web/CDN popularity is Zipf-like with alpha 0.6-1.0
// (Breslau et al., INFOCOM 1999), 0.8 being the usual default.
//
// API:
//   new ZipfSampler(n, alpha)
//   sampler.sample(rng): number       a rank in 1..n (1 = most popular)
//   zipfProbability(k, n, alpha)      exact P(k), O(n) (tests and the UI's "expected" curve)
import type { Rng } from '../util/rng';

export class ZipfSampler {
  readonly n: number;
  readonly alpha: number;
  private readonly hIntegralX1: number;
  private readonly hIntegralN: number;
  private readonly s: number;

  constructor(n: number, alpha: number) {
    if (!Number.isInteger(n) || n < 1) {
      throw new RangeError(
        `Zipf needs at least one item: got n = ${n}; give a whole number of objects >= 1.`,
      );
    }
    if (!(alpha > 0) || !Number.isFinite(alpha)) {
      throw new RangeError(`Zipf exponent must be a positive number (typically 0.6-1.2): got ${alpha}.`);
    }
    this.n = n;
    this.alpha = alpha;
    this.hIntegralX1 = this.hIntegral(1.5) - 1;
    this.hIntegralN = this.hIntegral(n + 0.5);
    this.s = 2 - this.hIntegralInverse(this.hIntegral(2.5) - this.h(2));
  }

  sample(rng: Rng): number {
    const n = this.n;
    for (;;) {
      // u is uniform in (hIntegralX1, hIntegralN]
      const u = this.hIntegralN + rng.next() * (this.hIntegralX1 - this.hIntegralN);
      const x = this.hIntegralInverse(u);
      let k = Math.floor(x + 0.5);
      if (k < 1) k = 1;
      else if (k > n) k = n;
      // Accept at once inside the squeeze, else test against the exact bound.
      if (k - x <= this.s || u >= this.hIntegral(k + 0.5) - this.h(k)) return k;
    }
  }

  /** H(x) = ((x^(1-a)) - 1) / (1-a), written to stay exact as a -> 1 (where it becomes log x). */
  private hIntegral(x: number): number {
    const logX = Math.log(x);
    return expm1OverX((1 - this.alpha) * logX) * logX;
  }

  /** h(x) = x^-a */
  private h(x: number): number {
    return Math.exp(-this.alpha * Math.log(x));
  }

  private hIntegralInverse(x: number): number {
    let t = x * (1 - this.alpha);
    if (t < -1) t = -1; // guards rounding at the far end (a > 1)
    return Math.exp(log1pOverX(t) * x);
  }
}

/** log(1 + x) / x, continuous at 0 */
function log1pOverX(x: number): number {
  return Math.abs(x) > 1e-8 ? Math.log1p(x) / x : 1 - x * (0.5 - x * (1 / 3 - 0.25 * x));
}

/** (exp(x) - 1) / x, continuous at 0 */
function expm1OverX(x: number): number {
  return Math.abs(x) > 1e-8 ? Math.expm1(x) / x : 1 + x * 0.5 * (1 + (x / 3) * (1 + 0.25 * x));
}

/** Exact probability of rank k under Zipf(alpha) over n items. O(n). */
export function zipfProbability(k: number, n: number, alpha: number): number {
  let norm = 0;
  for (let i = 1; i <= n; i++) norm += Math.pow(i, -alpha);
  return Math.pow(k, -alpha) / norm;
}
