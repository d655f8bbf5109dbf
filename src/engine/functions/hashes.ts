// MD5, SHA-1, SHA-256 and HMAC over bytes: the host side of the sandbox's `crypto` module
// (CloudFront Functions offer exactly these three algorithms). Written out here because
// the engine may use neither node:crypto nor WebCrypto (async, so unusable from run()).
// Sandboxed code reaches them only through one host function that takes and returns strings.

import { sha1 } from '../security/sha1';
import { base64Encode, bytesToByteString, byteStringToBytes, hexEncode } from './bytes';

export type HashAlgorithm = 'md5' | 'sha1' | 'sha256';
export const HASH_ALGORITHMS: readonly HashAlgorithm[] = ['md5', 'sha1', 'sha256'];

const BLOCK = 64; // all three use 64-byte blocks (HMAC needs it)

function pad(msg: Uint8Array, bigEndianLength: boolean): Uint8Array {
  const len = msg.length;
  const total = (((len + 8) >> 6) + 1) * 64;
  const out = new Uint8Array(total);
  out.set(msg);
  out[len] = 0x80;
  const bitsLo = (len << 3) >>> 0;
  const bitsHi = Math.floor(len / 0x20000000) >>> 0;
  for (let i = 0; i < 4; i++) {
    if (bigEndianLength) {
      out[total - 1 - i] = (bitsLo >>> (8 * i)) & 255;
      out[total - 5 - i] = (bitsHi >>> (8 * i)) & 255;
    } else {
      out[total - 8 + i] = (bitsLo >>> (8 * i)) & 255;
      out[total - 4 + i] = (bitsHi >>> (8 * i)) & 255;
    }
  }
  return out;
}

const MD5_S = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];
const MD5_K = Array.from({ length: 64 }, (_, i) => Math.floor(Math.abs(Math.sin(i + 1)) * 0x100000000) >>> 0);

function md5(msg: Uint8Array): Uint8Array {
  const m = pad(msg, false);
  let a0 = 0x67452301;
  let b0 = 0xefcdab89;
  let c0 = 0x98badcfe;
  let d0 = 0x10325476;
  const w = new Int32Array(16);
  for (let off = 0; off < m.length; off += 64) {
    for (let i = 0; i < 16; i++) {
      const j = off + i * 4;
      w[i] = m[j] | (m[j + 1] << 8) | (m[j + 2] << 16) | (m[j + 3] << 24);
    }
    let a = a0;
    let b = b0;
    let c = c0;
    let d = d0;
    for (let i = 0; i < 64; i++) {
      let f: number;
      let g: number;
      if (i < 16) {
        f = (b & c) | (~b & d);
        g = i;
      } else if (i < 32) {
        f = (d & b) | (~d & c);
        g = (5 * i + 1) & 15;
      } else if (i < 48) {
        f = b ^ c ^ d;
        g = (3 * i + 5) & 15;
      } else {
        f = c ^ (b | ~d);
        g = (7 * i) & 15;
      }
      const s = MD5_S[(i >> 4) * 4 + (i & 3)];
      const x = (a + f + MD5_K[i] + w[g]) | 0;
      a = d;
      d = c;
      c = b;
      b = (b + ((x << s) | (x >>> (32 - s)))) | 0;
    }
    a0 = (a0 + a) | 0;
    b0 = (b0 + b) | 0;
    c0 = (c0 + c) | 0;
    d0 = (d0 + d) | 0;
  }
  const out = new Uint8Array(16);
  [a0, b0, c0, d0].forEach((v, k) => {
    for (let i = 0; i < 4; i++) out[k * 4 + i] = (v >>> (8 * i)) & 255;
  });
  return out;
}

const SHA256_K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
]);

function sha256(msg: Uint8Array): Uint8Array {
  const m = pad(msg, true);
  const h = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
  const w = new Int32Array(64);
  const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));
  for (let off = 0; off < m.length; off += 64) {
    for (let i = 0; i < 16; i++) {
      const j = off + i * 4;
      w[i] = (m[j] << 24) | (m[j + 1] << 16) | (m[j + 2] << 8) | m[j + 3];
    }
    for (let i = 16; i < 64; i++) {
      const s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >>> 3);
      const s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >>> 10);
      w[i] = (w[i - 16] + s0 + w[i - 7] + s1) | 0;
    }
    let [a, b, c, d, e, f, g, hh] = h;
    for (let i = 0; i < 64; i++) {
      const t1 =
        (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + SHA256_K[i] + w[i]) | 0;
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    h[0] = (h[0] + a) | 0;
    h[1] = (h[1] + b) | 0;
    h[2] = (h[2] + c) | 0;
    h[3] = (h[3] + d) | 0;
    h[4] = (h[4] + e) | 0;
    h[5] = (h[5] + f) | 0;
    h[6] = (h[6] + g) | 0;
    h[7] = (h[7] + hh) | 0;
  }
  return wordsBigEndian(h);
}

function wordsBigEndian(words: number[]): Uint8Array {
  const out = new Uint8Array(words.length * 4);
  words.forEach((v, k) => {
    for (let i = 0; i < 4; i++) out[k * 4 + i] = (v >>> (24 - 8 * i)) & 255;
  });
  return out;
}

const HASHES: Record<HashAlgorithm, (m: Uint8Array) => Uint8Array> = { md5, sha1, sha256 };

export function isHashAlgorithm(name: string): name is HashAlgorithm {
  return name === 'md5' || name === 'sha1' || name === 'sha256';
}

export function digest(alg: HashAlgorithm, data: Uint8Array): Uint8Array {
  return HASHES[alg](data);
}

export function hmac(alg: HashAlgorithm, key: Uint8Array, data: Uint8Array): Uint8Array {
  const h = HASHES[alg];
  let k = key.length > BLOCK ? h(key) : key;
  const padded = new Uint8Array(BLOCK);
  padded.set(k);
  k = padded;
  const inner = new Uint8Array(BLOCK + data.length);
  const outer = new Uint8Array(BLOCK + (alg === 'md5' ? 16 : alg === 'sha1' ? 20 : 32));
  for (let i = 0; i < BLOCK; i++) {
    inner[i] = k[i] ^ 0x36;
    outer[i] = k[i] ^ 0x5c;
  }
  inner.set(data, BLOCK);
  outer.set(h(inner), BLOCK);
  return h(outer);
}

/** Encodings `digest()` accepts; '' = no encoding (the sandbox turns it into a byte string or a Buffer). */
export function encodeDigest(bytes: Uint8Array, encoding: string): string | undefined {
  switch (encoding) {
    case 'hex':
      return hexEncode(bytes);
    case 'base64':
      return base64Encode(bytes);
    case 'base64url':
      return base64Encode(bytes, true);
    case '':
    case 'latin1':
    case 'binary':
      return bytesToByteString(bytes);
    default:
      return undefined;
  }
}

/** The sandbox's one crypto entry point: strings in, string out. */
export function hostHash(
  alg: string,
  keyByteString: string | null,
  dataByteString: string,
  encoding: string,
): string {
  if (!isHashAlgorithm(alg))
    throw new Error(`Digest method not supported: '${alg}' (use md5, sha1 or sha256)`);
  const data = byteStringToBytes(dataByteString);
  const out = keyByteString === null ? digest(alg, data) : hmac(alg, byteStringToBytes(keyByteString), data);
  const s = encodeDigest(out, encoding);
  if (s === undefined)
    throw new Error(`Unknown digest encoding '${encoding}' (use hex, base64 or base64url)`);
  return s;
}
