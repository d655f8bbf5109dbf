// The sandbox guarantees: user code reaches nothing of the host, cannot hang or crash it,
// and a function that hits a limit keeps working for the next request.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScenarioError } from '../errors';
import { cff, lambdaFn, testContext, testRequest } from './fixtures';
import { createFunctionRuntime } from './index';
import type { EdgeFunctionRuntime } from './runtime';
import type { FunctionOutcome } from './types';

let rt: EdgeFunctionRuntime;
beforeAll(async () => {
  rt = await createFunctionRuntime();
});
afterAll(() => rt.dispose());

function header(out: FunctionOutcome, name: string): string | undefined {
  if (out.kind !== 'continue-request')
    throw new Error(`${out.kind}: ${out.kind === 'error' ? out.message : ''}`);
  return out.request.headers[name]?.[0];
}
const call = (name: string, uri = '/') =>
  rt.cloudFrontViewerRequest(name, testRequest({ uri }), testContext());

const HOST_GLOBALS = [
  'fetch',
  'self',
  'window',
  'XMLHttpRequest',
  'importScripts',
  'postMessage',
  'process',
  'WebAssembly',
  'setTimeout',
  'setInterval',
  'setImmediate',
  'queueMicrotask',
  'indexedDB',
  'localStorage',
  'document',
  'global',
  'navigator',
  'location',
  'Deno',
  'Bun',
  'std',
  'os',
];

describe('no access to the host', () => {
  it('host globals are absent in CloudFront Functions and Lambda@Edge; globalThis is the sandbox global', () => {
    const probe = `JSON.stringify(${JSON.stringify(HOST_GLOBALS)}.filter(function (n) { return typeof globalThis[n] !== 'undefined'; }))`;
    rt.prepare([
      cff(
        'c',
        `function handler(e) { e.request.headers['x-present'] = { value: ${probe} }; return e.request; }`,
      ),
      lambdaFn(
        'l',
        `exports.handler = async (e) => { const r = e.Records[0].cf.request; r.headers['x-present'] = [{ value: ${probe} }]; r.headers['x-require'] = [{ value: typeof globalThis.require }]; return r; };`,
      ),
    ]);
    expect(header(call('c'), 'x-present')).toBe('[]');
    const l = rt.lambda('l', 'viewer-request', testRequest(), undefined, undefined, testContext());
    expect(header(l, 'x-present')).toBe('[]');
    expect(header(l, 'x-require')).toBe('undefined');
  });

  it('CloudFront Functions cannot evaluate code: eval, Function and the constructor escapes throw', () => {
    const attempts = [
      'eval("1")',
      'Function("return this")()',
      '({}).constructor.constructor("return this")()',
      '(async function () {}).constructor("return 1")',
      'new (Object.getPrototypeOf(function* () {}).constructor)("yield 1")',
    ];
    const code = `function handler(e) { var out = []; ${JSON.stringify(attempts)}.forEach(function (src, i) { try { out.push(String([${attempts.map((a) => `function () { return ${a}; }`).join(',')}][i]())); } catch (err) { out.push(err.name); } }); e.request.headers['x-out'] = { value: out.join(',') }; return e.request; }`;
    rt.prepare([cff('c', code)]);
    expect(header(call('c'), 'x-out')).toBe('EvalError,EvalError,EvalError,EvalError,EvalError');
  });

  it('in Lambda@Edge (Node allows Function) the escape only reaches the sandbox global', () => {
    rt.prepare([
      lambdaFn(
        'l',
        "exports.handler = async (e) => { const g = Function('return this')(); const r = e.Records[0].cf.request; r.headers['x-g'] = [{ value: [g === globalThis, typeof g.process, typeof g.fetch].join(',') }]; return r; };",
      ),
    ]);
    expect(
      header(rt.lambda('l', 'viewer-request', testRequest(), undefined, undefined, testContext()), 'x-g'),
    ).toBe('true,undefined,undefined');
  });

  it('functions are isolated from each other: globals one sets are invisible to another', () => {
    rt.prepare([
      cff('a', "var shared = 'a'; function handler(e) { globalThis.leak = 'from a'; return e.request; }"),
      cff(
        'b',
        "function handler(e) { e.request.headers['x-leak'] = { value: typeof leak + '/' + typeof shared }; return e.request; }",
      ),
    ]);
    call('a');
    expect(header(call('b'), 'x-leak')).toBe('undefined/undefined');
  });
});

describe('limits stop runaway code and the function keeps working', () => {
  it('an endless loop is stopped (503, limit) and the next request runs normally', () => {
    rt.prepare([
      cff(
        'loop',
        "function handler(e) { if (e.request.uri === '/loop') { for (;;) {} } e.request.headers['x-ok'] = { value: '1' }; return e.request; }",
      ),
    ]);
    expect(call('loop', '/loop')).toMatchObject({
      kind: 'error',
      status: 503,
      errorType: 'limit',
      message: 'CloudFront Function "loop" ran past its compute budget (20,000 poll points) and was stopped',
    });
    expect(call('loop', '/loop').info.computeUtilization).toBe(100);
    expect(header(call('loop', '/fine'), 'x-ok')).toBe('1');
  });

  it('an endless loop in a promise job is stopped too, and leaves nothing queued for the next request', () => {
    rt.prepare([
      cff(
        'jobloop',
        "async function handler(e) { await null; if (e.request.uri === '/loop') { Promise.resolve().then(function () { for (;;) {} }); for (;;) {} } e.request.headers['x-ok'] = { value: '1' }; return e.request; }",
      ),
    ]);
    expect(call('jobloop', '/loop')).toMatchObject({ kind: 'error', status: 503, errorType: 'limit' });
    expect(header(call('jobloop', '/fine'), 'x-ok')).toBe('1');
  });

  it('deep recursion is a stack overflow error inside the sandbox, not a host crash', () => {
    rt.prepare([
      cff(
        'deep',
        "function f(n) { return f(n + 1) + 1; }\nfunction handler(e) { if (e.request.uri === '/deep') f(0); return e.request; }",
      ),
    ]);
    const out = call('deep', '/deep');
    expect(out).toMatchObject({ kind: 'error', status: 503, errorType: 'execution' });
    if (out.kind === 'error')
      expect(out.message).toMatch(/^CloudFront Function "deep" failed: InternalError: stack overflow/);
    expect(call('deep', '/fine').kind).toBe('continue-request');
  });

  it('a memory bomb is stopped (503, limit); garbage it kept in globals is dropped with a fresh sandbox', () => {
    rt.prepare([
      cff(
        'bomb',
        "var kept = [];\nfunction handler(e) { if (e.request.uri === '/bomb') { for (;;) kept.push(JSON.parse('[{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}]')); } e.request.headers['x-kept'] = { value: String(kept.length) }; return e.request; }",
      ),
    ]);
    expect(call('bomb', '/bomb')).toMatchObject({
      kind: 'error',
      status: 503,
      errorType: 'limit',
      message: 'CloudFront Function "bomb" went over its 2 MB memory limit and was stopped',
    });
    expect(header(call('bomb', '/after'), 'x-kept')).toBe('0');
  });

  it('one allocation over the memory limit fails the invocation as a limit error', () => {
    rt.prepare([
      cff('big', "function handler(e) { var s = 'x'.repeat(3 * 1024 * 1024); return e.request; }"),
    ]);
    expect(call('big')).toMatchObject({
      kind: 'error',
      status: 503,
      errorType: 'limit',
      message: 'CloudFront Function "big" went over its 2 MB memory limit and was stopped',
    });
  });

  it('large blocks that fill the whole sandbox heap fail as out of memory, and the sandbox recovers', () => {
    rt.prepare([
      cff(
        'heap',
        "var kept = [];\nfunction handler(e) { if (e.request.uri === '/fill') { for (;;) kept.push('x'.repeat(1024 * 1024) + kept.length); } e.request.headers['x-kept'] = { value: String(kept.length) }; return e.request; }",
      ),
      cff(
        'bystander',
        "function handler(e) { e.request.headers['x-alive'] = { value: 'yes' }; return e.request; }",
      ),
    ]);
    expect(call('heap', '/fill')).toMatchObject({
      kind: 'error',
      status: 503,
      errorType: 'limit',
      message: 'CloudFront Function "heap" went over its 2 MB memory limit and was stopped',
    });
    expect(header(call('heap', '/after'), 'x-kept')).toBe('0');
    expect(header(call('bystander'), 'x-alive')).toBe('yes');
  });

  it('a huge result is refused with 502 before it is parsed', () => {
    rt.prepare([
      lambdaFn(
        'huge',
        "exports.handler = async (e) => { const r = e.Records[0].cf.request; r.headers['x-big'] = [{ value: 'x'.repeat(2 * 1024 * 1024) }]; return r; };",
      ),
    ]);
    expect(
      rt.lambda('huge', 'viewer-request', testRequest(), undefined, undefined, testContext()),
    ).toMatchObject({
      kind: 'error',
      status: 502,
      errorType: 'validation',
      message:
        "The function's result failed validation: the function returned 2,048 KB of output; the limit is 1 MB",
    });
  });

  it.each([
    ['null', 'throw null;', 'the handler threw null'],
    ['undefined', 'throw undefined;', 'the handler threw undefined'],
    ['a number', 'throw 42;', 'the handler threw 42'],
    ['a string', "throw 'nope';", 'the handler threw "nope"'],
    [
      'an object with a throwing toString',
      'throw { code: 7, toString: function () { throw new Error("x"); } };',
      'the handler threw {"code":7}',
    ],
    ['a function', 'throw function named() {};', 'the handler threw [Function: named]'],
  ])('throwing %s is a 503 with a clear message', (_, stmt, message) => {
    rt.prepare([cff('odd', `function handler(e) { ${stmt} }`)]);
    expect(call('odd')).toMatchObject({
      kind: 'error',
      status: 503,
      errorType: 'execution',
      message: `CloudFront Function "odd" failed: ${message}`,
    });
  });

  it('top-level code that never ends fails prepare() with a ScenarioError naming the function', () => {
    expect(() => rt.prepare([cff('hang', 'for (;;) {}\nfunction handler(e) { return e.request; }')])).toThrow(
      ScenarioError,
    );
    expect(() => rt.prepare([cff('hang', 'for (;;) {}\nfunction handler(e) { return e.request; }')])).toThrow(
      'CloudFront Function "hang" failed while loading: top-level code ran past its compute budget (an endless loop?)',
    );
  });
});
