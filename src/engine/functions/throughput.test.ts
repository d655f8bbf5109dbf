// The result cache serves repeated requests without re-running the sandbox, with the same outcomes.
// (Speed is measured by `npm run bench`, workload (d), never asserted here.)
import { describe, expect, it } from 'vitest';
import { testContext } from './fixtures';
import { createFunctionRuntime } from './index';

const HANDLER = `function handler(event) {
  var request = event.request;
  if (request.uri.endsWith('/')) request.uri += 'index.html';
  request.headers['x-edge'] = { value: 'yes' };
  return request;
}`;
const HEADERS = {
  host: ['d111111abcdef8.cloudfront.net'],
  'user-agent': ['Mozilla/5.0'],
  accept: ['text/html'],
  'accept-encoding': ['gzip, br'],
};

async function runMany(cacheResults: boolean, distinct: number, n: number): Promise<number | undefined> {
  // the result cache serves what QuickJS runs; functions on the fast path skip it (runtime.ts)
  const rt = await createFunctionRuntime({ seed: 1, cacheResults, fastPath: false });
  rt.prepare([{ name: 'f', kind: 'cloudfront-function', code: HANDLER }]);
  const ctx = testContext();
  for (let i = 0; i < n; i++) {
    ctx.requestId = `req-${i}`;
    const uri = `/p/${(i * 7919) % distinct}/`;
    const out = rt.cloudFrontViewerRequest(
      'f',
      { method: 'GET', uri, querystring: '', headers: HEADERS, clientIp: `198.51.100.${i % 250}` },
      ctx,
    );
    expect(out.kind).toBe('continue-request');
    if (out.kind !== 'continue-request') break;
    expect([out.request.uri, out.request.headers['x-edge'][0]]).toEqual([`${uri}index.html`, 'yes']);
  }
  const hits = rt.resultCacheHits('f');
  rt.dispose();
  return hits;
}

describe('result cache of a pure viewer-request CloudFront Function', () => {
  it('gives the same outcomes with or without the cache, and serves repeats from it', async () => {
    expect(await runMany(false, 50, 400)).toBeUndefined();
    // 400 requests over 50 distinct URIs: the first of each runs the sandbox, the rest are repeats.
    expect(await runMany(true, 50, 400)).toBe(350);
  });
});

describe('the fast path', () => {
  it('gives every outcome QuickJS gives, duration and utilization included', async () => {
    const outcomes = async (fastPath: boolean) => {
      const rt = await createFunctionRuntime({ seed: 1, fastPath });
      rt.prepare([{ name: 'f', kind: 'cloudfront-function', code: HANDLER }]);
      const ctx = testContext();
      const seen: unknown[] = [];
      for (let i = 0; i < 300; i++) {
        ctx.requestId = `req-${i}`;
        const out = rt.cloudFrontViewerRequest(
          'f',
          {
            method: 'GET',
            uri: `/p/${i % 37}/${i % 3 ? '' : 'x'}`,
            querystring: i % 5 ? '' : 'a=1&a=2',
            headers: HEADERS,
            clientIp: '198.51.100.7',
          },
          ctx,
        );
        seen.push(
          out.kind === 'continue-request'
            ? [out.request, out.info.durationMs, out.info.computeUtilization]
            : out,
        );
      }
      rt.dispose();
      return seen;
    };
    expect(await outcomes(true)).toEqual(await outcomes(false));
  });
});
