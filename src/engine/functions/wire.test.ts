import { describe, expect, it } from 'vitest';
import { checkHeaders } from './wire';

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
