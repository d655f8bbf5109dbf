import { describe, expect, it } from 'vitest';
import { cacheControlError } from './cacheControlText';

describe('cacheControlError', () => {
  it('accepts the directives the lessons use, and empty (no header)', () => {
    for (const v of [
      '',
      'no-store',
      'max-age=0',
      'public, max-age=60, s-maxage=86400',
      'no-cache="set-cookie"',
    ])
      expect(cacheControlError(v)).toBeNull();
  });

  it('names the directive it cannot read and says what to write', () => {
    expect(cacheControlError('max-age=60; public')).toBe(
      '"max-age=60; public" is not a Cache-Control directive: write directives such as max-age=3600, s-maxage=86400, no-store or no-cache, separated by commas.',
    );
    expect(cacheControlError('max-age = 60')).toContain('"max-age = 60" is not a Cache-Control directive');
    expect(cacheControlError('public,')).toContain('"" is not a Cache-Control directive');
  });
});
