// Header helpers over the engine's HeaderMap (lower-case name -> one entry per header line).
// Viewer input arrives as the public `Headers` type (any case, string or string[]); the
// viewer result leaves as a flat Record joined the way DESIGN.md specifies.
import type { Headers } from '../types';
import type { HeaderMap } from './model';

/** Lower-cases names, turns single values into arrays and merges names that differ only in
 * case (in input order). Values are trimmed of surrounding whitespace, as HTTP parsers do. */
export function normalizeHeaders(h: Headers | undefined): HeaderMap {
  const out: HeaderMap = {};
  if (!h) return out;
  for (const rawName of Object.keys(h)) {
    const name = rawName.trim().toLowerCase();
    if (name === '') continue;
    const v = h[rawName];
    const list = out[name] ?? (out[name] = []);
    if (typeof v === 'string') list.push(v.trim());
    else for (const item of v) list.push(String(item).trim());
    if (list.length === 0) delete out[name];
  }
  return out;
}

/** The ViewerResult shape: repeated lines joined with ', ', except set-cookie (joined with
 * '\n', because cookie attributes such as Expires contain commas). */
export function toViewerHeaders(map: HeaderMap): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of Object.keys(map)) {
    const values = map[name];
    if (values.length === 0) continue;
    out[name] = values.length === 1 ? values[0] : values.join(name === 'set-cookie' ? '\n' : ', ');
  }
  return out;
}

const titleCache = new Map<string, string>();
const TITLE_CACHE_MAX = 512;

/** 'x-custom-header' -> 'X-Custom-Header', the way CloudFront writes names a function added. */
export function titleCaseHeader(name: string): string {
  const hit = titleCache.get(name);
  if (hit !== undefined) return hit;
  const out = name
    .split('-')
    .map((w) => (w === '' ? w : w[0].toUpperCase() + w.slice(1).toLowerCase()))
    .join('-');
  if (titleCache.size >= TITLE_CACHE_MAX) titleCache.clear();
  titleCache.set(name, out);
  return out;
}

/** First value of a header (name any case), undefined when absent. */
export function getHeader(map: HeaderMap, name: string): string | undefined {
  const v = map[name] ?? map[name.toLowerCase()];
  return v && v.length > 0 ? v[0] : undefined;
}

/** All lines of a header joined with ', ' (the list form of RFC 9110 §5.3); undefined when absent. */
export function getHeaderJoined(map: HeaderMap, name: string): string | undefined {
  const v = map[name] ?? map[name.toLowerCase()];
  if (!v || v.length === 0) return undefined;
  return v.length === 1 ? v[0] : v.join(', ');
}

export function hasHeader(map: HeaderMap, name: string): boolean {
  const v = map[name] ?? map[name.toLowerCase()];
  return v !== undefined && v.length > 0;
}

/** Replaces every line of the header with one value. */
export function setHeader(map: HeaderMap, name: string, value: string): void {
  map[name.toLowerCase()] = [value];
}

/** Adds one more line for the header. */
export function appendHeader(map: HeaderMap, name: string, value: string): void {
  const key = name.toLowerCase();
  const list = map[key];
  if (list) list.push(value);
  else map[key] = [value];
}

export function deleteHeader(map: HeaderMap, name: string): void {
  delete map[name.toLowerCase()];
}

/** A copy whose value arrays can be changed without touching the original. */
export function cloneHeaders(map: HeaderMap): HeaderMap {
  const out: HeaderMap = {};
  for (const name of Object.keys(map)) out[name] = map[name].slice();
  return out;
}
