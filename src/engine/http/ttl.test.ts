import { describe, expect, it } from 'vitest';
import { parseCacheControl as cc } from './cacheControl';
import { formatHttpDate } from './dates';
import {
  computeTtl,
  errorCacheTtl,
  isCacheableStatus,
  parseAgeHeader,
  preventsCollapsing,
  shouldStore,
  type TtlSettings,
} from './ttl';

const NOW = Date.UTC(2024, 0, 1);
const P = (minTtl: number, defaultTtl: number, maxTtl: number): TtlSettings => ({
  minTtl,
  defaultTtl,
  maxTtl,
});
const DEFAULT = P(0, 86_400, 31_536_000);
const at = (secondsFromNow: number): string => formatHttpDate(NOW + secondsFromNow * 1000);

describe('computeTtl: the spec §1.2 table', () => {
  it('uses DefaultTTL without caching headers (V01), raised to MinTTL when that is larger', () => {
    expect(computeTtl(cc(undefined), undefined, NOW, DEFAULT)).toBe(86_400);
    expect(computeTtl(cc(undefined), undefined, NOW, P(100_000, 86_400, 31_536_000))).toBe(100_000);
  });
  it('clamps max-age into [Min, Max] (V03)', () => {
    expect(computeTtl(cc('max-age=7200'), undefined, NOW, P(0, 86_400, 3600))).toBe(3600);
    expect(computeTtl(cc('max-age=5'), undefined, NOW, P(60, 86_400, 3600))).toBe(60);
    expect(computeTtl(cc('max-age=600'), undefined, NOW, P(60, 86_400, 3600))).toBe(600);
  });
  it('prefers s-maxage over max-age, clamped to MaxTTL (V05)', () => {
    expect(computeTtl(cc('max-age=60, s-maxage=300'), undefined, NOW, DEFAULT)).toBe(300);
    expect(computeTtl(cc('max-age=60, s-maxage=300'), undefined, NOW, P(0, 86_400, 200))).toBe(200);
  });
  it('returns MinTTL for no-cache, no-store or private, whatever max-age says (V07, V09)', () => {
    expect(computeTtl(cc('no-store'), undefined, NOW, DEFAULT)).toBe(0);
    expect(computeTtl(cc('private, max-age=600'), undefined, NOW, P(1, 86_400, 31_536_000))).toBe(1);
    expect(computeTtl(cc('no-cache, stale-if-error=0'), undefined, NOW, P(30, 86_400, 31_536_000))).toBe(30);
  });
  it('uses Expires only without max-age/s-maxage, measured against the wall clock', () => {
    expect(computeTtl(cc(undefined), at(500), NOW, DEFAULT)).toBe(500);
    expect(computeTtl(cc(undefined), at(500), NOW, P(0, 86_400, 100))).toBe(100);
    expect(computeTtl(cc('max-age=20'), at(500), NOW, DEFAULT)).toBe(20);
    expect(computeTtl(cc(undefined), at(500), NOW + 250, DEFAULT)).toBe(499.75);
  });
  it('treats an Expires in the past or unparseable as 0 before the clamp', () => {
    expect(computeTtl(cc(undefined), at(-500), NOW, DEFAULT)).toBe(0);
    expect(computeTtl(cc(undefined), '0', NOW, DEFAULT)).toBe(0);
    expect(computeTtl(cc(undefined), 'garbage', NOW, P(5, 86_400, 31_536_000))).toBe(5);
  });
});

describe('shouldStore (spec §1.3)', () => {
  const base = { status: 200, minTtl: 0, hasValidator: true };
  it('does not store no-store/private/no-cache with MinTTL 0 (V07)', () => {
    expect(shouldStore({ ...base, cc: cc('no-store'), ttlSeconds: 0 })).toBe(false);
    expect(shouldStore({ ...base, cc: cc('private, max-age=60'), ttlSeconds: 0 })).toBe(false);
    expect(shouldStore({ ...base, cc: cc('no-cache'), ttlSeconds: 0 })).toBe(false);
  });
  it('stores them for MinTTL when MinTTL > 0 (V09, V15)', () => {
    expect(shouldStore({ ...base, minTtl: 1, cc: cc('private, max-age=600'), ttlSeconds: 1 })).toBe(true);
  });
  it('stores a TTL-0 response stale only when it has a validator (V11)', () => {
    expect(shouldStore({ ...base, cc: cc('max-age=0'), ttlSeconds: 0 })).toBe(true);
    expect(shouldStore({ ...base, cc: cc('max-age=0'), ttlSeconds: 0, hasValidator: false })).toBe(false);
  });
  it('never stores an error with TTL 0 (V21a)', () => {
    expect(shouldStore({ ...base, status: 404, cc: cc(undefined), ttlSeconds: 0 })).toBe(false);
    expect(shouldStore({ ...base, status: 404, cc: cc(undefined), ttlSeconds: 10 })).toBe(true);
  });
});

describe('errorCacheTtl (spec §1.8, V19, V21)', () => {
  const none = cc(undefined);
  it('caches 404/414/5xx without headers for ErrorCachingMinTTL', () => {
    for (const s of [404, 414, 500, 501, 502, 503, 504])
      expect(errorCacheTtl(s, none, undefined, NOW, 10, 31_536_000)).toBe(10);
  });
  it('caches 400/403/405/412/415 only with max-age, s-maxage or Expires', () => {
    for (const s of [400, 403, 405, 412, 415]) {
      expect(errorCacheTtl(s, none, undefined, NOW, 10, 31_536_000)).toBeNull();
      expect(errorCacheTtl(s, cc('max-age=60'), undefined, NOW, 10, 31_536_000)).toBe(60);
    }
    expect(errorCacheTtl(403, none, at(40), NOW, 10, 31_536_000)).toBe(40);
  });
  it('never caches 416 or codes outside both lists', () => {
    expect(errorCacheTtl(416, cc('max-age=60'), undefined, NOW, 300, 31_536_000)).toBeNull();
    expect(errorCacheTtl(401, cc('max-age=60'), undefined, NOW, 10, 31_536_000)).toBeNull();
    expect(errorCacheTtl(429, none, undefined, NOW, 10, 31_536_000)).toBeNull();
  });
  it('takes max(ECMT, min(header, MaxTTL))', () => {
    expect(errorCacheTtl(404, cc('max-age=60'), undefined, NOW, 10, 31_536_000)).toBe(60); // V19a
    expect(errorCacheTtl(500, cc('max-age=5'), undefined, NOW, 30, 31_536_000)).toBe(30); // V19b
    expect(errorCacheTtl(404, cc('max-age=600'), undefined, NOW, 10, 100)).toBe(100); // V19c
    expect(errorCacheTtl(404, none, undefined, NOW, 0, 31_536_000)).toBe(0); // V21a
  });
});

describe('isCacheableStatus', () => {
  it('caches 200 and 301/302 like objects, 307/308 only with Cache-Control', () => {
    expect(isCacheableStatus(200, false)).toBe(true);
    expect(isCacheableStatus(301, false)).toBe(true);
    expect(isCacheableStatus(302, false)).toBe(true);
    expect(isCacheableStatus(307, false)).toBe(false);
    expect(isCacheableStatus(307, true)).toBe(true);
    expect(isCacheableStatus(308, false)).toBe(false);
    expect(isCacheableStatus(304, true)).toBe(false);
    expect(isCacheableStatus(201, true)).toBe(false);
  });
});

describe('preventsCollapsing (spec §6.3, V59c)', () => {
  it('is on with MinTTL 0 and private/no-store/no-cache/max-age=0/s-maxage=0', () => {
    for (const v of ['private', 'no-store', 'no-cache', 'max-age=0', 's-maxage=0'])
      expect(preventsCollapsing(cc(v), 0)).toBe(true);
    expect(preventsCollapsing(cc('max-age=60'), 0)).toBe(false);
    expect(preventsCollapsing(cc(undefined), 0)).toBe(false);
  });
  it('is off whenever MinTTL > 0', () => {
    expect(preventsCollapsing(cc('private'), 1)).toBe(false);
  });
});

describe('parseAgeHeader', () => {
  it('reads whole seconds and rejects anything else', () => {
    expect(parseAgeHeader(' 42 ')).toBe(42);
    expect(parseAgeHeader('-1')).toBeUndefined();
    expect(parseAgeHeader(undefined)).toBeUndefined();
  });
});
