import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LambdaEventType, Origin } from '../scenario';
import { DOMAIN, lambdaFn, testContext, testRequest, testResponse } from './fixtures';
import { createFunctionRuntime } from './index';
import type { EdgeFunctionRuntime } from './runtime';
import type { FunctionOutcome } from './types';

let rt: EdgeFunctionRuntime;
beforeAll(async () => {
  rt = await createFunctionRuntime({ seed: 3 });
});
afterAll(() => rt.dispose());

const ORIGIN: Origin = {
  id: 'app',
  domainName: 'app.example.com',
  originPath: '/v1',
  customHeaders: [{ headerName: 'X-Origin-Secret', headerValue: 's3cr3t' }],
  customOriginConfig: {
    originProtocolPolicy: 'https-only',
    originReadTimeout: 30,
    originKeepaliveTimeout: 5,
    originSslProtocols: ['TLSv1.2'],
  },
};

function invoke(
  code: string,
  eventType: LambdaEventType,
  opts: {
    request?: ReturnType<typeof testRequest>;
    withResponse?: boolean;
    includeBody?: boolean;
    runtime?: EdgeFunctionRuntime;
  } = {},
): FunctionOutcome {
  const r = opts.runtime ?? rt;
  r.prepare([lambdaFn('edge', code)]);
  const origin = eventType.startsWith('origin') ? ORIGIN : undefined;
  const response = eventType.endsWith('response') || opts.withResponse ? testResponse() : undefined;
  return r.lambda(
    'edge',
    eventType,
    opts.request ?? testRequest(),
    response,
    origin,
    testContext(),
    opts.includeBody,
  );
}
const LOG_EVENT =
  'exports.handler = async (event) => { console.log(JSON.stringify(event)); return event.Records[0].cf.request; };';

describe('the Records[0].cf event (§9.2)', () => {
  it('origin-request: raw query string, headers as arrays of { key, value }, the origin (V53e)', () => {
    const out = invoke(LOG_EVENT, 'origin-request', {
      request: testRequest({
        querystring: 'a=1&a=2',
        headers: { host: ['app.example.com'], accept: ['text/html', 'application/json'] },
      }),
    });
    expect(JSON.parse(out.info.logs[0])).toEqual({
      Records: [
        {
          cf: {
            config: {
              distributionDomainName: DOMAIN,
              distributionId: 'EDFDVBD6EXAMPLE',
              eventType: 'origin-request',
              requestId: 'EXAMPLEntjQpEXAMPLE_SG5Z-EXAMPLEPmPfEXAMPLEu3EqEXAMPLE==',
            },
            request: {
              clientIp: '198.51.100.10',
              headers: {
                host: [{ key: 'Host', value: 'app.example.com' }],
                accept: [
                  { key: 'Accept', value: 'text/html' },
                  { key: 'Accept', value: 'application/json' },
                ],
              },
              method: 'GET',
              querystring: 'a=1&a=2',
              uri: '/index.html',
              origin: {
                custom: {
                  customHeaders: { 'x-origin-secret': [{ key: 'X-Origin-Secret', value: 's3cr3t' }] },
                  domainName: 'app.example.com',
                  keepaliveTimeout: 5,
                  path: '/v1',
                  port: 443,
                  protocol: 'https',
                  readTimeout: 30,
                  sslProtocols: ['TLSv1.2'],
                },
              },
            },
          },
        },
      ],
    });
    expect(out).toMatchObject({
      kind: 'continue-request',
      request: testRequest({
        querystring: 'a=1&a=2',
        headers: { host: ['app.example.com'], accept: ['text/html', 'application/json'] },
      }),
    });
  });

  it('response events carry the status as a string; IncludeBody exposes the body in base64', () => {
    const res = invoke(
      'exports.handler = async (e) => { console.log(JSON.stringify(e.Records[0].cf.response)); return e.Records[0].cf.response; };',
      'viewer-response',
    );
    expect(JSON.parse(res.info.logs[0])).toEqual({
      status: '200',
      statusDescription: 'OK',
      headers: {
        'content-type': [{ key: 'Content-Type', value: 'text/plain' }],
        etag: [{ key: 'Etag', value: '"e1"' }],
        'content-length': [{ key: 'Content-Length', value: '2' }],
      },
    });
    const body = invoke(
      'exports.handler = async (e) => { console.log(JSON.stringify(e.Records[0].cf.request.body)); return e.Records[0].cf.request; };',
      'viewer-request',
      {
        request: testRequest({ method: 'POST', body: 'name=édouard' }),
        includeBody: true,
      },
    );
    expect(JSON.parse(body.info.logs[0])).toEqual({
      inputTruncated: false,
      action: 'read-only',
      encoding: 'base64',
      data: Buffer.from('name=édouard').toString('base64'),
    });
  });
});

describe('generated responses (V53)', () => {
  const GEN =
    "exports.handler = async () => ({ status: '200', body: 'gen', headers: { 'cache-control': [{ key: 'Cache-Control', value: 'max-age=60' }] } });";
  it.each(['viewer-request', 'origin-request'] as const)(
    'a response returned from %s is a generated response',
    (t) => {
      expect(invoke(GEN, t)).toMatchObject({
        kind: 'generated-response',
        response: {
          status: 200,
          statusDescription: 'OK',
          headers: { 'cache-control': ['max-age=60'] },
          body: 'gen',
          bodySize: 3,
        },
      });
    },
  );
  it('a 41 KB viewer-request response is a 502 (V53c); 1 MB is the origin-side limit', () => {
    const big = "exports.handler = async () => ({ status: '200', body: 'x'.repeat(41 * 1024) });";
    expect(invoke(big, 'viewer-request')).toMatchObject({
      kind: 'error',
      status: 502,
      message:
        "The function's result failed validation: the response the function produced is 41 KB; viewer-request functions may produce at most 40 KB (headers and body)",
    });
    expect(invoke(big, 'origin-request')).toMatchObject({
      kind: 'generated-response',
      response: { bodySize: 41 * 1024 },
    });
  });
  it("status '700' is a 502 (V53d)", () => {
    expect(invoke("exports.handler = async () => ({ status: '700' });", 'viewer-request')).toMatchObject({
      kind: 'error',
      status: 502,
      errorType: 'validation',
      message:
        'The function\'s result failed validation: status must be a string holding a code from 200 to 599 (got "700")',
    });
  });
});

describe('handler styles and errors', () => {
  it('supports callback-style handlers, including a callback called from a promise job', () => {
    const sync =
      "exports.handler = (event, context, callback) => { const r = event.Records[0].cf.request; r.uri = '/cb'; callback(null, r); };";
    expect(invoke(sync, 'viewer-request')).toMatchObject({
      kind: 'continue-request',
      request: { uri: '/cb' },
    });
    const later =
      "exports.handler = function (event, context, callback) { Promise.resolve().then(function () { var r = event.Records[0].cf.request; r.uri = '/later'; callback(null, r); }); };";
    expect(invoke(later, 'viewer-request')).toMatchObject({
      kind: 'continue-request',
      request: { uri: '/later' },
    });
  });

  it('an ES-module handler works too', () => {
    expect(
      invoke(
        "export const handler = async (event) => { const r = event.Records[0].cf.request; r.uri = '/esm'; return r; };",
        'viewer-request',
      ),
    ).toMatchObject({
      kind: 'continue-request',
      request: { uri: '/esm' },
    });
  });

  it('an execution error is 503 by default and 500 when the setting says so', async () => {
    const code = "exports.handler = async () => { throw new Error('boom'); };";
    expect(invoke(code, 'viewer-request')).toMatchObject({
      kind: 'error',
      status: 503,
      errorType: 'execution',
      message: 'Lambda@Edge function "edge" failed: Error: boom (line 1)',
    });
    const legacy = await createFunctionRuntime({ lambdaExecutionErrorStatus: 500 });
    expect(invoke(code, 'viewer-request', { runtime: legacy })).toMatchObject({ kind: 'error', status: 500 });
    expect(
      invoke("exports.handler = (e, c, cb) => cb(new Error('via callback'));", 'viewer-request', {
        runtime: legacy,
      }),
    ).toMatchObject({
      kind: 'error',
      status: 500,
      message: 'Lambda@Edge function "edge" failed: Error: via callback (line 1)',
    });
    legacy.dispose();
  });

  it('Node.js built-ins other than crypto and querystring are absent', () => {
    expect(() =>
      rt.prepare([
        lambdaFn(
          'edge',
          "const https = require('https');\nexports.handler = async (e) => e.Records[0].cf.request;",
        ),
      ]),
    ).toThrow(
      "Lambda@Edge function \"edge\" failed while loading: Error: Cannot find module 'https': the EdgeLab Lambda@Edge sandbox provides only 'crypto' and 'querystring'; other Node.js built-ins and npm packages are absent (line 1)",
    );
  });

  it('simulated timeouts: 5 s on viewer triggers, enforced on simulated time', () => {
    const out = invoke('exports.handler = async () => { for (;;) {} };', 'viewer-request');
    expect(out).toMatchObject({
      kind: 'error',
      status: 503,
      errorType: 'limit',
      message:
        'Lambda@Edge function "edge" timed out: it ran past the 5 s viewer-trigger timeout (EdgeLab simulates 10 µs per function call or loop iteration)',
    });
    expect(out.info.durationMs).toBe(5155); // cold start 150 + 5 + the 5,000 ms timeout
  });

  it('the first invocation at a location pays a cold start', async () => {
    const fresh = await createFunctionRuntime();
    const code = 'exports.handler = async (e) => e.Records[0].cf.request;';
    const first = invoke(code, 'viewer-request', { runtime: fresh });
    const second = fresh.lambda('edge', 'viewer-request', testRequest(), undefined, undefined, testContext());
    expect(first.info.durationMs).toBeGreaterThan(155);
    expect(first.info.durationMs).toBeLessThan(156);
    expect(second.info.durationMs).toBeGreaterThan(5);
    expect(second.info.durationMs).toBeLessThan(6);
    fresh.dispose();
  });
});

describe('what request and response triggers may change', () => {
  it('origin-request may route to another origin (dynamic origin selection)', () => {
    const code =
      "exports.handler = async (e) => { const r = e.Records[0].cf.request; r.origin = { custom: { domainName: 'green.example.com', port: 8443, protocol: 'https', path: '', sslProtocols: ['TLSv1.2'], readTimeout: 10, keepaliveTimeout: 5, customHeaders: {} } }; r.headers.host = [{ key: 'Host', value: 'green.example.com' }]; return r; };";
    const out = invoke(code, 'origin-request');
    expect(out).toMatchObject({
      kind: 'continue-request',
      request: { headers: { host: ['green.example.com'] } },
      origin: {
        id: 'green.example.com',
        domainName: 'green.example.com',
        customOriginConfig: {
          httpsPort: 8443,
          originProtocolPolicy: 'https-only',
          originReadTimeout: 10,
          originKeepaliveTimeout: 5,
        },
      },
    });
    expect(invoke(LOG_EVENT, 'origin-request')).not.toHaveProperty('origin');
  });

  it('read-only headers: origin-request may not touch If-None-Match; viewer-request may not add CloudFront-Viewer-Country', () => {
    expect(
      invoke(
        "exports.handler = async (e) => { const r = e.Records[0].cf.request; r.headers['if-none-match'] = [{ key: 'If-None-Match', value: '\"x\"' }]; return r; };",
        'origin-request',
      ),
    ).toMatchObject({
      kind: 'error',
      status: 502,
      message:
        "The function's result failed validation: the header 'if-none-match' is read-only in origin-request functions; the function added it",
    });
    expect(
      invoke(
        "exports.handler = async (e) => { const r = e.Records[0].cf.request; r.headers['cloudfront-viewer-country'] = [{ value: 'FR' }]; return r; };",
        'viewer-request',
      ),
    ).toMatchObject({
      kind: 'error',
      status: 502,
    });
  });

  it('origin-response may replace status and body; viewer-response keeps the status', () => {
    const code =
      "exports.handler = async (e) => { const res = e.Records[0].cf.response; res.status = '404'; res.statusDescription = 'Not Found'; res.headers['x-fn'] = [{ key: 'X-Fn', value: '1' }]; res.body = 'missing'; return res; };";
    expect(invoke(code, 'origin-response')).toMatchObject({
      kind: 'continue-response',
      response: {
        status: 404,
        statusDescription: 'Not Found',
        body: 'missing',
        bodySize: 7,
        headers: { 'x-fn': ['1'] },
      },
    });
    expect(invoke(code, 'viewer-response')).toMatchObject({
      kind: 'continue-response',
      response: { status: 200, body: 'missing', headers: { 'x-fn': ['1'] } },
    });
  });

  it('IncludeBody: a replaced request body reaches the origin', () => {
    const code =
      "exports.handler = async (e) => { const r = e.Records[0].cf.request; r.body.action = 'replace'; r.body.encoding = 'text'; r.body.data = 'changed'; return r; };";
    expect(
      invoke(code, 'origin-request', {
        request: testRequest({ method: 'POST', body: 'original' }),
        includeBody: true,
      }),
    ).toMatchObject({ kind: 'continue-request', request: { body: 'changed' } });
  });

  it('a response trigger returning a request is a 502', () => {
    expect(invoke(LOG_EVENT, 'origin-response')).toMatchObject({
      kind: 'error',
      status: 502,
      message:
        "The function's result failed validation: an origin-response function must return the response object; it returned a request",
    });
  });
});
