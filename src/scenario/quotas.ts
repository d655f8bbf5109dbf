// CloudFront quotas on every way in (link, file, paste, CloudFront JSON): the hard limits refuse the
// scenario through validateScenario; the default quotas AWS raises on request only warn, because a
// real distribution may run with a raised quota (limits.ts QUOTAS says which is which).
import type { Scenario } from '../engine/scenario';
import { issue, type Issue } from './issues';
import { QUOTAS, type QuotaName } from './limits';

const raiseNote = 'AWS raises this default quota on request; EdgeLab simulates the distribution as it is';

function over(name: QuotaName, count: number): boolean {
  return count > QUOTAS[name].max;
}

/** Hard limits: CloudFront refuses such a config, so EdgeLab refuses the scenario. */
export function quotaIssues(s: Scenario): Issue[] {
  const out: Issue[] = [];
  const errors = s.distribution.customErrorResponses ?? [];
  if (over('customErrorResponsesPerDistribution', errors.length)) {
    const q = QUOTAS.customErrorResponsesPerDistribution;
    out.push(
      issue(
        ['distribution', 'customErrorResponses'],
        `has ${errors.length} entries; CloudFront allows at most ${q.max} ${q.what}: remove the extra ones`,
      ),
    );
  }
  return out;
}

/** Default quotas exceeded: one sentence each, shown beside the opened scenario. */
export function quotaWarnings(s: Scenario): string[] {
  const out: string[] = [];
  const warn = (name: QuotaName, where: string, count: number) => {
    if (!over(name, count)) return;
    const q = QUOTAS[name];
    out.push(
      `${where} has ${count} ${q.what.replace(/ per .*/, '')}, over CloudFront's default quota of ${q.max} ${q.what} (${raiseNote}).`,
    );
  };
  const d = s.distribution;
  warn('originsPerDistribution', 'The distribution', d.origins.length);
  // The default behavior counts as one of the cache behaviors.
  warn('cacheBehaviorsPerDistribution', 'The distribution', (d.cacheBehaviors?.length ?? 0) + 1);
  warn('originGroupsPerDistribution', 'The distribution', d.originGroups?.length ?? 0);
  const policies = [
    ...Object.entries(s.cachePolicies ?? {}).map(([id, p]) => ({ kind: 'Cache policy', id, p })),
    ...Object.entries(s.originRequestPolicies ?? {}).map(([id, p]) => ({
      kind: 'Origin request policy',
      id,
      p,
    })),
  ];
  for (const { kind, id, p } of policies) {
    const where = `${kind} "${p.name || id}"`;
    warn('headersPerPolicy', where, p.headers.length);
    warn('cookiesPerPolicy', where, p.cookies.length);
    warn('queryStringsPerPolicy', where, p.queryStrings.length);
  }
  return out;
}
