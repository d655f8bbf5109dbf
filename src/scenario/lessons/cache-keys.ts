// Lesson: cache-keys (the numbers in the text are the simulator's own, see lessons.test.ts).
import { allQueryStringsPolicy } from '../teachingPolicies';
import { MANAGED } from '../presets/managedIds';
import { fromDefault, withDefaultBehavior } from './base';
import type { Lesson } from './types';

export const cacheKeys: Lesson = {
  id: 'cache-keys',
  title: 'Cache keys and the hit ratio',
  text: [
    'CloudFront finds a cached copy by its cache key: the host and path, plus whatever the cache policy adds ' +
      '(query strings, headers, cookies). Two requests with different keys never share a copy.',
    'Here half of the requests carry a unique tracking query string (?utm_id=…), and the custom cache policy puts ' +
      'all query strings in the key. Each of those requests is a new key, so it can only Miss.',
    'Managed-CachingOptimized leaves query strings out of the key (the origin still gets none of them). Keep in the ' +
      'key only what changes the response.',
  ],
  steps: [
    'Open the Distribution node, default behavior.',
    'Set "Cache policy" to Managed-CachingOptimized.',
    'Press Reset, then Run for at least 5 simulated minutes.',
  ],
  goals: [{ id: 'hit', label: 'Hit ratio above 50%', expression: 'hitRatio > 0.5 after 300s' }],
  hints: [
    'Open the request inspector and send the same path twice with different query strings. Same copy?',
    'The cache policy "all query strings" lists every ?utm_id=… as a different object.',
    'Default behavior -> Cache policy: Managed-CachingOptimized. Then Reset and Run.',
  ],
  runMs: 300_000,
  scenario: () => {
    const s = fromDefault(
      'Lesson: cache keys',
      'Half the requests carry a unique query string that is part of the cache key.',
    );
    const policyId = 'lesson-all-query-strings';
    return withDefaultBehavior(
      {
        ...s,
        traffic: { ...(s.traffic ?? { requestsPerSecond: 200, zipfAlpha: 0.8 }), cacheBustingShare: 0.5 },
        cachePolicies: {
          [policyId]: allQueryStringsPolicy('AllQueryStrings', 'Every query string in the cache key'),
        },
      },
      { cachePolicyId: policyId },
    );
  },
  solve: (s) => withDefaultBehavior(s, { cachePolicyId: MANAGED.cache.CachingOptimized }),
};
