// Lint rule: default CloudFront quotas the scenario goes over (src/scenario/quotas.ts). Opening a
// scenario already says so in its notice; the lint keeps saying it while the canvas is edited, since
// adding the 26th origin or the 11th key header there is just as real a problem.
import { quotaExcesses, type DefaultQuotaName } from '../quotas';
import type { LintContext } from './context';
import type { LintFinding } from './types';

/** What to do about each quota, in plain words. */
const FIX: Record<DefaultQuotaName, string> = {
  originsPerDistribution: 'Remove the origins no behavior needs',
  cacheBehaviorsPerDistribution: 'Merge behaviors that share their settings under one wider path pattern',
  originGroupsPerDistribution: 'Remove the origin groups no behavior needs',
  headersPerPolicy: 'Keep only the headers that change the response (each one also splits the cache)',
  cookiesPerPolicy: 'Keep only the cookies that change the response (each one also splits the cache)',
  queryStringsPerPolicy:
    'Keep only the query strings that change the response (each one also splits the cache)',
};

export function quotaFindings(ctx: LintContext): LintFinding[] {
  return quotaExcesses(ctx.scenario).map((e) => ({
    id: `quota:${e.quota}:${e.field}`,
    severity: 'warning',
    nodeId: e.nodeId,
    field: e.field,
    message:
      `${e.text}: CloudFront refuses to create or update it until AWS raises the quota for the account` +
      ` (EdgeLab simulates it as it is). ${FIX[e.quota]}, or request a quota increase.`,
  }));
}
