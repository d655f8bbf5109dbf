import { describe, expect, it } from 'vitest';
import type { HeaderMap } from './model';
import { applyCloudFrontViewerHeaders, cloudFrontHeaderValue, type ViewerFacts } from './viewerHeaders';

const facts = (userAgent?: string, over: Partial<ViewerFacts> = {}): ViewerFacts => ({
  clientIp: '198.51.100.10',
  country: 'US',
  protocol: 'https',
  httpVersion: '2.0',
  userAgent,
  ...over,
});
const device = (ua: string): string[] =>
  ['mobile', 'tablet', 'smarttv', 'desktop', 'ios', 'android'].map(
    (d) => cloudFrontHeaderValue(`cloudfront-is-${d}-viewer`, facts(ua)) ?? '-',
  );

describe('cloudFrontHeaderValue', () => {
  it('reports protocol, country, HTTP version, address and TLS', () => {
    expect(cloudFrontHeaderValue('cloudfront-forwarded-proto', facts())).toBe('https');
    expect(cloudFrontHeaderValue('cloudfront-viewer-country', facts())).toBe('US');
    expect(
      cloudFrontHeaderValue('cloudfront-viewer-country', facts(undefined, { country: undefined })),
    ).toBeUndefined();
    expect(cloudFrontHeaderValue('cloudfront-viewer-http-version', facts())).toBe('2.0');
    expect(cloudFrontHeaderValue('cloudfront-viewer-address', facts())).toBe('198.51.100.10');
    expect(
      cloudFrontHeaderValue('cloudfront-viewer-tls', facts(undefined, { protocol: 'http' })),
    ).toBeUndefined();
    expect(cloudFrontHeaderValue('cloudfront-viewer-city', facts())).toBeUndefined();
  });
  it('classifies devices from the User-Agent (mobile, tablet, smarttv, desktop, ios, android)', () => {
    expect(device('Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148')).toEqual([
      'true',
      'false',
      'false',
      'false',
      'true',
      'false',
    ]);
    expect(device('Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X)')).toEqual([
      'false',
      'true',
      'false',
      'false',
      'true',
      'false',
    ]);
    expect(device('Mozilla/5.0 (Linux; Android 14; Pixel 8) Mobile Safari')).toEqual([
      'true',
      'false',
      'false',
      'false',
      'false',
      'true',
    ]);
    expect(device('Mozilla/5.0 (Linux; Android 13; SM-X710)')).toEqual([
      'false',
      'true',
      'false',
      'false',
      'false',
      'true',
    ]);
    expect(device('Mozilla/5.0 (SMART-TV; Linux; Tizen 6.0)')).toEqual([
      'false',
      'false',
      'true',
      'false',
      'false',
      'false',
    ]);
    expect(device('Mozilla/5.0 (Windows NT 10.0; Win64; x64)')).toEqual([
      'false',
      'false',
      'false',
      'true',
      'false',
      'false',
    ]);
  });
});

describe('applyCloudFrontViewerHeaders', () => {
  it("replaces viewer-sent CloudFront-* headers with CloudFront's values for the listed names only", () => {
    const h: HeaderMap = {
      'cloudfront-viewer-country': ['XX'],
      'cloudfront-is-mobile-viewer': ['true'],
      accept: ['*/*'],
    };
    applyCloudFrontViewerHeaders(h, ['CloudFront-Viewer-Country', 'origin'], facts());
    expect(h).toEqual({ 'cloudfront-viewer-country': ['US'], accept: ['*/*'] });
  });
});
