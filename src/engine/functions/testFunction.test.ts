import { describe, expect, it } from 'vitest';
import { cff, lambdaFn } from './fixtures';
import { testFunction } from './index';

const DOC_EVENT = {
  version: '1.0',
  context: { eventType: 'viewer-request' },
  viewer: { ip: '198.51.100.11' },
  request: {
    method: 'GET',
    uri: '/media/',
    querystring: { ID: { value: '42' } },
    headers: {
      host: { value: 'video.example.com' },
      accept: {
        value: 'application/json',
        multiValue: [{ value: 'application/json' }, { value: 'application/xml' }],
      },
    },
    cookies: { session: { value: 'abc' } },
  },
};

describe('testFunction (the "Test function" panel)', () => {
  it('runs a CloudFront Function on a typed event and shows the request it produced, the logs and the utilization', async () => {
    const fn = cff(
      'rewrite',
      "function handler(event) { var r = event.request; console.log('before', r.uri, event.context.distributionId); r.uri += 'index.html'; return r; }",
    );
    const result = await testFunction(fn, 'viewer-request', JSON.stringify(DOC_EVENT));
    expect(result).toEqual({
      output: {
        method: 'GET',
        uri: '/media/index.html',
        querystring: { ID: { value: '42' } },
        headers: {
          host: { value: 'video.example.com' },
          accept: {
            value: 'application/json',
            multiValue: [{ value: 'application/json' }, { value: 'application/xml' }],
          },
        },
        cookies: { session: { value: 'abc' } },
      },
      logs: ['before /media/ EDFDVBD6EXAMPLE'],
      computeUtilization: 0,
      durationMs: 0.001, // the handler's own poll points, not the event marshalling
    });
  });

  it('shows a generated response, and validation errors as CloudFront would report them', async () => {
    const redirect = await testFunction(
      cff(
        'r',
        "function handler() { return { statusCode: 301, headers: { location: { value: 'https://example.com/' } } }; }",
      ),
      'viewer-request',
      DOC_EVENT,
    );
    expect(redirect.output).toEqual({
      statusCode: 301,
      statusDescription: 'Moved Permanently',
      headers: { location: { value: 'https://example.com/' } },
      cookies: {},
    });
    const invalid = await testFunction(
      cff('bad', "function handler(e) { e.request.headers.host = { value: 'other' }; return e.request; }"),
      'viewer-request',
      DOC_EVENT,
    );
    expect(invalid).toMatchObject({
      output: null,
      error:
        "The function's result failed validation: the header 'host' is read-only in viewer-request functions; the function changed it",
      errorStatus: 502,
    });
  });

  it('reports code that does not load, and events that are not JSON, without throwing', async () => {
    expect(
      await testFunction(
        cff('c', 'const x = 1;\nfunction handler(e) { return e.request; }', 'cloudfront-js-1.0'),
        'viewer-request',
        DOC_EVENT,
      ),
    ).toMatchObject({
      output: null,
      error:
        'CloudFront Function "c": line 1: \'const\' is not supported in runtime cloudfront-js-1.0; rewrite it in ES5 (var, function) or switch the function to cloudfront-js-2.0',
    });
    expect(
      (await testFunction(cff('c', 'function handler(e) { return e.request; }'), 'viewer-request', '{ nope'))
        .error,
    ).toMatch(/^The test event is not valid JSON: /);
  });

  it('runs a Lambda@Edge origin-request on a Records[0].cf event and shows what it returned', async () => {
    const event = {
      Records: [
        {
          cf: {
            config: { distributionId: 'EDFDVBD6EXAMPLE', eventType: 'origin-request', requestId: 'abc==' },
            request: {
              clientIp: '203.0.113.178',
              headers: { host: [{ key: 'Host', value: 'example.org' }] },
              method: 'GET',
              querystring: 'size=large',
              uri: '/picture.jpg',
              origin: {
                custom: {
                  customHeaders: {},
                  domainName: 'example.org',
                  keepaliveTimeout: 5,
                  path: '',
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
    };
    const fn = lambdaFn(
      'l',
      "exports.handler = async (event) => { const r = event.Records[0].cf.request; console.log(r.querystring); r.headers['x-size'] = [{ key: 'X-Size', value: r.querystring.split('=')[1] }]; return r; };",
    );
    const result = await testFunction(fn, 'origin-request', event);
    expect(result.logs).toEqual(['size=large']);
    expect(result.error).toBeUndefined();
    expect(result.output).toMatchObject({
      uri: '/picture.jpg',
      headers: { 'x-size': [{ key: 'X-Size', value: 'large' }] },
      origin: { custom: { domainName: 'example.org' } },
    });
    // cold start 150 ms + warm 5 ms + 72 poll points at 10 µs
    expect(result.durationMs).toBe(155.72);
  });

  it('a generated response over the trigger limit fails with 502 and shows the limits per trigger', async () => {
    const fn = lambdaFn(
      'big',
      "exports.handler = async () => ({ status: '200', body: 'x'.repeat(41 * 1024) });",
    );
    const event = {
      Records: [{ cf: { config: { eventType: 'viewer-request' }, request: { uri: '/', headers: {} } } }],
    };
    const result = await testFunction(fn, 'viewer-request', event);
    expect(result.errorStatus).toBe(502);
    expect(result.error).toContain('viewer-request functions may produce at most 40 KB (headers and body)');
    expect(result.sizeLimits).toBe(
      'Lambda@Edge limits per trigger: viewer-request and viewer-response may generate 40 KB (headers + body; a replacement body: text 40 KB, base64 53.2 KB); origin-request and origin-response 1 MB (text 1 MB, base64 1.3 MB).',
    );
    // the same body from an origin-request trigger fits its 1 MB limit
    const origin = await testFunction(fn, 'origin-request', event);
    expect(origin.error).toBeUndefined();
    expect(origin.sizeLimits).toBeUndefined();
  });

  it('a CloudFront Function sees the KeyValueStore kept with it', async () => {
    const fn = cff(
      'kv',
      "import cf from 'cloudfront';\nconst kvs = cf.kvs();\nasync function handler(event) {\n  event.request.uri = await kvs.get(event.request.uri);\n  return event.request;\n}",
      'cloudfront-js-2.0',
      { '/media/': '/v2/media/' },
    );
    const result = await testFunction(fn, 'viewer-request', DOC_EVENT);
    expect(result.error).toBeUndefined();
    expect((result.output as { uri: string }).uri).toBe('/v2/media/');
  });
});
