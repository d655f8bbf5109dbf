// "Cut the monthly bill by 30% without losing hit ratio." Data transfer dominates a CDN bill;
// the scenario serves text (JavaScript) uncompressed. The thresholds are the start's own measured
// figures (challenges.test.ts measures them): cost x 0.7, and the hit ratio rounded down.
import { fromDefault, withDefaultBehavior } from '../lessons/base';
import type { Challenge } from './types';

/** costPerMonth of the starting scenario after 5 simulated minutes (challenges.test.ts checks it). */
export const START_COST_PER_MONTH = 3444.8971;
/** The goal: 30% below the start. */
export const TARGET_COST_PER_MONTH = Math.floor(START_COST_PER_MONTH * 0.7 * 100) / 100;
/** The start's hit ratio (0.9156), rounded down to a tenth of a percent. */
export const START_HIT_RATIO_FLOOR = 0.915;

export const cutTheBill: Challenge = {
  id: 'cut-the-bill',
  title: 'Cut the monthly bill by 30%',
  summary: 'Finance wants the CloudFront bill down 30% next month, without a lower hit ratio.',
  statement: [
    'A JavaScript-heavy web app serves 5,000 bundles (60 KB on average, cached for a day) to viewers on six ' +
      'continents, 200 requests per second over HTTPS. Origin Shield runs in ap-northeast-1 (Tokyo).',
    `At this rate the CloudFront bill is about $${START_COST_PER_MONTH.toLocaleString('en-US')} a month. Finance ` +
      'wants it 30% lower. The product team will accept the change only if the hit ratio does not drop: a lower ' +
      'hit ratio means slower pages and more load on the origin.',
    'Read the cost breakdown (Cost dashboard) before you change anything: which line is the big one?',
  ],
  constraints: [
    `Cost per month below $${TARGET_COST_PER_MONTH.toLocaleString('en-US')} (30% under the start), measured over 5 simulated minutes.`,
    `Hit ratio at least ${(START_HIT_RATIO_FLOOR * 100).toFixed(1)}% (the start's 91.6%, rounded down).`,
    'Same content, same viewers, same traffic.',
  ],
  goals: [
    {
      id: 'cost',
      label: `Cost per month below $${TARGET_COST_PER_MONTH.toLocaleString('en-US')}`,
      expression: `costPerMonth < ${TARGET_COST_PER_MONTH} after 300s`,
    },
    {
      id: 'hit',
      label: "Hit ratio no lower than the start's",
      expression: `hitRatio >= ${START_HIT_RATIO_FLOOR} after 300s`,
      guard: true,
    },
  ],
  hints: [
    'In the Cost dashboard, data transfer out is about 80% of the bill; requests are most of the rest.',
    'Origin Shield is a cost line too, but switching it off lowers the hit ratio (every regional cache then misses on its own). What makes every byte smaller instead?',
    'JavaScript compresses to about a quarter of its size. Default behavior -> "Compress objects automatically". Then Reset and Run for 5 minutes.',
  ],
  timeLimitMinutes: 15,
  runMs: 300_000,
  scenario: () => {
    const s = fromDefault(
      'Challenge: cut the bill',
      'Uncompressed JavaScript bundles, Origin Shield in Tokyo, PriceClass_All.',
    );
    const sim = s.originSimulation?.assets;
    if (sim) {
      sim.catalog = {
        count: 5_000,
        pathPrefix: '/static/',
        extension: '.js',
        meanSizeBytes: 60_000,
        cacheControl: 'max-age=86400',
      };
    }
    const withShield = {
      ...s,
      distribution: {
        ...s.distribution,
        origins: s.distribution.origins.map((o) => ({
          ...o,
          originShield: { enabled: true, originShieldRegion: 'ap-northeast-1' },
        })),
      },
    };
    return withDefaultBehavior(withShield, { compress: false });
  },
  solution: {
    steps: [
      'Default behavior: tick "Compress objects automatically" (the cache policy already keys on Accept-Encoding gzip and br).',
      'Reset and Run for 5 minutes: about $1,414 a month (-59%), hit ratio unchanged.',
    ],
    explanation: [
      'Start from the bill, not from the architecture: data transfer out is ~80% of it, requests ~18%, ' +
        'Origin Shield ~3%. A 30% cut must come from bytes.',
      'CloudFront compresses text (JavaScript, CSS, HTML, JSON, SVG) between 1 KB and 10 MB with Brotli or ' +
        'gzip when the viewer accepts it; JavaScript shrinks to roughly a quarter. Since the cache policy ' +
        'already normalises Accept-Encoding into the key, the compressed copies cache as well as before.',
      'Levers considered and rejected: PriceClass_100 bills far regions at US/EU rates but serves Asian, ' +
        'Australian and South American viewers from US/EU edges (mean latency roughly doubles, ~11% saved). ' +
        'Switching Origin Shield off saves its 3% but drops the hit ratio from 92% to 70%: the guard fails. ' +
        'A longer TTL does not help: the objects already live a day.',
      'Next steps in a real review: the CloudFront Security Savings Bundle (a usage commitment bought at a discount), images in modern formats ' +
        '(AVIF/WebP), and moving the shield next to the origin (us-east-1), which lowers latency for nothing.',
    ],
    apply: (s) => withDefaultBehavior(s, { compress: true }),
  },
};
