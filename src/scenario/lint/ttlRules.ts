// Lint rules where a behavior's TTL settings contradict what its origin says in Cache-Control
// (spec §1.3-1.4: no-cache/no-store/private -> MinTTL; otherwise s-maxage > max-age > Expires,
// clamped to [MinTTL, MaxTTL]; DefaultTTL only when the origin says nothing).
import { parseCacheControl } from '../../engine/http/cacheControl';
import type { LintBehavior, LintContext, ServedSample } from './context';
import type { LintFinding } from './types';

/** A max-age at least this long means "please cache this" (a teaching threshold: one hour). */
export const LONG_ORIGIN_MAX_AGE_S = 3_600;

const seconds = (s: number) => `${s.toLocaleString('en-US')} s`;

export function ttlContradictions(ctx: LintContext): LintFinding[] {
  const out: LintFinding[] = [];
  for (const lb of ctx.behaviors) {
    const p = lb.policy;
    if (!p || lb.shadowedBy || lb.served.length === 0) continue;
    const field = lb.b.cachePolicyId ? `${lb.field}.cachePolicyId` : lb.field;
    const finding = (kind: string, severity: LintFinding['severity'], message: string) =>
      out.push({ id: `${kind}:${lb.nodeId}`, severity, nodeId: lb.nodeId, behavior: lb.key, field, message });
    const facts = lb.served.map((s) => ({ s, cc: parseCacheControl(s.cacheControl) }));
    const forbidden = facts.find(({ cc }) => cc.noCache || cc.noStore || cc.private);
    const withAge = facts
      .filter(({ cc }) => !(cc.noCache || cc.noStore || cc.private))
      .map(({ s, cc }) => ({ s, age: cc.sMaxAge ?? cc.maxAge }))
      .filter((x): x is { s: ServedSample; age: number } => x.age !== undefined);

    if (p.cachingDisabled) {
      const long = withAge.find((x) => x.age >= LONG_ORIGIN_MAX_AGE_S);
      if (long) {
        finding(
          'caching-disabled-long-max-age',
          'warning',
          `${cap(lb.label)} uses ${p.name}, but origin "${long.s.originId}" marks ${long.s.path} ` +
            `cacheable for ${seconds(long.age)} ("${long.s.cacheControl}"): every request goes to the origin. ` +
            `Use a caching policy (e.g. CachingOptimized) if the content may be shared.`,
        );
      }
      continue;
    }
    const belowMin = withAge.find((x) => x.age < p.minTtl);
    if (belowMin) {
      finding(
        'min-ttl-over-max-age',
        'warning',
        `MinTTL of ${lb.label} is ${seconds(p.minTtl)}, above the origin's ${belowMin.age} s for ` +
          `${belowMin.s.path} ("${belowMin.s.cacheControl}"): CloudFront keeps it ${seconds(p.minTtl)} and ignores ` +
          `the origin's freshness, so viewers may see stale content. Lower MinTTL to ${belowMin.age} or less.`,
      );
    }
    if (forbidden && p.minTtl > 0) {
      finding(
        'min-ttl-overrides-no-store',
        'warning',
        `Origin "${forbidden.s.originId}" answers ${forbidden.s.path} with "${forbidden.s.cacheControl}", but MinTTL ` +
          `of ${lb.label} is ${seconds(p.minTtl)}, so CloudFront caches it anyway. Set MinTTL to 0 if these ` +
          `responses must not be shared.`,
      );
    }
    const aboveMax = withAge.find((x) => x.age > p.maxTtl);
    if (aboveMax) {
      finding(
        'max-ttl-caps-max-age',
        'info',
        `MaxTTL (${seconds(p.maxTtl)}) of ${lb.label} caps the origin's ${seconds(aboveMax.age)} for ` +
          `${aboveMax.s.path}: objects are refetched sooner than the origin allows. Raise MaxTTL if that is not intended.`,
      );
    }
    if (defaultTtlExplicit(ctx, lb) && !forbidden && facts.every(({ s, cc }) => hasFreshness(s, cc))) {
      finding(
        'default-ttl-unused',
        'info',
        `DefaultTTL (${seconds(p.defaultTtl)}) of ${lb.label} is never used: the origin always sends its own ` +
          `lifetime (e.g. "${lb.served[0].cacheControl}" for ${lb.served[0].path}). Only MinTTL and MaxTTL apply.`,
      );
    }
  }
  return out;
}

function hasFreshness(s: ServedSample, cc: ReturnType<typeof parseCacheControl>): boolean {
  return cc.sMaxAge !== undefined || cc.maxAge !== undefined || s.expires;
}

/** Managed policies are fixed; only a TTL the user chose is worth a remark. */
function defaultTtlExplicit(ctx: LintContext, lb: LintBehavior): boolean {
  const id = lb.b.cachePolicyId;
  if (id) return ctx.scenario.cachePolicies?.[id] !== undefined;
  return lb.b.defaultTtl !== undefined;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
