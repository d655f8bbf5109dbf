// The newest sampled request per place a person can click on the canvas ("Show a recent request
// through here"). A batch's animation sample is the 40 most recent requests, so a viewer region with
// 7% of the traffic is missing from it about one batch in twenty, and a paused run's report holds
// none at all; this keeps one request per place for as long as the engine runs, bounded by the
// topology's size, not by the traffic.
import type { SampledRequest } from '../engine/types';

export class LastSeenSamples {
  private readonly byPlace = new Map<string, SampledRequest>();

  /** Offers samples in the order they happened; the later one for a place wins. */
  add(samples: readonly SampledRequest[]): void {
    const m = this.byPlace;
    for (const s of samples) {
      m.set(`r:${s.viewerRegion}`, s);
      m.set(`p:${s.pop}`, s);
      // past the edge: what a regional edge cache, Origin Shield or an origin behind this PoP saw
      if (s.tiers.length > 1) m.set(`d:${s.pop}`, s);
      if (s.originId !== undefined) m.set(`o:${s.originId}`, s);
    }
  }

  /** One request per place (each at most once), oldest first. */
  values(): SampledRequest[] {
    return [...new Set(this.byPlace.values())].sort((a, b) => a.atMs - b.atMs);
  }

  clear(): void {
    this.byPlace.clear();
  }
}
