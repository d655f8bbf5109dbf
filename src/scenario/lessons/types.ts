// A guided lesson: a short explanation, a preloaded scenario, goals checked live (assertions),
// progressive hints, and the change that solves it (used by the unit test that proves each goal reachable).
import type { Scenario } from '../../engine/scenario';

export interface LessonGoal {
  id: string;
  /** plain words, shown beside the pass/fail mark */
  label: string;
  /** an assertion (src/scenario/assertions.ts) */
  expression: string;
}

export interface Lesson {
  /** used in the link: #lesson=<id> */
  id: string;
  title: string;
  /** the explanation, one paragraph per entry, with the numbers that matter */
  text: string[];
  /** what to do, in order */
  steps: string[];
  goals: LessonGoal[];
  /** shown one at a time, the last one gives the answer away */
  hints: string[];
  /** simulated time after which every goal can be judged, ms */
  runMs: number;
  /** when the UI has no editor for the change: the label of a button that applies `solve` */
  fixLabel?: string;
  /** a fresh copy of the starting scenario */
  scenario: () => Scenario;
  /** the starting scenario with the lesson's solution applied (what the user should end up with) */
  solve: (start: Scenario) => Scenario;
}
