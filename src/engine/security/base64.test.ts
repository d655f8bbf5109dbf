import { describe, expect, it } from 'vitest';
import {
  decodeBase64,
  decodeCloudFrontBase64,
  encodeBase64,
  encodeCloudFrontBase64,
  fromCloudFrontBase64,
  toCloudFrontBase64,
} from './base64';

describe('base64', () => {
  it('round-trips and agrees with Buffer', () => {
    for (const n of [0, 1, 2, 3, 4, 5, 100]) {
      const data = new Uint8Array(n).map((_, i) => (i * 97 + 13) & 0xff);
      expect(encodeBase64(data)).toBe(Buffer.from(data).toString('base64'));
      expect(Array.from(decodeBase64(encodeBase64(data)) ?? [])).toEqual(Array.from(data));
    }
  });
  it('converts to and from the CloudFront URL-safe alphabet', () => {
    expect(toCloudFrontBase64('a+b/c==')).toBe('a-b~c__');
    expect(fromCloudFrontBase64('a-b~c__')).toBe('a+b/c==');
    const data = new Uint8Array([0xfb, 0xff, 0xfe, 0x3e]);
    expect(encodeCloudFrontBase64(data)).toBe('-~~-Pg__');
    expect(Array.from(decodeCloudFrontBase64('-~~-Pg__') ?? [])).toEqual([0xfb, 0xff, 0xfe, 0x3e]);
  });
  it('returns null for invalid input', () => {
    expect(decodeBase64('ab$d')).toBeNull();
    expect(decodeBase64('abcde')).toBeNull();
  });
});
