// What the configuration lint reports: advice, not errors. A finding never blocks a run (the
// schema and validateScenario reject what CloudFront would reject); it points at a canvas node
// and says in plain words what to change.

export type LintSeverity = 'warning' | 'info';

export interface LintFinding {
  /** stable across runs of the same scenario, e.g. 'shadowed:behavior:2' */
  id: string;
  severity: LintSeverity;
  /** the canvas node it points at: 'behavior:2', 'behavior:default', 'originGroup:g', 'origin:o', 'distribution' */
  nodeId: string;
  /** the ordered behavior's index, or 'default', when the finding is about a behavior */
  behavior?: number | 'default';
  /** dotted scenario path of the field to change, e.g. 'distribution.cacheBehaviors[2].pathPattern' */
  field: string;
  /** what is wrong and what to change, in plain words */
  message: string;
}
