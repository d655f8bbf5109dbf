// Configuration lint: advice about a scenario that is valid but will not do what its author
// likely wants (src/scenario/validate.ts rejects what CloudFront itself rejects). Pure and
// cheap: the UI runs it on every edit.
import type { Scenario } from '../../engine/scenario';
import { fragmentedCacheKeys, shadowedBehaviors, unattachedFunctions } from './behaviorRules';
import { buildLintContext } from './context';
import { viewerResponseNeverRuns } from './functionRules';
import { originGroupFindings } from './originRules';
import { quotaFindings } from './quotaRules';
import { ttlContradictions } from './ttlRules';
import type { LintFinding } from './types';

export type { LintFinding, LintSeverity } from './types';
export { coveredBy, type CoverResult } from './patternCover';
export { LONG_ORIGIN_MAX_AGE_S } from './ttlRules';

/** Every finding, warnings first, then in canvas order (behaviors by precedence). */
export function lintScenario(scenario: Scenario): LintFinding[] {
  const ctx = buildLintContext(scenario);
  const all = [
    ...shadowedBehaviors(ctx),
    ...fragmentedCacheKeys(ctx),
    ...ttlContradictions(ctx),
    ...originGroupFindings(ctx),
    ...viewerResponseNeverRuns(ctx),
    ...unattachedFunctions(ctx),
    ...quotaFindings(ctx),
  ];
  const rank = (f: LintFinding) => (f.severity === 'warning' ? 0 : 1);
  return all
    .map((f, i) => ({ f, i }))
    .sort((x, y) => rank(x.f) - rank(y.f) || x.i - y.i)
    .map((x) => x.f);
}
