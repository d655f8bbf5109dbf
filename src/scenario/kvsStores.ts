// Cross-field rules of the named KeyValueStores (issue 4): store names follow CloudFront's
// CreateKeyValueStore pattern, and a function's `keyValueStoreName` must name a store of the
// scenario (and not sit beside the function's own `kvs`: one store per function). The per-store
// quotas (5 MB, key and value sizes) are in the schema; the engine re-checks the association.
import { kvsAssociationProblem, kvsNameProblem } from '../engine/functions/kvs';
import type { Scenario } from '../engine/scenario';
import { issue, type Issue } from './issues';

export function keyValueStoreIssues(scenario: Scenario): Issue[] {
  const issues: Issue[] = [];
  const stores = scenario.keyValueStores;
  for (const name of Object.keys(stores ?? {})) {
    const problem = kvsNameProblem(name);
    if (problem) issues.push(issue(['keyValueStores', name], problem));
  }
  (scenario.functions ?? []).forEach((fn, i) => {
    const problem = kvsAssociationProblem(fn, stores);
    if (problem) issues.push(issue(['functions', i, problem.field], problem.message));
  });
  return issues;
}
