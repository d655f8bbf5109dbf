// Cache-behavior path patterns (spec §3.1-3.2): matched against the raw request path (no
// query, no percent-decoding), anchored at both ends, case-sensitive; '*' = any run of
// characters including '/', '?' = exactly one character; a leading '/' is optional.

export type PathMatcher = (path: string) => boolean;

/** CloudFront's limits on a PathPattern (cloudfront-limits, distribution-web-values-specify). */
export const PATH_PATTERN_LIMITS = {
  maxLength: 255,
  /** A-Z a-z 0-9 _ - . * $ / ~ " ' @ : + & , plus the '?' wildcard */
  allowedChars: /^[A-Za-z0-9_\-.*$/~"'@:+&?]$/,
} as const;

const matchAll: PathMatcher = () => true;

/** '&' is returned by the API as '&amp;' (spec §3.1); accept that spelling on import. */
function decodeAmp(pattern: string): string {
  return pattern.includes('&amp;') ? pattern.replaceAll('&amp;', '&') : pattern;
}

function stripSlash(s: string): string {
  return s.charCodeAt(0) === 47 /* / */ ? s.slice(1) : s;
}

/** Precompiles a pattern. Common shapes ('*', 'dir/*', '*.ext', no wildcard) get a shortcut. */
export function compilePathPattern(pattern: string): PathMatcher {
  const p = stripSlash(decodeAmp(pattern));
  if (p === '*' || p === '') return p === '*' ? matchAll : (path) => stripSlash(path) === '';
  const stars = p.split('*').length - 1;
  const hasQ = p.includes('?');
  if (!hasQ && stars === 0) return (path) => stripSlash(path) === p;
  if (!hasQ && stars === 1) {
    const [head, tail] = p.split('*');
    const min = head.length + tail.length;
    return (path) => {
      const s = stripSlash(path);
      return s.length >= min && s.startsWith(head) && s.endsWith(tail);
    };
  }
  return (path) => wildcardMatch(p, stripSlash(path));
}

/**
 * '*' and '?' matching without a RegExp: a pattern like '*a*a*a*a*a*a*b' (valid for CloudFront)
 * made the backtracking RegExp take seconds per request on a 60-character path, so a shared link
 * could freeze the simulation (found by pathPattern.fuzz.test.ts). This greedy matcher returns to
 * the last '*' only, so it is O(pattern x path) at worst and allocates nothing. Like the RegExp it
 * replaces (no 'u' flag), '?' matches one UTF-16 code unit.
 */
function wildcardMatch(p: string, s: string): boolean {
  let pi = 0;
  let si = 0;
  let star = -1; // index in p of the last '*' seen
  let resume = 0; // where in s that '*' currently stops
  while (si < s.length) {
    const c = pi < p.length ? p.charCodeAt(pi) : -1;
    if (c === 42 /* * */) {
      star = pi++;
      resume = si;
    } else if (c === 63 /* ? */ || (c >= 0 && c === s.charCodeAt(si))) {
      pi++;
      si++;
    } else if (star >= 0) {
      pi = star + 1;
      si = ++resume;
    } else return false;
  }
  while (pi < p.length && p.charCodeAt(pi) === 42) pi++;
  return pi === p.length;
}

/** Null when the pattern is valid, otherwise what is wrong and how to fix it. */
export function validatePathPattern(pattern: string): string | null {
  if (pattern.length === 0) return 'The path pattern is empty: enter a pattern such as "images/*.jpg".';
  if (pattern.length > PATH_PATTERN_LIMITS.maxLength) {
    return `The path pattern is ${pattern.length} characters long; CloudFront allows at most ${PATH_PATTERN_LIMITS.maxLength}.`;
  }
  const p = decodeAmp(pattern);
  for (const ch of p) {
    if (!PATH_PATTERN_LIMITS.allowedChars.test(ch)) {
      return (
        `The path pattern "${pattern}" contains "${ch}", which CloudFront does not allow. ` +
        `Use only A-Z a-z 0-9 _ - . $ / ~ " ' @ : + & and the wildcards * and ?.`
      );
    }
  }
  return null;
}

/** Index of the first matcher that accepts the path (list order wins), -1 when none does.
 * The default behavior ('*') is expected to be evaluated by the caller after these. */
export function selectBehavior(matchers: ReadonlyArray<PathMatcher>, path: string): number {
  for (let i = 0; i < matchers.length; i++) if (matchers[i](path)) return i;
  return -1;
}
