// Lesson: origin-shield (the numbers in the text are the simulator's own, see lessons.test.ts).
import { fromDefault } from './base';
import type { Lesson } from './types';

export const originShield: Lesson = {
  id: 'origin-shield',
  title: 'Origin Shield',
  text: [
    'Every edge location and regional edge cache keeps its own copy. With eight PoPs feeding eight regional caches, ' +
      'a popular file can be fetched from your origin up to eight times, once per regional cache, each time it expires.',
    'Origin Shield adds one more cache layer in a single region in front of the origin. All regional caches ask the ' +
      'shield, so the origin sees roughly one request per object per TTL instead of one per region. It costs ' +
      '$0.0075-0.016 per 10,000 requests that reach the shield.',
    'Objects here live for one hour (max-age=3600). Over the first three minutes the origin sees about 96 requests ' +
      'per second without a shield; turn Origin Shield on in us-east-1, next to the origin, and it drops to about 44.',
  ],
  steps: [
    'Click the origin "assets" on the canvas.',
    'Tick "Enable Origin Shield" and choose us-east-1.',
    'Press Reset, then Run for at least 3 simulated minutes.',
  ],
  goals: [
    {
      id: 'origin-load',
      label: 'The origin receives fewer than 60 requests per second',
      expression: 'originRequestsPerSecond < 60 after 180s',
    },
  ],
  hints: [
    'Each regional edge cache misses on its own. Something shared by all of them would miss only once.',
    'The setting belongs to the origin, not to the behavior.',
    'Origin "assets" -> Enable Origin Shield, region us-east-1. Then Reset and Run.',
  ],
  runMs: 180_000,
  scenario: () => fromDefault('Lesson: Origin Shield', 'The default scenario without Origin Shield.'),
  solve: (s) => ({
    ...s,
    distribution: {
      ...s.distribution,
      origins: s.distribution.origins.map((o) =>
        o.id === 'assets' ? { ...o, originShield: { enabled: true, originShieldRegion: 'us-east-1' } } : o,
      ),
    },
  }),
};
