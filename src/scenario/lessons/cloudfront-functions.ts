// Lesson: CloudFront Functions. Two of the editor's templates fix two problems: the query-string
// normaliser (viewer-request) restores the hit ratio, the security-headers one (viewer-response)
// adds nosniff & co. to every response.
import { allQueryStringsPolicy } from '../teachingPolicies';
import type { EdgeFunction, FunctionEventType, Scenario } from '../../engine/scenario';
import { FUNCTION_TEMPLATES } from '../../engine/functions/templates';
import { fromDefault, withDefaultBehavior } from './base';
import type { Lesson } from './types';

const POLICY_ID = 'lesson-page-and-sort';

/** What "New function" with that template does in the Functions panel: add it, attach it to the default behavior. */
function addTemplate(s: Scenario, templateId: string): Scenario {
  const t = FUNCTION_TEMPLATES.find((x) => x.id === templateId);
  if (!t) throw new Error(`Lesson "cloudfront-functions": no function template "${templateId}".`);
  const fn: EdgeFunction = { name: t.id, kind: t.kind, code: t.code };
  const b = s.distribution.defaultCacheBehavior;
  return withDefaultBehavior(
    { ...s, functions: [...(s.functions ?? []), fn] },
    {
      functionAssociations: [
        ...(b.functionAssociations ?? []),
        { eventType: t.eventType as FunctionEventType, functionName: t.id },
      ],
    },
  );
}

export const cloudfrontFunctions: Lesson = {
  id: 'cloudfront-functions',
  title: 'CloudFront Functions',
  text: [
    'CloudFront Functions are small JavaScript handlers that run in every edge location, before the cache ' +
      '(viewer-request) or just before the response leaves (viewer-response). They run in under a millisecond ' +
      'and cost $0.10 per million invocations: made for rewrites, redirects, header changes and cache-key ' +
      'normalisation.',
    'This origin reads ?page= and ?sort=, so the cache policy keeps all query strings in the cache key. But half ' +
      'of the links carry a unique ?cb=… parameter, and each one becomes its own cache entry: the hit ratio is ' +
      '25% over five minutes. A viewer-request function that keeps only the parameters the origin reads brings it to 60%.',
    'The security review also wants "X-Content-Type-Options: nosniff" on every response. A viewer-response ' +
      'function adds it (a response headers policy would too). Both functions together cost about ' +
      '$105 a month at this traffic (200 requests per second, two invocations each).',
  ],
  steps: [
    'In the Functions panel, press "New function" and pick "Normalise the query string for the cache key" ' +
      '(it is attached to the default behavior at viewer-request).',
    'Press "New function" again and pick "Add security headers" (viewer-response).',
    'Press Reset, then Run for at least 5 simulated minutes.',
  ],
  goals: [
    { id: 'hit', label: 'Hit ratio above 50%', expression: 'hitRatio > 0.5 after 300s' },
    {
      id: 'nosniff',
      label: 'Responses carry X-Content-Type-Options: nosniff',
      expression: 'GET /assets/0 from NRT -> x-content-type-options: nosniff after 300s',
    },
  ],
  hints: [
    'Send the same path with two different ?cb= values in the request inspector: same cache entry?',
    'Keeping ?page= in the key is right; keeping ?cb= is not. A function can change the query string ' +
      'before the cache key is computed, and another can add headers on the way out.',
    'New function -> "Normalise the query string for the cache key", then New function -> "Add security ' +
      'headers". Reset and Run.',
  ],
  runMs: 300_000,
  scenario: () => {
    const s = fromDefault(
      'Lesson: CloudFront Functions',
      'All query strings in the cache key; half the requests carry a unique ?cb=.',
    );
    return withDefaultBehavior(
      {
        ...s,
        traffic: { requestsPerSecond: 200, zipfAlpha: 0.8, ...s.traffic, cacheBustingShare: 0.5 },
        cachePolicies: {
          [POLICY_ID]: allQueryStringsPolicy(
            'AllQueryStrings',
            'The origin reads page and sort, so every query string is in the key',
          ),
        },
      },
      { cachePolicyId: POLICY_ID },
    );
  },
  solve: (s) => addTemplate(addTemplate(s, 'normalize-query-string'), 'security-headers'),
};
