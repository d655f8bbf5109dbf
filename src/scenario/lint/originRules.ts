// Lint rules about origin groups (spec §7.1, §6.2): failover that cannot help, and Origin Shield
// set on one member of a group but not the other.
import type { Origin } from '../../engine/scenario';
import type { LintContext } from './context';
import type { LintFinding } from './types';

/** Methods CloudFront fails over for (spec §7.1, high_availability_origin_failover). */
const FAILOVER_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function originGroupFindings(ctx: LintContext): LintFinding[] {
  const d = ctx.scenario.distribution;
  const origins = new Map<string, Origin>(d.origins.map((o) => [o.id, o]));
  const out: LintFinding[] = [];
  (d.originGroups ?? []).forEach((g, i) => {
    const nodeId = `originGroup:${g.id}`;
    const field = `distribution.originGroups[${i}]`;
    const [primary, secondary] = g.members;
    if (g.failoverCriteria.statusCodes.length === 0) {
      out.push({
        id: `no-failover-codes:${nodeId}`,
        severity: 'warning',
        nodeId,
        field: `${field}.failoverCriteria.statusCodes`,
        message:
          `Origin group "${g.id}" lists no failover status codes: it fails over only when "${primary}" cannot be ` +
          `reached, never when it answers 500, 502, 503 or 504. Add the codes that mean "try the other origin".`,
      });
    }
    if (primary !== undefined && primary === secondary) {
      out.push({
        id: `same-secondary:${nodeId}`,
        severity: 'warning',
        nodeId,
        field: `${field}.members`,
        message: `Origin group "${g.id}" fails over from "${primary}" to itself, which cannot help. Pick a different secondary origin.`,
      });
    }
    const [a, b] = [origins.get(primary ?? ''), origins.get(secondary ?? '')];
    if (a && b && a !== b && shielded(a) !== shielded(b)) {
      const [on, off] = shielded(a) ? [a, b] : [b, a];
      out.push({
        id: `shield-mismatch:${nodeId}`,
        severity: 'info',
        nodeId: `origin:${off.id}`,
        field: `distribution.origins[${d.origins.indexOf(off)}].originShield`,
        message:
          `In origin group "${g.id}", "${on.id}" uses Origin Shield (${on.originShield?.originShieldRegion ?? 'its region'}) ` +
          `but "${off.id}" does not: after a failover every regional edge cache goes straight to "${off.id}". ` +
          `Enable Origin Shield on "${off.id}" too.`,
      });
    }
    for (const lb of ctx.behaviors) {
      if (lb.b.targetOriginId !== g.id || lb.shadowedBy) continue;
      const proxy = lb.b.allowedMethods.filter((m) => !FAILOVER_METHODS.has(m.toUpperCase()));
      if (proxy.length === 0) continue;
      out.push({
        id: `failover-methods:${lb.nodeId}`,
        severity: 'info',
        nodeId: lb.nodeId,
        behavior: lb.key,
        field: `${lb.field}.allowedMethods`,
        message:
          `${lb.label.charAt(0).toUpperCase() + lb.label.slice(1)} sends ${proxy.join(', ')} to origin group ` +
          `"${g.id}", but CloudFront fails over only for GET, HEAD and OPTIONS: those requests get the primary's error.`,
      });
    }
  });
  return out;
}

const shielded = (o: Origin) => o.originShield?.enabled === true;
