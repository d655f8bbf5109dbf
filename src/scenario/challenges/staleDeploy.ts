// "Stale content after a deploy: find and fix it." A day-long TTL on un-versioned file names
// keeps the old build at the edges after a deploy; the ETag's suffix names the build.
import { fromDefault } from '../lessons/base';
import type { Challenge } from './types';

/** The deploy at 1:00 (simulated) that replaces every file under /assets/. */
const DEPLOY_AT_MS = 60_000;

export const staleDeploy: Challenge = {
  id: 'stale-after-deploy',
  title: 'Stale content after a deploy',
  summary: 'A deploy went out, but viewers still get the old files. Find why and fix it.',
  statement: [
    'Your single-page app serves its JavaScript from /assets/ through CloudFront (200 requests per second, ' +
      'viewers on six continents). At 1:00 the team deployed a new build: every file under /assets/ changed, ' +
      'and the origin now answers with ETags ending in -1 instead of -0.',
    'Support tickets arrive from Tokyo and Sydney: the site is broken because browsers get the old ' +
      'JavaScript. Find out why CloudFront keeps serving the old build, and make sure that from 3:00 on ' +
      'viewers get the new one, without giving up the cache.',
  ],
  constraints: [
    'From 3:00 (simulated), Tokyo (NRT) and Sydney (SYD) get the new build (ETag ending in -1).',
    'The cache must keep working: hit ratio above 60% over the first 3 minutes.',
    'Do not change the origin: its Cache-Control (max-age=86400) is owned by another team.',
  ],
  goals: [
    {
      id: 'tokyo',
      label: 'Tokyo gets the new build',
      expression: 'GET /assets/0.js from NRT -> etag: W/"ac3e740d-1" after 180s',
    },
    {
      id: 'sydney',
      label: 'Sydney gets the new build',
      expression: 'GET /assets/0.js from SYD -> etag: W/"ac3e740d-1" after 180s',
    },
    {
      id: 'hit',
      label: 'Hit ratio above 60% (caching still on)',
      expression: 'hitRatio > 0.6 after 180s',
      guard: true,
    },
  ],
  hints: [
    'Open the request inspector and send GET /assets/0.js from NRT after 1:00. Read the Age and ETag headers: how old is the copy?',
    'The origin says max-age=86400: each edge may keep its copy for a day, whatever changed at the origin. ' +
      'CloudFront does not know a deploy happened unless you tell it.',
    'Invalidate /assets/* right after the deploy (Events panel: "Paths to invalidate", or an invalidation ' +
      'event at 1:01 in the scenario). Then Reset and Run for 3 minutes.',
  ],
  timeLimitMinutes: 15,
  runMs: 180_000,
  scenario: () => {
    const s = fromDefault(
      'Challenge: stale content after a deploy',
      'A deploy at 1:00 replaces /assets/*, cached for a day at every edge.',
    );
    const sim = s.originSimulation?.assets;
    if (sim) {
      sim.catalog = {
        count: 2_000,
        pathPrefix: '/assets/',
        extension: '.js',
        meanSizeBytes: 30_000,
        cacheControl: 'max-age=86400',
      };
    }
    return { ...s, events: [{ id: 'deploy-build-2', kind: 'deploy', atMs: DEPLOY_AT_MS }] };
  },
  solution: {
    steps: [
      'Add an invalidation of /assets/* one second after the deploy (Events panel while running, or an event at 1:01).',
      'Reset and Run: the invalidation completes within about a minute, after which every edge fetches the new build once.',
    ],
    explanation: [
      'Diagnosis: the files keep their names across builds and the origin allows a day of caching, so each ' +
        'edge, regional cache and browser legitimately keeps the old copy for up to 24 hours. The CDN is doing ' +
        'what it was told; the release process never told it anything changed.',
      'Immediate fix: invalidate /assets/* (one wildcard path counts as one path; the first 1,000 paths a month ' +
        'are free, then $0.005 each). It takes about a minute to reach every edge, and browsers that already ' +
        'cached the file still need their own max-age to expire: an invalidation does not reach them.',
      'Lasting fix, the one to propose in an interview: content-hashed file names (app.3f9a1c.js) with a year-long ' +
        'TTL, and a short TTL (or no-cache) on index.html, the only file that names them. A deploy then changes ' +
        'index.html only; nothing is ever stale and no invalidation is needed.',
      'What not to do: turning caching off (or a TTL of a few seconds) hides the bug by sending every request to ' +
        'the origin; the hit ratio goal is there to catch that.',
    ],
    apply: (s) => ({
      ...s,
      events: [
        ...(s.events ?? []),
        {
          id: 'invalidate-after-deploy',
          kind: 'invalidation',
          atMs: DEPLOY_AT_MS + 1_000,
          paths: ['/assets/*'],
        },
      ],
    }),
  },
};
