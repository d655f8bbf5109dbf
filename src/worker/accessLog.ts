// The access-log buffer the Logs, Latency and export features read: standard-log records for the
// run() samples and for every request() call, newest kept, bounded so a long session stays flat.
// Lives in the worker: the UI asks for a filtered page (or a whole file) instead of receiving
// thousands of rows ten times a second.
import { sampleResultType, sampleToLogRecord, toCloudFrontLog, toCsv } from '../engine/sim/logFormat';
import type { Engine, LogRecord, RunSummary, SampledRequest } from '../engine/types';

/** Records kept (oldest dropped first). */
export const ACCESS_LOG_CAPACITY = 5_000;
/** Rows one query returns for the table (newest first); exports take every match. */
export const ACCESS_LOG_PAGE = 200;

export type StatusClass = '2xx' | '3xx' | '4xx' | '5xx';

export interface LogFilter {
  /** x-edge-result-type, e.g. 'Hit'; empty = any */
  resultType?: string;
  statusClass?: StatusClass | '';
  /** x-edge-location, e.g. 'NRT51-C1'; empty = any */
  pop?: string;
  /** substring of cs-uri-stem, case-sensitive as paths are */
  pathContains?: string;
}

export interface LogPage {
  /** newest first, at most ACCESS_LOG_PAGE */
  rows: LogRecord[];
  matched: number;
  /** records in the buffer */
  total: number;
  /** every PoP and result type seen in the buffer, sorted, for the filter menus */
  pops: string[];
  resultTypes: string[];
}

export interface RegionLatency {
  region: string;
  count: number;
  p50: number;
  p95: number;
  p99: number;
}

export interface LatencyReport {
  /** run() samples the percentiles come from */
  sampleCount: number;
  regions: RegionLatency[];
}

/**
 * A run() sample is kept as is and turned into a log record only when shown or exported: samples
 * arrive by the thousand per second at high speed, records are read a few hundred at a time.
 */
interface Entry {
  sample: SampledRequest | null;
  /** a request() call's record (null for a sample until it is first needed) */
  record: LogRecord | null;
}

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

function matchesSample(s: SampledRequest, f: LogFilter): boolean {
  if (f.resultType && sampleResultType(s) !== f.resultType) return false;
  if (f.pop && s.pop !== f.pop) return false;
  if (f.statusClass && String(s.status)[0] !== f.statusClass[0]) return false;
  if (f.pathContains && !s.path.includes(f.pathContains)) return false;
  return true;
}

function matchesRecord(r: LogRecord, f: LogFilter): boolean {
  if (f.resultType && r['x-edge-result-type'] !== f.resultType) return false;
  if (f.pop && r['x-edge-location'] !== f.pop) return false;
  if (f.statusClass && String(r['sc-status'])[0] !== f.statusClass[0]) return false;
  if (f.pathContains && !String(r['cs-uri-stem']).includes(f.pathContains)) return false;
  return true;
}

export class AccessLog {
  private readonly buf: Entry[] = [];
  private start = 0;

  constructor(
    private readonly epochMs: number,
    private readonly host: string,
    private readonly capacity = ACCESS_LOG_CAPACITY,
  ) {}

  addSamples(samples: readonly SampledRequest[]): void {
    for (const sample of samples) this.push({ sample, record: null });
  }

  addRequestRecord(record: LogRecord): void {
    this.push({ sample: null, record });
  }

  private push(e: Entry): void {
    if (this.buf.length < this.capacity) this.buf.push(e);
    else {
      this.buf[this.start] = e;
      this.start = (this.start + 1) % this.capacity;
    }
  }

  private recordOf(e: Entry): LogRecord {
    if (e.record === null && e.sample !== null)
      e.record = sampleToLogRecord(e.sample, this.epochMs, this.host);
    return e.record as LogRecord;
  }

  /** Matching entries, oldest first. */
  private matching(filter: LogFilter): Entry[] {
    const out: Entry[] = [];
    const n = this.buf.length;
    for (let k = 0; k < n; k++) {
      const e = this.buf[(this.start + k) % n];
      if (e.sample !== null ? matchesSample(e.sample, filter) : matchesRecord(e.record as LogRecord, filter))
        out.push(e);
    }
    return out;
  }

  query(filter: LogFilter): LogPage {
    const all = this.matching(filter);
    const pops = new Set<string>();
    const types = new Set<string>();
    for (const e of this.buf) {
      if (e.sample !== null) {
        pops.add(e.sample.pop);
        types.add(sampleResultType(e.sample));
      } else if (e.record !== null) {
        pops.add(String(e.record['x-edge-location']));
        types.add(String(e.record['x-edge-result-type']));
      }
    }
    const rows: LogRecord[] = [];
    for (let i = all.length - 1; i >= 0 && rows.length < ACCESS_LOG_PAGE; i--)
      rows.push(this.recordOf(all[i]));
    return {
      rows,
      matched: all.length,
      total: this.buf.length,
      pops: [...pops].sort(),
      resultTypes: [...types].sort(),
    };
  }

  /** Every matching record as a file: CloudFront's tab-separated layout or CSV. */
  export(filter: LogFilter, format: 'tsv' | 'csv'): string {
    const rows = this.matching(filter).map((e) => this.recordOf(e));
    return format === 'tsv' ? toCloudFrontLog(rows) : toCsv(rows);
  }

  /** p50/p95/p99 of time seen by the viewer, per viewer region, over the run() samples held. */
  latency(): LatencyReport {
    const byRegion = new Map<string, number[]>();
    let count = 0;
    for (const e of this.buf) {
      if (e.sample === null) continue;
      count++;
      let list = byRegion.get(e.sample.viewerRegion);
      if (!list) byRegion.set(e.sample.viewerRegion, (list = []));
      list.push(e.sample.latencyMs);
    }
    const regions: RegionLatency[] = [];
    for (const [region, list] of byRegion) {
      list.sort((a, b) => a - b);
      regions.push({
        region,
        count: list.length,
        p50: percentile(list, 50),
        p95: percentile(list, 95),
        p99: percentile(list, 99),
      });
    }
    regions.sort((a, b) => a.region.localeCompare(b.region));
    return { sampleCount: count, regions };
  }
}

/** The same engine, with every run() summary handed to `onRun` (the loop stays unaware of the log). */
export function tapRuns(engine: Engine, onRun: (summary: RunSummary) => void): Engine {
  return {
    request: (req) => engine.request(req),
    advance: (ms) => engine.advance(ms),
    now: () => engine.now(),
    invalidate: (paths) => engine.invalidate(paths),
    invalidation: (id) => engine.invalidation(id),
    run: (ms) => {
      const summary = engine.run(ms);
      onRun(summary);
      return summary;
    },
    stats: () => engine.stats(),
    logs: () => engine.logs(),
    cost: () => engine.cost(),
  };
}
