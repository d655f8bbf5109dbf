// Formatting for the request inspector: header names as CloudFront sends them, reason phrases,
// and the parsing of the "Name: value" header lines the user types.
import type { Headers } from '../../engine/types';
// Reason phrases are data shared with the engine (the same table CloudFront-made responses use).
import { STATUS_TEXT } from '../../engine/http/generated';

/** Names whose usual spelling is not plain Title-Case. */
const SPECIAL_HEADER_NAMES: Record<string, string> = {
  etag: 'ETag',
  'www-authenticate': 'WWW-Authenticate',
  'x-xss-protection': 'X-XSS-Protection',
  'content-md5': 'Content-MD5',
  te: 'TE',
  dnt: 'DNT',
};

/** 'x-amz-cf-pop' -> 'X-Amz-Cf-Pop' (ViewerResult names are lower-case; CloudFront sends Title-Case). */
export function titleCaseHeader(name: string): string {
  const special = SPECIAL_HEADER_NAMES[name];
  if (special) return special;
  return name
    .split('-')
    .map((part) => (part === '' ? part : part[0].toUpperCase() + part.slice(1)))
    .join('-');
}

export function statusLine(httpVersion: string, status: number): string {
  const v = httpVersion === '2.0' ? '2' : httpVersion === '3.0' ? '3' : httpVersion;
  return `HTTP/${v} ${status}${STATUS_TEXT[status] ? ' ' + STATUS_TEXT[status] : ''}`;
}

export type ParsedHeaders = { ok: true; headers: Headers } | { ok: false; message: string };

/** "Name: value" lines (blank lines ignored; a repeated name becomes several lines), plus the
 * cookie field ("a=1; b=2") as one Cookie header. */
export function parseHeaderLines(text: string, cookies: string): ParsedHeaders {
  const headers: Record<string, string[]> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '') continue;
    const colon = line.indexOf(':');
    const name = colon > 0 ? line.slice(0, colon).trim() : '';
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) {
      return {
        ok: false,
        message: `Header line ${i + 1} ("${line}") must look like "Name: value" with a name made of letters, digits and dashes.`,
      };
    }
    const key = name.toLowerCase();
    (headers[key] ??= []).push(line.slice(colon + 1).trim());
  }
  const c = cookies.trim();
  if (c !== '') (headers['cookie'] ??= []).push(c);
  const out: Headers = {};
  for (const [k, v] of Object.entries(headers)) out[k] = v.length === 1 ? v[0] : v;
  return { ok: true, headers: out };
}

export function formatMs(ms: number): string {
  return ms < 10 ? `${ms.toFixed(2)} ms` : ms < 1000 ? `${ms.toFixed(1)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB (${n.toLocaleString('en-US')} B)`;
  return `${(n / 1024 / 1024).toFixed(2)} MB (${n.toLocaleString('en-US')} B)`;
}

/** "Miss" from "Miss from cloudfront"; '' when the header is absent. */
export function cacheResult(headers: Record<string, string>): string {
  return (headers['x-cache'] ?? '').replace(/ from cloudfront$/i, '');
}
