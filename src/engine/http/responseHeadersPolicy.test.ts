import { describe, expect, it } from 'vitest';
import { MANAGED_RESPONSE_HEADERS_POLICIES } from '../policies/managed';
import type { ResponseHeadersPolicyConfig } from '../scenario';
import type { HeaderMap } from './model';
import { applyResponseHeadersPolicy, isDisallowedResponseHeader } from './responseHeadersPolicy';

const SIMPLE_CORS = MANAGED_RESPONSE_HEADERS_POLICIES['60669652-455b-4ae9-85a4-c4c02393f86c'];
const PREFLIGHT = MANAGED_RESPONSE_HEADERS_POLICIES['5cc3b908-e619-4b99-88e5-2cf7f45965bd'];
const SECURITY = MANAGED_RESPONSE_HEADERS_POLICIES['67f7725c-6f97-4210-82d7-5512b31e9d03'];

function apply(
  policy: ResponseHeadersPolicyConfig,
  headers: HeaderMap,
  method = 'GET',
  reqHeaders: HeaderMap = {},
): HeaderMap {
  applyResponseHeadersPolicy(policy, headers, { method, headers: reqHeaders });
  return headers;
}

describe('CORS', () => {
  it('adds Allow-Origin only to requests that carry Origin', () => {
    expect(apply(SIMPLE_CORS, {})).toEqual({});
    expect(apply(SIMPLE_CORS, {}, 'GET', { origin: ['https://a.example'] })).toEqual({
      'access-control-allow-origin': ['*'],
    });
  });
  it("keeps the origin's value when originOverride is false", () => {
    expect(
      apply(SIMPLE_CORS, { 'access-control-allow-origin': ['https://b.example'] }, 'GET', {
        origin: ['https://a.example'],
      }),
    ).toEqual({
      'access-control-allow-origin': ['https://b.example'],
    });
  });
  it('answers a preflight with methods and headers, and a simple request with Expose-Headers', () => {
    const pre = apply(PREFLIGHT, {}, 'OPTIONS', {
      origin: ['https://a.example'],
      'access-control-request-method': ['PUT'],
    });
    expect(pre).toEqual({
      'access-control-allow-origin': ['*'],
      'access-control-allow-methods': ['DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT'],
      'access-control-allow-headers': ['*'],
    });
    expect(apply(PREFLIGHT, {}, 'GET', { origin: ['https://a.example'] })).toEqual({
      'access-control-allow-origin': ['*'],
      'access-control-expose-headers': ['*'],
    });
  });
  it('echoes a listed origin, adds credentials and max-age, and skips origins not listed', () => {
    const p: ResponseHeadersPolicyConfig = {
      name: 'C',
      corsConfig: {
        accessControlAllowOrigins: ['https://a.example'],
        accessControlAllowHeaders: ['x-token'],
        accessControlAllowMethods: ['GET'],
        accessControlAllowCredentials: true,
        accessControlMaxAgeSec: 600,
        originOverride: true,
      },
    };
    const pre = apply(p, { 'access-control-allow-origin': ['*'] }, 'OPTIONS', {
      origin: ['https://a.example'],
      'access-control-request-method': ['GET'],
    });
    expect(pre).toEqual({
      'access-control-allow-origin': ['https://a.example'],
      'access-control-allow-credentials': ['true'],
      'access-control-allow-methods': ['GET'],
      'access-control-allow-headers': ['x-token'],
      'access-control-max-age': ['600'],
    });
    expect(apply(p, {}, 'GET', { origin: ['https://evil.example'] })).toEqual({});
  });
});

describe('security headers (SecurityHeadersPolicy)', () => {
  it('adds all five, X-Content-Type-Options overriding and the others only when absent', () => {
    const h = apply(SECURITY, { 'x-content-type-options': ['off'], 'x-frame-options': ['DENY'] });
    expect(h).toEqual({
      'x-content-type-options': ['nosniff'],
      'x-frame-options': ['DENY'],
      'strict-transport-security': ['max-age=31536000'],
      'referrer-policy': ['strict-origin-when-cross-origin'],
      'x-xss-protection': ['1; mode=block'],
    });
  });
  it('writes HSTS flags and CSP', () => {
    const p: ResponseHeadersPolicyConfig = {
      name: 'S',
      securityHeadersConfig: {
        strictTransportSecurity: {
          override: true,
          accessControlMaxAgeSec: 63_072_000,
          includeSubdomains: true,
          preload: true,
        },
        contentSecurityPolicy: { override: true, contentSecurityPolicy: "default-src 'self'" },
        xssProtection: { override: true, protection: false },
      },
    };
    expect(apply(p, {})).toEqual({
      'strict-transport-security': ['max-age=63072000; includeSubDomains; preload'],
      'content-security-policy': ["default-src 'self'"],
      'x-xss-protection': ['0'],
    });
  });
});

describe('custom and removed headers', () => {
  it('removes first, then adds custom headers honouring override; reserved headers are untouched', () => {
    const p: ResponseHeadersPolicyConfig = {
      name: 'X',
      removeHeaders: ['Server', 'X-Cache'],
      customHeaders: [
        { header: 'X-Team', value: 'edge', override: false },
        { header: 'Cache-Control', value: 'no-store', override: true },
        { header: 'Via', value: 'nope', override: true },
      ],
    };
    const h = apply(p, {
      server: ['AmazonS3'],
      'x-team': ['origin'],
      'cache-control': ['max-age=60'],
      'x-cache': ['Hit from cloudfront'],
      via: ['1.1 x.cloudfront.net (CloudFront)'],
    });
    expect(h).toEqual({
      'x-team': ['origin'],
      'cache-control': ['no-store'],
      'x-cache': ['Hit from cloudfront'],
      via: ['1.1 x.cloudfront.net (CloudFront)'],
    });
  });
  it('classifies reserved names', () => {
    expect(
      ['X-Amz-Cf-Pop', 'x-edge-location', 'X-Amzn-RequestId', 'Via', 'x-cache', 'Content-Length'].map(
        isDisallowedResponseHeader,
      ),
    ).toEqual([true, true, true, true, true, true]);
    expect(isDisallowedResponseHeader('x-frame-options')).toBe(false);
  });
});
