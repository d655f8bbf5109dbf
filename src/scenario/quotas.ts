// CloudFront quotas on every way in (link, file, paste, CloudFront JSON): the hard limits refuse the
// scenario through validateScenario; the default quotas AWS raises on request only warn, because a
// real distribution may run with a raised quota (limits.ts QUOTAS says which is which).
import type { CacheBehavior, Scenario } from '../engine/scenario';
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

/** The quotas AWS raises on request (the others are hard limits, refused by quotaIssues & co). */
export type DefaultQuotaName = Exclude<
  QuotaName,
  'customErrorResponsesPerDistribution' | 'cloudFrontFunctionCodeBytes'
>;

/** A default quota the scenario goes over, and where: for the notice and the configuration lint. */
export interface QuotaExcess {
  quota: DefaultQuotaName;
  /** e.g. 'The distribution has 26 origins, over CloudFront's default quota of 25 origins per distribution' */
  text: string;
  /** the canvas node: 'distribution', or for a policy the first behavior that uses it */
  nodeId: string;
  /** dotted scenario path of what to trim */
  field: string;
}

/** Every default quota the scenario goes over, distribution first, then policy by policy. */
export function quotaExcesses(s: Scenario): QuotaExcess[] {
  const out: QuotaExcess[] = [];
  const add = (quota: DefaultQuotaName, where: string, count: number, nodeId: string, field: string) => {
    if (!over(quota, count)) return;
    const q = QUOTAS[quota];
    const text = `${where} has ${count} ${q.what.replace(/ per .*/, '')}, over CloudFront's default quota of ${q.max} ${q.what}`;
    out.push({ quota, text, nodeId, field });
  };
  const d = s.distribution;
  add('originsPerDistribution', 'The distribution', d.origins.length, 'distribution', 'distribution.origins');
  // The default behavior counts as one of the cache behaviors.
  const behaviors = (d.cacheBehaviors?.length ?? 0) + 1;
  add(
    'cacheBehaviorsPerDistribution',
    'The distribution',
    behaviors,
    'distribution',
    'distribution.cacheBehaviors',
  );
  const groups = d.originGroups?.length ?? 0;
  add('originGroupsPerDistribution', 'The distribution', groups, 'distribution', 'distribution.originGroups');
  const ordered = [
    ...(d.cacheBehaviors ?? []).map((b, i) => ({ b, key: String(i) })),
    { b: d.defaultCacheBehavior, key: 'default' },
  ];
  const userOf = (pick: (b: CacheBehavior) => string | undefined, id: string) => {
    const used = ordered.find(({ b }) => pick(b) === id);
    return used ? `behavior:${used.key}` : 'distribution';
  };
  const policies = [
    ...Object.entries(s.cachePolicies ?? {}).map(([id, p]) => ({
      kind: 'Cache policy',
      field: `cachePolicies.${id}`,
      nodeId: userOf((b) => b.cachePolicyId, id),
      id,
      p,
    })),
    ...Object.entries(s.originRequestPolicies ?? {}).map(([id, p]) => ({
      kind: 'Origin request policy',
      field: `originRequestPolicies.${id}`,
      nodeId: userOf((b) => b.originRequestPolicyId, id),
      id,
      p,
    })),
  ];
  for (const { kind, field, nodeId, id, p } of policies) {
    const where = `${kind} "${p.name || id}"`;
    add('headersPerPolicy', where, p.headers.length, nodeId, `${field}.headers`);
    add('cookiesPerPolicy', where, p.cookies.length, nodeId, `${field}.cookies`);
    add('queryStringsPerPolicy', where, p.queryStrings.length, nodeId, `${field}.queryStrings`);
  }
  return out;
}

/** Default quotas exceeded: one sentence each, shown beside the opened scenario. */
export function quotaWarnings(s: Scenario): string[] {
  return quotaExcesses(s).map((e) => `${e.text} (${raiseNote}).`);
}
