// Lesson: Lambda@Edge triggers. The blue/green origin router is attached at viewer-request, so it
// runs (and is billed) on every request; at origin-request it runs only on cache misses.
import type { LambdaEventType, Scenario } from '../../engine/scenario';
import { FUNCTION_TEMPLATES } from '../../engine/functions/templates';
import { fromDefault, withDefaultBehavior } from './base';
import type { Lesson } from './types';

const NAME = 'origin-by-cookie';

function attachAt(s: Scenario, eventType: LambdaEventType): Scenario {
  return withDefaultBehavior(s, { lambdaFunctionAssociations: [{ eventType, functionName: NAME }] });
}

export const lambdaEdge: Lesson = {
  id: 'lambda-edge',
  title: 'Lambda@Edge triggers',
  text: [
    'Lambda@Edge runs Node.js functions in the regional edge caches at four points: viewer-request and ' +
      'viewer-response (every request, before and after the cache) and origin-request and origin-response ' +
      '(only when CloudFront goes to the origin, on a miss). Only origin-request can change which origin ' +
      'answers. Each invocation costs $0.60 per million plus its duration (per GB-second).',
    'This blue/green router reads an "origin" cookie and sends "green" viewers to the new stack. It was attached ' +
      'at viewer-request, so in three minutes it runs for all 36,085 requests, even the ones the cache answers, and every ' +
      'viewer waits for it: the average latency is 67 ms and Lambda@Edge costs $331 a month.',
    'At origin-request it runs only on the 17,262 misses, where choosing an origin actually matters: ' +
      'latency falls to 64 ms and the Lambda@Edge bill to $159 a month.',
  ],
  steps: [
    'In the Functions panel, detach origin-by-cookie from Default (*) viewer-request.',
    'Attach it again to Default (*) with event type origin-request.',
    'Press Reset, then Run for at least 3 simulated minutes.',
  ],
  goals: [
    {
      id: 'latency',
      label: 'Viewers wait under 65 ms on average',
      expression: 'latencyMs < 65 after 180s',
    },
    {
      id: 'cost',
      label: 'The whole distribution costs less than $3,100 a month',
      expression: 'costPerMonth < 3100 after 180s',
    },
  ],
  hints: [
    'Open a Hit in the request inspector: does the trace still show the function running?',
    'Which Lambda@Edge events run only when CloudFront has to go to the origin?',
    'Functions panel: detach origin-by-cookie, attach it to Default (*) at origin-request. Reset and Run.',
  ],
  runMs: 180_000,
  scenario: () => {
    const t = FUNCTION_TEMPLATES.find((x) => x.id === NAME);
    if (!t) throw new Error(`Lesson "lambda-edge": no function template "${NAME}".`);
    const s = fromDefault(
      'Lesson: Lambda@Edge triggers',
      'A blue/green origin router attached at viewer-request.',
    );
    return attachAt(
      { ...s, functions: [{ name: NAME, kind: 'lambda-edge', code: t.code }] },
      'viewer-request',
    );
  },
  solve: (s) => attachAt(s, 'origin-request'),
};
