// Throughput of the runtime in Node, printed for the record (see docs/modelling-functions.md).
// The assertions guard the shape of the result, not the machine's speed: every outcome is
// checked, the result cache must beat running the sandbox, and a floor catches a collapse.
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
  'accept-language': ['en-US'],
};

async function measure(cacheResults: boolean, distinct: number, n: number): Promise<number> {
  const rt = await createFunctionRuntime({ seed: 1, cacheResults });
  rt.prepare([{ name: 'f', kind: 'cloudfront-function', code: HANDLER }]);
  const ctx = testContext();
  let best = 0;
  for (let round = 0; round < 3; round++) {
    const start = performance.now();
    for (let i = 0; i < n; i++) {
      ctx.requestId = `req-${round}-${i}`;
      const uri = `/p/${(i * 7919) % distinct}/`;
      const out = rt.cloudFrontViewerRequest(
        'f',
        { method: 'GET', uri, querystring: '', headers: HEADERS, clientIp: `198.51.100.${i % 250}` },
        ctx,
      );
      if (
        out.kind !== 'continue-request' ||
        out.request.uri !== `${uri}index.html` ||
        out.request.headers['x-edge'][0] !== 'yes'
      )
        throw new Error(`wrong outcome at ${i}`);
    }
    best = Math.max(best, n / ((performance.now() - start) / 1000));
  }
  rt.dispose();
  return Math.round(best);
}

describe('throughput of a small viewer-request CloudFront Function (Node)', () => {
  it('runs every request through the sandbox, and far faster from the result cache', async () => {
    const sandbox = await measure(false, 1e9, 6000);
    const cached = await measure(true, 500, 20000);
    console.log(
      `edge functions: ${sandbox.toLocaleString('en-US')} invocations/s through the sandbox, ${cached.toLocaleString('en-US')} invocations/s with repeated requests (result cache)`,
    );
    expect(sandbox).toBeGreaterThan(2_000);
    expect(cached).toBeGreaterThan(sandbox * 3);
  });
});
