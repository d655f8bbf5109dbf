import { describe, expect, it } from 'vitest';
import { EMPTY_CACHE_CONTROL, parseCacheControl, parseCacheControlLines } from './cacheControl';

describe('parseCacheControl', () => {
  it('returns the shared frozen empty object for undefined and empty input', () => {
    expect(parseCacheControl(undefined)).toBe(EMPTY_CACHE_CONTROL);
    expect(parseCacheControl('')).toBe(EMPTY_CACHE_CONTROL);
    expect(Object.isFrozen(EMPTY_CACHE_CONTROL)).toBe(true);
  });

  it('reads numeric and boolean directives, case-insensitively', () => {
    expect(
      parseCacheControl('Public, MAX-AGE=60, s-maxage=300, Stale-While-Revalidate=30, stale-if-error=600'),
    ).toEqual({
      maxAge: 60,
      sMaxAge: 300,
      staleWhileRevalidate: 30,
      staleIfError: 600,
      noCache: false,
      noStore: false,
      private: false,
      public: true,
      mustRevalidate: false,
      proxyRevalidate: false,
      noTransform: false,
    });
    const cc = parseCacheControl('no-store, must-revalidate, proxy-revalidate, no-transform, private');
    expect([cc.noStore, cc.mustRevalidate, cc.proxyRevalidate, cc.noTransform, cc.private]).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
  });

  it('accepts quoted values and keeps commas inside quotes', () => {
    expect(parseCacheControl('max-age="120"').maxAge).toBe(120);
    const cc = parseCacheControl('no-cache="set-cookie, x-token", max-age=5');
    expect(cc.noCache).toBe(true);
    expect(cc.maxAge).toBe(5);
  });

  it('lets the first of duplicated directives win', () => {
    expect(parseCacheControl('max-age=10, max-age=99').maxAge).toBe(10);
  });

  it('treats malformed delta-seconds as 0 (stale) and caps huge values at 2^31', () => {
    expect(parseCacheControl('max-age=abc').maxAge).toBe(0);
    expect(parseCacheControl('max-age=-5').maxAge).toBe(0);
    expect(parseCacheControl('s-maxage=1.5').sMaxAge).toBe(0);
    expect(parseCacheControl('max-age').maxAge).toBe(0);
    expect(parseCacheControl('max-age=99999999999').maxAge).toBe(2_147_483_648);
  });

  it('ignores unknown extensions and stray separators', () => {
    const cc = parseCacheControl(' , immutable,, max-age=7 ,');
    expect(cc.maxAge).toBe(7);
    expect(cc.noCache).toBe(false);
  });

  it('memoizes: the same input returns the same frozen object', () => {
    const a = parseCacheControl('max-age=42');
    expect(parseCacheControl('max-age=42')).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
  });

  it('joins several header lines into one list', () => {
    const cc = parseCacheControlLines(['private', 'max-age=600']);
    expect(cc.private).toBe(true);
    expect(cc.maxAge).toBe(600);
    expect(parseCacheControlLines(undefined)).toBe(EMPTY_CACHE_CONTROL);
  });
});
