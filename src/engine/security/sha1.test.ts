import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha1 } from './sha1';
import { utf8Encode } from './utf8';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

describe('sha1', () => {
  it('matches the FIPS test vectors', () => {
    expect(hex(sha1(utf8Encode('abc')))).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
    expect(hex(sha1(new Uint8Array(0)))).toBe('da39a3ee5e6b4b0d3255bfef95601890afd80709');
    expect(hex(sha1(utf8Encode('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')))).toBe(
      '84983e441c3bd26ebaae4aa1f95129e5e54670f1',
    );
  });
  it('agrees with node:crypto across padding boundaries', () => {
    for (const n of [1, 55, 56, 63, 64, 65, 119, 120, 1000]) {
      const data = new Uint8Array(n).map((_, i) => (i * 31 + n) & 0xff);
      expect(hex(sha1(data))).toBe(createHash('sha1').update(data).digest('hex'));
    }
  });
});
