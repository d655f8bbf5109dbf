// CloudFront-* request headers (CloudFront-Viewer-Country, CloudFront-Forwarded-Proto,
// device headers, ...). CloudFront adds them after viewer-request functions (spec §9.2) when a
// cache or origin request policy lists them; a viewer cannot supply them itself.
// Only the ones EdgeLab can derive are produced; the rest (city, ASN, lat/long, ...) are absent.
import type { HeaderMap } from './model';

export interface ViewerFacts {
  clientIp: string;
  /** ISO code, absent when unknown */
  country?: string;
  protocol: 'http' | 'https';
  /** '1.0' | '1.1' | '2.0' | '3.0' */
  httpVersion: string;
  userAgent?: string;
}

interface Device {
  mobile: boolean;
  tablet: boolean;
  smarttv: boolean;
  desktop: boolean;
  ios: boolean;
  android: boolean;
}

// A small User-Agent classifier: CloudFront derives the device headers from the User-Agent
// (header-caching.html, "Headers for determining the viewer's device type"). The rules are ours.
const deviceMemo = new Map<string, Device>();
function device(ua: string | undefined): Device {
  const key = ua ?? '';
  const hit = deviceMemo.get(key);
  if (hit) return hit;
  const ios = /iPhone|iPad|iPod/.test(key);
  const android = /Android/.test(key);
  const smarttv = /smart-?tv|googletv|appletv|roku|bravia|netcast|hbbtv/i.test(key);
  const tablet = !smarttv && (/iPad|Tablet/i.test(key) || (android && !/Mobile/.test(key)));
  const mobile = !smarttv && !tablet && /Mobi|iPhone|iPod|Windows Phone/.test(key);
  const d: Device = { mobile, tablet, smarttv, desktop: !mobile && !tablet && !smarttv, ios, android };
  if (deviceMemo.size >= 256) deviceMemo.clear();
  deviceMemo.set(key, d);
  return d;
}

/** TLS details reported for HTTPS viewers: a fixed, plausible value (a model, not measured). */
export const MODELLED_VIEWER_TLS = 'TLSv1.3:TLS_AES_128_GCM_SHA256:fullHandshake';

/** The value CloudFront would send for a CloudFront-* header (lower-case name), or undefined
 * when EdgeLab does not model it or cannot know it (unknown country). */
export function cloudFrontHeaderValue(name: string, f: ViewerFacts): string | undefined {
  switch (name) {
    case 'cloudfront-forwarded-proto':
      return f.protocol;
    case 'cloudfront-viewer-country':
      return f.country || undefined;
    case 'cloudfront-viewer-http-version':
      return f.httpVersion;
    case 'cloudfront-viewer-address':
      // The real value is 'ip:port'; the viewer's source port is not modelled.
      return f.clientIp || undefined;
    case 'cloudfront-viewer-tls':
      return f.protocol === 'https' ? MODELLED_VIEWER_TLS : undefined;
    case 'cloudfront-is-mobile-viewer':
      return String(device(f.userAgent).mobile);
    case 'cloudfront-is-tablet-viewer':
      return String(device(f.userAgent).tablet);
    case 'cloudfront-is-smarttv-viewer':
      return String(device(f.userAgent).smarttv);
    case 'cloudfront-is-desktop-viewer':
      return String(device(f.userAgent).desktop);
    case 'cloudfront-is-ios-viewer':
      return String(device(f.userAgent).ios);
    case 'cloudfront-is-android-viewer':
      return String(device(f.userAgent).android);
    default:
      return undefined;
  }
}

export const isCloudFrontHeader = (name: string): boolean => name.startsWith('cloudfront-');

/**
 * Replaces any CloudFront-* headers in `headers` (a viewer cannot spoof them) with the values
 * CloudFront computes for the listed names. Call it before building the cache key when the
 * cache policy lists CloudFront-* headers (e.g. Amplify keys on CloudFront-Viewer-Country).
 */
export function applyCloudFrontViewerHeaders(
  headers: HeaderMap,
  names: Iterable<string>,
  f: ViewerFacts,
): void {
  for (const n of Object.keys(headers)) if (isCloudFrontHeader(n)) delete headers[n];
  for (const raw of names) {
    const n = raw.toLowerCase();
    if (!isCloudFrontHeader(n)) continue;
    const v = cloudFrontHeaderValue(n, f);
    if (v !== undefined) headers[n] = [v];
  }
}
