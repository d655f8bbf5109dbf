import { describe, expect, it } from 'vitest';
import { normalizeHeaders } from '../http/headers';
import type { EdgeRequest } from '../http/model';
import {
  buildCacheKey,
  invalidationTarget,
  normalizeAcceptEncoding,
  parseCookieHeader,
  parseQuery,
  stripSignedParams,
} from './cacheKey';
import { testPolicy } from './testPolicy';

const HOST = 'd111111abcdef8.cloudfront.net';
function req(url: string, headers: Record<string, string> = {}): EdgeRequest {
  const q = url.indexOf('?');
  return {
    method: 'GET',
    uri: q < 0 ? url : url.slice(0, q),
    querystring: q < 0 ? '' : url.slice(q + 1),
    headers: normalizeHeaders(headers),
    clientIp: '198.51.100.10',
  };
}
const key = (
  p: ReturnType<typeof testPolicy>,
  url: string,
  headers?: Record<string, string>,
  enc?: string,
): string => buildCacheKey(p, req(url, headers), enc, HOST).key;

describe('V31: the default key is domain + path only', () => {
  it('ignores query, cookies and headers', () => {
    const p = testPolicy();
    const a = buildCacheKey(
      p,
      req('/p?ref=1', { Cookie: 's=1', 'User-Agent': 'A', 'Accept-Language': 'en' }),
      undefined,
      HOST,
    );
    const b = buildCacheKey(p, req('/p?ref=2', { Cookie: 's=2', 'User-Agent': 'B' }), undefined, HOST);
    expect(a.key).toBe('d111111abcdef8.cloudfront.net/p');
    expect(b.key).toBe(a.key);
    expect(a).toEqual({
      key: 'd111111abcdef8.cloudfront.net/p',
      path: '/p',
      query: '',
      headers: [],
      cookies: [],
    });
  });
});

describe('V33: query strings "all": order, case and delimiter matter', () => {
  const p = testPolicy({ queryStringBehavior: 'all' });
  it('gives four different keys and one repeat', () => {
    const k1 = key(p, '/p?a=1&b=2');
    expect(key(p, '/p?b=2&a=1')).not.toBe(k1);
    expect(key(p, '/p?a=1&b=2')).toBe(k1);
    expect(key(p, '/p?A=1&b=2')).not.toBe(k1);
    expect(key(p, '/p?a=1;b=2')).not.toBe(k1);
    expect(new Set([k1, key(p, '/p?b=2&a=1'), key(p, '/p?A=1&b=2'), key(p, '/p?a=1;b=2')]).size).toBe(4);
  });
});

describe('query whitelist and allExcept keep request order', () => {
  it('whitelist keeps only listed names, raw, in request order', () => {
    const p = testPolicy({ queryStringBehavior: 'whitelist', queryStrings: ['v', 'lang'] });
    const info = buildCacheKey(p, req('/p?utm=1&lang=en&x&v=2&v=3'), undefined, HOST);
    expect(info.query).toBe('lang=en&v=2&v=3');
    expect(info.key).toBe('d111111abcdef8.cloudfront.net/p?lang=en&v=2&v=3');
  });
  it('allExcept drops the listed names', () => {
    const p = testPolicy({ queryStringBehavior: 'allExcept', queryStrings: ['utm'] });
    expect(buildCacheKey(p, req('/p?utm=1&a=1&b'), undefined, HOST).query).toBe('a=1&b');
  });
});

describe('V35: cookies are case-sensitive and sorted by name', () => {
  it('whitelist [session]', () => {
    const p = testPolicy({ cookieBehavior: 'whitelist', cookies: ['session'] });
    const k1 = key(p, '/p', { Cookie: 'session=abc; theme=dark' });
    expect(key(p, '/p', { Cookie: 'theme=light; session=abc' })).toBe(k1);
    expect(key(p, '/p', { Cookie: 'Session=abc' })).not.toBe(k1);
    expect(key(p, '/p', { Cookie: 'session=ABC' })).not.toBe(k1);
    expect(
      buildCacheKey(p, req('/p', { Cookie: 'session=abc; theme=dark' }), undefined, HOST).cookies,
    ).toEqual([['session', 'abc']]);
  });
  it('all: order does not change the key', () => {
    const p = testPolicy({ cookieBehavior: 'all' });
    expect(key(p, '/p', { Cookie: 'b=2; a=1' })).toBe(key(p, '/p', { Cookie: 'a=1; b=2' }));
    expect(buildCacheKey(p, req('/p', { Cookie: 'b=2; a=1' }), undefined, HOST).cookies).toEqual([
      ['a', '1'],
      ['b', '2'],
    ]);
  });
});

describe('headers in the key', () => {
  it('uses names case-insensitively, values case-sensitively, independent of order', () => {
    const p = testPolicy({ headerBehavior: 'whitelist', headers: ['X-Device', 'Origin'] });
    const a = buildCacheKey(
      p,
      req('/p', { origin: 'https://a.example', 'X-DEVICE': 'mobile' }),
      undefined,
      HOST,
    );
    expect(a.headers).toEqual([
      ['origin', 'https://a.example'],
      ['x-device', 'mobile'],
    ]);
    expect(key(p, '/p', { 'x-device': 'mobile', Origin: 'https://a.example' })).toBe(a.key);
    expect(key(p, '/p', { 'x-device': 'Mobile', Origin: 'https://a.example' })).not.toBe(a.key);
    expect(key(p, '/p')).toBe('d111111abcdef8.cloudfront.net/p');
  });
  it('represents Accept-Encoding by the normalized value when gzip/br is on', () => {
    const p = testPolicy({
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
      headerBehavior: 'whitelist',
      headers: ['accept-encoding'],
    });
    expect(buildCacheKey(p, req('/p', { 'accept-encoding': 'gzip, br' }), 'br,gzip', HOST).headers).toEqual(
      [],
    );
    expect(key(p, '/p', {}, 'br,gzip')).not.toBe(key(p, '/p', {}, 'gzip'));
    expect(key(p, '/p', {}, undefined)).toBe('d111111abcdef8.cloudfront.net/p');
  });
});

describe('normalizeAcceptEncoding (spec §4.4 table)', () => {
  it('both formats enabled', () => {
    expect(normalizeAcceptEncoding('gzip, deflate, br', true, true, '1.1')).toEqual({
      keyValue: 'br,gzip',
      originValue: 'br,gzip',
    });
    expect(normalizeAcceptEncoding('gzip', true, true, '1.1')).toEqual({
      keyValue: 'gzip',
      originValue: 'gzip',
    });
    expect(normalizeAcceptEncoding('br', true, true, '2.0')).toEqual({ keyValue: 'br', originValue: 'br' });
    expect(normalizeAcceptEncoding('deflate', true, true, '1.1')).toEqual({ originValue: 'identity' });
    expect(normalizeAcceptEncoding(undefined, true, true, '1.1')).toEqual({});
  });
  it('only one format enabled', () => {
    expect(normalizeAcceptEncoding('gzip, br', true, false, '1.1')).toEqual({
      keyValue: 'gzip',
      originValue: 'gzip',
    });
    expect(normalizeAcceptEncoding('br', true, false, '1.1')).toEqual({ originValue: 'identity' });
    expect(normalizeAcceptEncoding('gzip, br', false, true, '1.1')).toEqual({
      keyValue: 'br',
      originValue: 'br',
    });
  });
  it('both disabled and HTTP/1.0 leave the header out', () => {
    expect(normalizeAcceptEncoding('gzip, br', false, false, '1.1')).toEqual({});
    expect(normalizeAcceptEncoding('gzip, br', true, true, '1.0')).toEqual({});
  });
  it('ignores q-values and token case', () => {
    expect(normalizeAcceptEncoding('GZIP;q=0, Br;q=0.5', true, true, '1.1')).toEqual({
      keyValue: 'br,gzip',
      originValue: 'br,gzip',
    });
  });
});

describe('parsers', () => {
  it("parseQuery splits on '&' only and keeps raw values", () => {
    expect(parseQuery('a=1;b=2&c&d=x%20y&&e=')).toEqual([
      ['a', '1;b=2'],
      ['c', ''],
      ['d', 'x%20y'],
      ['e', ''],
    ]);
    expect(parseQuery('')).toEqual([]);
  });
  it('parseCookieHeader reads every line in order', () => {
    expect(parseCookieHeader(['a=1; b=2', 'c=3;flag'])).toEqual([
      ['a', '1'],
      ['b', '2'],
      ['c', '3'],
      ['flag', ''],
    ]);
    expect(parseCookieHeader(undefined)).toEqual([]);
  });
});

describe('signed-URL parameters (V57)', () => {
  it('stripSignedParams removes Expires, Policy, Signature and Key-Pair-Id only', () => {
    expect(stripSignedParams('a=1&Expires=1700000000&Signature=abc~&Key-Pair-Id=K2JCJMDEHXQW5F')).toBe('a=1');
    expect(stripSignedParams('Policy=x&b=2&expires=1')).toBe('b=2&expires=1');
    expect(stripSignedParams('a=1')).toBe('a=1');
  });
  it('two signed URLs for the same object share a key once stripped', () => {
    const p = testPolicy({ queryStringBehavior: 'all' });
    const strip = (url: string): string => {
      const r = req(url);
      return buildCacheKey(p, { ...r, querystring: stripSignedParams(r.querystring) }, undefined, HOST).key;
    };
    expect(strip('/private/a.jpg?Expires=1&Signature=x&Key-Pair-Id=K')).toBe(
      strip('/private/a.jpg?Expires=2&Signature=y&Key-Pair-Id=K'),
    );
  });
});

describe('invalidationTarget (V41)', () => {
  it('is the path plus ?query when the key holds a query', () => {
    const all = testPolicy({ queryStringBehavior: 'all' });
    expect(invalidationTarget(buildCacheKey(all, req('/p.jpg?v=1'), undefined, HOST))).toBe('/p.jpg?v=1');
    expect(invalidationTarget(buildCacheKey(all, req('/p.jpg'), undefined, HOST))).toBe('/p.jpg');
    expect(invalidationTarget(buildCacheKey(testPolicy(), req('/p.jpg?v=9'), undefined, HOST))).toBe(
      '/p.jpg',
    );
  });
});
