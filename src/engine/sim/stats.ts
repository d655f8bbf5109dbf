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
  /** origin requests by behavior index (ordered behaviors, then the default): an array so the
   * hot path only increments; the record keyed by path pattern is built in snapshot() */
  private readonly byBehavior: number[];

  /** `behaviorPatterns`: each behavior's path pattern by index, the default behavior's as '*' */
  constructor(private readonly behaviorPatterns: readonly string[] = []) {
    this.byBehavior = behaviorPatterns.map(() => 0);
  }

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

  /** `behaviorIndex`: the cache behavior the viewer request matched (ResolvedBehavior.index) */
  originRequest(originId: string, behaviorIndex = -1): void {
    this.originRequestsTotal++;
    this.originRequests[originId] = (this.originRequests[originId] ?? 0) + 1;
    if (behaviorIndex >= 0 && behaviorIndex < this.byBehavior.length) this.byBehavior[behaviorIndex]++;
  }

  functionInvocation(name: string): void {
    this.functionInvocations[name] = (this.functionInvocations[name] ?? 0) + 1;
  }

  snapshot(): Stats {
    // Every behavior appears (0 when it never reached an origin), so a check can tell an idle
    // behavior from a pattern the distribution does not have.
    const originRequestsByBehavior: Record<string, number> = {};
    this.behaviorPatterns.forEach((pattern, i) => {
      originRequestsByBehavior[pattern] = (originRequestsByBehavior[pattern] ?? 0) + this.byBehavior[i];
    });
    return {
      requests: this.requests,
      hits: this.hits,
      misses: this.misses,
      refreshHits: this.refreshHits,
      errors: this.errors,
      generated: this.generated,
      originRequests: { ...this.originRequests },
      functionInvocations: { ...this.functionInvocations },
      originRequestsByBehavior,
      bytesToViewers: this.bytesToViewers,
      bytesFromOrigins: this.bytesFromOrigins,
    };
  }
}
