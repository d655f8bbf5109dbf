// Viewer conditional requests answered at the edge (spec §2.2 INF, RFC 9110 §13): whether the
// cached representation satisfies If-None-Match / If-Modified-Since, so a 304 can be sent.
import { parseHttpDate } from './dates';
import type { HeaderMap } from './model';

/** Entity tags of an If-None-Match list; commas inside quotes do not split. */
function parseEtagList(value: string): string[] {
  const out: string[] = [];
  let i = 0;
  const n = value.length;
  while (i < n) {
    while (i < n && (value[i] === ' ' || value[i] === ',' || value[i] === '\t')) i++;
    if (i >= n) break;
    const start = i;
    if (value.startsWith('W/', i)) i += 2;
    if (value[i] === '"') {
      const close = value.indexOf('"', i + 1);
      i = close < 0 ? n : close + 1;
    } else {
      while (i < n && value[i] !== ',') i++;
    }
    out.push(value.slice(start, i).trim());
  }
  return out;
}

/** Weak comparison (RFC 9110 §8.8.3.2): equal opaque tags, 'W/' ignored on either side. */
function opaque(tag: string): string {
  return tag.startsWith('W/') ? tag.slice(2) : tag;
}

/**
 * True when the viewer's conditional headers match the stored representation, i.e. the edge
 * may answer 304. If-None-Match (with '*' and lists, weak comparison) takes precedence; only
 * without it is If-Modified-Since compared with Last-Modified. Unparseable dates never match.
 */
export function viewerConditionalMatches(
  reqHeaders: HeaderMap,
  etag?: string,
  lastModified?: string,
): boolean {
  const inm = reqHeaders['if-none-match'];
  if (inm && inm.length > 0) {
    // '*' matches any current representation, with or without an ETag.
    const mine = etag === undefined ? undefined : opaque(etag.trim());
    for (const line of inm) {
      for (const tag of parseEtagList(line)) {
        if (tag === '*' || (mine !== undefined && opaque(tag) === mine)) return true;
      }
    }
    return false;
  }
  const ims = reqHeaders['if-modified-since']?.[0];
  if (ims === undefined || lastModified === undefined) return false;
  const since = parseHttpDate(ims);
  const modified = parseHttpDate(lastModified);
  if (since === undefined || modified === undefined || Number.isNaN(since) || Number.isNaN(modified))
    return false;
  return modified <= since;
}
