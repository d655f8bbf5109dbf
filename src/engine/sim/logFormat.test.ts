import { describe, expect, it } from 'vitest';
import type { LogRecord, SampledRequest } from '../types';
import {
  formatLogValue,
  LOG_FIELDS_LINE,
  LOG_VERSION_LINE,
  sampleToLogRecord,
  toCloudFrontLog,
  toCsv,
  toLogLine,
} from './logFormat';
import { createEngine } from '../index';
import { LOG_FIELDS } from './logs';
import { catalogScenario } from './testing/harness';

const EPOCH = Date.UTC(2024, 0, 1);

function sample(over: Partial<SampledRequest> = {}): SampledRequest {
  return {
    atMs: 61_000,
    method: 'GET',
    path: '/img/a b.png',
    pop: 'NRT51-C1',
    viewerRegion: 'ap-northeast',
    result: 'hit',
    status: 200,
    tiers: ['edge'],
    latencyMs: 23.4,
    bytes: 5120,
    ...over,
  };
}

describe('standard log file layout', () => {
  it('starts with the version and fields lines, fields in the documented order', () => {
    const text = toCloudFrontLog([]);
    expect(text).toBe(`${LOG_VERSION_LINE}\n${LOG_FIELDS_LINE}\n`);
    expect(LOG_VERSION_LINE).toBe('#Version: 1.0');
    expect(LOG_FIELDS_LINE.split(' ').slice(0, 6)).toEqual([
      '#Fields:',
      'date',
      'time',
      'x-edge-location',
      'sc-bytes',
      'c-ip',
    ]);
    expect(LOG_FIELDS_LINE.split(' ')).toHaveLength(34);
    expect(LOG_FIELDS_LINE.endsWith('sc-range-start sc-range-end')).toBe(true);
  });

  it('writes one tab-separated line of 33 values per record, in field order', () => {
    const rec = sampleToLogRecord(sample(), EPOCH, 'd111111abcdef8.cloudfront.net');
    const lines = toCloudFrontLog([rec]).split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe('');
    const cols = lines[2].split('\t');
    expect(cols).toHaveLength(33);
    expect(cols.slice(0, 9)).toEqual([
      '2024-01-01',
      '00:01:01',
      'NRT51-C1',
      '5120',
      '-',
      'GET',
      'd111111abcdef8.cloudfront.net',
      '/img/a%20b.png',
      '200',
    ]);
    expect(cols[LOG_FIELDS.indexOf('x-edge-result-type')]).toBe('Hit');
    expect(cols[LOG_FIELDS.indexOf('time-taken')]).toBe('0.023');
    expect(cols[LOG_FIELDS.indexOf('cs-protocol-version')]).toBe('HTTP/2.0');
  });

  it("fills the viewer's IP, query, cookie, protocol and user agent when the sample carries them", () => {
    const rec = sampleToLogRecord(
      sample({
        clientIp: '203.0.113.7',
        query: 'cb=42',
        cookie: 'session=abc',
        protocol: 'http',
        userAgent: 'Mozilla/5.0 (X)',
      }),
      EPOCH,
      'd111111abcdef8.cloudfront.net',
    );
    expect(rec['c-ip']).toBe('203.0.113.7');
    expect(rec['cs-uri-query']).toBe('cb=42');
    expect(rec['cs(Cookie)']).toBe('session=abc');
    expect(rec['cs-protocol']).toBe('http');
    expect(rec['cs(User-Agent)']).toBe('Mozilla%2F5.0%20(X)');
    const bare = sampleToLogRecord(sample(), EPOCH, 'd111111abcdef8.cloudfront.net');
    expect([bare['c-ip'], bare['cs-uri-query'], bare['cs(Cookie)']]).toEqual(['-', '-', '-']);
  });

  it("writes '-' for empty and missing values", () => {
    const line = toLogLine({ date: '2024-01-01', time: '' } as LogRecord, ['date', 'time', 'c-ip']);
    expect(line).toBe('2024-01-01\t-\t-');
    expect(formatLogValue(Number.NaN)).toBe('-');
  });

  it('percent-encodes spaces, tabs, quotes and non-ASCII like CloudFront, leaves safe text alone', () => {
    expect(formatLogValue('/a b/c.png')).toBe('/a%20b/c.png');
    expect(formatLogValue('x\ty')).toBe('x%09y');
    expect(formatLogValue('say "hi"')).toBe('say%20%22hi%22');
    expect(formatLogValue('/caf\u00e9')).toBe('/caf%C3%A9');
    expect(formatLogValue('/already%20encoded?x=1&y=2')).toBe('/already%20encoded?x=1&y=2');
    expect(formatLogValue(0)).toBe('0');
  });
});

describe('CSV export', () => {
  it('has a header row of field names and quotes only values that need it', () => {
    const csv = toCsv(
      [
        { a: 'x,y', b: 'say "hi"', c: '' },
        { a: 1, b: 'plain', c: 'multi\nline' },
      ],
      ['a', 'b', 'c'],
    );
    expect(csv).toBe('a,b,c\r\n"x,y","say ""hi""",-\r\n1,plain,"multi\nline"\r\n');
  });

  it('uses the 33 standard fields by default', () => {
    const csv = toCsv([]);
    expect(csv).toBe(LOG_FIELDS.join(',') + '\r\n');
  });
});

describe('log records from run() samples', () => {
  it('names redirects and function responses apart', () => {
    const redirect = sampleToLogRecord(
      sample({ result: 'generated', status: 301, tiers: ['edge'] }),
      EPOCH,
      'h',
    );
    expect(redirect['x-edge-result-type']).toBe('Redirect');
    const fn = sampleToLogRecord(sample({ result: 'generated', status: 200 }), EPOCH, 'h');
    expect(fn['x-edge-result-type']).toBe('FunctionGeneratedResponse');
  });

  it('marks a miss the shield served as OriginShieldHit in the detailed type only', () => {
    const r = sampleToLogRecord(
      sample({ result: 'miss', tiers: ['edge', 'regional', 'shield'] }),
      EPOCH,
      'h',
    );
    expect(r['x-edge-result-type']).toBe('Miss');
    expect(r['x-edge-detailed-result-type']).toBe('OriginShieldHit');
    const o = sampleToLogRecord(
      sample({ result: 'miss', tiers: ['edge', 'regional', 'shield', 'origin'], originId: 'o' }),
      EPOCH,
      'h',
    );
    expect(o['x-edge-detailed-result-type']).toBe('Miss');
  });

  it('dates the record at the end of the response', () => {
    const r = sampleToLogRecord(sample({ atMs: 86_399_990, latencyMs: 20 }), EPOCH, 'h');
    expect([r.date, r.time]).toEqual(['2024-01-02', '00:00:00']);
  });

  it("carries run()'s viewer IP, query, cookie and protocol into the log row", async () => {
    const scenario = catalogScenario();
    scenario.traffic = {
      ...scenario.traffic!,
      cacheBustingShare: 1,
      varyingCookieShare: 1,
      httpsShare: 0,
    };
    const { samples } = (await createEngine(scenario)).run(5_000);
    expect(samples.length).toBeGreaterThan(10);
    const rows = samples.map((x) => sampleToLogRecord(x, EPOCH, 'h'));
    for (const r of rows) {
      expect(r['c-ip']).toMatch(/^\d+\.\d+\.\d+\.\d+$|:/);
      expect(r['cs-uri-query']).not.toBe('-');
      expect(r['cs(Cookie)']).not.toBe('-');
      expect(r['cs-protocol']).toBe('http');
      expect(r['cs(User-Agent)']).toContain('EdgeLab');
    }
  });
});
