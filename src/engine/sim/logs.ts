// Standard-log records (spec §2.5: the 33 fields of the legacy format, in order) for request()
// calls, kept in a bounded ring so a long session cannot grow memory.
import type { LogRecord } from '../types';
import type { RequestCtx } from './model';

export const LOG_FIELDS = [
  'date',
  'time',
  'x-edge-location',
  'sc-bytes',
  'c-ip',
  'cs-method',
  'cs(Host)',
  'cs-uri-stem',
  'sc-status',
  'cs(Referer)',
  'cs(User-Agent)',
  'cs-uri-query',
  'cs(Cookie)',
  'x-edge-result-type',
  'x-edge-request-id',
  'x-host-header',
  'cs-protocol',
  'cs-bytes',
  'time-taken',
  'x-forwarded-for',
  'ssl-protocol',
  'ssl-cipher',
  'x-edge-response-result-type',
  'cs-protocol-version',
  'fle-status',
  'fle-encrypted-fields',
  'c-port',
  'time-to-first-byte',
  'x-edge-detailed-result-type',
  'sc-content-type',
  'sc-content-len',
  'sc-range-start',
  'sc-range-end',
] as const;

/** How many records logs() keeps (oldest dropped first). */
export const LOG_CAPACITY = 10_000;

/** The TLS a modelled HTTPS viewer negotiates (the log's ssl-protocol / ssl-cipher). */
const MODELLED_TLS = { protocol: 'TLSv1.3', cipher: 'TLS_AES_128_GCM_SHA256' } as const;

const pad = (n: number): string => (n < 10 ? '0' + n : String(n));
const dash = (v: string | undefined): string => (v === undefined || v === '' ? '-' : v);

export class LogRing {
  private readonly buf: LogRecord[] = [];
  private start = 0;

  push(r: LogRecord): void {
    if (this.buf.length < LOG_CAPACITY) this.buf.push(r);
    else {
      this.buf[this.start] = r;
      this.start = (this.start + 1) % LOG_CAPACITY;
    }
  }

  /** Oldest first. */
  all(): LogRecord[] {
    return [...this.buf.slice(this.start), ...this.buf.slice(0, this.start)];
  }
}

/** One record for a finished request() (wall clock = epochMs + simulated ms). */
export function logRecord(
  ctx: RequestCtx,
  epochMs: number,
  latencyMs: number,
  scBytes: number,
  responseHeaders: Record<string, string>,
): LogRecord {
  const end = new Date(epochMs + ctx.t0 + latencyMs);
  const h = ctx.headers;
  const first = (name: string): string | undefined => h[name]?.[0];
  let csBytes = ctx.method.length + ctx.originalUri.length + ctx.originalQuery.length + 12;
  for (const name in h) for (const v of h[name]) csBytes += name.length + v.length + 4;
  if (ctx.body) csBytes += ctx.body.length;
  const contentLen = responseHeaders['content-length'];
  const https = ctx.scheme === 'https';
  return {
    date: `${end.getUTCFullYear()}-${pad(end.getUTCMonth() + 1)}-${pad(end.getUTCDate())}`,
    time: `${pad(end.getUTCHours())}:${pad(end.getUTCMinutes())}:${pad(end.getUTCSeconds())}`,
    'x-edge-location': ctx.pop.code,
    'sc-bytes': scBytes,
    'c-ip': ctx.clientIp,
    'cs-method': ctx.method,
    'cs(Host)': ctx.host,
    'cs-uri-stem': ctx.originalUri,
    'sc-status': ctx.status,
    'cs(Referer)': dash(first('referer')),
    'cs(User-Agent)': dash(
      first('user-agent') === undefined ? undefined : encodeURIComponent(first('user-agent')!),
    ),
    'cs-uri-query': dash(ctx.originalQuery),
    'cs(Cookie)': dash(h['cookie']?.join('; ')),
    'x-edge-result-type': ctx.resultType,
    'x-edge-request-id': ctx.requestId,
    'x-host-header': ctx.host,
    'cs-protocol': ctx.scheme,
    'cs-bytes': csBytes,
    'time-taken': Math.round(latencyMs) / 1000,
    'x-forwarded-for': dash(first('x-forwarded-for')),
    'ssl-protocol': https ? MODELLED_TLS.protocol : '-',
    'ssl-cipher': https ? MODELLED_TLS.cipher : '-',
    'x-edge-response-result-type': ctx.resultType,
    'cs-protocol-version': `HTTP/${ctx.httpVersion}`,
    'fle-status': '-',
    'fle-encrypted-fields': '-',
    'c-port': 1024 + ((ctx.seq * 7919) % 64000),
    'time-to-first-byte': Math.round(latencyMs) / 1000,
    'x-edge-detailed-result-type': ctx.detailedType || ctx.resultType,
    'sc-content-type': dash(responseHeaders['content-type']),
    'sc-content-len': contentLen === undefined ? '-' : Number(contentLen),
    'sc-range-start': '-',
    'sc-range-end': '-',
  };
}
