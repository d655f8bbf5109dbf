import { describe, expect, it } from 'vitest';
import {
  chooseEncoding,
  compressedSize,
  COMPRESSIBLE_TYPES,
  weakenEtag,
  type EncodingChoiceInput,
} from './compression';

// V37 setup: Compress on, CachingOptimized, origin 200 text/html; charset=utf-8, 5000 bytes, no Content-Encoding.
const V37: EncodingChoiceInput = {
  compress: true,
  viewerAcceptEncoding: 'gzip, deflate, br',
  httpVersion: '1.1',
  policyListsAcceptEncoding: false,
  status: 200,
  contentType: 'text/html; charset=utf-8',
  contentLength: 5000,
  hasBody: true,
};

describe('chooseEncoding (spec §4.5, V37)', () => {
  it('prefers brotli, falls back to gzip, none without Accept-Encoding', () => {
    expect(chooseEncoding(V37)).toBe('br');
    expect(chooseEncoding({ ...V37, viewerAcceptEncoding: 'gzip' })).toBe('gzip');
    expect(chooseEncoding({ ...V37, viewerAcceptEncoding: undefined })).toBeNull();
    expect(chooseEncoding({ ...V37, viewerAcceptEncoding: 'deflate' })).toBeNull();
  });
  it('needs Compress, HTTP/1.1+, and no Accept-Encoding in the policy header list', () => {
    expect(chooseEncoding({ ...V37, compress: false })).toBeNull();
    expect(chooseEncoding({ ...V37, httpVersion: '1.0' })).toBeNull();
    expect(chooseEncoding({ ...V37, policyListsAcceptEncoding: true })).toBeNull();
  });
  it('skips responses that already have any Content-Encoding', () => {
    expect(chooseEncoding({ ...V37, contentEncoding: 'identity' })).toBeNull();
    expect(chooseEncoding({ ...V37, contentEncoding: 'gzip' })).toBeNull();
  });
  it('needs a valid Content-Length between 1,000 and 10,000,000 bytes', () => {
    expect(chooseEncoding({ ...V37, contentLength: 999 })).toBeNull();
    expect(chooseEncoding({ ...V37, contentLength: 1000 })).toBe('br');
    expect(chooseEncoding({ ...V37, contentLength: 10_000_000 })).toBe('br');
    expect(chooseEncoding({ ...V37, contentLength: 10_000_001 })).toBeNull();
    expect(chooseEncoding({ ...V37, contentLength: undefined })).toBeNull();
  });
  it('compresses only 200, 403 and 404 with a body', () => {
    expect(chooseEncoding({ ...V37, status: 403 })).toBe('br');
    expect(chooseEncoding({ ...V37, status: 404 })).toBe('br');
    expect(chooseEncoding({ ...V37, status: 206 })).toBeNull();
    expect(chooseEncoding({ ...V37, status: 500 })).toBeNull();
    expect(chooseEncoding({ ...V37, hasBody: false })).toBeNull();
  });
  it('needs a listed content type (parameters ignored)', () => {
    expect(chooseEncoding({ ...V37, contentType: 'image/png' })).toBeNull();
    expect(chooseEncoding({ ...V37, contentType: 'Application/JSON' })).toBe('br');
    expect(chooseEncoding({ ...V37, contentType: undefined })).toBeNull();
    expect(COMPRESSIBLE_TYPES.size).toBe(46);
  });
});

describe('compressedSize (a model)', () => {
  it('applies the ratio table by content class', () => {
    expect(compressedSize(5000, 'br', 'text/html; charset=utf-8')).toBe(1250);
    expect(compressedSize(5000, 'gzip', 'application/json')).toBe(1500);
    expect(compressedSize(5000, 'br', 'font/woff2')).toBe(3000);
    expect(compressedSize(5000, 'gzip', 'application/x-perl')).toBe(3750);
    expect(compressedSize(1, 'br', 'text/plain')).toBe(1);
    expect(compressedSize(0, 'br', 'text/plain')).toBe(0);
  });
});

describe('weakenEtag', () => {
  it('weakens strong ETags, keeps weak ones and removes invalid ones', () => {
    expect(weakenEtag('"abc"')).toBe('W/"abc"');
    expect(weakenEtag('W/"abc"')).toBe('W/"abc"');
    expect(weakenEtag('abc')).toBeUndefined();
    expect(weakenEtag(undefined)).toBeUndefined();
  });
});
