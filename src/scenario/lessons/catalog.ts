// The first six lessons. Each starts from the default scenario or a preset and changes only
// what the lesson is about; the numbers in the text are the simulator's own (see lessons.test.ts).
import { MANAGED } from '../presets/managedIds';
import { DEFAULT_VIEWERS } from '../presets/default';
import { fromDefault, fromPreset, withDefaultBehavior } from './base';
import type { Lesson } from './types';

const tokyo = DEFAULT_VIEWERS.filter((v) => v.id === 'asia').map((v) => ({ ...v, weight: 1 }));

const whyCdn: Lesson = {
  id: 'why-cdn',
  title: '1. Why a CDN?',
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

const originShield: Lesson = {
  id: 'origin-shield',
  title: '2. Origin Shield',
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

const ttls: Lesson = {
  id: 'ttls',
  title: '3. TTLs and Cache-Control',
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
    'Open the Distribution node, default behavior (it uses legacy cache settings).',
    'Set "Minimum TTL" to 3600 seconds.',
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
    'Default behavior -> Minimum TTL: 3600. Then Reset and Run.',
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

const cacheKeys: Lesson = {
  id: 'cache-keys',
  title: '4. Cache keys and the hit ratio',
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
          [policyId]: {
            name: 'AllQueryStrings',
            comment: 'Every query string in the cache key',
            minTtl: 1,
            defaultTtl: 86_400,
            maxTtl: 31_536_000,
            headerBehavior: 'none',
            headers: [],
            cookieBehavior: 'none',
            cookies: [],
            queryStringBehavior: 'all',
            queryStrings: [],
            enableAcceptEncodingGzip: true,
            enableAcceptEncodingBrotli: true,
          },
        },
      },
      { cachePolicyId: policyId },
    );
  },
  solve: (s) => withDefaultBehavior(s, { cachePolicyId: MANAGED.cache.CachingOptimized }),
};

const invalidation: Lesson = {
  id: 'invalidation',
  title: '5. Invalidation vs versioned file names',
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

const failover: Lesson = {
  id: 'failover',
  title: '6. Origin failover',
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

/** The lesson's goals also travel in its scenario (Scenario.assertions), so a shared copy keeps them. */
function withGoals(lesson: Lesson): Lesson {
  const scenario = lesson.scenario;
  return {
    ...lesson,
    scenario: () => ({
      ...scenario(),
      assertions: lesson.goals.map((g) => ({ id: g.id, expression: g.expression, label: g.label })),
    }),
  };
}

export const LESSONS: readonly Lesson[] = [whyCdn, originShield, ttls, cacheKeys, invalidation, failover].map(
  withGoals,
);

export function findLesson(id: string): Lesson | undefined {
  return LESSONS.find((l) => l.id === id);
}
