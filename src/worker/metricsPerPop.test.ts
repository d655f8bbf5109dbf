import { describe, expect, it } from 'vitest';
import type { TierSnapshot } from '../engine';
import { PerPopMetrics } from './metricsPerPop';

function tier(
  id: string,
  kind: TierSnapshot['kind'],
  hits: number,
  misses: number,
  bytes: number,
): TierSnapshot {
  const location = id.slice(id.indexOf(':') + 1);
  return {
    id,
    kind,
    location,
    region: 'us-east-1',
    bytes,
    objects: 1,
    capacityBytes: 1e9,
    evictions: 0,
    eviction: 'lru',
    requests: hits + misses,
    hits,
    misses,
    bytesOut: 0,
  };
}

describe('PerPopMetrics', () => {
  it('sends each batch the change in lookups and hits per PoP prefix, and the bytes cached per tier', () => {
    const m = new PerPopMetrics();
    expect(m.take(undefined)).toBeUndefined();
    expect(
      m.take([
        tier('pop:NRT51-C1', 'edge', 3, 1, 100),
        tier('pop:NRT57-P2', 'edge', 1, 1, 50),
        tier('pop:FRA56-C1', 'edge', 0, 0, 0),
        tier('rec:ap-northeast-1', 'regional', 1, 1, 70),
        tier('shield:us-east-1', 'shield', 0, 1, 30),
      ]),
    ).toEqual({ pops: ['NRT'], lookups: [6], hits: [4], fill: { edge: 150, regional: 70, shield: 30 } });
    expect(
      m.take([
        tier('pop:NRT51-C1', 'edge', 10, 2, 120),
        tier('pop:NRT57-P2', 'edge', 1, 1, 50),
        tier('pop:FRA56-C1', 'edge', 0, 5, 400),
      ]),
    ).toEqual({
      pops: ['NRT', 'FRA'],
      lookups: [8, 5],
      hits: [7, 0],
      fill: { edge: 570, regional: 0, shield: 0 },
    });
    // Counters that went down belong to a new engine: they count from zero.
    expect(m.take([tier('pop:NRT51-C1', 'edge', 1, 0, 10)])?.lookups).toEqual([1]);
  });
});
