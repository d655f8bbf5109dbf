import { describe, expect, it } from 'vitest';
import {
  appendHeader,
  cloneHeaders,
  getHeader,
  getHeaderJoined,
  normalizeHeaders,
  setHeader,
  titleCaseHeader,
  toViewerHeaders,
} from './headers';

describe('normalizeHeaders', () => {
  it('lower-cases names, wraps single values and merges names that differ only in case', () => {
    expect(normalizeHeaders({ 'Content-Type': 'text/html', Accept: ['a', 'b'], accept: ' c ' })).toEqual({
      'content-type': ['text/html'],
      accept: ['a', 'b', 'c'],
    });
  });
  it('returns an empty map for undefined and drops empty arrays', () => {
    expect(normalizeHeaders(undefined)).toEqual({});
    expect(normalizeHeaders({ 'X-Empty': [] })).toEqual({});
  });
});

describe('toViewerHeaders', () => {
  it("joins repeated lines with ', ' and set-cookie lines with a newline", () => {
    expect(
      toViewerHeaders({
        vary: ['Accept-Encoding', 'Origin'],
        'set-cookie': ['a=1; Expires=Wed, 21 Oct 2026 07:28:00 GMT', 'b=2'],
        etag: ['"e1"'],
      }),
    ).toEqual({
      vary: 'Accept-Encoding, Origin',
      'set-cookie': 'a=1; Expires=Wed, 21 Oct 2026 07:28:00 GMT\nb=2',
      etag: '"e1"',
    });
  });
});

describe('titleCaseHeader', () => {
  it('capitalizes each hyphen-separated word like CloudFront does for function headers', () => {
    expect(titleCaseHeader('x-custom-header')).toBe('X-Custom-Header');
    expect(titleCaseHeader('x-fn')).toBe('X-Fn');
    expect(titleCaseHeader('ETAG')).toBe('Etag');
    expect(titleCaseHeader('x--y')).toBe('X--Y');
  });
});

describe('getters and setters', () => {
  it('reads the first value, the joined list, and writes lower-case names', () => {
    const h = normalizeHeaders({ Accept: ['text/html', 'application/json'] });
    expect(getHeader(h, 'ACCEPT')).toBe('text/html');
    expect(getHeaderJoined(h, 'accept')).toBe('text/html, application/json');
    expect(getHeader(h, 'missing')).toBeUndefined();
    setHeader(h, 'X-A', '1');
    appendHeader(h, 'x-a', '2');
    expect(h['x-a']).toEqual(['1', '2']);
  });
  it('clones value arrays so the copy can change independently', () => {
    const h = { a: ['1'] };
    const c = cloneHeaders(h);
    c.a.push('2');
    expect(h.a).toEqual(['1']);
  });
});
