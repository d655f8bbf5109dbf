// The lessons in teaching order, one file each. Each starts from the default scenario or a preset
// and changes only what the lesson is about; the numbers in the text are the simulator's own
// (measured in lessons.test.ts).
import { behaviors } from './behaviors';
import { cacheKeys } from './cache-keys';
import { cloudfrontFunctions } from './cloudfront-functions';
import { cost } from './cost';
import { edgeLocations } from './edge-locations';
import { failover } from './failover';
import { invalidation } from './invalidation';
import { lambdaEdge } from './lambda-edge';
import { originShield } from './origin-shield';
import { revalidation } from './revalidation';
import { signedUrls } from './signed-urls';
import { ttls } from './ttls';
import type { Lesson } from './types';
import { whyCdn } from './why-cdn';

const ORDER: readonly Lesson[] = [
  whyCdn,
  edgeLocations,
  originShield,
  behaviors,
  cacheKeys,
  ttls,
  revalidation,
  invalidation,
  cloudfrontFunctions,
  lambdaEdge,
  signedUrls,
  failover,
  cost,
];

/**
 * Numbers the titles by position, and puts the goals in the scenario too (Scenario.assertions), so a
 * shared copy keeps them.
 */
function prepare(lesson: Lesson, index: number): Lesson {
  const scenario = lesson.scenario;
  return {
    ...lesson,
    title: `${index + 1}. ${lesson.title}`,
    scenario: () => ({
      ...scenario(),
      assertions: lesson.goals.map((g) => ({ id: g.id, expression: g.expression, label: g.label })),
    }),
  };
}

export const LESSONS: readonly Lesson[] = ORDER.map(prepare);

export function findLesson(id: string): Lesson | undefined {
  return LESSONS.find((l) => l.id === id);
}
