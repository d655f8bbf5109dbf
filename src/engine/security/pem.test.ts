import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parsePublicKeyPem } from './pem';

describe('parsePublicKeyPem', () => {
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const spki = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const pkcs1 = publicKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  const jwk = publicKey.export({ format: 'jwk' });
  const big = (b64url: string | undefined): bigint =>
    BigInt('0x' + Buffer.from(b64url ?? '', 'base64url').toString('hex'));

  it('reads n and e from SPKI and PKCS#1 PEM', () => {
    const a = parsePublicKeyPem(spki);
    expect(a.n).toBe(big(jwk.n));
    expect(a.e).toBe(65537n);
    expect(parsePublicKeyPem(pkcs1)).toEqual(a);
  });
  it('rejects non-PEM text, bad base64, truncated DER and non-RSA keys with a clear message', () => {
    expect(() => parsePublicKeyPem('hello')).toThrow(/Not a PEM public key/);
    expect(() => parsePublicKeyPem('-----BEGIN PUBLIC KEY-----\n$$$$\n-----END PUBLIC KEY-----')).toThrow(
      'The PEM public key body is not valid base64.',
    );
    const body = spki.split('\n').slice(1, 4).join('\n');
    expect(() => parsePublicKeyPem(`-----BEGIN PUBLIC KEY-----\n${body}\n-----END PUBLIC KEY-----`)).toThrow(
      /truncated/,
    );
    const ec = generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
      .publicKey.export({ type: 'spki', format: 'pem' })
      .toString();
    expect(() => parsePublicKeyPem(ec)).toThrow(/not an RSA key/);
  });
});
