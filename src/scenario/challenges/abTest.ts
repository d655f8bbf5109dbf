// "A/B test two variants at the edge." The origin has both versions of every product page
// (/a/p/N.html, /b/p/N.html, each answering x-variant); viewers ask for /p/N.html. The first
// attempt keys the cache on every cookie and query string and splits nothing. The answer is a
// viewer-request CloudFront Function that picks the variant and rewrites the URI, so each variant
// caches under its own key.
import { allQueryStringsPolicy } from '../teachingPolicies';
import type { SimulatedObject } from '../../engine/scenario';
import { MANAGED } from '../presets/managedIds';
import { fromDefault, withDefaultBehavior } from '../lessons/base';
import type { Challenge } from './types';

/** Product pages per variant: small enough to keep the scenario (and its link) compact. */
const PAGES = 100;
const ALL_COOKIES_POLICY = 'challenge-all-cookies';
export const AB_FUNCTION_NAME = 'ab-split';

const allCookies = allQueryStringsPolicy(
  'AllCookiesAndQueryStrings',
  'Every cookie and query string in the key, so the origin "can choose the variant"',
  { minTtl: 0, cookieBehavior: 'all' },
);

/** CloudFront Functions (cloudfront-js-2.0). Math.random is seeded in EdgeLab, so runs repeat. */
export const AB_FUNCTION_CODE = `// A/B test at the edge. ?ab=a or ?ab=b forces a variant (QA links), the "ab" cookie keeps a
// returning viewer on theirs, new viewers get one at random (50/50). Each variant has its own
// path at the origin, so each caches under its own key; nothing personal enters the key.
function handler(event) {
  var request = event.request;
  if (request.uri.indexOf('/p/') !== 0) return request;
  var forced = request.querystring.ab ? request.querystring.ab.value : '';
  var kept = request.cookies.ab ? request.cookies.ab.value : '';
  var variant = forced === 'a' || forced === 'b' ? forced
    : kept === 'a' || kept === 'b' ? kept
    : Math.random() < 0.5 ? 'a' : 'b';
  request.uri = '/' + variant + request.uri;
  return request;
}
`;

function variantPages(): SimulatedObject[] {
  const out: SimulatedObject[] = [];
  for (const v of ['a', 'b']) {
    for (let i = 0; i < PAGES; i++) {
      out.push({
        path: `/${v}/p/${i}.html`,
        sizeBytes: 40_000,
        contentType: 'text/html',
        cacheControl: 'max-age=300',
        headers: { 'x-variant': v },
      });
    }
  }
  return out;
}

export const abTest: Challenge = {
  id: 'ab-test',
  title: 'A/B test two variants at the edge',
  summary: 'Split viewers between two page designs at the edge, without wrecking the cache.',
  statement: [
    `The designers built a new version of all ${PAGES} product pages. The origin serves the current design at ` +
      '/a/p/N.html and the new one at /b/p/N.html (each response says x-variant: a or b); viewers keep asking ' +
      'for /p/N.html. 100 requests per second; 70% of viewers carry a session cookie.',
    'The first attempt (this scenario) put every cookie and query string in the cache key so that "the origin ' +
      'could choose". The origin cannot, nobody sees variant B, and the hit ratio fell to about 25%.',
    'Split the traffic at the edge instead: half of new viewers on each variant, a returning viewer stays on ' +
      'theirs (cookie "ab"), and QA can force a variant with ?ab=a or ?ab=b.',
  ],
  constraints: [
    '?ab=b shows variant B and ?ab=a variant A, from any edge (graded by sending those requests).',
    'Hit ratio above 80% over 2 simulated minutes.',
    'Returning viewers keep their variant (the "ab" cookie): graded by reading your function, not automatically.',
  ],
  goals: [
    {
      id: 'force-b',
      label: '?ab=b gets variant B (Virginia)',
      expression: 'GET /p/1.html?ab=b from IAD -> x-variant: b after 120s',
    },
    {
      id: 'force-a',
      label: '?ab=a gets variant A (Frankfurt)',
      expression: 'GET /p/1.html?ab=a from FRA -> x-variant: a after 120s',
    },
    { id: 'hit', label: 'Hit ratio above 80%', expression: 'hitRatio > 0.8 after 120s' },
  ],
  hints: [
    'Where can a decision be made for every request before the cache is looked up, without asking the origin?',
    'A viewer-request CloudFront Function can read the cookie and the query string and rewrite request.uri. ' +
      'The cache key is computed after it, from the rewritten URI.',
    'New function (template "A/B testing by cookie" is close), rewrite /p/… to /a/p/… or /b/p/…, associate it ' +
      'with the default behavior as viewer-request, and set the cache policy to Managed-CachingOptimized.',
  ],
  timeLimitMinutes: 25,
  runMs: 120_000,
  scenario: () => {
    const s = fromDefault(
      'Challenge: A/B test at the edge',
      'Two variants at the origin, every cookie in the cache key, no split.',
    );
    return withDefaultBehavior(
      {
        ...s,
        originSimulation: {
          assets: {
            processingMs: 60,
            catalog: {
              count: PAGES,
              pathPrefix: '/p/',
              extension: '.html',
              meanSizeBytes: 40_000,
              cacheControl: 'max-age=300',
            },
            objects: variantPages(),
          },
        },
        traffic: { requestsPerSecond: 100, zipfAlpha: 0.8, methodMix: { GET: 1 }, varyingCookieShare: 0.7 },
        cachePolicies: { [ALL_COOKIES_POLICY]: allCookies },
      },
      { cachePolicyId: ALL_COOKIES_POLICY },
    );
  },
  solution: {
    steps: [
      `Add a CloudFront Function "${AB_FUNCTION_NAME}" (cloudfront-js-2.0) that picks the variant and rewrites /p/… to /a/p/… or /b/p/….`,
      'Associate it with the default behavior as viewer-request.',
      'Default behavior: Cache policy Managed-CachingOptimized. Reset and Run for 2 minutes.',
    ],
    explanation: [
      'Decide the variant before the cache, at the edge: a viewer-request CloudFront Function runs on every ' +
        'request in under a millisecond ($0.10 per million) and can change the URI the cache key is built from.',
      'Keep the key small: the variant lives in the path, so the key needs no cookies at all and each variant ' +
        'is one cached copy per page. Cookies in the key (the first attempt) make each session its own copy.',
      'Stickiness: the "ab" cookie wins over the random draw; the response should set it for new viewers ' +
        '(a viewer-response function or the origin adds Set-Cookie: ab=b; Path=/; Max-Age=2592000). ' +
        'QA links (?ab=) win over both.',
      'Alternatives: Lambda@Edge origin-request to pick an origin per variant (slower, pricier, needed only ' +
        'when the variants live on different origins), or continuous deployment with a staging distribution ' +
        'for testing whole configurations rather than page designs. Measure the split in the logs.',
    ],
    apply: (s) =>
      withDefaultBehavior(
        {
          ...s,
          functions: [
            ...(s.functions ?? []).filter((f) => f.name !== AB_FUNCTION_NAME),
            {
              name: AB_FUNCTION_NAME,
              kind: 'cloudfront-function',
              runtime: 'cloudfront-js-2.0',
              code: AB_FUNCTION_CODE,
            },
          ],
        },
        {
          cachePolicyId: MANAGED.cache.CachingOptimized,
          functionAssociations: [{ eventType: 'viewer-request', functionName: AB_FUNCTION_NAME }],
        },
      ),
  },
};
