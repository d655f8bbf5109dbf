import { describe, expect, it } from 'vitest';
import { utf8ByteLength, utf8Decode, utf8Encode } from './utf8';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

describe('utf8', () => {
  it('encodes and decodes multi-byte text like Buffer', () => {
    const s = 'héllo €𝄞';
    expect(hex(utf8Encode(s))).toBe(Buffer.from(s, 'utf8').toString('hex'));
    expect(utf8ByteLength(s)).toBe(Buffer.byteLength(s));
    expect(utf8Decode(utf8Encode(s))).toBe(s);
    expect(utf8Decode(new Uint8Array([0xff, 0x41]))).toBe('\uFFFDA');
  });
});
