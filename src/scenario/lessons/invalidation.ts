// Lesson: invalidation (the numbers in the text are the simulator's own, see lessons.test.ts).
import { fromDefault } from './base';
import type { Lesson } from './types';

export const invalidation: Lesson = {
  id: 'invalidation',
  title: 'Invalidation vs versioned file names',
  text: [
    'This site deploys every minute and, after each deploy, invalidates /assets/* so viewers get the new files. ' +
      'Every invalidation empties the caches for those paths in every PoP, so the next requests all Miss again.',
    'An invalidation takes about a minute to complete and costs $0.005 per path after the first 1,000 paths a ' +
      'month (a wildcard counts as one path). It is meant for mistakes, not for every release.',
    'Versioned file names (app.3f9a1c.js) never need invalidating: a new release has new names, old copies simply ' +
      'stop being asked for, and the long TTL stays safe. Only the small HTML that points to them needs a short TTL.',
  ],
  steps: [
    'Remove the scheduled invalidations (switch to versioned file names): in this lesson, press "Apply the ' +
      'versioned-names fix" or remove the events from the scenario JSON.',
    'Press Reset, then Run for at least 10 simulated minutes.',
  ],
  goals: [
    { id: 'hit', label: 'Hit ratio above 60%', expression: 'hitRatio > 0.6 after 600s' },
    {
      id: 'origin',
      label: 'The origin receives fewer than 80 requests per second',
      expression: 'originRequestsPerSecond < 80 after 600s',
    },
  ],
  hints: [
    'Watch the hit ratio chart: what happens every 60 s?',
    'If file names change on every release, does any cached copy ever need to be thrown away?',
    'Remove the invalidation events (versioned names make them unnecessary), then Reset and Run.',
  ],
  runMs: 600_000,
  fixLabel: 'Apply the versioned-names fix',
  scenario: () => {
    const s = fromDefault(
      'Lesson: invalidation',
      'A deploy every minute, each followed by an invalidation of /assets/*.',
    );
    const events = Array.from({ length: 10 }, (_, i) => ({
      id: `deploy-invalidation-${i + 1}`,
      kind: 'invalidation' as const,
      atMs: (i + 1) * 60_000,
      paths: ['/assets/*'],
    }));
    return { ...s, events };
  },
  solve: (s) => ({ ...s, events: (s.events ?? []).filter((e) => e.kind !== 'invalidation') }),
};
