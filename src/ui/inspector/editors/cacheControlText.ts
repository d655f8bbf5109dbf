// Checks a Cache-Control header value typed in the origin content editor, so the simulated origin
// never sends a header a learner did not mean (a typo would silently change the TTL).

/** One directive: a token, optionally =number or ="quoted" (RFC 9111 §5.2). */
const DIRECTIVE = /^[A-Za-z][A-Za-z0-9-]*(=(\d+|"[^"]*"|[A-Za-z0-9-]+))?$/;

/** Why the header text cannot be sent as is, or null; empty means "send no Cache-Control". */
export function cacheControlError(text: string): string | null {
  const t = text.trim();
  if (t === '') return null;
  for (const part of t.split(',')) {
    const d = part.trim();
    if (!DIRECTIVE.test(d)) {
      return `"${d}" is not a Cache-Control directive: write directives such as max-age=3600, s-maxage=86400, no-store or no-cache, separated by commas.`;
    }
  }
  return null;
}
