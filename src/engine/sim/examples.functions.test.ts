// Worked examples D and I (spec/examples.md V25, V49, V51, V53): edge functions in the pipeline,
// run by the QuickJS runtime (src/engine/functions).
import { describe, expect, it } from 'vitest';
import type { CacheBehavior, EdgeFunction } from '../scenario';
import { exampleScenario, harness, policy, scriptedOrigin, xcache } from './testing/harness';

const cff = (name: string, code: string): EdgeFunction => ({
  name,
  kind: 'cloudfront-function',
  runtime: 'cloudfront-js-2.0',
  code,
});
const lambda = (name: string, code: string): EdgeFunction => ({ name, kind: 'lambda-edge', code });

describe('V25 BEH-URI-REWRITE-NO-RESELECT', () => {
  it('a viewer-request URI change keeps the behavior and its origin; the key uses the new path', async () => {
    const staticBehavior: CacheBehavior = {
      pathPattern: 'static/*',
      targetOriginId: 'S',
      viewerProtocolPolicy: 'allow-all',
      allowedMethods: ['GET', 'HEAD'],
      cachedMethods: ['GET', 'HEAD'],
      cachePolicyId: 'P',
    };
    const h = await harness(
      exampleScenario({
        behavior: {
          targetOriginId: 'A',
          functionAssociations: [{ eventType: 'viewer-request', functionName: 'rewrite' }],
        },
        distribution: {
          origins: [
            { id: 'A', domainName: 'a.example.com', customOriginConfig: {} },
            { id: 'S', domainName: 's.example.com', customOriginConfig: {} },
          ],
          cacheBehaviors: [staticBehavior],
        },
        scenario: {
          functions: [
            cff(
              'rewrite',
              "function handler(event) { var r = event.request; if (r.uri === '/app') r.uri = '/static/app.js'; return r; }",
            ),
          ],
        },
      }),
    );
    const r = await h.get('/app');
    expect([r.status, h.calls.length, h.calls[0].originId, h.calls[0].method, h.calls[0].uri]).toEqual([
      200,
      1,
      'A',
      'GET',
      '/static/app.js',
    ]);
    const keyStep = r.trace.find((s) => s.stage === 'cache-key')!;
    expect(keyStep.data?.path).toBe('/static/app.js');
    expect(h.engine.stats().functionInvocations).toEqual({ rewrite: 1 });
  });
});

describe('V49 FN-KEY-NORMALIZATION', () => {
  it('A: appending index.html makes /docs/ and /docs/index.html one key', async () => {
    const h = await harness(
      exampleScenario({
        behavior: { functionAssociations: [{ eventType: 'viewer-request', functionName: 'index' }] },
        scenario: {
          functions: [
            cff(
              'index',
              "function handler(event) { var r = event.request; if (r.uri.endsWith('/')) r.uri += 'index.html'; return r; }",
            ),
          ],
        },
      }),
    );
    const a = await h.get('/docs/');
    expect([xcache(a), h.calls[0].uri]).toEqual(['Miss', '/docs/index.html']);
    h.at(1);
    expect(xcache(await h.get('/docs/index.html'))).toBe('Hit');
  });
  it('B: clearing the query string collapses query variants into one key', async () => {
    const h = await harness(
      exampleScenario({
        cachePolicy: policy(0, 86_400, 31_536_000, { queryStringBehavior: 'all' }),
        behavior: { functionAssociations: [{ eventType: 'viewer-request', functionName: 'noqs' }] },
        scenario: {
          functions: [
            cff('noqs', 'function handler(event) { var r = event.request; r.querystring = {}; return r; }'),
          ],
        },
      }),
    );
    const a = await h.get('/p?utm=1');
    h.at(1);
    const b = await h.get('/p?utm=2');
    expect([xcache(a), xcache(b), h.calls.length, h.calls[0].uri, h.calls[0].querystring]).toEqual([
      'Miss',
      'Hit',
      1,
      '/p',
      '',
    ]);
  });
});

describe('V51 FN-VIEWER-RESPONSE-SCOPE', () => {
  it('runs on hits and misses, not for status >= 400', async () => {
    const origin = scriptedOrigin({ 'cache-control': 'max-age=60' }, (req) =>
      req.uri === '/missing' ? { status: 404, headers: {}, body: 'nf' } : undefined,
    );
    const h = await harness(
      exampleScenario({
        behavior: { functionAssociations: [{ eventType: 'viewer-response', functionName: 'tag' }] },
        scenario: {
          functions: [
            cff(
              'tag',
              "function handler(event) { var res = event.response; res.headers['x-fn'] = { value: '1' }; return res; }",
            ),
          ],
        },
      }),
      origin,
    );
    const a = await h.get('/ok');
    expect([a.status, xcache(a), a.headers['x-fn'], h.engine.stats().functionInvocations['tag']]).toEqual([
      200,
      'Miss',
      '1',
      1,
    ]);
    h.at(1);
    const b = await h.get('/ok');
    expect([b.status, xcache(b), b.headers['x-fn'], h.engine.stats().functionInvocations['tag']]).toEqual([
      200,
      'Hit',
      '1',
      2,
    ]);
    h.at(2);
    const c = await h.get('/missing');
    expect([c.status, c.headers['x-fn'], h.engine.stats().functionInvocations['tag']]).toEqual([
      404,
      undefined,
      2,
    ]);
  });
});

describe('V53 FN-LAMBDA-EDGE-GENERATED', () => {
  const generated =
    "exports.handler = async () => ({ status: '200', body: 'gen', headers: { 'cache-control': [{ key: 'Cache-Control', value: 'max-age=60' }] } });";
  it('(a) an origin-request response is cached: LGR then Hit, one invocation, no origin fetch', async () => {
    const h = await harness(
      exampleScenario({
        behavior: { lambdaFunctionAssociations: [{ eventType: 'origin-request', functionName: 'gen' }] },
        scenario: { functions: [lambda('gen', generated)] },
      }),
    );
    const a = await h.get('/a');
    h.at(5);
    const b = await h.get('/a');
    expect([
      a.status,
      a.body,
      xcache(a),
      b.status,
      b.body,
      xcache(b),
      h.calls.length,
      h.engine.stats().functionInvocations['gen'],
    ]).toEqual([200, 'gen', 'LambdaGeneratedResponse', 200, 'gen', 'Hit', 0, 1]);
    expect(h.engine.stats().generated).toBe(1);
  });
  it('(b) a viewer-request response is never cached: LGR twice, two invocations', async () => {
    const h = await harness(
      exampleScenario({
        behavior: { lambdaFunctionAssociations: [{ eventType: 'viewer-request', functionName: 'gen' }] },
        scenario: { functions: [lambda('gen', generated)] },
      }),
    );
    const a = await h.get('/a');
    h.at(5);
    const b = await h.get('/a');
    expect([xcache(a), xcache(b), h.calls.length, h.engine.stats().functionInvocations['gen']]).toEqual([
      'LambdaGeneratedResponse',
      'LambdaGeneratedResponse',
      0,
      2,
    ]);
  });
  it('(c) a 41 KB viewer-request response and (d) status 700 are validation errors: 502', async () => {
    for (const code of [
      "exports.handler = async () => ({ status: '200', body: 'x'.repeat(41 * 1024) });",
      "exports.handler = async () => ({ status: '700', body: 'x' });",
    ]) {
      const h = await harness(
        exampleScenario({
          behavior: { lambdaFunctionAssociations: [{ eventType: 'viewer-request', functionName: 'bad' }] },
          scenario: { functions: [lambda('bad', code)] },
        }),
      );
      const r = await h.get('/a');
      expect([r.status, xcache(r), h.calls.length]).toEqual([502, 'Error', 0]);
    }
  });
  it('(e) the origin-request event: eventType, raw query string, multi-value headers', async () => {
    const code = `exports.handler = async (event) => {
      const cf = event.Records[0].cf;
      const facts = { eventType: cf.config.eventType, qs: cf.request.querystring, accept: cf.request.headers['accept'] };
      return { status: '200', body: JSON.stringify(facts) };
    };`;
    const h = await harness(
      exampleScenario({
        cachePolicy: policy(0, 86_400, 31_536_000, { queryStringBehavior: 'all' }),
        // Managed AllViewer origin request policy: the viewer's Accept lines reach the origin event.
        behavior: {
          originRequestPolicyId: '216adef6-5c7f-47e4-b989-5492eafa07d3',
          lambdaFunctionAssociations: [{ eventType: 'origin-request', functionName: 'probe' }],
        },
        scenario: { functions: [lambda('probe', code)] },
      }),
    );
    const r = await h.get('/a?a=1&a=2', { headers: { Accept: ['text/html', 'application/json'] } });
    expect(JSON.parse(r.body ?? '{}')).toEqual({
      eventType: 'origin-request',
      qs: 'a=1&a=2',
      accept: [
        { key: 'Accept', value: 'text/html' },
        { key: 'Accept', value: 'application/json' },
      ],
    });
  });
});

describe('CloudFront Function generated responses (spec §8.1)', () => {
  it('a viewer-request response goes straight to the viewer: FunctionGeneratedResponse, not cached, no viewer-response', async () => {
    const h = await harness(
      exampleScenario({
        behavior: {
          functionAssociations: [
            { eventType: 'viewer-request', functionName: 'deny' },
            { eventType: 'viewer-response', functionName: 'tag' },
          ],
        },
        scenario: {
          functions: [
            cff(
              'deny',
              "function handler(event) { return { statusCode: 403, statusDescription: 'Forbidden', body: 'no' }; }",
            ),
            cff(
              'tag',
              "function handler(event) { var res = event.response; res.headers['x-fn'] = { value: '1' }; return res; }",
            ),
          ],
        },
      }),
    );
    const a = await h.get('/a');
    h.at(1);
    const b = await h.get('/a');
    expect([
      a.status,
      a.body,
      xcache(a),
      a.headers['server'],
      a.headers['x-fn'],
      xcache(b),
      h.calls.length,
    ]).toEqual([
      403,
      'no',
      'FunctionGeneratedResponse',
      'CloudFront',
      undefined,
      'FunctionGeneratedResponse',
      0,
    ]);
    expect(h.engine.stats().functionInvocations).toEqual({ deny: 2 });
    expect(h.engine.stats().generated).toBe(2);
  });
});
