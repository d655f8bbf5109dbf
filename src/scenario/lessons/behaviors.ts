// Lesson: cache behaviors and path-pattern precedence. The API preset with its two ordered
// behaviors swapped, so the catch-all /api/* shadows the cached /api/products*.
import type { Scenario } from '../../engine/scenario';
import { fromPreset } from './base';
import type { Lesson } from './types';

function swapFirstTwo(s: Scenario): Scenario {
  const [a, b, ...rest] = s.distribution.cacheBehaviors ?? [];
  if (!a || !b) throw new Error('Lesson "behaviors": the API preset needs two ordered behaviors.');
  return { ...s, distribution: { ...s.distribution, cacheBehaviors: [b, a, ...rest] } };
}

export const behaviors: Lesson = {
  id: 'behaviors',
  title: 'Cache behaviors and path-pattern precedence',
  text: [
    'A distribution can treat paths differently: each cache behavior has a path pattern (/api/*, /*.jpg) and ' +
      'its own origin, cache policy and allowed methods. CloudFront checks the ordered behaviors from the top ' +
      'and uses the FIRST pattern that matches; the default behavior (*) catches whatever is left.',
    'This API caches product listings for 60 s (behavior /api/products*) and passes everything else under ' +
      '/api/ straight to the origin (behavior /api/*, CachingDisabled). But /api/* is listed first, and ' +
      '/api/products/42 matches it too: the product behavior is never used, and not one request is a Hit.',
    'Put the more specific pattern first. With /api/products* at precedence 1, product listings are cached ' +
      'again: over three minutes the hit ratio rises from 0% to 80% and the origin receives about 60 requests ' +
      'per second instead of 200.',
  ],
  steps: [
    'Click the behavior /api/products* on the canvas (under the Distribution).',
    'Press "Move up" so that it reads "Precedence 1 of 2".',
    'Press Reset, then Run for at least 3 simulated minutes.',
  ],
  goals: [
    { id: 'hit', label: 'Hit ratio above 50%', expression: 'hitRatio > 0.5 after 180s' },
    {
      id: 'product',
      label: 'A popular product listing is a Hit in Virginia',
      expression: 'GET /api/products/0 from IAD -> x-cache: Hit after 180s',
    },
  ],
  hints: [
    'Send GET /api/products/0 in the request inspector and read the "behavior" step of the trace.',
    'Both patterns match /api/products/0. Which one does CloudFront pick when two match?',
    'Select the behavior /api/products*, press "Move up", then Reset and Run.',
  ],
  runMs: 180_000,
  scenario: () => {
    const s = fromPreset(
      'api-acceleration',
      'Lesson: behavior precedence',
      'The catch-all /api/* is listed before /api/products*.',
    );
    return swapFirstTwo({
      ...s,
      // Reads only: POST/PUT would be refused by the product behavior's GET/HEAD/OPTIONS, a different lesson.
      traffic: {
        zipfAlpha: 0.9,
        ...s.traffic,
        requestsPerSecond: 200,
        methodMix: { GET: 0.95, HEAD: 0.02, OPTIONS: 0.03 },
      },
      events: [],
    });
  },
  solve: swapFirstTwo,
};
