// Standard-log files (spec §2.5): CloudFront's tab-separated layout with its '#Version' and '#Fields'
// header lines, and a CSV of the same fields. Also turns a run() sample into a log record, so the
// access-log table can show bulk traffic next to request() calls. Pure: no clock, no I/O.
import type { LogRecord, SampledRequest } from '../types';
import { LOG_FIELDS } from './logs';

/** The first line of every standard log file. */
export const LOG_VERSION_LINE = '#Version: 1.0';
/** The second line: the field names, space-separated, in the record's order. */
export const LOG_FIELDS_LINE = `#Fields: ${LOG_FIELDS.join(' ')}`;

// Characters CloudFront percent-encodes in log values: whitespace and controls (they would break
// the tab layout), non-ASCII (as UTF-8 bytes), and the quote and backslash.
function needsEscape(code: number): boolean {
  return code <= 0x20 || code >= 0x7f || code === 0x22 || code === 0x5c;
}

function hasEscapable(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (needsEscape(s.charCodeAt(i))) return true;
  return false;
}

/** Percent-encodes one value as CloudFront writes it; '-' for a missing or empty value. */
export function formatLogValue(value: string | number | undefined): string {
  if (value === undefined || value === '') return '-';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '-';
  // Fast path: most values (PoP codes, statuses, plain paths) need nothing.
  if (!hasEscapable(value)) return value;
  let out = '';
  for (const ch of value) {
    const code = ch.charCodeAt(0);
    if (!needsEscape(code)) out += ch;
    else if (code < 0x80) out += '%' + (code < 16 ? '0' : '') + code.toString(16).toUpperCase();
    // A lone surrogate cannot be UTF-8 encoded: write the replacement character's bytes.
    else out += code >= 0xd800 && code <= 0xdfff && ch.length === 1 ? '%EF%BF%BD' : encodeURIComponent(ch);
  }
  return out;
}

/** One record as a TSV line (no newline). */
export function toLogLine(record: LogRecord, fields: readonly string[] = LOG_FIELDS): string {
  let line = '';
  for (let i = 0; i < fields.length; i++) {
    if (i > 0) line += '\t';
    line += formatLogValue(record[fields[i]]);
  }
  return line;
}

/** A whole standard log file: '#Version: 1.0', '#Fields: ...', then one line per record, oldest first. */
export function toCloudFrontLog(records: readonly LogRecord[]): string {
  const lines = [LOG_VERSION_LINE, LOG_FIELDS_LINE];
  for (const r of records) lines.push(toLogLine(r));
  return lines.join('\n') + '\n';
}

/** RFC 4180 quoting: only when the value holds a comma, a quote or a line break. */
function csvCell(value: string | number | undefined): string {
  if (value === undefined || value === '') return '-';
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A CSV with a header row of the standard-log field names; values unescaped except for CSV quoting. */
export function toCsv(records: readonly LogRecord[], fields: readonly string[] = LOG_FIELDS): string {
  const lines = [fields.map(csvCell).join(',')];
  for (const r of records) {
    let line = '';
    for (let i = 0; i < fields.length; i++) line += (i > 0 ? ',' : '') + csvCell(r[fields[i]]);
    lines.push(line);
  }
  return lines.join('\r\n') + '\r\n';
}

/** x-edge-result-type per sampled result kind ('generated' is split by its status below). */
const RESULT_TYPE: Record<Exclude<SampledRequest['result'], 'generated'>, string> = {
  hit: 'Hit',
  miss: 'Miss',
  refreshHit: 'RefreshHit',
  error: 'Error',
};

/** The sample's x-edge-result-type (what the Logs filter matches on, without building a record). */
export function sampleResultType(s: SampledRequest): string {
  if (s.result !== 'generated') return RESULT_TYPE[s.result];
  return (s.status === 301 || s.status === 302) && s.originId === undefined
    ? 'Redirect'
    : 'FunctionGeneratedResponse';
}

const pad = (n: number): string => (n < 10 ? '0' + n : String(n));

/**
 * A standard-log record for one run() sample. The sample carries no viewer IP, headers, query or
 * request id, so those fields are '-' (a modelling gap, shown as such in the UI). A generated 301/302
 * with no origin is the viewer-protocol redirect; other generated responses are taken as
 * CloudFront Functions output (the sample does not say which kind of function answered).
 */
export function sampleToLogRecord(s: SampledRequest, epochMs: number, host: string): LogRecord {
  const end = new Date(epochMs + s.atMs + s.latencyMs);
  const resultType = sampleResultType(s);
  // Served by the shield's cache: it was touched and the origin was not.
  const shieldHit = s.result === 'miss' && s.tiers.includes('shield') && !s.tiers.includes('origin');
  const seconds = Math.round(s.latencyMs) / 1000;
  return {
    date: `${end.getUTCFullYear()}-${pad(end.getUTCMonth() + 1)}-${pad(end.getUTCDate())}`,
    time: `${pad(end.getUTCHours())}:${pad(end.getUTCMinutes())}:${pad(end.getUTCSeconds())}`,
    'x-edge-location': s.pop,
    'sc-bytes': s.bytes,
    'c-ip': s.clientIp ?? '-',
    'cs-method': s.method,
    'cs(Host)': host,
    'cs-uri-stem': s.path,
    'sc-status': s.status,
    'cs(Referer)': '-',
    // Encoded as request()'s records are (src/engine/sim/logs.ts), so both kinds of row read alike.
    'cs(User-Agent)': s.userAgent ? encodeURIComponent(s.userAgent) : '-',
    'cs-uri-query': s.query || '-',
    'cs(Cookie)': s.cookie || '-',
    'x-edge-result-type': resultType,
    'x-edge-request-id': '-',
    'x-host-header': host,
    'cs-protocol': s.protocol ?? 'https',
    'cs-bytes': '-',
    'time-taken': seconds,
    'x-forwarded-for': '-',
    'ssl-protocol': '-',
    'ssl-cipher': '-',
    'x-edge-response-result-type': resultType,
    'cs-protocol-version': 'HTTP/2.0',
    'fle-status': '-',
    'fle-encrypted-fields': '-',
    'c-port': '-',
    'time-to-first-byte': seconds,
    'x-edge-detailed-result-type': shieldHit ? 'OriginShieldHit' : resultType,
    'sc-content-type': '-',
    'sc-content-len': '-',
    'sc-range-start': '-',
    'sc-range-end': '-',
  };
}
