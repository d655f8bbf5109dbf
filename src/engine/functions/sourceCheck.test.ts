import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../errors';
import { cff, lambdaFn } from './fixtures';
import { checkFunctionShape, checkFunctionSource, LAMBDA_WRAPPER_PREFIX } from './sourceCheck';

function errorOf(f: () => unknown): ScenarioError {
  try {
    f();
  } catch (e) {
    if (e instanceof ScenarioError) return e;
    throw e;
  }
  throw new Error('expected a ScenarioError');
}

describe('CloudFront Function code checks', () => {
  it('rejects const in runtime 1.0, naming the function, the line and the fix', () => {
    const e = errorOf(() =>
      checkFunctionSource(
        cff(
          'rewrite',
          'function handler(event) {\n  var r = event.request;\n  const x = 1;\n  return r;\n}',
          'cloudfront-js-1.0',
        ),
        2,
      ),
    );
    expect(e.message).toBe(
      'CloudFront Function "rewrite": line 3: \'const\' is not supported in runtime cloudfront-js-1.0; rewrite it in ES5 (var, function) or switch the function to cloudfront-js-2.0',
    );
    expect(e.field).toBe('functions[2].code');
  });

  it.each([
    ['let x = 1;', "'let'"],
    ['async function f() {}', "'async' functions"],
    ['function* g() {}', 'generator functions'],
    ['class A {}', 'classes'],
    ['for (var v of [1]) {}', "'for...of'"],
    ['var o = {}; var a = o?.b;', "optional chaining '?.'"],
    ['var a = null ?? 1;', "the '??' operator"],
    ['var f = function (a = 1) {};', 'default parameter values'],
    ['var { a } = {};', 'destructuring'],
  ])('runtime 1.0 rejects %s', (snippet, what) => {
    const e = errorOf(() =>
      checkFunctionSource(
        cff('f', `${snippet}\nfunction handler(e) { return e.request; }`, 'cloudfront-js-1.0'),
        0,
      ),
    );
    expect(e.message).toContain(`line 1: ${what} is not supported in runtime cloudfront-js-1.0`);
  });

  it('accepts the ES6-9 extras runtime 1.0 documents: arrows, template literals, rest parameters, **', () => {
    const code =
      'function handler(event) { var f = (a, ...rest) => `${a}${rest.length}` + 2 ** 3; event.request.uri = "/" + f(1, 2); return event.request; }';
    expect(checkFunctionSource(cff('f', code, 'cloudfront-js-1.0'), 0).runtime).toBe('1.0');
  });

  it('reports a syntax error with line and column', () => {
    const e = errorOf(() =>
      checkFunctionSource(
        cff('broken', 'function handler(event) {\n  return event.request\n  var = 3;\n}'),
        0,
      ),
    );
    expect(e.message).toBe(
      'CloudFront Function "broken": syntax error at line 3, column 7: Unexpected token',
    );
  });

  it('refuses code over 10 KB and code without a handler', () => {
    const big = `function handler(e) { return e.request; }\n//${'x'.repeat(10_300)}`;
    expect(errorOf(() => checkFunctionSource(cff('big', big), 0)).message).toBe(
      'CloudFront Function "big": is 10,344 bytes; CloudFront Functions allow at most 10 KB (10,240 bytes). Trim the code or move data to a KeyValueStore',
    );
    expect(
      errorOf(() => checkFunctionSource(cff('nohandler', 'function main(e) { return e.request; }'), 0))
        .message,
    ).toBe(
      'CloudFront Function "nohandler": defines no handler: CloudFront Functions start at a top-level `function handler(event) { ... }`',
    );
  });

  it("rewrites `import cf from 'cloudfront'` in place, keeping line numbers", () => {
    const code =
      "import cf from 'cloudfront';\nconst kvs = cf.kvs();\nasync function handler(e) { return e.request; }";
    const out = checkFunctionSource(cff('kv', code), 0).source;
    expect(out.split('\n')).toHaveLength(3);
    expect(out.split('\n')[0]).toMatch(
      /^var __edgelab_import\d+ = require\("cloudfront"\); var cf = __edgelab_import\d+;$/,
    );
    expect(out.split('\n')[1]).toBe('const kvs = cf.kvs();');
  });
});

describe('Lambda@Edge code checks', () => {
  it('wraps CommonJS code like Node.js does, on the same first line', () => {
    const out = checkFunctionSource(
      lambdaFn('l', 'exports.handler = async (event) => event.Records[0].cf.request;'),
      0,
    ).source;
    expect(out).toBe(
      `${LAMBDA_WRAPPER_PREFIX}exports.handler = async (event) => event.Records[0].cf.request;\n})`,
    );
  });

  it('turns an ES module into CommonJS exports', () => {
    const code = "import qs from 'querystring';\nexport const handler = async (event) => event;";
    const out = checkFunctionSource(lambdaFn('esm', code), 0).source;
    expect(out).toContain('const handler = async (event) => event;');
    expect(out).toContain('exports.handler = handler;');
    expect(out).toMatch(/var qs = __edgelab_import\d+;/);
  });

  it('reports Lambda syntax errors by line', () => {
    expect(
      errorOf(() =>
        checkFunctionSource(lambdaFn('bad', 'exports.handler = async (event) => {\n  return event;;\n}}'), 4),
      ).message,
    ).toBe('Lambda@Edge function "bad": syntax error at line 3, column 2: Unexpected token');
  });
});

describe('function names, kinds and runtimes', () => {
  it('refuses duplicate names, unknown kinds and unknown runtimes, naming the field', () => {
    const names = new Set<string>();
    checkFunctionShape(cff('a', 'x'), 0, names);
    const dup = errorOf(() => checkFunctionShape(cff('a', 'x'), 1, names));
    expect([dup.message, dup.field]).toEqual([
      'Two edge functions are named "a": function names must be unique',
      'functions[1].name',
    ]);
    const kind = errorOf(() =>
      checkFunctionShape({ name: 'k', kind: 'worker' as 'lambda-edge', code: '' }, 2, names),
    );
    expect([kind.message, kind.field]).toEqual([
      'Function "k" has kind "worker": use \'cloudfront-function\' or \'lambda-edge\'',
      'functions[2].kind',
    ]);
    const runtime = errorOf(() =>
      checkFunctionShape(cff('r', 'x', 'cloudfront-js-3.0' as 'cloudfront-js-2.0'), 3, names),
    );
    expect(runtime.message).toBe(
      'CloudFront Function "r" has runtime "cloudfront-js-3.0": use cloudfront-js-1.0 or cloudfront-js-2.0',
    );
  });
});
