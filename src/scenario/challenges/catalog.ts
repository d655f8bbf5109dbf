// The interview challenges, in the order the menu lists them. Each one's goals also travel in its
// scenario (Scenario.assertions), so a shared copy of the work keeps them.
import { abTest } from './abTest';
import { cutTheBill } from './cutTheBill';
import { globalShop } from './globalShop';
import { hlsCheap } from './hlsCheap';
import { originOverload } from './originOverload';
import { staleDeploy } from './staleDeploy';
import type { Challenge } from './types';

function withGoals(challenge: Challenge): Challenge {
  const scenario = challenge.scenario;
  return {
    ...challenge,
    scenario: () => ({
      ...scenario(),
      assertions: challenge.goals.map((g) => ({ id: g.id, expression: g.expression, label: g.label })),
    }),
  };
}

export const CHALLENGES: readonly Challenge[] = [
  staleDeploy,
  originOverload,
  cutTheBill,
  globalShop,
  abTest,
  hlsCheap,
].map(withGoals);

export function findChallenge(id: string): Challenge | undefined {
  return CHALLENGES.find((c) => c.id === id);
}
