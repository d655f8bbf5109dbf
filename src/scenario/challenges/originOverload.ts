// "Origin overloaded despite the CDN: get origin requests under N/s." Two causes stack up: a cache
// key that includes every query string (tracking parameters make each request unique) and eight
// regional caches each missing on their own (no Origin Shield).
import { allQueryStringsPolicy } from '../teachingPolicies';
import { MANAGED } from '../presets/managedIds';
import { fromDefault, withDefaultBehavior } from '../lessons/base';
import type { Challenge } from './types';

/** What the origin can take before its latency climbs (the challenge's constraint). */
export const ORIGIN_CAPACITY_PER_SECOND = 60;

const ALL_QUERY_STRINGS_POLICY = 'challenge-all-query-strings';

const allQueryStrings = allQueryStringsPolicy(
  'AllQueryStringsInKey',
  'Every query string in the cache key (set up "to be safe")',
);

export const originOverload: Challenge = {
  id: 'origin-overload',
  title: 'Origin overloaded despite the CDN',
  summary: `Everything is behind CloudFront, yet the origin gets ~190 requests/s. Get it under ${ORIGIN_CAPACITY_PER_SECOND}/s.`,
  statement: [
    'An S3 origin in us-east-1 serves 10,000 static files behind CloudFront: 400 viewer requests per second ' +
      'from six continents, files cached for 10 minutes (max-age=600). A quarter of the links come from ' +
      'marketing campaigns and carry a unique tracking parameter (?cb=…) that the origin ignores.',
    `The origin team says their servers fall over above ${ORIGIN_CAPACITY_PER_SECOND} requests per second, and they ` +
      'see about 190. "But we have a CDN!" Find where the requests come from and get the origin under ' +
      `${ORIGIN_CAPACITY_PER_SECOND}/s without shortening anyone's cache lifetime.`,
  ],
  constraints: [
    `Origin requests below ${ORIGIN_CAPACITY_PER_SECOND} per second, averaged over the first 5 simulated minutes.`,
    'Hit ratio above 85% over the same 5 minutes.',
    'The origin ignores query strings: no response depends on them.',
  ],
  goals: [
    {
      id: 'origin',
      label: `The origin receives fewer than ${ORIGIN_CAPACITY_PER_SECOND} requests per second`,
      expression: `originRequestsPerSecond < ${ORIGIN_CAPACITY_PER_SECOND} after 300s`,
    },
    { id: 'hit', label: 'Hit ratio above 85%', expression: 'hitRatio > 0.85 after 300s' },
  ],
  hints: [
    'Send the same path twice from one PoP in the request inspector, once with ?cb=1 and once with ?cb=2. Do they share a cached copy?',
    'Two things multiply origin traffic here: what goes into the cache key, and how many caches miss ' +
      'independently before the origin (eight regional edge caches).',
    'Default behavior -> Cache policy: Managed-CachingOptimized (no query strings in the key); origin "assets" ' +
      '-> Enable Origin Shield in us-east-1. Then Reset and Run for 5 minutes.',
  ],
  timeLimitMinutes: 20,
  runMs: 300_000,
  scenario: () => {
    const s = fromDefault(
      'Challenge: origin overloaded',
      '400 requests/s, a quarter with a unique tracking parameter in the cache key, no Origin Shield.',
    );
    const sim = s.originSimulation?.assets?.catalog;
    if (sim) sim.cacheControl = 'max-age=600';
    return withDefaultBehavior(
      {
        ...s,
        traffic: {
          requestsPerSecond: 400,
          zipfAlpha: 0.9,
          methodMix: { GET: 0.97, HEAD: 0.03 },
          cacheBustingShare: 0.25,
        },
        cachePolicies: { [ALL_QUERY_STRINGS_POLICY]: allQueryStrings },
      },
      { cachePolicyId: ALL_QUERY_STRINGS_POLICY },
    );
  },
  solution: {
    steps: [
      'Default behavior: Cache policy Managed-CachingOptimized (query strings, headers and cookies out of the key).',
      'Origin "assets": Enable Origin Shield in us-east-1, the region of the origin.',
      'Reset and Run for 5 minutes: about 33 origin requests per second, hit ratio about 92%.',
    ],
    explanation: [
      'Measure first: origin load = viewer requests x miss rate x number of caches that miss independently. ' +
        'Here the hit ratio is only ~53%, and every one of eight regional caches fetches each object itself.',
      'Cache key: a key that includes query strings the origin ignores turns each tracking link into a new ' +
        'object that can only miss. Keep in the key only what changes the response; if the origin needs the ' +
        'parameters for logging, forward them with an origin request policy, which does not touch the key. ' +
        'This alone takes the origin from ~190 to ~100 requests/s.',
      "Origin Shield: one more cache layer in the origin's region that every regional cache asks first, so " +
        'each object is fetched about once per TTL instead of once per region. Alone it gives ~130/s; with ' +
        'the key fix, ~33/s. It costs $0.0075 per 10,000 requests that reach it, far less than more servers.',
      'Not the answer: a longer TTL helps too, but the constraint forbids it, and it only delays the ' +
        'cache-busting misses; request collapsing already merges concurrent misses for the same key.',
    ],
    apply: (s) => {
      const fixed = withDefaultBehavior(s, { cachePolicyId: MANAGED.cache.CachingOptimized });
      return {
        ...fixed,
        distribution: {
          ...fixed.distribution,
          origins: fixed.distribution.origins.map((o) =>
            o.id === 'assets'
              ? { ...o, originShield: { enabled: true, originShieldRegion: 'us-east-1' } }
              : o,
          ),
        },
      };
    },
  },
};
