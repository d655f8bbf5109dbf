import { describe, expect, it } from 'vitest';
import { checkHeaders, parseReply } from './wire';

const before = new Map<string, string[]>();

describe('checkHeaders: header values a function hands back', () => {
  it('names the character that makes a value invalid', () => {
    expect(checkHeaders(undefined, before, new Map([['x-a', ['one\ntwo']]]), 'response')).toBe(
      "the value of header 'x-a' contains a line break",
    );
    expect(checkHeaders(undefined, before, new Map([['x-a', ['\u0000']]]), 'response')).toBe(
      "the value of header 'x-a' contains a NUL character",
    );
    expect(checkHeaders(undefined, before, new Map([['x-a', ['fine']]]), 'response')).toBeUndefined();
  });
});

describe('parseReply: the flags field', () => {
  it('splits the read flags from the KeyValueStore read count riding above them', () => {
    // flags 5 (Date + viewer ip) and 2 reads: 5 + 2 x 16
    const reply = parseReply(['req', '37', 'payload', '0', '5'].join('\x1f'));
    expect(reply).toEqual({ status: 'req', flags: 5, kvsReads: 2, logs: [], p: ['payload'] });
    expect(parseReply(['req', '8', 'x', '0', '5'].join('\x1f'))?.kvsReads).toBe(0);
  });
});
