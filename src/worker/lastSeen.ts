// The newest sampled request per place a person can click on the canvas ("Show a recent request
// through here"). A batch's animation sample is the 40 most recent requests, so a viewer region with
// 7% of the traffic is missing from it about one batch in twenty, and a paused run's report holds
// none at all; this keeps one request per place for as long as the engine runs, bounded by the
// topology's size, not by the traffic. It sees all of every run()'s samples (a region's only
// request in a step must count) and allocates nothing on the way.
import type { SampledRequest } from '../engine/types';

export class LastSeenSamples {
  private readonly byRegion = new Map<string, SampledRequest>();
  private readonly byPop = new Map<string, SampledRequest>();
  /** past the edge: what a regional edge cache, Origin Shield or an origin behind this PoP saw */
  private readonly pastEdgeByPop = new Map<string, SampledRequest>();
  private readonly byOrigin = new Map<string, SampledRequest>();

  /** Offers samples in the order they happened; the later one for a place wins. */
  add(samples: readonly SampledRequest[]): void {
    for (const s of samples) {
      this.byRegion.set(s.viewerRegion, s);
      this.byPop.set(s.pop, s);
      if (s.tiers.length > 1) this.pastEdgeByPop.set(s.pop, s);
      if (s.originId !== undefined) this.byOrigin.set(s.originId, s);
    }
  }

  /** One request per place (each at most once), oldest first. */
  values(): SampledRequest[] {
    const all = new Set([
      ...this.byRegion.values(),
      ...this.byPop.values(),
      ...this.pastEdgeByPop.values(),
      ...this.byOrigin.values(),
    ]);
    return [...all].sort((a, b) => a.atMs - b.atMs);
  }

  clear(): void {
    this.byRegion.clear();
    this.byPop.clear();
    this.pastEdgeByPop.clear();
    this.byOrigin.clear();
  }
}
