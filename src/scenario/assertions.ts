// Scenario assertions: a tiny, hand-parsed language for graded goals (never eval'd).
//
//   metric check:   <metric> [for <path pattern>] <op> [$]<number>[%|/s|unit] [after <number> <unit>]
//                   hit ratio > 85% after 10 min     origin requests for /api/* < 100/s
//                   cost per month < $150            hitRatio > 0.85 after 600s     errors == 0
//   request check:  <METHOD> <path> from <PoP or city> [country <CC>] -> <header>: <value>   |   -> status <op>? <code>
//                   GET /index.html from Tokyo -> X-Cache: Hit     GET /index.html from NRT -> x-cache: Hit
//                   GET /index.html from NRT country JP -> status 403   (a viewer in that country)
//
// Metric names are read in plain words or camelCase, case-insensitively (see ./assertionWords).
//
// Metric checks read the cumulative figures of the live run (since t=0); request checks are
// answered by sending that request through the engine at evaluation time (see probeKey / runProbes).
import type { ViewerRequest, ViewerResult } from '../engine/types';
import { parseAssertion } from './assertionParser';
import type {
  AssertionAst,
  AssertionMetrics,
  ComparisonOp,
  Evaluation,
  MetricAssertion,
  MetricName,
  ProbeResult,
  RequestAssertion,
} from './assertionTypes';

export * from './assertionTypes';
export { parseAssertion } from './assertionParser';

const MS_PER_MONTH = 30 * 86_400_000;

function compare(a: number, op: ComparisonOp, b: number): boolean {
  switch (op) {
    case '>':
      return a > b;
    case '>=':
      return a >= b;
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '==':
      return Math.abs(a - b) < 1e-9;
    case '!=':
      return Math.abs(a - b) >= 1e-9;
  }
}

function sum(r: Record<string, number>): number {
  let n = 0;
  for (const k in r) n += r[k];
  return n;
}

/** The metric's current value, or null when it cannot be measured yet. */
export function measureMetric(metric: MetricName, m: AssertionMetrics): number | null {
  const s = m.stats;
  const seconds = m.simTimeMs / 1000;
  switch (metric) {
    case 'simTime':
      return seconds;
    case 'cost':
      return m.costTotal ?? null;
    case 'costPerMonth':
      return m.costTotal == null || m.simTimeMs <= 0 ? null : (m.costTotal * MS_PER_MONTH) / m.simTimeMs;
    case 'latencyMs': {
      const samples = m.samples ?? [];
      if (samples.length === 0) return null;
      let total = 0;
      for (const x of samples) total += x.latencyMs;
      return total / samples.length;
    }
    default:
      break;
  }
  if (!s) return null;
  switch (metric) {
    case 'hitRatio': {
      const cacheable = s.hits + s.refreshHits + s.misses;
      return cacheable === 0 ? null : (s.hits + s.refreshHits) / cacheable;
    }
    case 'offload':
      return s.requests === 0 ? null : (s.requests - sum(s.originRequests)) / s.requests;
    case 'originRequests':
      return sum(s.originRequests);
    case 'originRequestsPerSecond':
      return seconds > 0 ? sum(s.originRequests) / seconds : null;
    case 'requestsPerSecond':
      return seconds > 0 ? s.requests / seconds : null;
    case 'originBytesPerSecond':
      return seconds > 0 ? s.bytesFromOrigins / seconds : null;
    default:
      return s[metric];
  }
}

/** Request checks sharing a key share one probe request. */
export function probeKey(a: RequestAssertion): string {
  return a.country === undefined
    ? `${a.method} ${a.path} ${a.pop}`
    : `${a.method} ${a.path} ${a.pop} ${a.country}`;
}

/** What a browser sends, so a request check shares cache entries with the simulated traffic. */
const BROWSER_HEADERS = { 'accept-encoding': 'gzip, deflate, br' };

/** The viewer request a request check sends (to the distribution's domain, over HTTPS, like a browser). */
export function probeRequest(a: RequestAssertion, domainName: string): ViewerRequest {
  return {
    method: a.method,
    url: `https://${domainName}${a.path}`,
    headers: BROWSER_HEADERS,
    viewer: a.country === undefined ? { pop: a.pop } : { pop: a.pop, country: a.country },
  };
}

/**
 * Sends each distinct request check once through `send` (the worker's or the engine's request())
 * and returns the answers by probeKey. A failing send is recorded as status 0.
 */
export async function runProbes(
  asts: readonly AssertionAst[],
  domainName: string,
  send: (req: ViewerRequest) => Promise<Pick<ViewerResult, 'status' | 'headers'>>,
): Promise<Map<string, ProbeResult>> {
  const out = new Map<string, ProbeResult>();
  for (const a of asts) {
    if (a.kind !== 'request' || out.has(probeKey(a))) continue;
    try {
      const r = await send(probeRequest(a, domainName));
      out.set(probeKey(a), { status: r.status, headers: r.headers });
    } catch {
      out.set(probeKey(a), { status: 0, headers: {} });
    }
  }
  return out;
}

function round(n: number): number {
  return Math.round(n * 1e4) / 1e4;
}

/**
 * Origin requests of the behavior whose path pattern is `pattern` (exactly; a leading '/' is
 * optional, as in CloudFront, spec 3.1). A string when the distribution has no such behavior.
 */
function measureBehavior(ast: MetricAssertion, pattern: string, m: AssertionMetrics): number | string | null {
  const byBehavior = m.stats?.originRequestsByBehavior;
  if (!byBehavior) return null;
  const other = pattern.startsWith('/') ? pattern.slice(1) : `/${pattern}`;
  const count = byBehavior[pattern] ?? (pattern === '*' ? undefined : byBehavior[other]);
  if (count === undefined) {
    const known = Object.keys(byBehavior).map((p) => (p === '*' ? '* (default)' : p));
    return `no cache behavior has the path pattern ${pattern}; this distribution has ${known.join(', ')}`;
  }
  if (ast.metric === 'originRequests') return count;
  return m.simTimeMs > 0 ? count / (m.simTimeMs / 1000) : null;
}

/** The metric's value for this check (per behavior when it names one); a string says why there is none. */
function measure(ast: MetricAssertion, m: AssertionMetrics): number | string | null {
  return ast.behavior === undefined ? measureMetric(ast.metric, m) : measureBehavior(ast, ast.behavior, m);
}

/** Evaluates one parsed assertion against the metrics of the live run. */
export function evaluateAssertion(ast: AssertionAst, m: AssertionMetrics): Evaluation {
  if (m.simTimeMs < ast.afterMs) {
    const measured = ast.kind === 'metric' ? measure(ast, m) : null;
    return {
      status: 'pending',
      measured: typeof measured === 'number' ? round(measured) : measured,
      reason: `checked from ${ast.afterMs / 1000} s of simulated time`,
    };
  }
  if (ast.kind === 'metric') {
    const v = measure(ast, m);
    if (v === null) return { status: 'pending', measured: null, reason: 'no data yet: run the simulation' };
    if (typeof v === 'string') return { status: 'fail', measured: v };
    return { status: compare(v, ast.op, ast.value) ? 'pass' : 'fail', measured: round(v) };
  }
  const probe = m.probes?.get(probeKey(ast));
  if (!probe) return { status: 'pending', measured: null, reason: 'the request has not been sent yet' };
  if (ast.expect.kind === 'status') {
    return {
      status: compare(probe.status, ast.expect.op, ast.expect.value) ? 'pass' : 'fail',
      measured: probe.status,
    };
  }
  const actual = probe.headers[ast.expect.name];
  const measured = actual === undefined ? `no ${ast.expect.name} header` : `${ast.expect.name}: ${actual}`;
  // Prefix match, case-insensitive: "Hit" matches "Hit from cloudfront" but not "RefreshHit from cloudfront".
  const pass = actual !== undefined && actual.toLowerCase().startsWith(ast.expect.value.toLowerCase());
  return { status: pass ? 'pass' : 'fail', measured };
}

/** Parses and evaluates the expression text; a parse error reads as a failing goal with the error as its value. */
export function checkExpression(text: string, m: AssertionMetrics): Evaluation {
  const parsed = parseAssertion(text);
  if (!parsed.ok) return { status: 'fail', measured: parsed.error };
  return evaluateAssertion(parsed.ast, m);
}

/** Where gatherAssertionMetrics reads what the batch does not carry (the worker, or an engine in a test). */
export interface MeasureSources {
  /** cost().total so far, USD */
  cost: () => Promise<number>;
  send: (req: ViewerRequest) => Promise<Pick<ViewerResult, 'status' | 'headers'>>;
  domainName: string;
}

/**
 * The inputs evaluateAssertion reads, for a list of goals: asks for the cost only when a goal needs
 * it, and sends request checks only once their time has come (each probe counts in the stats).
 * Shared by the lesson panel and the scenario's own Checks panel.
 */
export async function gatherAssertionMetrics(
  asts: readonly AssertionAst[],
  base: Pick<AssertionMetrics, 'simTimeMs' | 'stats' | 'samples'>,
  sources: MeasureSources,
): Promise<AssertionMetrics> {
  const needsCost = asts.some(
    (a) => a.kind === 'metric' && (a.metric === 'cost' || a.metric === 'costPerMonth'),
  );
  const due = asts.filter((a) => a.kind === 'request' && base.simTimeMs >= a.afterMs);
  return {
    ...base,
    costTotal: needsCost ? await sources.cost() : null,
    probes: due.length > 0 ? await runProbes(due, sources.domainName, sources.send) : undefined,
  };
}
