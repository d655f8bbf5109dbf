import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cff, lambdaFn, testContext, testRequest, testResponse } from './fixtures';
import { analyzeCacheSafety } from './cacheSafety';
import { createFunctionRuntime } from './index';
import type { EdgeFunctionRuntime } from './runtime';
import { checkFunctionSource } from './sourceCheck';
import { FUNCTION_TEMPLATES } from './templates';

const verdict = (code: string, kind: 'cff' | 'lambda' = 'cff') =>
  analyzeCacheSafety(checkFunctionSource(kind === 'cff' ? cff('f', code) : lambdaFn('f', code), 0).ast, kind);

describe('which functions may have their results reused', () => {
  it.each([
    [
      'a plain rewrite',
      "function handler(e) { var r = e.request; if (r.uri.endsWith('/')) r.uri += 'index.html'; return r; }",
    ],
    [
      'a read-only lookup table',
      "var ALLOWED = ['a', 'b'];\nvar MAP = { '/old': '/new' };\nfunction handler(e) { var r = e.request; if (MAP[r.uri]) r.uri = MAP[r.uri]; if (ALLOWED.indexOf(r.uri) < 0) r.headers.x = { value: Object.keys(MAP).join() }; return r; }",
    ],
    [
      'helpers, closures and a module',
      "const crypto = require('crypto');\nconst RE = /\\.html$/;\nfunction sign(s) { return crypto.createHash('md5').update(s).digest('hex'); }\nfunction handler(e) { const r = e.request; const seen = []; Object.keys(r.headers).forEach((k) => seen.push(k)); if (RE.test(r.uri)) r.headers.sig = { value: sign(seen.join()) }; return r; }",
    ],
  ])('%s is cacheable', (_, code) => {
    expect(verdict(code)).toEqual({ safe: true });
  });

  it.each([
    [
      'a counter',
      'var n = 0;\nfunction handler(e) { n++; return e.request; }',
      "writes to 'n', which outlives the invocation",
    ],
    [
      'a memo table',
      'var cache = {};\nfunction handler(e) { cache[e.request.uri] = 1; return e.request; }',
      "writes to 'cache', which outlives the invocation",
    ],
    [
      'state in a closure made at load time',
      'var handler = (function () { var c = 0; return function (e) { c++; return e.request; }; })();',
      "top-level 'handler' is computed when the function loads",
    ],
    ["'this'", 'function handler(e) { this.x = 1; return e.request; }', "'this'"],
    [
      'a built-in changed',
      'function handler(e) { String.prototype.shout = function () {}; return e.request; }',
      "writes to 'String', which outlives the invocation",
    ],
    [
      'a prototype reached',
      'function handler(e) { var p = Object.getPrototypeOf(e); return e.request; }',
      'access to .getPrototypeOf',
    ],
    [
      'a top-level function passed around',
      'function helper(x) { return x; }\nfunction handler(e) { [1].map(helper); return e.request; }',
      "uses the top-level 'helper' in a way that could keep state",
    ],
    [
      'a global written',
      'function handler(e) { globalThis.last = e.request.uri; return e.request; }',
      "writes to 'globalThis', which outlives the invocation",
    ],
    [
      'a global read',
      'function handler(e) { e.request.headers.x = { value: typeof globalThis }; return e.request; }',
      "uses the global 'globalThis'",
    ],
  ])('%s is not', (_, code, reason) => {
    const v = verdict(code);
    expect(v.safe).toBe(false);
    expect(v.reason).toContain(reason);
  });

  it('Lambda@Edge modules: an exported handler is cacheable, module-level state is not', () => {
    expect(
      verdict(
        "exports.handler = async (event) => { const r = event.Records[0].cf.request; r.uri = '/x'; return r; };",
        'lambda',
      ),
    ).toEqual({ safe: true });
    expect(
      verdict(
        'let count = 0;\nexports.handler = async (event) => { count += 1; return event.Records[0].cf.request; };',
        'lambda',
      ).safe,
    ).toBe(false);
  });

  it('every template except A/B testing (Math.random is tracked at run time) is cacheable', () => {
    for (const t of FUNCTION_TEMPLATES)
      expect([t.id, verdict(t.code, t.kind === 'lambda-edge' ? 'lambda' : 'cff').safe]).toEqual([t.id, true]);
  });
});

describe('the result cache never changes a result', () => {
  let rt: EdgeFunctionRuntime;
  beforeAll(async () => {
    // the cache serves what QuickJS runs; functions on the fast path skip it (runtime.ts)
    rt = await createFunctionRuntime({ seed: 1, fastPath: false });
  });
  afterAll(() => rt.dispose());
  const header = (name: string, over: Parameters<typeof testRequest>[0] = {}, ctx = testContext()) => {
    const o = rt.cloudFrontViewerRequest(name, testRequest(over), ctx);
    return o.kind === 'continue-request' ? o.request.headers['x-out'][0] : o.kind;
  };

  it('a stateful function runs every time', () => {
    rt.prepare([
      cff(
        'count',
        "var n = 0;\nfunction handler(e) { n++; e.request.headers['x-out'] = { value: String(n) }; return e.request; }",
      ),
    ]);
    expect([header('count'), header('count'), header('count')]).toEqual(['1', '2', '3']);
    expect(rt.resultCacheHits('count')).toBeUndefined();
  });

  it('a pure function is run once per distinct request; the viewer ip joins the key only once it is read', () => {
    rt.prepare([
      cff(
        'pure',
        "function handler(e) { e.request.headers['x-out'] = { value: e.request.uri.toUpperCase() }; return e.request; }",
      ),
      cff(
        'byip',
        "function handler(e) { e.request.headers['x-out'] = { value: e.viewer.ip }; return e.request; }",
      ),
    ]);
    expect([
      header('pure', { uri: '/a' }),
      header('pure', { uri: '/a', clientIp: '203.0.113.9' }),
      header('pure', { uri: '/b' }),
    ]).toEqual(['/A', '/A', '/B']);
    expect(rt.resultCacheHits('pure')).toBe(1);
    expect([header('byip'), header('byip', { clientIp: '203.0.113.9' }), header('byip')]).toEqual([
      '198.51.100.10',
      '203.0.113.9',
      '198.51.100.10',
    ]);
    expect(rt.resultCacheHits('byip')).toBe(1);
  });

  it('runs that read the clock, Math.random or the request id are never reused', () => {
    rt.prepare([
      cff(
        'clock',
        "function handler(e) { e.request.headers['x-out'] = { value: String(Date.now()) }; return e.request; }",
      ),
      cff(
        'rid',
        "function handler(e) { e.request.headers['x-out'] = { value: e.context.requestId }; return e.request; }",
      ),
    ]);
    expect([
      header('clock', {}, testContext({ wallClockMs: 1000 })),
      header('clock', {}, testContext({ wallClockMs: 2000 })),
    ]).toEqual(['1000', '2000']);
    expect([
      header('rid', {}, testContext({ requestId: 'r1' })),
      header('rid', {}, testContext({ requestId: 'r2' })),
    ]).toEqual(['r1', 'r2']);
    expect(rt.resultCacheHits('clock')).toBe(0);
    expect(rt.resultCacheHits('rid')).toBe(0);
  });

  it("a reused result still carries the current request's own pass-through parts and the current response body", () => {
    rt.prepare([
      cff(
        'tag',
        "function handler(e) { e.request.headers['x-out'] = { value: 'tagged' }; return e.request; }",
      ),
      cff('resp', "function handler(e) { e.response.headers['x-fn'] = { value: '1' }; return e.response; }"),
    ]);
    const a = rt.cloudFrontViewerRequest(
      'tag',
      testRequest({ headers: { host: ['a.example'], 'x-forwarded-proto': ['https'] } }),
      testContext(),
    );
    const b = rt.cloudFrontViewerRequest(
      'tag',
      testRequest({ headers: { host: ['a.example'], 'x-forwarded-proto': ['http'] } }),
      testContext(),
    );
    const c = rt.cloudFrontViewerRequest(
      'tag',
      testRequest({
        headers: { host: ['a.example'], 'x-forwarded-proto': ['http'] },
        clientIp: '203.0.113.7',
        body: 'payload',
      }),
      testContext(),
    );
    expect(
      [a, b, c].map((o) =>
        o.kind === 'continue-request'
          ? [o.request.headers['x-forwarded-proto'][0], o.request.clientIp, o.request.body]
          : o.kind,
      ),
    ).toEqual([
      ['https', '198.51.100.10', undefined],
      ['http', '198.51.100.10', undefined],
      ['http', '203.0.113.7', 'payload'],
    ]);
    expect(rt.resultCacheHits('tag')).toBe(1);
    const first = rt.cloudFrontViewerResponse(
      'resp',
      testRequest(),
      testResponse({ body: 'first', bodySize: 5 }),
      testContext(),
    );
    const second = rt.cloudFrontViewerResponse(
      'resp',
      testRequest(),
      testResponse({ body: 'second!', bodySize: 7 }),
      testContext(),
    );
    expect(
      [first, second].map((o) =>
        o.kind === 'continue-response'
          ? [o.response.body, o.response.bodySize, o.response.headers['x-fn'][0]]
          : o.kind,
      ),
    ).toEqual([
      ['first', 5, '1'],
      ['second!', 7, '1'],
    ]);
    expect(rt.resultCacheHits('resp')).toBe(1);
  });
});
