// The fast path's contract: for every input, either QuickJS's exact reply and handler poll
// points, or a bail. Each function below runs on the same wire inputs through a real QuickJS
// sandbox and through the fast path.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EdgeRequest, EdgeResponse } from '../../http/model';
import { cffSnapshot, cffWireFields, type CfSnapshot } from '../cfEncode';
import { testContext, testRequest, testResponse } from '../fixtures';
import { CLOUDFRONT_FUNCTION_LIMITS, SANDBOX_LIMITS } from '../limits';
import { loadQuickJS, type QuickJSHost } from '../quickjsHost';
import { Sandbox } from '../sandbox';
import { checkFunctionSource } from '../sourceCheck';
import { FUNCTION_TEMPLATES } from '../templates';
import type { FunctionContext } from '../types';
import { decodeCfRequest } from '../cfDecode';
import { parseReply, SEP } from '../wire';
import { FastHandler } from './fastHandler';

let host: QuickJSHost;
beforeAll(async () => {
  host = await loadQuickJS();
});
const sandboxes: Sandbox[] = [];
afterAll(() => sandboxes.forEach((s) => s.dispose()));

function pair(code: string, runtime: 'cloudfront-js-1.0' | 'cloudfront-js-2.0' = 'cloudfront-js-2.0') {
  const checked = checkFunctionSource({ name: 'f', kind: 'cloudfront-function', code, runtime }, 0);
  const sandbox = new Sandbox(host, {
    config: { kind: 'cff', runtime: checked.runtime, logCap: 10_240, kvs: null, file: 'f.js' },
    source: checked.source,
    loadBudget: SANDBOX_LIMITS.prepareBudgetUnits,
    memoryLimitBytes: CLOUDFRONT_FUNCTION_LIMITS.maxMemoryBytes,
  });
  sandbox.load();
  sandbox.call('setTracking', ['on'], 1_000);
  sandboxes.push(sandbox);
  const fast = FastHandler.compile(checked.ast);
  return { sandbox, fast };
}

const HOST = 'd111111abcdef8.cloudfront.net';
const REQUESTS: EdgeRequest[] = [
  testRequest(),
  testRequest({ uri: '/' }),
  testRequest({ uri: '/products/42', querystring: 'utm_source=x&Page=2&size=10' }),
  testRequest({ uri: '/a/b/', querystring: 'a=1&a=2&a=3&b=&toString=1&__proto__=2' }),
  testRequest({
    uri: '/app.js',
    headers: {
      host: [HOST],
      'cloudfront-forwarded-proto': ['http'],
      'accept-language': ['en', 'fr'],
      cookie: ['ab-variant=b; session=xyz; ab-variant=a'],
    },
  }),
  testRequest({
    uri: '/b/page',
    headers: { host: [HOST], cookie: ['ab-variant=a'] },
    clientIp: '2001:db8::1',
  }),
  testRequest({ method: 'POST', uri: '/api/items', querystring: 'q=caf%C3%A9&sort=desc&page=3' }),
];
const RESPONSES: EdgeResponse[] = [
  testResponse(),
  testResponse({ status: 404, statusDescription: 'Not Found' }, { 'set-cookie': ['a=1; Path=/'] }),
];

interface Input {
  snap: CfSnapshot;
  ctx: FunctionContext;
  seed: number;
  /** the same event on the wire, for QuickJS */
  wire: string;
}

function inputs(eventType: 'viewer-request' | 'viewer-response'): Input[] {
  const out: Input[] = [];
  REQUESTS.forEach((r, i) => {
    const ctx = testContext({ requestId: `req-${i}`, wallClockMs: 1_700_000_000_000 + i });
    const seed = 7 + i;
    const add = (res: EdgeResponse | undefined) => {
      const snap = cffSnapshot(eventType, r, res);
      out.push({ snap, ctx, seed, wire: cffWireFields(snap, ctx, seed, false).join(SEP) });
    };
    if (eventType === 'viewer-request') add(undefined);
    else RESPONSES.forEach(add);
  });
  return out;
}

/** answers that took the direct road (directRequest.ts) */
let direct = 0;

/** Runs every input both ways; returns how many the fast path answered. */
function agree(code: string, eventType: 'viewer-request' | 'viewer-response' = 'viewer-request'): number {
  const { sandbox, fast } = pair(code);
  if (typeof fast === 'string') throw new Error(`not eligible: ${fast}`);
  let answered = 0;
  for (const input of inputs(eventType)) {
    const slow = sandbox.call('cff', [input.wire], CLOUDFRONT_FUNCTION_LIMITS.computeBudgetUnits);
    const quick = fast.call(input.snap, input.ctx, () => input.seed);
    if (!quick?.ok) continue;
    answered++;
    expect(slow.ok).toBe(true);
    if (!slow.ok) continue;
    const slowReply = parseReply(slow.reply);
    if (quick.request) {
      // answered straight as a request: the same request decodeCfRequest makes of QuickJS's reply
      expect(slowReply?.status).toBe('req');
      const decoded = decodeCfRequest(slowReply?.p ?? [], input.snap);
      expect({ request: quick.request, flags: quick.parsed?.flags, units: quick.handlerUnits }).toEqual({
        request: decoded.ok ? decoded.value : decoded.message,
        flags: slowReply?.flags,
        units: slow.handlerUnits,
      });
      direct++;
      continue;
    }
    expect({ reply: quick.parsed, units: quick.handlerUnits }).toEqual({
      reply: slowReply,
      units: slow.handlerUnits,
    });
  }
  return answered;
}

const fn = (body: string) => `function handler(event) {\n${body}\n}`;

describe('the fast path answers exactly as QuickJS', () => {
  const all = inputs('viewer-request').length;

  it.each([
    ['identity', 'return event.request;'],
    [
      'a header and an index rewrite',
      `var r = event.request; r.headers['x-bench'] = { value: 'on' }; if (r.uri.endsWith('/')) r.uri += 'index.html'; return r;`,
    ],
    [
      'if / else both ways',
      `var r = event.request; if (r.uri.length > 8) { r.uri = '/long'; } else { r.uri = '/short'; } return r;`,
    ],
    [
      'conditional and logical operators',
      `var r = event.request; var h = r.headers.host; r.uri = h && h.value ? '/h' : r.method === 'GET' ? '/g' : '/p'; if (!h || r.method !== 'GET') r.uri += '!'; var x = r.querystring.page || r.querystring.q; return r;`,
    ],
    [
      'for loop with break and continue',
      `var r = event.request; var parts = r.uri.split('/'); var n = 0; for (var i = 0; i < parts.length; i++) { if (parts[i] === '') continue; if (n > 1) break; n++; } r.headers['x-n'] = { value: String(n) }; return r;`,
    ],
    [
      'while and do-while',
      `var r = event.request; var i = 0; while (i < r.uri.length) { i += 3; } var j = 0; do { j++; } while (j < 4); r.headers['x-i'] = { value: i + ':' + j }; return r;`,
    ],
    [
      'for-in over the query string with multiValue',
      `var r = event.request; var q = []; for (var k in r.querystring) { var e = r.querystring[k]; q.push(k + '=' + (e.multiValue ? e.multiValue.length : e.value)); } r.headers['x-q'] = { value: q.sort().join('&') }; return r;`,
    ],
    [
      'Object.keys, toLowerCase, indexOf, delete',
      `var r = event.request; var names = Object.keys(r.querystring); for (var i = 0; i < names.length; i++) { if (['page','q'].indexOf(names[i].toLowerCase()) === -1) delete r.querystring[names[i]]; } return r;`,
    ],
    [
      'helper functions and closures',
      `function tag(s) { return '[' + s + ']'; }\nvar add = function (a, b) { return a + b; };\nvar r = event.request; var f = (x) => tag(add(x, '!')); r.headers['x-t'] = { value: f(r.method) }; return r;`,
    ],
    [
      'a generated response with a body',
      `var r = event.request; if (r.uri === '/') { return { statusCode: 302, statusDescription: 'Found', headers: { location: { value: 'https://example.com' + r.uri + 'home' } }, body: 'moved' }; } return r;`,
    ],
    [
      'template literals and JSON',
      `const r = event.request; const s = JSON.stringify({ m: r.method, u: r.uri, n: [1, 2.5, null, true] }); r.headers['x-j'] = { value: \`\${s.length}/\${JSON.parse(s).u}\` }; return r;`,
    ],
    [
      'cookies and the viewer ip',
      `var r = event.request; var c = r.cookies['ab-variant']; r.headers['x-ip'] = { value: event.viewer.ip }; if (c && c.multiValue) r.headers['x-c'] = { value: 'n' + c.multiValue.length }; return r;`,
    ],
    [
      'Date.now and Math.random',
      `var r = event.request; r.headers['x-t'] = { value: String(Date.now()) + '/' + Math.floor(Math.random() * 1000) }; return r;`,
    ],
    [
      'forEach, typeof, ++ on members, string methods',
      `var r = event.request; var o = { n: 0 }; r.uri.split('').forEach(function (ch) { if (ch === '/') o.n++; }); r.headers['x-s'] = { value: typeof o + o.n + r.uri.slice(1, 4).toUpperCase().padEnd(5, '.') + r.uri.replace('/', '_') }; return r;`,
    ],
    [
      'headers with repeated names',
      `var r = event.request; var h = r.headers; var out = []; for (var k in h) out.push(k + (h[k].multiValue ? '*' + h[k].multiValue.length : '')); r.headers['x-h'] = { value: out.join(',') }; return r;`,
    ],
    [
      'replacing whole maps',
      `var r = event.request; r.querystring = { page: { value: '1' } }; r.cookies = {}; return r;`,
    ],
    ['async handler without await', `return event.request;`, true],
  ] as Array<[string, string, boolean?]>)('%s', (_title, body, isAsync) => {
    const code = isAsync ? `async ${fn(body)}` : fn(body);
    expect(agree(code)).toBe(all);
  });

  it('the templates it accepts agree on every input', () => {
    let accepted = 0;
    for (const t of FUNCTION_TEMPLATES) {
      if (t.kind !== 'cloudfront-function') continue;
      const { fast } = pair(t.code);
      if (typeof fast === 'string') continue;
      accepted++;
      const eventType = t.eventType === 'viewer-response' ? 'viewer-response' : 'viewer-request';
      expect(agree(t.code, eventType), t.id).toBe(inputs(eventType).length);
    }
    // redirect to HTTPS, security headers, SPA rewrite, A/B testing, query normalisation
    expect(accepted).toBe(5);
  });
});

describe('the fast path reaches nothing of the host and hands every limit to QuickJS', () => {
  it.each([
    [
      'the Function constructor through a string',
      `var F = ''.constructor.constructor; return F('return globalThis')();`,
    ],
    ['constructor of an event object', `return event.constructor;`],
    ['constructor of an array', `return [].constructor;`],
    ['constructor of a builtin', `return Object.keys.constructor;`],
    ['constructor of a namespace', `return Math.constructor;`],
    ['prototype of a header map', `return event.request.headers.__proto__;`],
    ['setting __proto__', `var o = {}; o.__proto__ = { polluted: 1 }; return event.request;`],
    ['a method taken as a value', `var j = [1, 2].join; return event.request;`],
    ['an endless loop', `var x = 1; while (x) { x++; } return event.request;`],
    ['a doubling string', `var s = 'x'; var i = 0; while (i < 64) { s += s; i++; } return event.request;`],
    ['a huge repeat', `event.request.uri = 'x'.repeat(1e9); return event.request;`],
    ['endless recursion', `function f(n) { return f(n + 1); } f(0); return event.request;`],
    ['a thrown error', `throw new Error('no');`],
    ['a thrown value from a builtin', `decodeURIComponent('%'); return event.request;`],
    ['console output', `console.log('hi'); return event.request;`],
  ])('%s: refused or handed to QuickJS', (_title, body) => {
    const { fast } = pair(fn(body));
    if (typeof fast === 'string') return; // not compiled: QuickJS runs every call
    for (const i of inputs('viewer-request')) expect(fast.call(i.snap, i.ctx, () => i.seed)).toBeUndefined();
    expect(fast.answered).toBe(0);
  });

  it('user objects never gain a prototype: a polluting key stays an own property', () => {
    const code = fn(
      `var o = JSON.parse('{"__proto__": {"x": 1}}'); event.request.headers['x-p'] = { value: typeof o.x + '/' + Object.keys(o).join(',') }; return event.request;`,
    );
    expect(agree(code)).toBe(inputs('viewer-request').length);
  });
});

it('leaves events with wire control characters to QuickJS, which sees them escaped', () => {
  const { fast } = pair(fn('return event.request;'));
  if (typeof fast === 'string') throw new Error(fast);
  const odd = testRequest({ headers: { host: [HOST], 'x-odd': ['a\x1fb\x1ec'] } });
  expect(fast.call(cffSnapshot('viewer-request', odd, undefined), testContext(), () => 1)).toBeUndefined();
  expect(fast.call(cffSnapshot('viewer-request', testRequest(), undefined), testContext(), () => 1)?.ok).toBe(
    true,
  );
});

it('takes the direct road for plain results (the tests above compared it with QuickJS)', () => {
  expect(direct).toBeGreaterThan(20);
});

it('refuses assignments through computed members, which could pollute prototypes in QuickJS', () => {
  const { fast } = pair(fn(`var o = {}; var k = 'a'; o[k] = {}; o[k]['b'] = 1; return event.request;`));
  expect(fast).toBe('assigns through a computed member');
});
