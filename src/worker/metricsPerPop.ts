// Per-PoP hit figures and cache fill per tier for one batch, from the engine's exact per-cache
// counters (inspect()). The counters are cumulative, so this keeps the previous batch's readings
// and sends only the change: compact arrays of the PoPs that saw lookups in this batch.
import type { TierSnapshot } from '../engine';
import { popPrefix } from './nodeTallies';
import type { TierBatch } from './protocol';

export class PerPopMetrics {
  /** cumulative [lookups, hits] per cache instance id at the previous batch */
  private readonly last = new Map<string, { lookups: number; hits: number }>();
  /** reused between batches: PoP prefix -> index in the arrays being built */
  private readonly slot = new Map<string, number>();

  /** This batch's figures; undefined when the engine offers no per-cache counters. */
  take(tiers: readonly TierSnapshot[] | undefined): TierBatch | undefined {
    if (!tiers) return undefined;
    const out: TierBatch = { pops: [], lookups: [], hits: [], fill: { edge: 0, regional: 0, shield: 0 } };
    this.slot.clear();
    for (const t of tiers) {
      out.fill[t.kind] += t.bytes;
      if (t.kind !== 'edge') continue;
      const lookups = t.hits + t.misses;
      const prev = this.last.get(t.id);
      // A smaller reading means a new engine (a reload): start over from zero.
      const fresh = !prev || prev.lookups > lookups;
      const dLookups = fresh ? lookups : lookups - prev.lookups;
      const dHits = fresh ? t.hits : t.hits - prev.hits;
      if (prev) {
        prev.lookups = lookups;
        prev.hits = t.hits;
      } else this.last.set(t.id, { lookups, hits: t.hits });
      if (dLookups <= 0) continue;
      // Canvas PoP nodes are per 3-letter prefix; the engine may run several codes of one prefix.
      const pop = popPrefix(t.location);
      let i = this.slot.get(pop);
      if (i === undefined) {
        i = out.pops.length;
        this.slot.set(pop, i);
        out.pops.push(pop);
        out.lookups.push(0);
        out.hits.push(0);
      }
      out.lookups[i] += dLookups;
      out.hits[i] += dHits;
    }
    return out;
  }
}
