// Test harness for the worked examples (spec/examples.md "Global defaults"): a one-origin
// distribution on d111111abcdef8.cloudfront.net, a scripted origin answering 200 "v1" with
// ETag "e1" (304 on a matching validator), a US viewer at IAD66-C1, and a clock in seconds.
// Only the public API is used, as external tests would.
import { createEngine } from '../createEngine';
import type { SimEngine } from '../engine';
import type {
  CacheBehavior,
  CachePolicyConfig,
  Distribution,
  Scenario,
  ScheduledEvent,
} from '../../scenario';
import type { Headers, OriginRequest, OriginResponse, ViewerRequest, ViewerResult } from '../../types';

export const DOMAIN = 'd111111abcdef8.cloudfront.net';
export const CACHING_OPTIMIZED = '658327ea-f89d-4fab-a63d-7e88639e58f6';
export const CACHING_DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';
export const ALL_METHODS = ['GET', 'HEAD', 'OPTIONS', 'PUT', 'POST', 'PATCH', 'DELETE'];
export const EPOCH_MS = Date.UTC(2024, 0, 1);

/** "P(min/def/max)": a custom cache policy keying on nothing, gzip/br off. */
export function policy(
  minTtl = 0,
  defaultTtl = 86_400,
  maxTtl = 31_536_000,
  extra: Partial<CachePolicyConfig> = {},
): CachePolicyConfig {
  return {
    name: `P(${minTtl}/${defaultTtl}/${maxTtl})`,
    minTtl,
    defaultTtl,
    maxTtl,
    headerBehavior: 'none',
    headers: [],
    cookieBehavior: 'none',
    cookies: [],
    queryStringBehavior: 'none',
    queryStrings: [],
    enableAcceptEncodingGzip: false,
    enableAcceptEncodingBrotli: false,
    ...extra,
  };
}

export interface ExampleOptions {
  /** the default behavior's cache policy: a config (registered as 'P') or a managed id */
  cachePolicy?: CachePolicyConfig | string;
  behavior?: Partial<CacheBehavior>;
  distribution?: Partial<Distribution>;
  scenario?: Partial<Scenario>;
}

export function exampleScenario(o: ExampleOptions = {}): Scenario {
  const cp = o.cachePolicy ?? policy();
  const cachePolicyId = typeof cp === 'string' ? cp : 'P';
  return {
    version: 1,
    name: 'example',
    seed: 7,
    distribution: {
      id: 'EDFDVBD6EXAMPLE',
      domainName: DOMAIN,
      priceClass: 'PriceClass_All',
      origins: [
        {
          id: 'app',
          domainName: 'app.example.com',
          customOriginConfig: { originProtocolPolicy: 'https-only' },
          region: 'us-east-1',
        },
      ],
      defaultCacheBehavior: {
        targetOriginId: 'app',
        viewerProtocolPolicy: 'allow-all',
        allowedMethods: ['GET', 'HEAD'],
        cachedMethods: ['GET', 'HEAD'],
        compress: false,
        cachePolicyId,
        ...o.behavior,
      },
      ...o.distribution,
    },
    cachePolicies: typeof cp === 'string' ? {} : { P: cp },
    topology: { pops: ['IAD'] },
    viewers: [],
    ...o.scenario,
  };
}

export type OriginScript = (
  req: OriginRequest,
  n: number,
) => (Partial<OriginResponse> & { extraHeaders?: Headers }) | undefined;

/** A scripted origin: 200 "v1", ETag "e1", text/plain, Content-Length 2, plus `headers`;
 * 304 (repeating Cache-Control / Expires) when the request carries a matching validator.
 * `script` may override any answer. Every call is recorded in `calls`. */
export function scriptedOrigin(headers: Record<string, string> = {}, script?: OriginScript) {
  const calls: OriginRequest[] = [];
  const fetch = (req: OriginRequest): OriginResponse => {
    calls.push(req);
    const custom = script?.(req, calls.length);
    if (custom && (custom.status !== undefined || custom.error !== undefined)) {
      const { extraHeaders, ...rest } = custom;
      return { headers: { ...(extraHeaders ?? {}) }, ...rest } as OriginResponse;
    }
    const extra = custom?.extraHeaders ?? {};
    const etag = (extra['etag'] as string | undefined) ?? headers['etag'] ?? '"e1"';
    const inm = req.headers['if-none-match'];
    if (inm !== undefined && String(inm) === etag) {
      const h: Record<string, string> = { etag };
      for (const k of ['cache-control', 'expires']) if (headers[k] !== undefined) h[k] = headers[k];
      return { status: 304, headers: h, latencyMs: custom?.latencyMs };
    }
    return {
      status: 200,
      headers: { etag, 'content-type': 'text/plain', 'content-length': '2', ...headers, ...extra },
      body: 'v1',
      latencyMs: custom?.latencyMs,
    };
  };
  return { fetch, calls };
}

export interface Harness {
  engine: SimEngine;
  calls: OriginRequest[];
  /** moves the clock to t seconds since the start */
  at(seconds: number): void;
  get(path: string, extra?: Partial<ViewerRequest>): Promise<ViewerResult>;
  send(method: string, path: string, extra?: Partial<ViewerRequest>): Promise<ViewerResult>;
}

export async function harness(
  scenario: Scenario,
  origin = scriptedOrigin(),
  epochMs = EPOCH_MS,
): Promise<Harness> {
  const engine = await createEngine(scenario, { originFetch: origin.fetch, epochMs });
  const send = (method: string, path: string, extra: Partial<ViewerRequest> = {}): Promise<ViewerResult> =>
    engine.request({
      method,
      url: path.startsWith('http') ? path : `https://${DOMAIN}${path}`,
      viewer: { ip: '198.51.100.10', country: 'US', pop: 'IAD66-C1' },
      ...extra,
    });
  return {
    engine,
    calls: origin.calls,
    at(seconds: number) {
      const target = seconds * 1000;
      if (target < engine.now()) throw new Error(`the clock is already at ${engine.now()} ms`);
      engine.advance(target - engine.now());
    },
    get: (path, extra) => send('GET', path, extra),
    send,
  };
}

/** X-Cache without ' from cloudfront'. */
export const xcache = (r: ViewerResult): string =>
  (r.headers['x-cache'] ?? '').replace(/ from cloudfront$/, '');

/** A small catalog scenario (3 PoPs, two viewer regions, 200 req/s) for run() and event tests. */
export function catalogScenario(events: ScheduledEvent[] = [], extra: Partial<Scenario> = {}): Scenario {
  return {
    version: 1,
    name: 'run',
    seed: 3,
    distribution: {
      id: 'E1',
      domainName: DOMAIN,
      origins: [
        {
          id: 'o',
          domainName: 'o.example.com',
          customOriginConfig: { originReadTimeout: 5 },
          connectionAttempts: 1,
          connectionTimeout: 1,
          region: 'us-east-1',
        },
      ],
      defaultCacheBehavior: {
        targetOriginId: 'o',
        viewerProtocolPolicy: 'allow-all',
        allowedMethods: ['GET', 'HEAD'],
        cachedMethods: ['GET', 'HEAD'],
        cachePolicyId: '658327ea-f89d-4fab-a63d-7e88639e58f6',
      },
    },
    originSimulation: {
      o: {
        processingMs: 20,
        catalog: {
          count: 100,
          pathPrefix: '/i/',
          extension: '.png',
          meanSizeBytes: 10_000,
          cacheControl: 'max-age=5',
        },
      },
    },
    topology: { pops: ['IAD', 'JFK', 'LHR'] },
    viewers: [
      { id: 'us', name: 'US', lat: 38.9, lon: -77.0, country: 'US', weight: 1 },
      { id: 'uk', name: 'UK', lat: 51.5, lon: -0.1, country: 'GB', weight: 1 },
    ],
    traffic: { requestsPerSecond: 200, zipfAlpha: 0.8, methodMix: { GET: 1 } },
    events,
    ...extra,
  };
}
