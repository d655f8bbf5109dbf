// Where a sampled request's particle travels on the canvas: pure, so it is unit-tested.
// A request goes out viewer -> PoP -> (REC) -> (Origin Shield) -> (origin) as far as the tiers it
// touched, then turns back the same way: a Hit turns at the PoP, a regional hit at the REC, a Miss
// at the origin. A request whose origin is a group's secondary turns to it after the primary:
// the engine's sample names only the origin that answered, so "served by the secondary" is read as
// "the primary failed over" (a simplification: the legend says so).
import type { Scenario } from '../../../engine/scenario';
import type { ResultKind, SampledRequest } from '../../../engine/types';
import { originId, popId, recId, shieldId, viewerId } from '../../../state/commands';
import type { TopologyView } from '../../../state/derived';

/** One hop along a canvas edge: the edge goes `from` -> `to`; `back` = travelled target to source. */
export interface Hop {
  from: string;
  to: string;
  back: boolean;
  /** the hop to a primary origin that failed (drawn flashing) */
  failed?: boolean;
}

export interface ParticleRoute {
  hops: Hop[];
  /** the edge to the failed primary ('a->b'), when the request failed over */
  failedEdge?: { from: string; to: string };
}

export interface RouteContext {
  recOf: ReadonlyMap<string, string | undefined>;
  shieldOf: ReadonlyMap<string, string | undefined>;
  /** secondary origin id -> primary origin id, for groups no behavior bypasses */
  primaryOf: ReadonlyMap<string, string>;
  /** canvas node ids present (hops to nodes not drawn are skipped) */
  nodes: ReadonlySet<string>;
}

export function routeContext(
  scenario: Scenario,
  view: TopologyView,
  nodeIds: Iterable<string>,
): RouteContext {
  const direct = new Set<string>(
    [scenario.distribution.defaultCacheBehavior, ...(scenario.distribution.cacheBehaviors ?? [])].map(
      (b) => b.targetOriginId,
    ),
  );
  const primaryOf = new Map<string, string>();
  for (const g of scenario.distribution.originGroups ?? []) {
    const [primary, secondary] = g.members;
    // An origin a behavior also targets directly may answer without any failover.
    if (primary && secondary && !direct.has(secondary)) primaryOf.set(secondary, primary);
  }
  return {
    recOf: new Map(view.pops.map((p) => [p.code, p.rec])),
    shieldOf: new Map(view.origins.map((o) => [o.id, o.shieldRegion])),
    primaryOf,
    nodes: new Set(nodeIds),
  };
}

/** The node ids a request passes on its way out, viewer first; null when it cannot be drawn. */
function outward(s: SampledRequest, ctx: RouteContext): string[] | null {
  const pop = s.pop.slice(0, 3).toUpperCase();
  const path = [viewerId(s.viewerRegion), popId(pop)];
  const rec = ctx.recOf.get(pop);
  if (s.tiers.includes('regional') && rec) path.push(recId(rec));
  const shield = s.originId ? ctx.shieldOf.get(s.originId) : undefined;
  if (s.tiers.includes('shield') && shield) path.push(shieldId(shield));
  const drawn = path.filter((id) => ctx.nodes.has(id));
  return drawn.length > 0 ? drawn : null;
}

export function particleRoute(s: SampledRequest, ctx: RouteContext): ParticleRoute | null {
  const out = outward(s, ctx);
  if (!out) return null;
  const hops: Hop[] = [];
  const go = (path: readonly string[]) => {
    for (let i = 1; i < path.length; i++) hops.push({ from: path[i - 1], to: path[i], back: false });
  };
  const comeBack = (path: readonly string[]) => {
    for (let i = path.length - 1; i > 0; i--) hops.push({ from: path[i - 1], to: path[i], back: true });
  };
  go(out);
  const last = out[out.length - 1];
  let failedEdge: ParticleRoute['failedEdge'];
  if (s.tiers.includes('origin') && s.originId && ctx.nodes.has(originId(s.originId))) {
    const primary = ctx.primaryOf.get(s.originId);
    if (primary && ctx.nodes.has(originId(primary))) {
      const p = originId(primary);
      hops.push({ from: last, to: p, back: false, failed: true });
      hops.push({ from: last, to: p, back: true, failed: true });
      failedEdge = { from: last, to: p };
    }
    const o = originId(s.originId);
    hops.push({ from: last, to: o, back: false });
    hops.push({ from: last, to: o, back: true });
  }
  comeBack(out);
  if (hops.length === 0) return null;
  return failedEdge ? { hops, failedEdge } : { hops };
}

/** The five results in legend order, with the words CloudFront's logs use. */
export const RESULT_KINDS: readonly ResultKind[] = ['hit', 'refreshHit', 'miss', 'error', 'generated'];

export const RESULT_LABEL: Record<ResultKind, string> = {
  hit: 'Hit',
  refreshHit: 'RefreshHit',
  miss: 'Miss',
  error: 'Error',
  generated: 'Generated',
};

/** "12 requests shown: 9 Hit, 3 Miss" (kinds with none left out; the sentence screen readers get). */
export function describeShown(counts: Readonly<Record<ResultKind, number>>): string {
  let total = 0;
  const parts: string[] = [];
  for (const k of RESULT_KINDS) {
    total += counts[k];
    if (counts[k] > 0) parts.push(`${counts[k]} ${RESULT_LABEL[k]}`);
  }
  if (total === 0) return 'No requests shown';
  return `${total} request${total === 1 ? '' : 's'} shown: ${parts.join(', ')}`;
}

/**
 * Which of a batch's samples get a particle: at most `n`, spread evenly over the batch so the mix
 * on screen matches the batch (the samples are most-recent-last; taking the tail would bias it).
 */
export function pickEvenly<T>(items: readonly T[], n: number): T[] {
  if (items.length <= n) return items.slice();
  const picked: T[] = [];
  const step = items.length / n;
  for (let i = 0; i < n; i++) picked.push(items[Math.floor(i * step)]);
  return picked;
}
