// "Stream HLS video cheaply." A live channel where segments share the playlists' 2 s TTL and no
// Origin Shield: the packager sees ~500 requests/s. The answer caches segments for a day, puts
// the shield next to the packager and trades some far-region latency for a cheaper price class.
import { presetScenario } from '../presets';
import type { Scenario } from '../../engine/scenario';
import type { Challenge } from './types';

/** costPerMonth of the starting scenario after 3 simulated minutes (challenges.test.ts checks it). */
export const HLS_START_COST_PER_MONTH = 434_818.1192;
/** The goal: 5% below the start. */
export const HLS_TARGET_COST_PER_MONTH = 413_000;

export const hlsCheap: Challenge = {
  id: 'hls-cheap',
  title: 'Stream HLS video cheaply',
  summary: 'A live channel melts its packager and costs too much. Cut origin load and the bill.',
  statement: [
    'A live channel streams HLS to viewers on six continents: 2,000 requests per second for three playlists ' +
      '(.m3u8, rewritten every 2 s) and 2-second video segments (.ts, 1.2 MB on average, never changed once ' +
      'written). The packager in us-east-1 is the origin.',
    "Today every file uses the playlists' 2-second cache policy and there is no Origin Shield. The packager " +
      'receives about 500 requests per second and is at its limit; the CloudFront bill is about ' +
      `$${HLS_START_COST_PER_MONTH.toLocaleString('en-US', { maximumFractionDigits: 0 })} a month.`,
    'Make it cheap to run: protect the packager, cut the bill by at least 5%, and keep playback starting fast.',
  ],
  constraints: [
    'Packager (origin) requests below 20 per second over 3 simulated minutes.',
    'Hit ratio above 99%.',
    `Cost per month below $${HLS_TARGET_COST_PER_MONTH.toLocaleString('en-US')}.`,
    'Mean viewer latency stays under 100 ms. Playlists must stay fresh (at most 2 s old).',
  ],
  goals: [
    {
      id: 'origin',
      label: 'Packager receives fewer than 20 requests per second',
      expression: 'originRequestsPerSecond < 20 after 180s',
    },
    { id: 'hit', label: 'Hit ratio above 99%', expression: 'hitRatio > 0.99 after 180s' },
    {
      id: 'cost',
      label: `Cost per month below $${HLS_TARGET_COST_PER_MONTH.toLocaleString('en-US')}`,
      expression: `costPerMonth < ${HLS_TARGET_COST_PER_MONTH} after 180s`,
    },
    {
      id: 'latency',
      label: 'Mean latency under 100 ms',
      expression: 'latencyMs < 100 after 180s',
      guard: true,
    },
  ],
  hints: [
    'Segments and playlists behave differently: which of the two ever changes after it is written?',
    "A second cache behavior for /*.ts with a long TTL, and Origin Shield in the packager's region, take " +
      'care of the packager. Neither makes the bill smaller: data transfer to viewers is almost all of it.',
    'The per-GB price depends on where viewers are served. Distribution -> Price class: PriceClass_100 ' +
      'bills every viewer at US/Europe rates (they are then served from US/European edges).',
  ],
  timeLimitMinutes: 25,
  runMs: 180_000,
  scenario: () => {
    const s = presetScenario('hls-video');
    if (!s) throw new Error('The hls-video preset is missing from src/scenario/presets.');
    const d = s.distribution;
    return {
      ...s,
      name: 'Challenge: stream HLS cheaply',
      description: 'Segments cached like playlists (2 s), no Origin Shield, PriceClass_All.',
      // The kick-off spike is a different story; keep the three minutes steady.
      events: [],
      distribution: {
        ...d,
        origins: d.origins.map(({ originShield: _shield, ...o }) => o),
        defaultCacheBehavior: { ...d.defaultCacheBehavior, cachePolicyId: 'edgelab-hls-playlist' },
        cacheBehaviors: (d.cacheBehaviors ?? []).filter((b) => b.pathPattern !== '/*.ts'),
      },
    };
  },
  solution: {
    steps: [
      'Add a cache behavior /*.ts with the HlsSegment1d policy (a day; segments never change).',
      'Origin "packager": Enable Origin Shield in us-east-1.',
      'Distribution: Price class PriceClass_100. Reset and Run for 3 minutes.',
    ],
    explanation: [
      'Separate what changes from what does not: playlists are rewritten every segment and must be cached ' +
        'for at most one segment duration (2 s); segments are immutable and can be cached for a day. With ' +
        'both on 2 s, every edge refetches every segment over and over.',
      "Protect the origin: Origin Shield in the packager's region makes every regional cache ask one cache " +
        'first, and request collapsing there turns thousands of simultaneous playlist requests into one per ' +
        '2 s. The packager falls from ~500 to ~10 requests per second.',
      'The bill is data transfer: 2,000 requests/s of 1.2 MB segments. Caching does not change bytes to ' +
        'viewers; the price class does. PriceClass_100 bills at US/Europe rates (about -10%) at the cost of ' +
        'serving Asia, Oceania and South America from farther edges (mean latency ~24 -> ~80 ms, fine for ' +
        'buffered video, not for an API). PriceClass_200 keeps Asia close for a smaller saving.',
      'Beyond CloudFront: lower bitrate ladders and better codecs (HEVC/AV1) cut bytes far more than any ' +
        'CDN setting; a committed-use discount helps at this volume.',
    ],
    apply: (s: Scenario) => {
      const d = s.distribution;
      const rest = (d.cacheBehaviors ?? []).filter((b) => b.pathPattern !== '/*.ts');
      const playlist = rest.find((b) => b.pathPattern === '/*.m3u8') ?? d.defaultCacheBehavior;
      return {
        ...s,
        distribution: {
          ...d,
          priceClass: 'PriceClass_100',
          origins: d.origins.map((o) =>
            o.id === 'packager'
              ? { ...o, originShield: { enabled: true, originShieldRegion: 'us-east-1' } }
              : o,
          ),
          cacheBehaviors: [
            ...rest,
            {
              ...playlist,
              pathPattern: '/*.ts',
              compress: false,
              cachePolicyId: 'edgelab-hls-segment',
            },
          ],
        },
      };
    },
  },
};
