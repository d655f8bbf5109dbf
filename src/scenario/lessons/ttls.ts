// Lesson: ttls (the numbers in the text are the simulator's own, see lessons.test.ts).
import { fromDefault, withDefaultBehavior } from './base';
import type { Lesson } from './types';

export const ttls: Lesson = {
  id: 'ttls',
  title: 'TTLs and Cache-Control',
  text: [
    "How long CloudFront keeps an object is decided by the origin's Cache-Control header, bounded by the " +
      "behavior's minimum and maximum TTL. s-maxage wins over max-age for shared caches like CloudFront; " +
      'max-age alone applies to both CloudFront and browsers.',
    'This origin answers "Cache-Control: no-store". With a minimum TTL of 0, CloudFront obeys it and stores ' +
      'nothing: every request is a Miss and goes to the origin.',
    'The fix belongs at the origin (send "public, max-age=60, s-maxage=86400"). When you cannot change the origin, ' +
      'a minimum TTL above 0 makes CloudFront keep even no-store objects for that long (AWS documents this in ' +
      'its warning box: be careful with private content).',
  ],
  steps: [
    'At the origin (the right fix): click the origin "assets" and, under "Origin content", set its ' +
      'Cache-Control to public, max-age=60, s-maxage=86400.',
    'Or, if you cannot change the origin: open the default behavior (legacy cache settings) and set ' +
      '"Minimum TTL" to 3600 seconds.',
    'Press Reset, then Run for at least 5 simulated minutes.',
  ],
  goals: [
    { id: 'hit', label: 'Hit ratio above 50%', expression: 'hitRatio > 0.5 after 300s' },
    {
      id: 'index',
      label: 'A repeated request from Tokyo is a Hit',
      expression: 'GET /assets/0 from NRT -> x-cache: Hit after 300s',
    },
  ],
  hints: [
    'Look at the trace of one request in the request inspector: what does the TTL step say?',
    'no-store with a minimum TTL of 0 means "never store". Which of the three TTLs can override it?',
    'Origin "assets" -> Origin content -> Cache-Control: public, max-age=60, s-maxage=86400 (or default ' +
      'behavior -> Minimum TTL: 3600). Then Reset and Run.',
  ],
  runMs: 300_000,
  scenario: () => {
    const s = fromDefault(
      'Lesson: TTLs',
      'The origin sends Cache-Control: no-store; legacy TTLs 0 / 1 day / 1 year.',
    );
    const catalog = s.originSimulation?.assets?.catalog;
    if (catalog) catalog.cacheControl = 'no-store';
    return withDefaultBehavior(s, {
      cachePolicyId: undefined,
      minTtl: 0,
      defaultTtl: 86_400,
      maxTtl: 31_536_000,
      forwardedValues: { queryString: false, cookies: { forward: 'none' } },
    });
  },
  solve: (s) => withDefaultBehavior(s, { minTtl: 3600 }),
};
