// The worker's testFunction call runs the real sandbox (QuickJS) in Node, as it does in the worker.
import { describe, expect, it } from 'vitest';
import { FUNCTION_TEMPLATES } from '../engine/functions/templates';
import { createApi } from './api';

describe('api.testFunction', () => {
  it('runs the security-headers template on a viewer-response event and returns the new headers', async () => {
    const api = createApi({ now: () => 0, schedule: () => {} });
    const t = FUNCTION_TEMPLATES.find((x) => x.id === 'security-headers');
    if (!t) throw new Error('template missing');
    const event = {
      version: '1.0',
      context: { eventType: 'viewer-response' },
      viewer: { ip: '198.51.100.10' },
      request: { method: 'GET', uri: '/', querystring: {}, headers: {}, cookies: {} },
      response: { statusCode: 200, headers: { 'content-type': { value: 'text/html' } }, cookies: {} },
    };
    const result = await api.testFunction(
      { name: 'sec', kind: 'cloudfront-function', runtime: t.runtime, code: t.code },
      'viewer-response',
      event,
    );
    expect(result.error).toBeUndefined();
    const headers = (result.output as { headers: Record<string, { value: string }> }).headers;
    expect(headers['x-frame-options']).toEqual({ value: 'DENY' });
    expect(headers['content-type']).toEqual({ value: 'text/html' });
    // the handler's own work: a few dozen poll points, well under 1% of the budget
    expect(result.computeUtilization).toBe(0);
    expect(result.durationMs).toBeGreaterThan(0);
  });

  it('reports a function that throws as an error with the status CloudFront would answer', async () => {
    const api = createApi({ now: () => 0, schedule: () => {} });
    const result = await api.testFunction(
      {
        name: 'boom',
        kind: 'cloudfront-function',
        code: 'function handler(event) { throw new Error("nope"); }',
      },
      'viewer-request',
      { version: '1.0', context: {}, viewer: { ip: '1.2.3.4' }, request: { method: 'GET', uri: '/' } },
    );
    expect(result.output).toBeNull();
    expect(result.errorStatus).toBe(503);
    expect(result.error).toContain('nope');
  });
});
