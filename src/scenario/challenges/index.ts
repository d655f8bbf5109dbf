export { CHALLENGES, findChallenge } from './catalog';
export { decodeChallengeResult, encodeChallengeResult, type ChallengeResult } from './result';
export type { Challenge, ChallengeGoal, ModelSolution } from './types';
