// Lesson: why-cdn (the numbers in the text are the simulator's own, see lessons.test.ts).
import { MANAGED } from '../presets/managedIds';
import { DEFAULT_VIEWERS } from '../presets/default';
import { fromDefault, withDefaultBehavior } from './base';
import type { Lesson } from './types';

const tokyo = DEFAULT_VIEWERS.filter((v) => v.id === 'asia').map((v) => ({ ...v, weight: 1 }));

export const whyCdn: Lesson = {
  id: 'why-cdn',
  title: 'Why a CDN?',
  text: [
    'Your files live in one S3 bucket in Virginia (us-east-1). Your viewers are in Tokyo, about 10,900 km away: ' +
      'light in fibre needs roughly 150 ms for the round trip, and a new HTTPS connection needs several round trips.',
    'CloudFront puts a copy of each file in an edge location near the viewer (NRT, Tokyo). The first viewer pays the ' +
      'trip to Virginia (a Miss); everyone after is served from Tokyo in a few milliseconds (a Hit).',
    'This scenario starts with the managed CachingDisabled policy, so every request crosses the Pacific: viewers ' +
      'wait about 200 ms on average. Switch the cache policy to CachingOptimized: after five minutes about 85% of ' +
      'requests are Hits and the average falls to about 30 ms.',
  ],
  steps: [
    'Click the Distribution node on the canvas and open its default behavior.',
    'Set "Cache policy" to Managed-CachingOptimized.',
    'Press Reset, then Run for at least 5 simulated minutes.',
  ],
  goals: [
    {
      id: 'latency',
      label: 'Tokyo viewers wait under 100 ms on average',
      expression: 'latencyMs < 100 after 300s',
    },
    {
      id: 'hit',
      label: 'More than 80% of requests served from the edge',
      expression: 'hitRatio > 0.8 after 300s',
    },
  ],
  hints: [
    'Latency is dominated by the distance to the origin. What would let Tokyo answer without asking Virginia?',
    'The cache policy decides whether CloudFront keeps a copy at all. CachingDisabled keeps nothing.',
    'Distribution -> default behavior -> Cache policy: Managed-CachingOptimized, then Reset and Run.',
  ],
  runMs: 300_000,
  scenario: () => {
    const s = fromDefault('Lesson: why a CDN', 'Tokyo viewers, one origin in Virginia, caching disabled.');
    return withDefaultBehavior({ ...s, viewers: tokyo }, { cachePolicyId: MANAGED.cache.CachingDisabled });
  },
  solve: (s) => withDefaultBehavior(s, { cachePolicyId: MANAGED.cache.CachingOptimized }),
};
