// Which TTL CloudFront gave a response and why, in words (spec §1.2-1.3): s-maxage > max-age >
// Expires from the origin, clamped to the policy's MinTTL/MaxTTL; DefaultTTL when the origin
// sent none; MinTTL for no-cache / no-store / private. Mirrors ../http/ttl computeTtl, which
// returns only the number.
import { parseCacheControl, type CacheControl } from '../http/cacheControl';
import { parseHttpDate } from '../http/dates';
import type { PolicyFacts } from './traceFacts';

export type TtlSource = 's-maxage' | 'max-age' | 'expires' | 'default' | 'forbidden';

export interface TtlExplanation {
  seconds: number;
  source: TtlSource;
  /** e.g. "max-age=3600 from the origin's Cache-Control" */
  reason: string;
}

/** Header names are lower-case (ViewerResult.headers). */
export function explainTtl(headers: Readonly<Record<string, string>>, policy: PolicyFacts): TtlExplanation {
  const cc = parseCacheControl(headers['cache-control']);
  const { minTtl, defaultTtl, maxTtl } = policy;
  const forbidden = forbiddingDirective(cc);
  if (forbidden !== null) {
    return {
      seconds: minTtl,
      source: 'forbidden',
      reason: `Cache-Control: ${forbidden} makes CloudFront use the policy's MinTTL (${minTtl} s)`,
    };
  }
  let origin: number | undefined;
  let source: TtlSource;
  let said: string;
  if (cc.sMaxAge !== undefined) {
    origin = cc.sMaxAge;
    source = 's-maxage';
    said = `s-maxage=${cc.sMaxAge} from the origin's Cache-Control${cc.maxAge !== undefined ? ` (it wins over max-age=${cc.maxAge})` : ''}`;
  } else if (cc.maxAge !== undefined) {
    origin = cc.maxAge;
    source = 'max-age';
    said = `max-age=${cc.maxAge} from the origin's Cache-Control`;
  } else {
    origin = expiresSeconds(headers);
    source = 'expires';
    said = `Expires ${headers['expires'] ?? ''} (${origin ?? 0} s after Date)`;
  }
  if (origin === undefined) {
    const seconds = Math.max(minTtl, defaultTtl);
    return {
      seconds,
      source: 'default',
      reason: `the origin sent no s-maxage, max-age or Expires, so the policy's DefaultTTL (${defaultTtl} s) applies`,
    };
  }
  if (origin < minTtl)
    return { seconds: minTtl, source, reason: `${said}, raised to the policy's MinTTL (${minTtl} s)` };
  if (origin > maxTtl)
    return { seconds: maxTtl, source, reason: `${said}, capped at the policy's MaxTTL (${maxTtl} s)` };
  return { seconds: origin, source, reason: said };
}

function forbiddingDirective(cc: Readonly<CacheControl>): string | null {
  if (cc.noStore) return 'no-store';
  if (cc.private) return 'private';
  if (cc.noCache) return 'no-cache';
  return null;
}

/** Expires relative to the response's Date header (both come from the origin's clock). */
function expiresSeconds(headers: Readonly<Record<string, string>>): number | undefined {
  const expires = parseHttpDate(headers['expires']);
  if (expires === undefined) return undefined;
  const date = parseHttpDate(headers['date']);
  if (Number.isNaN(expires) || date === undefined || Number.isNaN(date)) return 0;
  return Math.max(0, Math.round((expires - date) / 1000));
}

/** "3600 s (1 h)" style durations for the explanation. */
export function formatSeconds(s: number): string {
  if (s < 120) return `${s} s`;
  if (s < 7200) return `${s} s (${Math.round(s / 60)} min)`;
  if (s < 172_800) return `${s} s (${Math.round(s / 3600)} h)`;
  return `${s} s (${Math.round(s / 86_400)} days)`;
}

/** Whether an answer with these headers is not stored at all (spec §1.3: no-store / private /
 * no-cache with MinTTL 0). */
export function notStoredBecause(
  headers: Readonly<Record<string, string>>,
  policy: PolicyFacts,
): string | null {
  if (policy.minTtl > 0) return null;
  return forbiddingDirective(parseCacheControl(headers['cache-control']));
}
