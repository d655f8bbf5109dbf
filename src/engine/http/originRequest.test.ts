import { describe, expect, it } from 'vitest';
import { buildCacheKey, normalizeAcceptEncoding } from '../cache/cacheKey';
import { testPolicy } from '../cache/testPolicy';
import { MANAGED_ORIGIN_REQUEST_POLICIES } from '../policies/managed';
import type { OriginRequestPolicyConfig } from '../scenario';
import { normalizeHeaders } from './headers';
import type { EdgeRequest } from './model';
import { buildOriginRequest, type OriginRequestArgs } from './originRequest';
import { applyCloudFrontViewerHeaders } from './viewerHeaders';

const HOST = 'd111111abcdef8.cloudfront.net';
const VIA = '1.1 0123456789abcdef0123456789abcdef.cloudfront.net (CloudFront)';
const CFID = 'ULZdIz6j43uGBlXyob_JctF9x7CCbwpNniiMlmNbmwzH1YWP9FsEHg==';

function req(url: string, headers: Record<string, string | string[]> = {}): EdgeRequest {
  const q = url.indexOf('?');
  return {
    method: 'GET',
    uri: q < 0 ? url : url.slice(0, q),
    querystring: q < 0 ? '' : url.slice(q + 1),
    headers: normalizeHeaders({ Host: HOST, ...headers }),
    clientIp: '198.51.100.10',
  };
}

function build(
  viewer: EdgeRequest,
  over: Partial<OriginRequestArgs> & { cachePolicy?: ReturnType<typeof testPolicy> } = {},
) {
  const cachePolicy = over.cachePolicy ?? testPolicy();
  const ae = normalizeAcceptEncoding(
    viewer.headers['accept-encoding']?.[0],
    cachePolicy.enableAcceptEncodingGzip,
    cachePolicy.enableAcceptEncodingBrotli,
    over.httpVersion ?? '1.1',
  );
  return buildOriginRequest({
    viewer,
    keyInfo: buildCacheKey(cachePolicy, viewer, ae.keyValue, HOST),
    cachePolicy,
    originDomain: 'app.example.com',
    acceptEncodingForOrigin: ae.originValue,
    via: VIA,
    cfId: CFID,
    protocol: 'https',
    httpVersion: '1.1',
    ...over,
  });
}

describe('V31: default policy sends only what CloudFront always sends', () => {
  it('drops query, Cookie, Accept-Language and the viewer UA', () => {
    const r = build(req('/p?ref=1', { Cookie: 's=1', 'User-Agent': 'A', 'Accept-Language': 'en' }));
    expect(r.querystring).toBe('');
    expect(r.headers).toEqual({
      host: ['app.example.com'],
      'user-agent': ['Amazon CloudFront'],
      'x-forwarded-for': ['198.51.100.10'],
      via: [VIA],
      'x-amz-cf-id': [CFID],
    });
  });
  it("appends the viewer's address to an X-Forwarded-For it sent", () => {
    const r = build(req('/p', { 'X-Forwarded-For': '192.0.2.4,192.0.2.3' }));
    expect(r.headers['x-forwarded-for']).toEqual(['192.0.2.4,192.0.2.3,198.51.100.10']);
  });
  it('forwards the viewer conditional headers (spec §2.2)', () => {
    const r = build(
      req('/p', { 'If-None-Match': '"e1"', 'If-Modified-Since': 'Mon, 01 Jan 2024 00:00:00 GMT' }),
    );
    expect(r.headers['if-none-match']).toEqual(['"e1"']);
    expect(r.headers['if-modified-since']).toEqual(['Mon, 01 Jan 2024 00:00:00 GMT']);
  });
});

describe('V35: cookies the policies allow, sorted by name', () => {
  it('whitelist [session] sends only that cookie', () => {
    const r = build(req('/p', { Cookie: 'session=abc; theme=dark' }), {
      cachePolicy: testPolicy({ cookieBehavior: 'whitelist', cookies: ['session'] }),
    });
    expect(r.headers['cookie']).toEqual(['session=abc']);
  });
  it("all sends 'a=1; b=2' for 'b=2; a=1'", () => {
    const r = build(req('/p', { Cookie: 'b=2; a=1' }), {
      cachePolicy: testPolicy({ cookieBehavior: 'all' }),
    });
    expect(r.headers['cookie']).toEqual(['a=1; b=2']);
  });
  it('adds the origin request policy cookies to those in the key', () => {
    const orp: OriginRequestPolicyConfig = {
      name: 'O',
      headerBehavior: 'none',
      headers: [],
      cookieBehavior: 'whitelist',
      cookies: ['cart'],
      queryStringBehavior: 'none',
      queryStrings: [],
    };
    const r = build(req('/p', { Cookie: 'z=9; session=1; cart=2' }), {
      cachePolicy: testPolicy({ cookieBehavior: 'whitelist', cookies: ['session'] }),
      originRequestPolicy: orp,
    });
    expect(r.headers['cookie']).toEqual(['cart=2; session=1']);
  });
});

describe('query strings', () => {
  it('union of cache key and origin request policy, in request order, never signed params', () => {
    const orp: OriginRequestPolicyConfig = {
      name: 'O',
      headerBehavior: 'none',
      headers: [],
      cookieBehavior: 'none',
      cookies: [],
      queryStringBehavior: 'whitelist',
      queryStrings: ['debug'],
    };
    const r = build(req('/p?debug=1&x=0&v=2&Signature=abc'), {
      cachePolicy: testPolicy({ queryStringBehavior: 'whitelist', queryStrings: ['v', 'Signature'] }),
      originRequestPolicy: orp,
    });
    expect(r.querystring).toBe('debug=1&v=2');
  });
  it('all forwards the raw query minus the signed params (V57)', () => {
    const r = build(req('/private/a.jpg?b=2&a=1&Expires=1&Signature=s&Key-Pair-Id=K'), {
      cachePolicy: testPolicy({ queryStringBehavior: 'all' }),
    });
    expect(r.querystring).toBe('b=2&a=1');
  });
});

describe('headers from policies', () => {
  it('AllViewer forwards viewer headers, Host and User-Agent included, but not Authorization', () => {
    const r = build(
      req('/p', {
        'User-Agent': 'curl/8',
        'Accept-Language': 'en',
        Authorization: 'Bearer x',
        Connection: 'keep-alive',
      }),
      {
        originRequestPolicy: MANAGED_ORIGIN_REQUEST_POLICIES['216adef6-5c7f-47e4-b989-5492eafa07d3'],
      },
    );
    expect(r.headers['host']).toEqual([HOST]);
    expect(r.headers['user-agent']).toEqual(['curl/8']);
    expect(r.headers['accept-language']).toEqual(['en']);
    expect(r.headers['authorization']).toBeUndefined();
    expect(r.headers['connection']).toBeUndefined();
  });
  it('AllViewerExceptHostHeader sets Host to the origin domain', () => {
    const r = build(req('/p', { 'Accept-Language': 'en' }), {
      originRequestPolicy: MANAGED_ORIGIN_REQUEST_POLICIES['b689b0a8-53d0-40ab-baf2-68738e2966ac'],
    });
    expect(r.headers['host']).toEqual(['app.example.com']);
    expect(r.headers['accept-language']).toEqual(['en']);
  });
  it('forwards Authorization when the cache policy keys on it', () => {
    const r = build(req('/p', { Authorization: 'Bearer x' }), {
      cachePolicy: testPolicy({ headerBehavior: 'whitelist', headers: ['Authorization'] }),
    });
    expect(r.headers['authorization']).toEqual(['Bearer x']);
  });
  it('sends the normalized Accept-Encoding when gzip/br is on, identity when the viewer has neither', () => {
    const p = testPolicy({ enableAcceptEncodingGzip: true, enableAcceptEncodingBrotli: true });
    expect(
      build(req('/p', { 'Accept-Encoding': 'gzip, deflate, br' }), { cachePolicy: p }).headers[
        'accept-encoding'
      ],
    ).toEqual(['br,gzip']);
    expect(
      build(req('/p', { 'Accept-Encoding': 'deflate' }), { cachePolicy: p }).headers['accept-encoding'],
    ).toEqual(['identity']);
    expect(build(req('/p'), { cachePolicy: p }).headers['accept-encoding']).toBeUndefined();
  });
  it('drops Accept-Encoding on HTTP/1.0 even when a policy forwards it', () => {
    const p = testPolicy({ headerBehavior: 'whitelist', headers: ['Accept-Encoding'] });
    expect(
      build(req('/p', { 'Accept-Encoding': 'gzip' }), { cachePolicy: p }).headers['accept-encoding'],
    ).toEqual(['gzip']);
    expect(
      build(req('/p', { 'Accept-Encoding': 'gzip' }), { cachePolicy: p, httpVersion: '1.0' }).headers[
        'accept-encoding'
      ],
    ).toBeUndefined();
  });
  it("computes CloudFront-* headers a policy lists and ignores the viewer's own", () => {
    const r = build(
      req('/p', {
        'CloudFront-Viewer-Country': 'XX',
        'User-Agent': 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0) Mobile/15E148',
      }),
      {
        originRequestPolicy: MANAGED_ORIGIN_REQUEST_POLICIES['33f36d7e-f396-46d9-90e0-52428a34d9dc'],
        viewerCountry: 'JP',
        protocol: 'http',
      },
    );
    expect(r.headers['cloudfront-viewer-country']).toEqual(['JP']);
    expect(r.headers['cloudfront-forwarded-proto']).toEqual(['http']);
    expect(r.headers['cloudfront-viewer-http-version']).toEqual(['1.1']);
    expect(r.headers['cloudfront-is-mobile-viewer']).toEqual(['true']);
    expect(r.headers['cloudfront-is-ios-viewer']).toEqual(['true']);
    expect(r.headers['cloudfront-is-desktop-viewer']).toEqual(['false']);
    expect(r.headers['cloudfront-viewer-city']).toBeUndefined();
  });
  it('the Amplify cache policy keys on CloudFront-Viewer-Country once the pipeline adds it', () => {
    const p = testPolicy({ headerBehavior: 'whitelist', headers: ['CloudFront-Viewer-Country'] });
    const v = req('/p', { 'cloudfront-viewer-country': 'XX' });
    applyCloudFrontViewerHeaders(v.headers, p.headerNames, {
      clientIp: v.clientIp,
      country: 'DE',
      protocol: 'https',
      httpVersion: '2.0',
    });
    expect(buildCacheKey(p, v, undefined, HOST).headers).toEqual([['cloudfront-viewer-country', 'DE']]);
    expect(build(v, { cachePolicy: p, viewerCountry: 'DE' }).headers['cloudfront-viewer-country']).toEqual([
      'DE',
    ]);
  });
  it("adds the origin's custom headers, over viewer values but never over CloudFront's own", () => {
    const r = build(req('/p'), {
      customHeaders: [
        { headerName: 'X-Origin-Verify', headerValue: 'secret' },
        { headerName: 'Via', headerValue: 'nope' },
      ],
    });
    expect(r.headers['x-origin-verify']).toEqual(['secret']);
    expect(r.headers['via']).toEqual([VIA]);
  });
});
