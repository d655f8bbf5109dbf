// Seeded randomness for the engine. The engine never calls Math.random(): every random choice
// comes from an Rng made here, so the same scenario and seed give the same numbers every run.
//
// API (for the pipeline, traffic and origin modules):
//   createRng(seed: number): Rng
//     rng.next(): number          uniform in [0, 1), 32 bits of resolution
//     rng.int(n): number          uniform integer in [0, n), n >= 1 (n up to 2^32)
//     rng.chance(p): boolean      true with probability p (p <= 0 never, p >= 1 always)
//     rng.exp(mean): number       exponential deviate (Poisson inter-arrival times)
//     rng.fork(label): Rng        an independent stream derived from this rng's SEED and the
//                                 label, not from its current state: adding draws to one stream
//                                 never shifts another ("traffic", "origin:img", ...).
//   hashString(s, seed?): number  FNV-1a 32-bit (unsigned) of a string, for deterministic ids
//   hash32(x): number             murmur3 fmix32 finaliser: a well-mixed 32-bit hash of an int
//   hashInts(a, b): number        hash of a pair of 32-bit ints (e.g. catalog seed, object index)
//   unitFromHash(h): number       a 32-bit hash mapped to [0, 1)
//
// Generator: sfc32 (Chris Doty-Humphrey's Small Fast Chaotic PRNG, PractRand-clean, period
// >= 2^32), seeded through splitmix32 so that nearby seeds give unrelated streams.

const TWO_POW_32 = 4294967296;

/** A deterministic random stream. */
export interface Rng {
  /** the seed this stream was created from (forks derive from it) */
  readonly seed: number;
  next(): number;
  int(n: number): number;
  chance(p: number): boolean;
  exp(mean: number): number;
  fork(label: string): Rng;
}

/** FNV-1a, 32-bit, over UTF-16 code units; unsigned result. */
export function hashString(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** murmur3's 32-bit finaliser: every input bit affects every output bit. */
export function hash32(x: number): number {
  let h = x | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Hash of two 32-bit integers (order matters). */
export function hashInts(a: number, b: number): number {
  return hash32(hash32(a) ^ Math.imul(b | 0, 0x9e3779b1) ^ 0x5bd1e995);
}

/** Maps a 32-bit hash to [0, 1). */
export function unitFromHash(h: number): number {
  return (h >>> 0) / TWO_POW_32;
}

/** splitmix32 step: turns any seed into well-spread state words. */
function splitmix32(state: number): number {
  let z = (state + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

class Sfc32 implements Rng {
  readonly seed: number;
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    // Accept any finite number (scenario seeds are user input); fold it to 32 bits.
    const s = Number.isFinite(seed) ? Math.trunc(seed) : 0;
    this.seed = (s | 0) ^ Math.trunc(s / TWO_POW_32);
    let x = this.seed;
    x = splitmix32(x);
    this.a = x;
    x = splitmix32(x);
    this.b = x;
    x = splitmix32(x);
    this.c = x;
    this.d = 1;
    // Discard the first outputs: sfc32's recommended warm-up.
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  private nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  next(): number {
    return this.nextUint32() / TWO_POW_32;
  }

  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  chance(p: number): boolean {
    return p > 0 && (p >= 1 || this.next() < p);
  }

  exp(mean: number): number {
    // 1 - next() is in (0, 1], so the log is finite.
    return -mean * Math.log(1 - this.next());
  }

  fork(label: string): Rng {
    return new Sfc32(hashInts(this.seed, hashString(label)));
  }
}

/** A seeded random stream; same seed, same sequence. */
export function createRng(seed: number): Rng {
  return new Sfc32(seed);
}
