// Per-node live figures for the canvas badges. Exact where the engine counts: Stats per
// distribution and origin, inspect() per cache instance (PoP, REC, shield). Viewer regions are
// known only through the bounded request sample of each run(), so theirs are weighted estimates,
// flagged as such (and so are tiers when an engine offers no inspect()).
import type { TierSnapshot } from '../engine';
import type { SampledRequest, Stats } from '../engine/types';
import { cacheHitRatio } from './metrics';
import type { NodeCounters } from './protocol';

interface Tally {
  sampled: number;
  hits: number;
  refreshHits: number;
  misses: number;
}

function bump(map: Map<string, Tally>, key: string, weight: number): Tally {
  let t = map.get(key);
  if (!t) {
    t = { sampled: 0, hits: 0, refreshHits: 0, misses: 0 };
    map.set(key, t);
  }
  t.sampled += weight;
  return t;
}

/** Edge-location prefix of a PoP code: 'NRT51-C1' -> 'NRT'. */
export function popPrefix(pop: string): string {
  return pop.length > 3 ? pop.slice(0, 3).toUpperCase() : pop.toUpperCase();
}

/**
 * Accumulates sampled requests by canvas node id. `recOf` maps a PoP prefix to its regional edge
 * cache region (the canvas uses the same mapping, so the badges land on the drawn nodes).
 */
export class NodeTallies {
  private readonly byNode = new Map<string, Tally>();

  constructor(private readonly recOf: (popPrefix: string) => string | undefined) {}

  /**
   * Adds the samples of one run() call. `requests` is how many requests that call made: each
   * sample stands for requests / samples.length of them, so calls sampled at different rates
   * (small and large chunks) still add up to unbiased estimates.
   */
  add(samples: readonly SampledRequest[], requests: number): void {
    if (samples.length === 0) return;
    const w = Math.max(1, requests / samples.length);
    for (const s of samples) {
      const pop = popPrefix(s.pop);
      const edge = bump(this.byNode, `pop:${pop}`, w);
      const viewer = bump(this.byNode, `viewer:${s.viewerRegion}`, w);
      const edgeServed = s.result === 'hit' || s.result === 'refreshHit';
      for (const t of [edge, viewer]) {
        if (s.result === 'hit') t.hits += w;
        else if (s.result === 'refreshHit') t.refreshHits += w;
        else if (s.result === 'miss') t.misses += w;
      }
      // A request that reached the regional tier is a REC hit unless it went further.
      if (!edgeServed && s.tiers.includes('regional')) {
        const rec = this.recOf(pop);
        if (rec) {
          const r = bump(this.byNode, `rec:${rec}`, w);
          if (s.tiers.includes('origin') || s.tiers.includes('shield')) r.misses += w;
          else if (s.result !== 'error' && s.result !== 'generated') r.hits += w;
        }
      }
    }
  }

  /** Node figures for a batch: exact where the engine counts, weighted sample counts elsewhere. */
  snapshot(stats: Stats, tiers?: readonly TierSnapshot[]): Record<string, NodeCounters> {
    const out: Record<string, NodeCounters> = {};
    for (const [id, t] of this.byNode) {
      out[id] = { requests: Math.round(t.sampled), hitRatio: cacheHitRatio(t), estimated: true };
    }
    if (tiers) {
      // Canvas PoP nodes are per 3-letter prefix; the engine may run several codes of one prefix.
      const exact = new Map<string, { requests: number; hits: number; misses: number }>();
      for (const t of tiers) {
        const id = t.kind === 'edge' ? `pop:${popPrefix(t.location)}` : t.id;
        const e = exact.get(id) ?? { requests: 0, hits: 0, misses: 0 };
        e.requests += t.requests;
        e.hits += t.hits;
        e.misses += t.misses;
        exact.set(id, e);
      }
      for (const [id, e] of exact) {
        const lookups = e.hits + e.misses;
        out[id] = { requests: e.requests, hitRatio: lookups > 0 ? e.hits / lookups : null, estimated: false };
      }
    }
    out['distribution'] = { requests: stats.requests, hitRatio: cacheHitRatio(stats), estimated: false };
    for (const originId in stats.originRequests) {
      out[`origin:${originId}`] = {
        requests: stats.originRequests[originId],
        hitRatio: null,
        estimated: false,
      };
    }
    return out;
  }
}
