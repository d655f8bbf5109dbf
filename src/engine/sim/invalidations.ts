// CreateInvalidation (spec §5): validated by the rules module, removes every matching key from
// every tier (edge, REC, shield; all header/cookie variants share one target) when submitted,
// and reads InProgress until settings.invalidationCompletionMs has passed, then Completed.
// Removing at submission is within "reaches all edges within seconds" and guarantees nothing
// matching is served after Completed.
import type { CostMeter } from '../cost/CostMeter';
import { CloudFrontApiError } from '../errors';
import { compileInvalidationPath, isWildcardPath, validateInvalidationBatch } from '../invalidation/paths';
import type { InvalidationStatus } from '../types';
import type { IdSource } from './ids';
import type { Topology } from './topology';

interface Invalidation {
  id: string;
  paths: string[];
  createdAt: number;
  files: number;
  wildcards: number;
}

export class Invalidations {
  private readonly list: Invalidation[] = [];
  private readonly byId = new Map<string, Invalidation>();

  constructor(
    private readonly topology: Topology,
    private readonly ids: IdSource,
    private readonly cost: CostMeter,
    private readonly completionMs: number,
    private readonly defaultRootObject: string | undefined,
  ) {}

  private inProgress(now: number): { files: number; wildcards: number } {
    let files = 0;
    let wildcards = 0;
    for (const i of this.list) {
      if (now - i.createdAt < this.completionMs) {
        files += i.files;
        wildcards += i.wildcards;
      }
    }
    return { files, wildcards };
  }

  /** Submits a batch at simulated time `now`; returns the id. Throws CloudFrontApiError (.code). */
  create(paths: string[], now: number): { id: string; removed: number } {
    const added = validateInvalidationBatch(paths, this.inProgress(now));
    const id = this.ids.invalidationId();
    const inv: Invalidation = {
      id,
      paths: [...paths],
      createdAt: now,
      files: added.files,
      wildcards: added.wildcards,
    };
    this.list.push(inv);
    this.byId.set(id, inv);
    // Billing: every path counts, a wildcard as one (spec §5; duplicates are billed again).
    this.cost.addInvalidationPaths(paths.length);
    const matchers = paths.map(compileInvalidationPath);
    // The default root object is cached under its own path; '/' invalidates it too (spec §5 UNC).
    if (this.defaultRootObject !== undefined && paths.includes('/'))
      matchers.push(compileInvalidationPath('/' + this.defaultRootObject));
    let removed = 0;
    for (const tier of this.topology.allTiers()) {
      removed += tier.store.deleteWhere((_key, obj) => {
        for (const m of matchers) if (m(obj.invTarget)) return true;
        return false;
      });
    }
    return { id, removed };
  }

  status(id: string, now: number): InvalidationStatus {
    const inv = this.byId.get(id);
    if (!inv)
      throw new CloudFrontApiError(
        'NoSuchInvalidation',
        `There is no invalidation "${id}" on this distribution: use an id that invalidate() returned.`,
      );
    return {
      status: now - inv.createdAt >= this.completionMs ? 'Completed' : 'InProgress',
      paths: [...inv.paths],
    };
  }

  /** JSON-safe list for the UI. */
  snapshot(now: number): Array<{
    id: string;
    paths: string[];
    createdAtMs: number;
    status: 'InProgress' | 'Completed';
    wildcards: number;
  }> {
    return this.list.map((i) => ({
      id: i.id,
      paths: [...i.paths],
      createdAtMs: i.createdAt,
      status: now - i.createdAt >= this.completionMs ? 'Completed' : 'InProgress',
      wildcards: i.paths.filter(isWildcardPath).length,
    }));
  }
}
