import { describe, expect, it } from 'vitest';
import { parseHeaderLines, statusLine, titleCaseHeader } from './RequestInspectorFormat';

describe('request inspector formatting', () => {
  it('shows header names as CloudFront sends them', () => {
    expect(
      ['x-amz-cf-pop', 'x-cache', 'etag', 'cache-control', 'x-xss-protection', 'age'].map(titleCaseHeader),
    ).toEqual(['X-Amz-Cf-Pop', 'X-Cache', 'ETag', 'Cache-Control', 'X-XSS-Protection', 'Age']);
  });

  it('writes curl-style status lines', () => {
    expect([statusLine('2.0', 200), statusLine('1.1', 304), statusLine('1.1', 418)]).toEqual([
      'HTTP/2 200 OK',
      'HTTP/1.1 304 Not Modified',
      'HTTP/1.1 418',
    ]);
  });

  it('parses "Name: value" lines, repeats and cookies', () => {
    expect(parseHeaderLines('Accept-Encoding: gzip\n\nX-A: 1\nx-a: 2', 'a=1; b=2')).toEqual({
      ok: true,
      headers: { 'accept-encoding': 'gzip', 'x-a': ['1', '2'], cookie: 'a=1; b=2' },
    });
  });

  it('says which line is wrong', () => {
    expect(parseHeaderLines('Accept: */*\nnot a header', '')).toEqual({
      ok: false,
      message:
        'Header line 2 ("not a header") must look like "Name: value" with a name made of letters, digits and dashes.',
    });
  });
});
