// An interview challenge: a production problem in a live scenario, graded by assertions, with a
// suggested time limit, progressive hints and a model solution explained as in an interview.
import type { Scenario } from '../../engine/scenario';
import type { LessonGoal } from '../lessons';

export interface ChallengeGoal extends LessonGoal {
  /**
   * A constraint the starting scenario already meets and the answer must not break (for example
   * "hit ratio at least the start's"). Every other goal fails at the start.
   */
  guard?: boolean;
}

export interface ModelSolution {
  /** what to change, in order, in the app's words */
  steps: string[];
  /** the design reasoning an interviewer wants to hear, one paragraph per entry */
  explanation: string[];
  /** the starting scenario with the model solution applied */
  apply: (start: Scenario) => Scenario;
}

export interface Challenge {
  /** used in the link: #challenge=<id> */
  id: string;
  title: string;
  /** one line for the menu */
  summary: string;
  /** the problem in plain words, one paragraph per entry */
  statement: string[];
  /** the numbers the answer must respect */
  constraints: string[];
  goals: ChallengeGoal[];
  /** shown one at a time; the last one nearly gives the answer away */
  hints: string[];
  /** suggested time, minutes (the timer counts down from it and never blocks) */
  timeLimitMinutes: number;
  /** simulated time after which every goal can be judged, ms */
  runMs: number;
  /** a fresh copy of the starting scenario (its assertions are the goals) */
  scenario: () => Scenario;
  solution: ModelSolution;
}
