import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EdgeFunction, Origin } from '../scenario';
import { testContext, testRequest, testResponse } from './fixtures';
import { createFunctionRuntime, FUNCTION_TEMPLATES } from './index';
import type { EdgeFunctionRuntime } from './runtime';

let rt: EdgeFunctionRuntime;
beforeAll(async () => {
  rt = await createFunctionRuntime({ seed: 42 });
});
afterAll(() => rt.dispose());

function load(id: string): string {
  const t = FUNCTION_TEMPLATES.find((x) => x.id === id);
  if (!t) throw new Error(`no template ${id}`);
  const fn: EdgeFunction =
    t.kind === 'lambda-edge'
      ? { name: id, kind: 'lambda-edge', code: t.code }
      : { name: id, kind: 'cloudfront-function', runtime: t.runtime, code: t.code };
  rt.prepare([fn]);
  return id;
}
const host = { host: ['www.example.com'], 'user-agent': ['Mozilla/5.0'], accept: ['text/html'] };

describe('FUNCTION_TEMPLATES', () => {
  it('has nine templates with unique ids, each passing prepare()', () => {
    expect(FUNCTION_TEMPLATES.map((t) => t.id)).toEqual([
      'redirect-to-https',
      'security-headers',
      'spa-rewrite',
      'ab-testing',
      'normalize-query-string',
      'jwt-check',
      'kvs-redirects',
      'origin-by-cookie',
      'image-resize-simulated',
    ]);
    for (const t of FUNCTION_TEMPLATES) expect(() => load(t.id)).not.toThrow();
  });

  it('redirect-to-https answers plain HTTP with a 301 to the same URL over HTTPS', () => {
    const name = load('redirect-to-https');
    const http = testRequest({
      uri: '/shop/cart',
      querystring: 'id=7&ref=mail',
      headers: { ...host, 'cloudfront-forwarded-proto': ['http'] },
    });
    expect(rt.cloudFrontViewerRequest(name, http, testContext())).toMatchObject({
      kind: 'generated-response',
      response: {
        status: 301,
        statusDescription: 'Moved Permanently',
        headers: {
          location: ['https://www.example.com/shop/cart?id=7&ref=mail'],
          'cache-control': ['max-age=3600'],
        },
      },
    });
    const https = testRequest({ headers: { ...host, 'cloudfront-forwarded-proto': ['https'] } });
    expect(rt.cloudFrontViewerRequest(name, https, testContext())).toMatchObject({
      kind: 'continue-request',
      request: https,
    });
  });

  it('security-headers adds six headers to the viewer response and keeps the body', () => {
    const out = rt.cloudFrontViewerResponse(
      load('security-headers'),
      testRequest(),
      testResponse(),
      testContext(),
    );
    expect(out).toMatchObject({
      kind: 'continue-response',
      response: {
        status: 200,
        body: 'v1',
        headers: {
          'strict-transport-security': ['max-age=63072000; includeSubDomains; preload'],
          'x-content-type-options': ['nosniff'],
          'x-frame-options': ['DENY'],
          'referrer-policy': ['strict-origin-when-cross-origin'],
          'content-security-policy': ["default-src 'self'; img-src 'self' data:; object-src 'none'"],
          'permissions-policy': ['camera=(), microphone=(), geolocation=()'],
        },
      },
    });
  });

  it('spa-rewrite serves /index.html for routes and leaves files alone', () => {
    const name = load('spa-rewrite');
    expect(
      rt.cloudFrontViewerRequest(name, testRequest({ uri: '/products/42' }), testContext()),
    ).toMatchObject({ request: { uri: '/index.html' } });
    expect(
      rt.cloudFrontViewerRequest(name, testRequest({ uri: '/static/app.3f9a.js' }), testContext()),
    ).toMatchObject({ request: { uri: '/static/app.3f9a.js' } });
  });

  it('ab-testing keeps a viewer on their variant and assigns new viewers reproducibly', () => {
    const name = load('ab-testing');
    expect(
      rt.cloudFrontViewerRequest(
        name,
        testRequest({ uri: '/home', headers: { ...host, cookie: ['ab-variant=b'] } }),
        testContext(),
      ),
    ).toMatchObject({ request: { uri: '/b/home' } });
    expect(
      rt.cloudFrontViewerRequest(
        name,
        testRequest({ uri: '/home', headers: { ...host, cookie: ['ab-variant=a'] } }),
        testContext(),
      ),
    ).toMatchObject({ request: { uri: '/home' } });
    const assign = (requestId: string) => {
      const o = rt.cloudFrontViewerRequest(
        name,
        testRequest({ uri: '/home', headers: host }),
        testContext({ requestId }),
      );
      if (o.kind !== 'continue-request') throw new Error(o.kind);
      return [o.request.headers.cookie[0], o.request.uri];
    };
    const seen = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const [cookie, uri] = assign(`viewer-${i}`);
      expect(assign(`viewer-${i}`)).toEqual([cookie, uri]);
      expect([
        ['ab-variant=a', '/home'],
        ['ab-variant=b', '/b/home'],
      ]).toContainEqual([cookie, uri]);
      seen.add(cookie);
    }
    expect(seen.size).toBe(2);
  });

  it('normalize-query-string keeps known parameters, lower-cased and sorted', () => {
    const out = rt.cloudFrontViewerRequest(
      load('normalize-query-string'),
      testRequest({ querystring: 'utm_source=news&size=10&Page=2&q=shoes&fbclid=abc' }),
      testContext(),
    );
    expect(out).toMatchObject({
      kind: 'continue-request',
      request: { querystring: 'page=2&q=shoes&size=10' },
    });
  });

  it('jwt-check lets a valid token through and answers 401 for missing, forged and expired ones', () => {
    const name = load('jwt-check');
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const sign = (claims: object, secret = 'edgelab-demo-secret') => {
      const body = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(claims)}`;
      return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
    };
    const now = testContext().wallClockMs / 1000;
    const withAuth = (token: string) =>
      testRequest({ headers: { ...host, authorization: [`Bearer ${token}`] } });
    expect(
      rt.cloudFrontViewerRequest(name, withAuth(sign({ sub: 'u1', exp: now + 60 })), testContext()),
    ).toMatchObject({ kind: 'continue-request' });
    expect(
      rt.cloudFrontViewerRequest(
        name,
        testRequest({ querystring: `token=${sign({ sub: 'u1' })}&page=1` }),
        testContext(),
      ),
    ).toMatchObject({
      kind: 'continue-request',
      request: { querystring: 'page=1' },
    });
    const denied = (req: ReturnType<typeof testRequest>) => {
      const o = rt.cloudFrontViewerRequest(name, req, testContext());
      return o.kind === 'generated-response' ? [o.response.status, o.response.body] : [o.kind];
    };
    expect(denied(testRequest())).toEqual([401, 'Unauthorized: missing token']);
    expect(denied(withAuth(sign({ sub: 'u1' }, 'wrong-secret')))).toEqual([
      401,
      'Unauthorized: bad signature',
    ]);
    expect(denied(withAuth(sign({ sub: 'u1', exp: now - 1 })))).toEqual([401, 'Unauthorized: token expired']);
    expect(denied(withAuth('not-a-jwt'))).toEqual([401, 'Unauthorized: malformed token']);
  });

  it('origin-by-cookie (Lambda@Edge) sends green viewers to the green origin', () => {
    const name = load('origin-by-cookie');
    const blue: Origin = {
      id: 'blue',
      domainName: 'blue.example.com',
      customOriginConfig: { originProtocolPolicy: 'https-only' },
    };
    const green = rt.lambda(
      name,
      'origin-request',
      testRequest({ headers: { host: ['blue.example.com'], cookie: ['theme=dark; origin=green'] } }),
      undefined,
      blue,
      testContext(),
    );
    expect(green).toMatchObject({
      kind: 'continue-request',
      request: { headers: { host: ['green.example.com'] } },
      origin: {
        id: 'green.example.com',
        domainName: 'green.example.com',
        customOriginConfig: { httpsPort: 443, originProtocolPolicy: 'https-only' },
      },
    });
    const stay = rt.lambda(
      name,
      'origin-request',
      testRequest({ headers: { host: ['blue.example.com'], cookie: ['origin=blue'] } }),
      undefined,
      blue,
      testContext(),
    );
    expect(stay.kind).toBe('continue-request');
    expect(stay).not.toHaveProperty('origin');
  });

  it('image-resize-simulated (Lambda@Edge) answers ?w= with a labelled SVG placeholder', () => {
    const name = load('image-resize-simulated');
    const origin: Origin = { id: 'img', domainName: 'images.example.com' };
    const jpeg = testResponse(
      { bodySize: 48_213, body: undefined },
      { 'content-type': ['image/jpeg'], 'content-length': ['48213'] },
    );
    const out = rt.lambda(
      name,
      'origin-response',
      testRequest({ uri: '/photos/cat.jpg', querystring: 'w=300' }),
      jpeg,
      origin,
      testContext(),
    );
    if (out.kind !== 'continue-response') throw new Error(out.kind);
    expect(out.response.headers['content-type']).toEqual(['image/svg+xml']);
    expect(out.response.headers['x-edgelab-simulated']).toEqual(['image-resize']);
    expect(out.response.headers['content-length']).toBeUndefined();
    expect(out.response.body).toContain('/photos/cat.jpg resized to 300x225 (simulated)');
    expect(out.response.bodySize).toBe(out.response.body?.length);
    const untouched = rt.lambda(
      name,
      'origin-response',
      testRequest({ uri: '/photos/cat.jpg' }),
      jpeg,
      origin,
      testContext(),
    );
    expect(untouched).toMatchObject({
      kind: 'continue-response',
      response: { bodySize: 48_213, headers: { 'content-type': ['image/jpeg'] } },
    });
  });
});

describe('kvs-redirects template', () => {
  const t = FUNCTION_TEMPLATES.find((x) => x.id === 'kvs-redirects');
  const fn = (kvs?: Record<string, string>): EdgeFunction => ({
    name: 'kvs-redirects',
    kind: 'cloudfront-function',
    runtime: 'cloudfront-js-2.0',
    code: t?.code ?? '',
    ...(kvs ? { kvs } : {}),
  });

  it('answers a 301 to the stored target and lets other paths through', () => {
    rt.prepare([fn({ '/old': '/new' })]);
    expect(
      rt.cloudFrontViewerRequest('kvs-redirects', testRequest({ uri: '/old' }), testContext()),
    ).toMatchObject({
      kind: 'generated-response',
      response: { status: 301, headers: { location: ['/new'], 'cache-control': ['max-age=3600'] } },
    });
    expect(
      rt.cloudFrontViewerRequest('kvs-redirects', testRequest({ uri: '/other' }), testContext()),
    ).toMatchObject({
      kind: 'continue-request',
      request: { uri: '/other' },
    });
  });

  it('passes every request through while no store exists yet', () => {
    rt.prepare([fn()]);
    expect(
      rt.cloudFrontViewerRequest('kvs-redirects', testRequest({ uri: '/old' }), testContext()).kind,
    ).toBe('continue-request');
  });
});
