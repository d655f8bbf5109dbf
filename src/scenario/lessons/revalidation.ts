// Lesson: revalidation and RefreshHit. The origin says no-store to keep pages fresh; max-age=0
// keeps them just as fresh while CloudFront revalidates with If-None-Match and gets 304s.
import { fromDefault, withCatalogCacheControl, withDefaultBehavior } from './base';
import type { Lesson } from './types';

export const revalidation: Lesson = {
  id: 'revalidation',
  title: 'Revalidation and RefreshHit',
  text: [
    'Every object from this origin carries a validator: an ETag (a version tag such as "3f9a1c-1"). When a ' +
      'cached copy has expired, CloudFront does not download it again blindly: it asks "If-None-Match: <etag>". ' +
      'If nothing changed, the origin answers 304 Not Modified, with no body, and the viewer gets the cached ' +
      'copy marked "RefreshHit from cloudfront".',
    'This news site must never show a stale page, so its origin sends "Cache-Control: no-store". CloudFront ' +
      'then keeps nothing: every request downloads the whole object, 1,189 MB from the origin in two ' +
      'minutes (9.9 MB every second).',
    '"max-age=0" is just as fresh (CloudFront checks with the origin on every request) but lets CloudFront keep ' +
      'the copy and revalidate it: the origin sends 639 MB instead (5.3 MB/s), and 46% of requests read RefreshHit. ' +
      'The number of origin requests stays the same; only a longer max-age would cut those.',
  ],
  steps: [
    'Click the origin "assets" on the canvas.',
    'In "Origin content", set the Cache-Control the origin sends to max-age=0.',
    'Press Reset, then Run for at least 2 simulated minutes.',
  ],
  goals: [
    {
      id: 'bytes',
      // A rate, not a total: a total keeps growing however fast the learner lets the clock run.
      label: 'Under 7 MB per second fetched from the origin',
      expression: 'originBytesPerSecond < 7000000 after 120s',
    },
    {
      id: 'refresh',
      label: 'A popular object is revalidated, not downloaded again',
      expression: 'GET /assets/0 from NRT -> x-cache: RefreshHit after 120s',
    },
  ],
  hints: [
    'Look at the "origin" step of a request in the inspector: what status and size come back?',
    'no-store forbids keeping a copy at all, so there is nothing to revalidate. Which directive means ' +
      '"keep it, but check before every use"?',
    'Origin "assets" -> Origin content -> Cache-Control: max-age=0. Then Reset and Run.',
  ],
  runMs: 120_000,
  scenario: () => {
    const s = fromDefault(
      'Lesson: revalidation',
      'The origin sends Cache-Control: no-store; legacy TTLs 0 / 1 day / 1 year.',
    );
    return withDefaultBehavior(withCatalogCacheControl(s, 'assets', 'no-store'), {
      cachePolicyId: undefined,
      minTtl: 0,
      defaultTtl: 86_400,
      maxTtl: 31_536_000,
      forwardedValues: { queryString: false, cookies: { forward: 'none' } },
    });
  },
  solve: (s) => withCatalogCacheControl(s, 'assets', 'max-age=0'),
};
