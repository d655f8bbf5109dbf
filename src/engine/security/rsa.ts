// RSASSA-PKCS1-v1_5 signature verification with SHA-1 (RFC 8017 §8.2.2), as CloudFront uses
// for signed URLs and cookies (spec §10.4). BigInt arithmetic; public operations only.
import type { RsaPublicKey } from './pem';
import { sha1 } from './sha1';

/** DER of DigestInfo{ sha1, NULL } before the 20-byte hash (RFC 8017 §9.2 note 1). */
const SHA1_DIGEST_INFO_PREFIX = [
  0x30, 0x21, 0x30, 0x09, 0x06, 0x05, 0x2b, 0x0e, 0x03, 0x02, 0x1a, 0x05, 0x00, 0x04, 0x14,
];

export function modPow(base: bigint, exp: bigint, mod: bigint): bigint {
  let result = 1n;
  let b = base % mod;
  let e = exp;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % mod;
    b = (b * b) % mod;
    e >>= 1n;
  }
  return result;
}

function byteLength(n: bigint): number {
  return Math.ceil(n.toString(16).length / 2);
}

/** True when `signature` is a valid RSA-SHA1 PKCS#1 v1.5 signature of `message`. The whole
 * encoded block is compared, not just the hash, so malformed paddings are rejected. */
export function verifyRsaSha1(key: RsaPublicKey, message: Uint8Array, signature: Uint8Array): boolean {
  const k = byteLength(key.n);
  if (signature.length !== k) return false;
  let s = 0n;
  for (const byte of signature) s = (s << 8n) | BigInt(byte);
  if (s >= key.n) return false;
  const m = modPow(s, key.e, key.n);
  const hex = m.toString(16).padStart(k * 2, '0');
  if (hex.length !== k * 2) return false;
  const hash = sha1(message);
  const tLen = SHA1_DIGEST_INFO_PREFIX.length + hash.length;
  if (k < tLen + 11) return false;
  // EM = 0x00 || 0x01 || PS (0xff..., at least 8) || 0x00 || DigestInfo || hash
  const expected = new Uint8Array(k);
  expected[1] = 0x01;
  expected.fill(0xff, 2, k - tLen - 1);
  expected[k - tLen - 1] = 0x00;
  expected.set(SHA1_DIGEST_INFO_PREFIX, k - tLen);
  expected.set(hash, k - hash.length);
  let diff = 0;
  for (let i = 0; i < k; i++) diff |= expected[i] ^ parseInt(hex.substr(i * 2, 2), 16);
  return diff === 0;
}
