// A JSON-safe snapshot of the simulated network for the UI: per cache instance its bytes,
// objects, capacity and counters (edge PoPs, regional edge caches, Origin Shield).
import type { Topology } from './topology';

export interface TierSnapshot {
  /** canvas-friendly id: 'pop:IAD66-C1', 'rec:us-east-1', 'shield:us-east-1' */
  id: string;
  kind: 'edge' | 'regional' | 'shield';
  /** PoP code or region */
  location: string;
  /** the REC region of a PoP; the region of a REC or shield */
  region: string;
  bytes: number;
  objects: number;
  capacityBytes: number;
  evictions: number;
  eviction: 'lru' | 'fifo';
  requests: number;
  /** requests answered from this tier's cache (fresh, collapsed, revalidated or stale) */
  hits: number;
  /** requests this tier passed up */
  misses: number;
  /** bytes sent to viewers (edge PoPs only) */
  bytesOut: number;
}

export interface EngineSnapshot {
  nowMs: number;
  tiers: TierSnapshot[];
  invalidations: Array<{
    id: string;
    paths: string[];
    createdAtMs: number;
    status: 'InProgress' | 'Completed';
    wildcards: number;
  }>;
}

const PREFIX = { edge: 'pop', regional: 'rec', shield: 'shield' } as const;

export function buildSnapshot(
  topology: Topology,
  invalidations: EngineSnapshot['invalidations'],
  nowMs: number,
): EngineSnapshot {
  return {
    nowMs,
    tiers: topology.allTiers().map((t) => ({
      id: `${PREFIX[t.kind]}:${t.location}`,
      kind: t.kind,
      location: t.location,
      region: t.region,
      bytes: t.store.bytes,
      objects: t.store.count,
      capacityBytes: t.store.capacityBytes,
      evictions: t.store.evictions,
      eviction: t.store.policy,
      requests: t.counters.requests,
      hits: t.counters.hits,
      misses: t.counters.misses,
      bytesOut: t.counters.bytesOut,
    })),
    invalidations,
  };
}
