// The scenario's own checks (scenario.assertions) must be readable and uniquely named, whichever way
// the scenario came in: a shared link with a broken check is refused with the column that is wrong.
import type { Scenario } from '../engine/scenario';
import { parseAssertion } from './assertions';
import { issue, type Issue } from './issues';

/** Enough for any graded exercise; keeps a hostile link from making the panel evaluate thousands. */
export const MAX_ASSERTIONS = 50;

export function assertionIssues(s: Scenario): Issue[] {
  const out: Issue[] = [];
  const list = s.assertions ?? [];
  if (list.length > MAX_ASSERTIONS)
    out.push(issue(['assertions'], `has ${list.length} checks; keep at most ${MAX_ASSERTIONS}`));
  const ids = new Set<string>();
  list.forEach((a, i) => {
    if (ids.has(a.id))
      out.push(issue(['assertions', i, 'id'], 'is used by another check: give each its own id', a.id));
    ids.add(a.id);
    const parsed = parseAssertion(a.expression);
    if (!parsed.ok) out.push(issue(['assertions', i, 'expression'], parsed.error));
  });
  return out;
}
