import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EdgeFunction } from '../scenario';
import { cff, DOMAIN, testContext, testRequest, testResponse } from './fixtures';
import { createFunctionRuntime } from './index';
import type { EdgeFunctionRuntime } from './runtime';
import type { FunctionOutcome } from './types';

let rt: EdgeFunctionRuntime;
beforeAll(async () => {
  rt = await createFunctionRuntime({ seed: 7 });
});
afterAll(() => rt.dispose());

function run(
  code: string,
  request = testRequest(),
  runtime: EdgeFunction['runtime'] = 'cloudfront-js-2.0',
): FunctionOutcome {
  rt.prepare([cff('fn', code, runtime)]);
  return rt.cloudFrontViewerRequest('fn', request, testContext());
}
function runResponse(code: string, response = testResponse(), request = testRequest()): FunctionOutcome {
  rt.prepare([cff('fn', code)]);
  return rt.cloudFrontViewerResponse('fn', request, response, testContext());
}
const ECHO = 'function handler(event) { return event.request; }';

describe('the event a CloudFront Function receives (§8.2)', () => {
  it('has context, viewer, and request with querystring, headers and cookies objects; multiValue only for repeats', () => {
    const out = run(
      'function handler(event) { console.log(JSON.stringify(event)); return event.request; }',
      testRequest({
        uri: '/media/index.mpd',
        querystring: 'ID=42&NoValue&querymv=val1&querymv=val2,val3',
        headers: {
          host: ['video.example.com'],
          accept: ['application/json', 'application/xml'],
          cookie: ['Cookie1=value1; Cookie2=value2'],
        },
      }),
    );
    expect(JSON.parse(out.info.logs[0])).toEqual({
      version: '1.0',
      context: {
        distributionDomainName: DOMAIN,
        distributionId: 'EDFDVBD6EXAMPLE',
        eventType: 'viewer-request',
        requestId: 'EXAMPLEntjQpEXAMPLE_SG5Z-EXAMPLEPmPfEXAMPLEu3EqEXAMPLE==',
      },
      viewer: { ip: '198.51.100.10' },
      request: {
        method: 'GET',
        uri: '/media/index.mpd',
        querystring: {
          ID: { value: '42' },
          NoValue: { value: '' },
          querymv: { value: 'val1', multiValue: [{ value: 'val1' }, { value: 'val2,val3' }] },
        },
        headers: {
          host: { value: 'video.example.com' },
          accept: {
            value: 'application/json',
            multiValue: [{ value: 'application/json' }, { value: 'application/xml' }],
          },
        },
        cookies: { Cookie1: { value: 'value1' }, Cookie2: { value: 'value2' } },
      },
    });
    expect(out.kind).toBe('continue-request');
  });

  it('hides the headers edge functions may never see and passes them on unchanged', () => {
    const out = run(
      "function handler(event) { event.request.headers['x-seen'] = { value: Object.keys(event.request.headers).join(',') }; return event.request; }",
      testRequest({
        headers: {
          host: [DOMAIN],
          'x-forwarded-proto': ['https'],
          connection: ['keep-alive'],
          'x-amz-cf-id': ['abc'],
        },
      }),
    );
    if (out.kind !== 'continue-request') throw new Error(out.kind);
    expect(out.request.headers).toEqual({
      host: [DOMAIN],
      'x-seen': ['host'],
      'x-forwarded-proto': ['https'],
      connection: ['keep-alive'],
      'x-amz-cf-id': ['abc'],
    });
  });

  it('gives viewer-response functions the response with statusCode, headers and Set-Cookie as cookies with attributes', () => {
    const out = runResponse(
      'function handler(event) { console.log(JSON.stringify(event.response)); return event.response; }',
      testResponse({}, { 'set-cookie': ['ID=id1234; Expires=Wed, 05 Apr 2021 07:28:00 GMT', 'theme=dark'] }),
    );
    expect(JSON.parse(out.info.logs[0])).toEqual({
      statusCode: 200,
      statusDescription: 'OK',
      headers: {
        'content-type': { value: 'text/plain' },
        etag: { value: '"e1"' },
        'content-length': { value: '2' },
      },
      cookies: {
        ID: { value: 'id1234', attributes: 'Expires=Wed, 05 Apr 2021 07:28:00 GMT' },
        theme: { value: 'dark' },
      },
    });
    if (out.kind !== 'continue-response') throw new Error(out.kind);
    expect(out.response).toEqual(
      testResponse({}, { 'set-cookie': ['ID=id1234; Expires=Wed, 05 Apr 2021 07:28:00 GMT', 'theme=dark'] }),
    );
  });
});

describe('what a viewer-request function returns', () => {
  it('an unchanged request comes back identical, query string spelling and order included', () => {
    const request = testRequest({
      querystring: 'b=2&a=1&10=x&flag',
      headers: { host: [DOMAIN], cookie: ['z=1; a=2'] },
    });
    const out = run(ECHO, request);
    expect(out).toMatchObject({ kind: 'continue-request', request });
  });

  it('rewrites the uri and so the object requested (V25, V49)', () => {
    const out = run(
      "function handler(event) { var r = event.request; if (r.uri.endsWith('/')) r.uri += 'index.html'; return r; }",
      testRequest({ uri: '/docs/' }),
    );
    expect(out).toMatchObject({ kind: 'continue-request', request: { uri: '/docs/index.html' } });
  });

  it('rebuilds the query string when the function changes it (V49 setup B)', () => {
    expect(
      run(
        'function handler(event) { event.request.querystring = {}; return event.request; }',
        testRequest({ querystring: 'utm=1' }),
      ),
    ).toMatchObject({ request: { querystring: '' } });
    const out = run(
      "function handler(event) { var q = event.request.querystring; delete q.utm; q.page = { value: '2' }; return event.request; }",
      testRequest({ querystring: 'utm=1&sort=asc' }),
    );
    expect(out).toMatchObject({ request: { querystring: 'sort=asc&page=2' } });
  });

  it('applies the multiValue rules: a changed value replaces the first line, a changed multiValue wins', () => {
    const request = testRequest({
      headers: { host: [DOMAIN], accept: ['a', 'b', 'c'], 'x-list': ['1', '2'] },
    });
    const out = run(
      "function handler(event) { var h = event.request.headers; h.accept.value = 'A'; h['x-list'].multiValue = [{ value: '9' }]; h['x-new'] = { value: 'n', multiValue: [{ value: 'n1' }, { value: 'n2' }] }; return event.request; }",
      request,
    );
    if (out.kind !== 'continue-request') throw new Error(out.kind);
    expect(out.request.headers).toEqual({
      host: [DOMAIN],
      accept: ['A', 'b', 'c'],
      'x-list': ['9'],
      'x-new': ['n1', 'n2'],
    });
  });

  it('writes cookies back into one Cookie header and drops removed headers', () => {
    const out = run(
      "function handler(event) { var r = event.request; r.cookies.session = { value: 'abc' }; delete r.cookies.tracking; delete r.headers['user-agent']; return r; }",
      testRequest({
        headers: { host: [DOMAIN], 'user-agent': ['curl'], cookie: ['tracking=1', 'theme=dark'] },
      }),
    );
    if (out.kind !== 'continue-request') throw new Error(out.kind);
    expect(out.request.headers).toEqual({ host: [DOMAIN], cookie: ['theme=dark; session=abc'] });
  });

  it('a returned response object becomes a generated response, not cached and never sent to the origin', () => {
    const out = run(
      "function handler(event) { return { statusCode: 302, statusDescription: 'Found', headers: { location: { value: 'https://example.com/' } }, cookies: { seen: { value: '1', attributes: 'Path=/; Secure' } }, body: 'moved' }; }",
    );
    expect(out).toMatchObject({
      kind: 'generated-response',
      response: {
        status: 302,
        statusDescription: 'Found',
        headers: { location: ['https://example.com/'], 'set-cookie': ['seen=1; Path=/; Secure'] },
        body: 'moved',
        bodySize: 5,
      },
    });
  });

  it('decodes a base64 body and fills in the status text', () => {
    const out = run(
      "function handler() { return { statusCode: 200, body: { encoding: 'base64', data: 'aGVsbG8gd29ybGQ=' } }; }",
    );
    expect(out).toMatchObject({
      kind: 'generated-response',
      response: { status: 200, statusDescription: 'OK', body: 'hello world', bodySize: 11, headers: {} },
    });
  });

  it('an async handler (runtime 2.0) is awaited synchronously', () => {
    const out = run(
      "async function handler(event) { await null; event.request.headers['x-async'] = { value: 'yes' }; return event.request; }",
    );
    expect(out).toMatchObject({ kind: 'continue-request', request: { headers: { 'x-async': ['yes'] } } });
  });
});

describe('viewer-response functions', () => {
  it('change headers, cookies, status and body; an untouched body passes through (V51)', () => {
    const out = runResponse(
      "function handler(event) { var r = event.response; r.headers['x-fn'] = { value: '1' }; r.cookies.theme = { value: 'light', attributes: 'Path=/' }; return r; }",
    );
    expect(out).toMatchObject({
      kind: 'continue-response',
      response: {
        status: 200,
        body: 'v1',
        bodySize: 2,
        headers: { 'x-fn': ['1'], 'set-cookie': ['theme=light; Path=/'], etag: ['"e1"'] },
      },
    });
    const replaced = runResponse(
      "function handler(event) { var r = event.response; r.statusCode = 404; r.body = 'gone'; return r; }",
    );
    expect(replaced).toMatchObject({
      kind: 'continue-response',
      response: { status: 404, statusDescription: 'Not Found', body: 'gone', bodySize: 4 },
    });
  });
});

describe('validation failures are 502', () => {
  const cases: Array<[string, string, string]> = [
    [
      'adds a disallowed header',
      "event.request.headers['x-forwarded-proto'] = { value: 'https' }; return event.request;",
      "the function added the header 'x-forwarded-proto', which edge functions may not set",
    ],
    [
      'changes the read-only Host header',
      "event.request.headers.host = { value: 'evil.example' }; return event.request;",
      "the header 'host' is read-only in viewer-request functions; the function changed it",
    ],
    [
      'uses an upper-case header name',
      "event.request.headers['X-Custom'] = { value: '1' }; return event.request;",
      "header name 'X-Custom' must be lower-case in the request's headers object",
    ],
    [
      'sets a uri without a leading slash',
      "event.request.uri = 'index.html'; return event.request;",
      'request.uri must be a string starting with \'/\' (got "index.html")',
    ],
    [
      'changes the method',
      "event.request.method = 'POST'; return event.request;",
      'request.method is read-only (it was GET, the function set POST)',
    ],
    [
      'returns status 700',
      'return { statusCode: 700 };',
      'statusCode must be an integer from 200 to 599 (got 700)',
    ],
    [
      'returns a string status',
      "return { statusCode: '200' };",
      'statusCode must be an integer from 200 to 599 (got 200)',
    ],
    [
      'returns invalid base64',
      "return { statusCode: 200, body: { encoding: 'base64', data: '!!!' } };",
      'body.data is not valid base64',
    ],
    [
      'returns an unknown body encoding',
      "return { statusCode: 200, body: { encoding: 'gzip', data: 'x' } };",
      "body.encoding must be 'text' or 'base64' (got \"gzip\")",
    ],
    [
      'puts a space in the query string',
      "event.request.querystring.q = { value: 'a b' }; return event.request;",
      'the query string contains a space, a control character or #',
    ],
    [
      'returns nothing',
      'return;',
      'The function returned nothing (undefined); it must return the request object or a response object',
    ],
    [
      'returns a body over 40 KB',
      "return { statusCode: 200, body: 'x'.repeat(41 * 1024) };",
      'the body is 41,984 bytes; EdgeLab allows at most 40 KB for a body a function writes',
    ],
  ];
  it.each(cases)('when it %s', (_, body, message) => {
    const out = run(`function handler(event) { ${body} }`);
    expect(out).toMatchObject({
      kind: 'error',
      status: 502,
      errorType: 'validation',
      message: `The function's result failed validation: ${message}`,
    });
  });
});

describe('execution errors are 503 and say where', () => {
  it('reports the exception and its line', () => {
    const out = run(
      'function handler(event) {\n  var r = event.request;\n  return r.headers.missing.value;\n}',
    );
    expect(out).toMatchObject({ kind: 'error', status: 503, errorType: 'execution' });
    if (out.kind !== 'error') throw new Error();
    expect(out.message).toMatch(
      /^CloudFront Function "fn" failed: TypeError: cannot read property 'value' of undefined \(line 3\)$/,
    );
  });

  it('a rejected promise is an execution error too', () => {
    const out = run("async function handler() { throw new RangeError('nope'); }");
    expect(out).toMatchObject({
      kind: 'error',
      status: 503,
      message: 'CloudFront Function "fn" failed: RangeError: nope (line 1)',
    });
  });
});

describe('determinism', () => {
  it('Date is the function start time for the whole run', () => {
    const out = run(
      "function handler(e) { var a = Date.now(); for (var i = 0; i < 1000; i++) {} e.request.headers['x-t'] = { value: a + ' ' + new Date().toISOString() + ' ' + (Date.now() - a) }; return e.request; }",
    );
    expect(out).toMatchObject({
      request: { headers: { 'x-t': ['1704110400000 2024-01-01T12:00:00.000Z 0'] } },
    });
  });

  it('Math.random is seeded from the runtime seed and the request id', async () => {
    const code =
      "function handler(e) { e.request.headers['x-r'] = { value: String(Math.random()) }; return e.request; }";
    const draw = (r: EdgeFunctionRuntime, requestId: string) => {
      const o = r.cloudFrontViewerRequest('fn', testRequest(), testContext({ requestId }));
      return o.kind === 'continue-request' ? o.request.headers['x-r'][0] : '';
    };
    rt.prepare([cff('fn', code)]);
    const other = await createFunctionRuntime({ seed: 8 });
    other.prepare([cff('fn', code)]);
    const a1 = draw(rt, 'req-1');
    expect(draw(rt, 'req-1')).toBe(a1);
    expect(draw(rt, 'req-2')).not.toBe(a1);
    expect(draw(other, 'req-1')).not.toBe(a1);
    expect(Number(a1)).toBeGreaterThanOrEqual(0);
    expect(Number(a1)).toBeLessThan(1);
    other.dispose();
  });
});

describe('logs and compute utilization', () => {
  it('captures console.log per invocation and cuts at 10 KB', () => {
    const out = run(
      "function handler(e) { console.log('uri', e.request.uri, { a: 1 }); for (var i = 0; i < 200; i++) console.log('x'.repeat(100)); return e.request; }",
    );
    expect(out.info.logs[0]).toBe('uri /index.html {"a":1}');
    expect(out.info.logs.at(-1)).toBe('[logs truncated at 10 KB]');
    expect(out.info.logs.slice(0, -1).join('\n').length).toBeLessThanOrEqual(10 * 1024);
    expect(run(ECHO).info.logs).toEqual([]);
  });

  it('reports utilization from the work done, the same on every run', () => {
    const light = run(ECHO).info.computeUtilization ?? -1;
    const heavy =
      run('function handler(e) { var s = 0; for (var i = 0; i < 4000; i++) s += i; return e.request; }').info
        .computeUtilization ?? -1;
    expect(light).toBeGreaterThanOrEqual(0);
    expect(light).toBeLessThanOrEqual(2);
    expect(heavy).toBe(40);
    expect(
      run('function handler(e) { var s = 0; for (var i = 0; i < 4000; i++) s += i; return e.request; }').info
        .computeUtilization,
    ).toBe(heavy);
  });
});

describe('promises that never settle', () => {
  it('are an execution error (503), as a function that never finishes would be', () => {
    expect(run('async function handler() { await new Promise(function () {}); }')).toMatchObject({
      kind: 'error',
      status: 503,
      errorType: 'execution',
      message:
        'CloudFront Function "fn" failed: the handler returned a promise that never settled (there are no timers or network to wait for)',
    });
  });
});
