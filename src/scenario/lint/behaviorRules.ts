// Lint rules about cache behaviors: patterns that can never match, functions attached to them,
// and cache keys that split one object into many copies under the scenario's own traffic.
import { VARIATION } from '../../engine/traffic/profile';
import type { LintBehavior, LintContext } from './context';
import type { LintFinding } from './types';

const pct = (share: number) => `${Math.round(share * 1000) / 10}%`;
const quoteList = (ps: readonly string[]) => ps.map((p) => `"${p}"`).join(' and ');

export function shadowedBehaviors(ctx: LintContext): LintFinding[] {
  const out: LintFinding[] = [];
  for (const lb of ctx.behaviors) {
    if (!lb.shadowedBy) continue;
    const by = lb.shadowedBy;
    const cause =
      by.length === 1
        ? `the earlier pattern "${by[0]}" matches every path "${lb.pattern}" matches`
        : `the earlier patterns ${quoteList(by)} together match every path "${lb.pattern}" matches`;
    out.push({
      id: `shadowed:${lb.nodeId}`,
      severity: 'warning',
      nodeId: lb.nodeId,
      behavior: lb.key,
      field: lb.key === 'default' ? 'distribution.cacheBehaviors' : `${lb.field}.pathPattern`,
      message:
        lb.key === 'default'
          ? `The default behavior never runs: ${
              by.length === 1
                ? `the ordered pattern "${by[0]}" matches every path`
                : `the ordered patterns ${quoteList(by)} together match every path`
            }. Remove or narrow that catch-all so requests can fall through to the default.`
          : `Behavior ${(lb.key as number) + 1} (${lb.pattern}) can never match: ${cause}, and CloudFront uses ` +
            `the first match. Move it above ${by.length === 1 ? 'that behavior' : 'them'} or change its pattern.`,
    });
    for (const f of lb.b.functionAssociations ?? []) out.push(deadFunction(lb, f.functionName, f.eventType));
    for (const f of lb.b.lambdaFunctionAssociations ?? [])
      out.push(deadFunction(lb, f.functionName, f.eventType));
  }
  return out;
}

function deadFunction(lb: LintBehavior, name: string, eventType: string): LintFinding {
  return {
    id: `dead-function:${lb.nodeId}:${eventType}:${name}`,
    severity: 'warning',
    nodeId: lb.nodeId,
    behavior: lb.key,
    field: `${lb.field}.functionAssociations`,
    message:
      `Function "${name}" (${eventType}) on ${lb.label} never runs, because that behavior never matches. ` +
      `Attach it to a behavior that requests reach.`,
  };
}

/** Functions defined in the scenario but attached to no behavior. */
export function unattachedFunctions(ctx: LintContext): LintFinding[] {
  const attached = new Set<string>();
  for (const lb of ctx.behaviors) {
    for (const f of lb.b.functionAssociations ?? []) attached.add(f.functionName);
    for (const f of lb.b.lambdaFunctionAssociations ?? []) attached.add(f.functionName);
  }
  return (ctx.scenario.functions ?? [])
    .filter((f) => !attached.has(f.name))
    .map((f) => ({
      id: `unattached-function:${f.name}`,
      severity: 'info' as const,
      nodeId: 'distribution',
      field: 'functions',
      message: `Function "${f.name}" is attached to no behavior, so it never runs. Attach it in the Functions panel or delete it.`,
    }));
}

/** Cache keys that include what the traffic profile varies per request. */
export function fragmentedCacheKeys(ctx: LintContext): LintFinding[] {
  const t = ctx.scenario.traffic;
  const out: LintFinding[] = [];
  for (const lb of ctx.behaviors) {
    const p = lb.policy;
    if (!p || p.cachingDisabled || lb.shadowedBy || !lb.getsTraffic) continue;
    const where = `the cache key of ${lb.label}, set by ${p.name},`;
    const field = lb.b.cachePolicyId ? `${lb.field}.cachePolicyId` : `${lb.field}.forwardedValues`;
    const busting = t?.cacheBustingShare ?? 0;
    if (busting > 0 && keys(p.queryStringBehavior, p.queryStrings, VARIATION.cacheBustingParam)) {
      out.push({
        id: `fragmented-query:${lb.nodeId}`,
        severity: 'warning',
        nodeId: lb.nodeId,
        behavior: lb.key,
        field,
        message:
          `${cap(where)} includes the "${VARIATION.cacheBustingParam}" query string, and ${pct(busting)} of requests ` +
          `carry a unique "?${VARIATION.cacheBustingParam}=" value, so each of them is a miss. Key on the query ` +
          `strings that change the response only (a whitelist), or none.`,
      });
    }
    const cookies = t?.varyingCookieShare ?? 0;
    if (cookies > 0 && keys(p.cookieBehavior, p.cookies, VARIATION.cookieName)) {
      out.push({
        id: `fragmented-cookie:${lb.nodeId}`,
        severity: 'warning',
        nodeId: lb.nodeId,
        behavior: lb.key,
        field,
        message:
          `${cap(where)} includes the "${VARIATION.cookieName}" cookie, which ${pct(cookies)} of requests carry with ` +
          `one of ${VARIATION.cookieValues.toLocaleString('en-US')} values: every object is cached once per ` +
          `session. Leave per-user cookies out of the key (forward them with an origin request policy).`,
      });
    }
    const headers = t?.varyingHeaderShare ?? 0;
    if (headers > 0 && p.headerBehavior === 'whitelist' && p.headerNames.has(VARIATION.headerName)) {
      out.push({
        id: `fragmented-header:${lb.nodeId}`,
        severity: 'info',
        nodeId: lb.nodeId,
        behavior: lb.key,
        field,
        message:
          `${cap(where)} includes the ${VARIATION.headerName} header, which ${pct(headers)} of requests send with ` +
          `${VARIATION.headerValues.length} different values: up to ${VARIATION.headerValues.length + 1} copies of ` +
          `each object. Keep it only if the origin's answer really depends on it.`,
      });
    }
  }
  return out;
}

function keys(behavior: string, names: readonly string[], name: string): boolean {
  if (behavior === 'all') return true;
  if (behavior === 'allExcept') return !names.includes(name);
  return behavior === 'whitelist' && names.includes(name);
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
