// Lesson: failover (the numbers in the text are the simulator's own, see lessons.test.ts).
import { fromPreset, withDefaultBehavior } from './base';
import type { Lesson } from './types';

export const failover: Lesson = {
  id: 'failover',
  title: 'Origin failover',
  text: [
    'The app runs in us-east-1 with a copy in us-west-2. At 2:00 the primary goes down for one minute. The ' +
      'behavior sends requests straight to the primary, so every cache miss in that minute becomes an error.',
    'An origin group lists a primary and a secondary. When the primary answers 500, 502, 503 or 504, refuses the ' +
      'connection or times out, CloudFront retries the same request on the secondary. Failover applies to GET, ' +
      'HEAD and OPTIONS only.',
    'How fast it fails over depends on the connection timeout (here 2 s) and the connection attempts (here 1): ' +
      'with the defaults of 10 s and 3 attempts, a viewer could wait 30 s before the secondary is tried.',
  ],
  steps: [
    'Open the Distribution node, default behavior.',
    'Set "Origin or origin group" to Origin group app-failover.',
    'Press Reset, then Run for at least 4 simulated minutes.',
  ],
  goals: [{ id: 'errors', label: 'No errors through the outage', expression: 'errors == 0 after 240s' }],
  hints: [
    'Errors appear only between 2:00 and 3:00. Which origin is the behavior using then?',
    'The origin group "app-failover" already exists on the canvas; nothing points to it.',
    'Default behavior -> Origin or origin group: app-failover. Then Reset and Run.',
  ],
  runMs: 240_000,
  scenario: () =>
    withDefaultBehavior(
      fromPreset(
        'multi-region-failover',
        'Lesson: origin failover',
        'The behavior targets the primary directly.',
      ),
      { targetOriginId: 'primary' },
    ),
  solve: (s) => withDefaultBehavior(s, { targetOriginId: 'app-failover' }),
};
