import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parsePublicKeyPem } from './pem';
import { modPow, verifyRsaSha1 } from './rsa';
import { utf8Encode } from './utf8';

describe('verifyRsaSha1', () => {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const spki = publicKey.export({ type: 'spki', format: 'pem' }).toString();

  it('verifies an RSA-SHA1 signature made by node:crypto and rejects tampering', () => {
    const key = parsePublicKeyPem(spki);
    const msg = utf8Encode('{"Statement":[]}');
    const sig = new Uint8Array(sign('sha1', msg, privateKey));
    expect(verifyRsaSha1(key, msg, sig)).toBe(true);
    expect(verifyRsaSha1(key, utf8Encode('{"Statement":[1]}'), sig)).toBe(false);
    const bad = sig.slice();
    bad[100] ^= 1;
    expect(verifyRsaSha1(key, msg, bad)).toBe(false);
    expect(verifyRsaSha1(key, msg, sig.slice(1))).toBe(false);
    // A SHA-256 signature over the same message has a different DigestInfo: rejected.
    expect(verifyRsaSha1(key, msg, new Uint8Array(sign('sha256', msg, privateKey)))).toBe(false);
  });
  it('modPow agrees with small known values', () => {
    expect(modPow(4n, 13n, 497n)).toBe(445n);
    expect(modPow(2n, 0n, 7n)).toBe(1n);
  });
});
