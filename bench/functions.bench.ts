// `npm run bench` (after the engine bench): edge-function invocations per second of the sandboxed
// runtime itself, without the CDN around it, on five typical handlers. Each case: prepare(), a
// warm-up, then calls until MEASURE_MS of wall time has passed. Printed per case:
//   inv/s    invocations per wall-clock second
//   µs/inv   wall-clock microseconds per invocation
//   fast     share answered by the fast path (fast/fastHandler.ts: stateless functions it compiles)
//   QuickJS  share that entered the QuickJS sandbox (the rest came from the result cache)
// The engine-level figure (a CloudFront Function on every viewer request, whole pipeline) is the
// engine bench's workload (d). `npm run bench` runs it bundled (scripts/bench.mjs).
import { createFunctionRuntime } from '../src/engine/functions/index';
import type { EdgeFunctionRuntime } from '../src/engine/functions/runtime';
import type { FunctionContext } from '../src/engine/functions/types';
import type { EdgeRequest } from '../src/engine/http/model';
import type { EdgeFunction } from '../src/engine/scenario';

const WARMUP_MS = 500;
const MEASURE_MS = 3_000;
/** distinct URIs of the "repeated" traffic: a teaching-scale hot set, as in the engine's Zipf traffic */
const HOT_SET = 1_000;

const PURE = `function handler(event) {
  var request = event.request;
  request.headers['x-bench'] = { value: 'on' };
  if (request.uri.endsWith('/')) request.uri += 'index.html';
  return request;
}`;

const CLOCKED = `function handler(event) {
  var request = event.request;
  request.headers['x-start'] = { value: String(Date.now()) };
  return request;
}`;

const KVS = `import cf from 'cloudfront';
const kvs = cf.kvs();
async function handler(event) {
  const request = event.request;
  if (await kvs.exists(request.uri)) request.uri = await kvs.get(request.uri);
  return request;
}`;

const LAMBDA = `exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  request.headers['x-bench'] = [{ key: 'X-Bench', value: 'on' }];
  return request;
};`;

interface Case {
  title: string;
  fn: EdgeFunction;
  cache: boolean;
  /** run eligible functions on the fast path (default true) */
  fast?: boolean;
  /** URI of the i-th request */
  uri: (i: number) => string;
}

const distinct = (i: number) => `/p/${i}/`;
const repeated = (i: number) => `/p/${(i * 7919) % HOT_SET}/`;

const redirects: Record<string, string> = {};
for (let i = 0; i < HOT_SET; i += 10) redirects[`/p/${i}/`] = `/moved/${i}/`;

const CASES: Case[] = [
  {
    title: 'CloudFront Function, pure, every request distinct',
    fn: { name: 'pure', kind: 'cloudfront-function', code: PURE },
    cache: true,
    uri: distinct,
  },
  {
    title: 'the same in QuickJS only (fast path off)',
    fn: { name: 'pure', kind: 'cloudfront-function', code: PURE },
    cache: true,
    fast: false,
    uri: distinct,
  },
  {
    title: `the same, QuickJS only, ${HOT_SET.toLocaleString('en-US')} hot URIs (result cache)`,
    fn: { name: 'pure', kind: 'cloudfront-function', code: PURE },
    cache: true,
    fast: false,
    uri: repeated,
  },
  {
    title: 'CloudFront Function reading Date.now() (never cached)',
    fn: { name: 'clocked', kind: 'cloudfront-function', code: CLOCKED },
    cache: true,
    uri: repeated,
  },
  {
    title: 'CloudFront Function 2.0, async KeyValueStore exists + get',
    fn: { name: 'kvs', kind: 'cloudfront-function', code: KVS, kvs: redirects },
    cache: false,
    uri: repeated,
  },
  {
    title: 'Lambda@Edge viewer-request, async, JSON event',
    fn: { name: 'lambda', kind: 'lambda-edge', code: LAMBDA },
    cache: false,
    uri: repeated,
  },
];

const HEADERS = {
  host: ['d111111abcdef8.cloudfront.net'],
  'user-agent': ['Mozilla/5.0 (bench)'],
  accept: ['text/html'],
  'accept-encoding': ['gzip, br'],
};

function invoke(rt: EdgeFunctionRuntime, c: Case, i: number, ctx: FunctionContext): void {
  ctx.requestId = `bench-${i}`;
  const req: EdgeRequest = {
    method: 'GET',
    uri: c.uri(i),
    querystring: '',
    headers: HEADERS,
    clientIp: '198.51.100.7',
  };
  const out =
    c.fn.kind === 'lambda-edge'
      ? rt.lambda(c.fn.name, 'viewer-request', req, undefined, undefined, ctx)
      : rt.cloudFrontViewerRequest(c.fn.name, req, ctx);
  if (out.kind === 'error') throw new Error(`${c.fn.name}: ${out.message}`);
}

async function measure(c: Case): Promise<{ rate: number; fastShare: number; sandboxShare: number }> {
  const rt = await createFunctionRuntime({ seed: 1, cacheResults: c.cache, fastPath: c.fast !== false });
  rt.prepare([c.fn]);
  const ctx: FunctionContext = {
    distributionDomainName: 'd111111abcdef8.cloudfront.net',
    distributionId: 'EBENCH',
    requestId: '',
    wallClockMs: Date.UTC(2024, 0, 1),
    location: 'IAD89-C1',
  };
  let i = 0;
  let wall = performance.now();
  while (performance.now() - wall < WARMUP_MS) for (let k = 0; k < 100; k++) invoke(rt, c, i++, ctx);
  const hitsBefore = rt.resultCacheHits(c.fn.name) ?? 0;
  const fastBefore = rt.fastPathAnswers(c.fn.name) ?? 0;
  let n = 0;
  wall = performance.now();
  let elapsed = 0;
  while (elapsed < MEASURE_MS) {
    for (let k = 0; k < 100; k++) invoke(rt, c, i++, ctx);
    n += 100;
    elapsed = performance.now() - wall;
  }
  const hits = (rt.resultCacheHits(c.fn.name) ?? 0) - hitsBefore;
  const fast = (rt.fastPathAnswers(c.fn.name) ?? 0) - fastBefore;
  rt.dispose();
  return { rate: n / (elapsed / 1000), fastShare: fast / n, sandboxShare: 1 - (hits + fast) / n };
}

const fmt = (x: number, digits = 0) =>
  x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

async function main(): Promise<void> {
  console.log('\nEdge-function runtime (fast path and QuickJS sandbox), invocations per wall-clock second\n');
  const rows: string[][] = [['case', 'inv/s', 'µs/inv', 'fast', 'QuickJS']];
  for (const c of CASES) {
    const { rate, fastShare, sandboxShare } = await measure(c);
    rows.push([
      c.title,
      fmt(rate),
      fmt(1e6 / rate, 1),
      `${fmt(fastShare * 100)}%`,
      `${fmt(sandboxShare * 100)}%`,
    ]);
  }
  const widths = rows[0].map((_, col) => Math.max(...rows.map((r) => r[col].length)));
  for (const r of rows)
    console.log(
      r.map((cell, col) => (col === 0 ? cell.padEnd(widths[col]) : cell.padStart(widths[col]))).join('  '),
    );
  console.log('');
}

await main();
