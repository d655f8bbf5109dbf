import { createHash, createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EdgeFunction } from '../scenario';
import { cff, testContext, testRequest } from './fixtures';
import { createFunctionRuntime } from './index';
import type { EdgeFunctionRuntime } from './runtime';

let rt: EdgeFunctionRuntime;
beforeAll(async () => {
  rt = await createFunctionRuntime();
});
afterAll(() => rt.dispose());

/** Runs `expr` inside a viewer-request handler and returns what it evaluated to (JSON). */
function evaluate(
  expr: string,
  runtime: EdgeFunction['runtime'] = 'cloudfront-js-2.0',
  prelude = '',
  kvs?: Record<string, string>,
): unknown {
  const code = `${prelude}\nasync function handler(event) { var v = await (async function () { return ${expr}; })(); console.log(JSON.stringify(v === undefined ? null : v)); return event.request; }`;
  rt.prepare([
    cff(
      'm',
      runtime === 'cloudfront-js-1.0'
        ? code
            .replace('async function handler', 'function handler')
            .replace('await (async function () {', '(function () {')
        : code,
      runtime,
      kvs,
    ),
  ]);
  const out = rt.cloudFrontViewerRequest('m', testRequest(), testContext());
  if (out.kind === 'error') throw new Error(out.message);
  return JSON.parse(out.info.logs[0]);
}

describe('crypto module', () => {
  it('hashes and HMACs like Node, in hex, base64 and base64url', () => {
    expect(evaluate("require('crypto').createHash('sha256').update('abc').digest('hex')")).toBe(
      createHash('sha256').update('abc').digest('hex'),
    );
    expect(evaluate("require('crypto').createHash('md5').update('é').digest('base64')")).toBe(
      createHash('md5').update('é').digest('base64'),
    );
    expect(
      evaluate("require('crypto').createHmac('sha1', 'key').update('a').update('b').digest('base64url')"),
    ).toBe(createHmac('sha1', 'key').update('ab').digest('base64url'));
  });

  it('digest() without an encoding gives a byte string in runtime 1.0 and a Buffer in 2.0', () => {
    const expected = createHash('md5').update('x').digest('binary');
    expect(evaluate("require('crypto').createHash('md5').update('x').digest()", 'cloudfront-js-1.0')).toBe(
      expected,
    );
    expect(
      evaluate(
        "(function (d) { return [d instanceof Buffer, d.length, d.toString('hex')]; })(require('crypto').createHash('md5').update('x').digest())",
      ),
    ).toEqual([true, 16, createHash('md5').update('x').digest('hex')]);
  });

  it('refuses algorithms CloudFront does not offer', () => {
    rt.prepare([
      cff('m', "function handler(e) { require('crypto').createHash('sha512'); return e.request; }"),
    ]);
    expect(rt.cloudFrontViewerRequest('m', testRequest(), testContext())).toMatchObject({
      kind: 'error',
      status: 503,
      message:
        'CloudFront Function "m" failed: Error: Digest method not supported: sha512 (CloudFront offers md5, sha1 and sha256) (line 1)',
    });
  });
});

describe('querystring module', () => {
  it('parses repeated keys into arrays and decodes + and %XX', () => {
    expect(evaluate("require('querystring').parse('a=1&a=2&b=hello+world&c=%C3%A9&d')")).toEqual({
      a: ['1', '2'],
      b: 'hello world',
      c: 'é',
      d: '',
    });
  });
  it('stringifies, escapes and unescapes like Node', () => {
    expect(evaluate("require('querystring').stringify({ a: ['1', '2'], b: 'x y', c: true, d: null })")).toBe(
      'a=1&a=2&b=x%20y&c=true&d=',
    );
    expect(
      evaluate("[require('querystring').escape('a b&c'), require('querystring').unescape('%41%zz')]"),
    ).toEqual(['a%20b%26c', '%41%zz']);
  });
});

describe('Buffer (runtime 2.0)', () => {
  it('converts between utf8, hex, base64 and base64url', () => {
    expect(
      evaluate(
        "[Buffer.from('héllo').toString('hex'), Buffer.from('aGk=', 'base64').toString(), Buffer.from('héllo').toString('base64url'), Buffer.byteLength('é'), Buffer.concat([Buffer.from('a'), Buffer.from('b')]).toString()]",
      ),
    ).toEqual([
      Buffer.from('héllo').toString('hex'),
      'hi',
      Buffer.from('héllo').toString('base64url'),
      2,
      'ab',
    ]);
  });
  it('is absent in runtime 1.0, which has the byte-string helpers instead', () => {
    expect(
      evaluate(
        "[typeof Buffer, 'é'.toUTF8().length, 'Ã©'.fromUTF8(), String.bytesFrom('414243', 'hex'), 'abc'.toBytes(), 'é€'.toBytes()]",
        'cloudfront-js-1.0',
      ),
    ).toEqual(['undefined', 2, 'é', 'ABC', 'abc', null]);
  });
});

describe('KeyValueStore (runtime 2.0)', () => {
  const prelude = "import cf from 'cloudfront';\nconst kvs = cf.kvs();";
  const data = { '/old': '/new', config: '{"ttl":60}' };
  it('reads strings and JSON, answers exists and meta', () => {
    expect(
      evaluate(
        "[await kvs.get('/old'), (await kvs.get('config', { format: 'json' })).ttl, await kvs.exists('nope'), (await kvs.meta()).keyCount]",
        'cloudfront-js-2.0',
        prelude,
        data,
      ),
    ).toEqual(['/new', 60, false, 2]);
  });
  it('throws on a missing key', () => {
    rt.prepare([
      cff(
        'k',
        `${prelude}\nasync function handler(e) { await kvs.get('missing'); return e.request; }`,
        'cloudfront-js-2.0',
        data,
      ),
    ]);
    expect(rt.cloudFrontViewerRequest('k', testRequest(), testContext())).toMatchObject({
      kind: 'error',
      status: 503,
      message: 'CloudFront Function "k" failed: Error: KeyValueStore key not found: missing (line 3)',
    });
  });
});

describe('KeyValueStore quotas and origin helpers', () => {
  it('a store over a quota is refused when the functions are prepared, naming function and key', () => {
    expect(() =>
      rt.prepare([
        cff('q', 'function handler(e) { return e.request; }', 'cloudfront-js-2.0', { big: 'x'.repeat(1025) }),
      ]),
    ).toThrow(
      'The KeyValueStore of function "q" breaks a CloudFront quota: the value of key "big" is 1,025 bytes; values are at most 1,024 bytes; fix it in the editor',
    );
  });

  it.each(['updateRequestOrigin', 'selectRequestOriginById', 'createRequestOriginGroup'])(
    'cf.%s() fails with the documented "not modelled" error (503), not a silent no-op',
    (helper) => {
      rt.prepare([
        cff(
          'o',
          `import cf from 'cloudfront';\nfunction handler(e) {\n  cf.${helper}({});\n  return e.request;\n}`,
        ),
      ]);
      const out = rt.cloudFrontViewerRequest('o', testRequest(), testContext());
      expect(out).toMatchObject({ kind: 'error', status: 503 });
      expect(out.kind === 'error' && out.message).toBe(
        `CloudFront Function "o" failed: Error: cf.${helper}() is not modelled by EdgeLab: a CloudFront Function cannot change the origin in the simulator, and the request would silently keep the behavior's origin. Pick the origin in a Lambda@Edge origin-request function instead (see "How EdgeLab models CloudFront") (line 3)`,
      );
    },
  );
});

describe('require', () => {
  it('offers only the documented modules', () => {
    rt.prepare([cff('r', "function handler(e) { require('fs'); return e.request; }")]);
    expect(rt.cloudFrontViewerRequest('r', testRequest(), testContext())).toMatchObject({
      kind: 'error',
      status: 503,
      message:
        'CloudFront Function "r" failed: Error: Cannot find module \'fs\': CloudFront Functions offer only crypto, querystring, buffer, cloudfront (line 1)',
    });
  });
});
