// Cumulative counters (the public Stats). Every request counts in exactly one of hits, misses,
// refreshHits, errors and generated (DESIGN.md: the counters partition requests).
import type { Stats } from '../types';
import type { ResultType } from './model';

export class StatsCounter {
  requests = 0;
  hits = 0;
  misses = 0;
  refreshHits = 0;
  errors = 0;
  generated = 0;
  bytesToViewers = 0;
  bytesFromOrigins = 0;
  originRequestsTotal = 0;
  /** every request sent to an origin: connection attempts incl. retries, conditional
   * (revalidation) requests and failover attempts; one per originFetch call */
  readonly originRequests: Record<string, number> = {};
  readonly functionInvocations: Record<string, number> = {};

  count(result: ResultType, bytesToViewer: number): void {
    this.requests++;
    this.bytesToViewers += bytesToViewer;
    switch (result) {
      case 'Hit':
        this.hits++;
        break;
      case 'Miss':
        this.misses++;
        break;
      case 'RefreshHit':
        this.refreshHits++;
        break;
      case 'Error':
        this.errors++;
        break;
      default:
        this.generated++;
    }
  }

  originRequest(originId: string): void {
    this.originRequestsTotal++;
    this.originRequests[originId] = (this.originRequests[originId] ?? 0) + 1;
  }

  functionInvocation(name: string): void {
    this.functionInvocations[name] = (this.functionInvocations[name] ?? 0) + 1;
  }

  snapshot(): Stats {
    return {
      requests: this.requests,
      hits: this.hits,
      misses: this.misses,
      refreshHits: this.refreshHits,
      errors: this.errors,
      generated: this.generated,
      originRequests: { ...this.originRequests },
      functionInvocations: { ...this.functionInvocations },
      bytesToViewers: this.bytesToViewers,
      bytesFromOrigins: this.bytesFromOrigins,
    };
  }
}
