import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { base64Decode, base64Encode, hexEncode, utf8DecodeStrict, utf8Encode, utf8Length } from './bytes';
import { digest, hmac, hostHash } from './hashes';

const SAMPLES = [
  '',
  'abc',
  'The quick brown fox jumps over the lazy dog',
  'é€😀',
  'x'.repeat(55),
  'y'.repeat(56),
  'z'.repeat(64),
  'w'.repeat(1000),
];

describe('hashes match node:crypto', () => {
  for (const alg of ['md5', 'sha1', 'sha256'] as const) {
    it(`${alg} digest of ${SAMPLES.length} inputs around the block boundaries`, () => {
      for (const s of SAMPLES)
        expect(hexEncode(digest(alg, utf8Encode(s)))).toBe(createHash(alg).update(s).digest('hex'));
    });
    it(`${alg} HMAC with short and long (over one block) keys`, () => {
      for (const key of ['k', 'secret-key', 'K'.repeat(100)]) {
        for (const s of SAMPLES)
          expect(hexEncode(hmac(alg, utf8Encode(key), utf8Encode(s)))).toBe(
            createHmac(alg, key).update(s).digest('hex'),
          );
      }
    });
  }

  it('hostHash encodes hex, base64 and base64url and rejects what CloudFront does not offer', () => {
    expect(hostHash('sha256', 'key', 'data', 'base64url')).toBe(
      createHmac('sha256', 'key').update('data').digest('base64url'),
    );
    expect(hostHash('md5', null, 'data', 'base64')).toBe(createHash('md5').update('data').digest('base64'));
    expect(() => hostHash('sha512', null, 'x', 'hex')).toThrow(
      "Digest method not supported: 'sha512' (use md5, sha1 or sha256)",
    );
    expect(() => hostHash('sha1', null, 'x', 'utf16')).toThrow("Unknown digest encoding 'utf16'");
  });
});

describe('bytes', () => {
  it('UTF-8 round-trips, counts bytes, and refuses invalid sequences', () => {
    for (const s of SAMPLES) {
      expect(Buffer.from(utf8Encode(s)).toString('utf8')).toBe(s);
      expect(utf8Length(s)).toBe(Buffer.byteLength(s));
      expect(utf8DecodeStrict(utf8Encode(s))).toBe(s);
    }
    expect(utf8DecodeStrict(new Uint8Array([0xc3]))).toBeUndefined();
    expect(utf8DecodeStrict(new Uint8Array([0xff, 0x41]))).toBeUndefined();
  });

  it('base64 matches Node and strict decoding rejects garbage', () => {
    for (const s of SAMPLES) {
      const b = utf8Encode(s);
      expect(base64Encode(b)).toBe(Buffer.from(s).toString('base64'));
      expect(base64Encode(b, true)).toBe(Buffer.from(s).toString('base64url'));
      expect(Buffer.from(base64Decode(Buffer.from(s).toString('base64')) as Uint8Array).toString()).toBe(s);
    }
    expect(base64Decode('not base64!')).toBeUndefined();
    expect(base64Decode('abc')).toEqual(new Uint8Array([0x69, 0xb7]));
    expect(base64Decode('a')).toBeUndefined();
  });
});
