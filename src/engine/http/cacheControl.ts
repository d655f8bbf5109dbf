// Cache-Control parsing (RFC 9111 §5.2) for origin responses. CloudFront ignores viewer
// Cache-Control (spec §1.1), so only response directives matter here. Tolerant: never throws.
// The origin sends the same few header values over and over, so results are memoized.

export interface CacheControl {
  maxAge?: number;
  sMaxAge?: number;
  noCache: boolean;
  noStore: boolean;
  private: boolean;
  public: boolean;
  mustRevalidate: boolean;
  proxyRevalidate: boolean;
  noTransform: boolean;
  staleWhileRevalidate?: number;
  staleIfError?: number;
}

/** Shared result for an absent or empty header. Frozen: results are cached and shared. */
export const EMPTY_CACHE_CONTROL: Readonly<CacheControl> = Object.freeze({
  noCache: false,
  noStore: false,
  private: false,
  public: false,
  mustRevalidate: false,
  proxyRevalidate: false,
  noTransform: false,
});

/** RFC 9111 §1.2.2: delta-seconds beyond 2^31 are sent as 2^31. */
const MAX_DELTA_SECONDS = 2_147_483_648;

/** Parses delta-seconds. A malformed value (e.g. 'max-age=abc', '-5', '1.5') reads as 0:
 * RFC 9111 §4.2.1 encourages treating invalid freshness information as already stale. */
function parseDelta(value: string | undefined): number {
  if (value === undefined || !/^\d+$/.test(value)) return 0;
  const n = Number(value);
  return n > MAX_DELTA_SECONDS ? MAX_DELTA_SECONDS : n;
}

/** Splits on commas that are not inside a quoted string. */
function splitDirectives(value: string): string[] {
  if (value.indexOf('"') < 0) return value.split(',');
  const parts: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 92 /* \ */ && quoted) i++;
    else if (c === 34 /* " */) quoted = !quoted;
    else if (c === 44 /* , */ && !quoted) {
      parts.push(value.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(value.slice(start));
  return parts;
}

function unquote(v: string): string {
  if (v.length >= 2 && v[0] === '"' && v[v.length - 1] === '"') return v.slice(1, -1).replace(/\\(.)/g, '$1');
  return v;
}

function parseUncached(value: string): Readonly<CacheControl> {
  const cc: CacheControl = {
    noCache: false,
    noStore: false,
    private: false,
    public: false,
    mustRevalidate: false,
    proxyRevalidate: false,
    noTransform: false,
  };
  const seen = new Set<string>();
  for (const part of splitDirectives(value)) {
    const eq = part.indexOf('=');
    const name = (eq < 0 ? part : part.slice(0, eq)).trim().toLowerCase();
    if (name === '' || seen.has(name)) continue; // duplicates: the first occurrence wins
    seen.add(name);
    const arg = eq < 0 ? undefined : unquote(part.slice(eq + 1).trim());
    switch (name) {
      case 'max-age':
        cc.maxAge = parseDelta(arg);
        break;
      case 's-maxage':
        cc.sMaxAge = parseDelta(arg);
        break;
      case 'stale-while-revalidate':
        cc.staleWhileRevalidate = parseDelta(arg);
        break;
      case 'stale-if-error':
        cc.staleIfError = parseDelta(arg);
        break;
      // A field-name argument (no-cache="set-cookie", private="x") still counts as the plain
      // directive: CloudFront does not cache per header field, so we take the stricter reading.
      case 'no-cache':
        cc.noCache = true;
        break;
      case 'private':
        cc.private = true;
        break;
      case 'no-store':
        cc.noStore = true;
        break;
      case 'public':
        cc.public = true;
        break;
      case 'must-revalidate':
        cc.mustRevalidate = true;
        break;
      case 'proxy-revalidate':
        cc.proxyRevalidate = true;
        break;
      case 'no-transform':
        cc.noTransform = true;
        break;
      default:
        break; // unknown extensions are ignored (RFC 9111 §5.2.3)
    }
  }
  return Object.freeze(cc);
}

const memo = new Map<string, Readonly<CacheControl>>();
const MEMO_MAX = 1024;

/** Parses a Cache-Control value. Directive names are case-insensitive; quoted arguments are
 * accepted; the first of duplicated directives wins. Returns a frozen, possibly shared object. */
export function parseCacheControl(value: string | undefined): Readonly<CacheControl> {
  if (value === undefined || value === '') return EMPTY_CACHE_CONTROL;
  const hit = memo.get(value);
  if (hit) return hit;
  const cc = parseUncached(value);
  if (memo.size >= MEMO_MAX) {
    // Bounded: drop the oldest entry (Map iterates in insertion order).
    const oldest = memo.keys().next().value;
    if (oldest !== undefined) memo.delete(oldest);
  }
  memo.set(value, cc);
  return cc;
}

/** Several Cache-Control lines form one list (RFC 9110 §5.3). */
export function parseCacheControlLines(values: readonly string[] | undefined): Readonly<CacheControl> {
  if (!values || values.length === 0) return EMPTY_CACHE_CONTROL;
  return parseCacheControl(values.length === 1 ? values[0] : values.join(', '));
}
