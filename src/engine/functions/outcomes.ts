// Building the outcomes the pipeline receives: invocation info with lazily built inspector
// objects, error outcomes with actionable messages, and copies of cached CloudFront
// Functions outcomes revived for a new request.

import type { EdgeRequest, EdgeResponse, HeaderMap } from '../http/model';
import { CLOUDFRONT_FUNCTION_LIMITS, formatBytes, SANDBOX_LIMITS } from './limits';
import type { CallResult } from './sandbox';
import type { FunctionOutcome, InvocationInfo } from './types';
import type { Reply } from './wire';

export const round3 = (x: number) => Math.round(x * 1000) / 1000;

const INPUT = Symbol('input');
const OUTPUT = Symbol('output');
type Lazy = { [INPUT]: () => unknown; [OUTPUT]: () => unknown };

// Shared getters: a per-object accessor closure would give every InvocationInfo its own
// hidden class in V8 and turn bulk runs into a garbage-collection storm. The value is
// built on first read (bulk runs never pay for objects the inspector does not look at).
function lazyGetter(slot: typeof INPUT | typeof OUTPUT, key: 'input' | 'output'): PropertyDescriptor {
  return {
    enumerable: true,
    configurable: true,
    get(this: Lazy) {
      const value = this[slot]();
      Object.defineProperty(this, key, { value, enumerable: true, configurable: true, writable: true });
      return value;
    },
  };
}
const INPUT_DESCRIPTOR = lazyGetter(INPUT, 'input');
const OUTPUT_DESCRIPTOR = lazyGetter(OUTPUT, 'output');

export function invocationInfo(
  functionName: string,
  logs: string[],
  durationMs: number,
  computeUtilization: number | undefined,
  input: () => unknown,
  output: () => unknown,
  kvsReads = 0,
): InvocationInfo {
  const info: InvocationInfo & Lazy = {
    functionName,
    logs,
    durationMs,
    computeUtilization,
    [INPUT]: input,
    [OUTPUT]: output,
  };
  if (computeUtilization === undefined) delete info.computeUtilization;
  if (kvsReads > 0) info.kvsReads = kvsReads;
  Object.defineProperty(info, 'input', INPUT_DESCRIPTOR);
  Object.defineProperty(info, 'output', OUTPUT_DESCRIPTOR);
  return info;
}

/** A decoded CloudFront Functions outcome kept in the result cache (copied, so the pipeline
 * may change what it receives). */
export interface CffTemplate {
  outcome: FunctionOutcome;
  output: () => unknown;
  bodyReplaced: boolean;
}

function cloneHeaders(h: HeaderMap): HeaderMap {
  const out: HeaderMap = {};
  for (const k in h) out[k] = h[k].slice();
  return out;
}
function cloneResponse(r: EdgeResponse): EdgeResponse {
  return { ...r, headers: cloneHeaders(r.headers) };
}

export function cffTemplate(outcome: FunctionOutcome, bodyReplaced: boolean): CffTemplate {
  const info = outcome.info;
  const output = () => info.output;
  const copy: FunctionOutcome =
    outcome.kind === 'continue-request'
      ? { ...outcome, request: { ...outcome.request, headers: cloneHeaders(outcome.request.headers) } }
      : outcome.kind === 'error'
        ? { ...outcome }
        : { ...outcome, response: cloneResponse(outcome.response) };
  return { outcome: copy, output, bodyReplaced };
}

/** A cached outcome for the current request: its own copies, its viewer ip, its own body. */
export function reviveCff(
  t: CffTemplate,
  request: EdgeRequest,
  response: EdgeResponse | undefined,
  input: () => unknown,
): FunctionOutcome {
  const o = t.outcome;
  const i = o.info;
  // a cached hit is a real invocation in CloudFront: it reads (and bills) the store again
  const info = invocationInfo(
    i.functionName,
    i.logs,
    i.durationMs,
    i.computeUtilization,
    input,
    t.output,
    i.kvsReads,
  );
  switch (o.kind) {
    case 'continue-request': {
      const r: EdgeRequest = {
        method: o.request.method,
        uri: o.request.uri,
        querystring: o.request.querystring,
        headers: cloneHeaders(o.request.headers),
        clientIp: request.clientIp,
      };
      if (request.body !== undefined) r.body = request.body;
      return { kind: 'continue-request', request: r, info };
    }
    case 'generated-response':
      return { kind: 'generated-response', response: cloneResponse(o.response), info };
    case 'continue-response': {
      const r = cloneResponse(o.response);
      if (response && !t.bodyReplaced) {
        // the function left the body alone: it is this response's body, not the cached one's
        if (response.body === undefined) delete r.body;
        else r.body = response.body;
        r.bodySize = response.bodySize;
      }
      return { kind: 'continue-response', response: r, info };
    }
    case 'error':
      return { ...o, info };
  }
}

/** QuickJS reports an allocation over the limit as a (catchable) InternalError. */
export function isOutOfMemory(reply: Reply): boolean {
  return (reply.p[0] ?? '').startsWith('InternalError: out of memory');
}
export function outOfMemory(kind: 'cff' | 'lambda'): Extract<CallResult, { ok: false }> {
  const limit = kind === 'cff' ? CLOUDFRONT_FUNCTION_LIMITS.maxMemoryBytes : SANDBOX_LIMITS.lambdaMemoryBytes;
  return {
    ok: false,
    limit: 'memory',
    message: `went over its ${formatBytes(limit)} memory limit and was stopped`,
    units: 0,
  };
}

export function thrown(reply: Reply, info: InvocationInfo, status: number, label: string): FunctionOutcome {
  const [message, line] = reply.p;
  return {
    kind: 'error',
    status,
    errorType: 'execution',
    message: `${label} failed: ${message ?? 'it threw'}${line ? ` (line ${line})` : ''}`,
    info,
  };
}

export function validation(message: string, info: InvocationInfo): FunctionOutcome {
  return {
    kind: 'error',
    status: 502,
    errorType: 'validation',
    message: `The function's result failed validation: ${message}`,
    info,
  };
}
