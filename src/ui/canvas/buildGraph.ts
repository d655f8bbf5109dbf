// Scenario -> React Flow nodes and edges. Pure (unit-testable); positions come from
// scenario.layout, and nodes without one are stacked in their kind's column.
import type { Edge, Node } from '@xyflow/react';
import type { Scenario } from '../../engine/scenario';
import type { SampledRequest } from '../../engine/types';
import type { TopologyView } from '../../state/derived';

export type CanvasNodeKind = 'viewer' | 'pop' | 'rec' | 'shield' | 'distribution' | 'origin';

export interface CanvasNodeData extends Record<string, unknown> {
  title: string;
  subtitle: string;
  /** extra lines (e.g. the distribution's behaviors) */
  lines?: string[];
}

export type CanvasNode = Node<CanvasNodeData, CanvasNodeKind>;

/** Column x of each kind for the fallback layout (matches the default preset's columns). */
const COLUMN_X: Record<CanvasNodeKind, number> = {
  viewer: 0,
  pop: 300,
  rec: 600,
  distribution: 900,
  shield: 900,
  origin: 1180,
};
const ROW_GAP = 100;

interface Placed {
  id: string;
  kind: CanvasNodeKind;
  data: CanvasNodeData;
  ariaLabel: string;
}

export function viewerId(id: string) {
  return `viewer:${id}`;
}
export function popId(code: string) {
  return `pop:${code}`;
}
export function recId(region: string) {
  return `rec:${region}`;
}
export function shieldId(region: string) {
  return `shield:${region}`;
}
export function originId(id: string) {
  return `origin:${id}`;
}
export const DISTRIBUTION_ID = 'distribution';

function edgeId(from: string, to: string) {
  return `${from}->${to}`;
}

function behaviorLines(scenario: Scenario): string[] {
  const d = scenario.distribution;
  const ordered = (d.cacheBehaviors ?? []).map((b) => `${b.pathPattern ?? '?'} → ${b.targetOriginId}`);
  return [...ordered, `Default (*) → ${d.defaultCacheBehavior.targetOriginId}`];
}

export function buildNodes(
  scenario: Scenario,
  view: TopologyView,
  selectedId: string | null,
): CanvasNode[] {
  const placed: Placed[] = [];
  for (const v of view.viewers) {
    placed.push({
      id: viewerId(v.id),
      kind: 'viewer',
      ariaLabel: `Viewer region ${v.name}`,
      data: { title: v.name, subtitle: `${v.country} · ${Math.round(v.weight * 100)}% of traffic` },
    });
  }
  for (const p of view.pops) {
    placed.push({
      id: popId(p.code),
      kind: 'pop',
      ariaLabel: `Edge location ${p.code} (${p.city})`,
      data: { title: `${p.code} · ${p.city}`, subtitle: p.country },
    });
  }
  for (const r of view.recs) {
    placed.push({
      id: recId(r.region),
      kind: 'rec',
      ariaLabel: `Regional edge cache ${r.region} (${r.metro})`,
      data: { title: r.region, subtitle: `Regional edge cache · ${r.metro}` },
    });
  }
  for (const region of new Set(view.origins.map((o) => o.shieldRegion).filter((s): s is string => !!s))) {
    placed.push({
      id: shieldId(region),
      kind: 'shield',
      ariaLabel: `Origin Shield ${region}`,
      data: { title: region, subtitle: 'Origin Shield' },
    });
  }
  placed.push({
    id: DISTRIBUTION_ID,
    kind: 'distribution',
    ariaLabel: `Distribution ${scenario.distribution.domainName}`,
    data: { title: 'Distribution', subtitle: scenario.distribution.domainName, lines: behaviorLines(scenario) },
  });
  for (const o of view.origins) {
    placed.push({
      id: originId(o.id),
      kind: 'origin',
      ariaLabel: `Origin ${o.id} (${o.domainName})`,
      data: { title: o.id, subtitle: `${o.kind} origin${o.region ? ` · ${o.region}` : ''}` },
    });
  }

  const layout = scenario.layout ?? {};
  // Fallback: below the lowest positioned node of the same column.
  const nextY = new Map<CanvasNodeKind, number>();
  for (const p of placed) {
    const pos = layout[p.id];
    if (pos && pos.x === COLUMN_X[p.kind]) nextY.set(p.kind, Math.max(nextY.get(p.kind) ?? 0, pos.y + ROW_GAP));
  }
  return placed.map((p) => {
    let position = layout[p.id];
    if (!position) {
      const y = nextY.get(p.kind) ?? 0;
      nextY.set(p.kind, y + ROW_GAP);
      position = { x: COLUMN_X[p.kind], y };
    }
    return {
      id: p.id,
      type: p.kind,
      position,
      data: p.data,
      ariaLabel: p.ariaLabel,
      selected: p.id === selectedId,
    };
  });
}

export function buildEdges(view: TopologyView, active: ReadonlySet<string>): Edge[] {
  const edges: Edge[] = [];
  const add = (from: string, to: string, extra?: Partial<Edge>) => {
    const id = edgeId(from, to);
    edges.push({ id, source: from, target: to, animated: active.has(id), ...extra });
  };
  for (const v of view.viewers) if (v.pop) add(viewerId(v.id), popId(v.pop));
  const recs = new Set<string>();
  for (const p of view.pops) {
    if (p.rec) {
      add(popId(p.code), recId(p.rec));
      recs.add(p.rec);
    }
  }
  // Upstream of the PoPs: every REC (or every PoP without RECs) can fetch from every origin,
  // through the origin's shield when it has one.
  const upstream = view.regionalEdgeCaches ? [...recs].map(recId) : view.pops.map((p) => popId(p.code));
  const shieldEdges = new Set<string>();
  for (const o of view.origins) {
    if (o.shieldRegion) {
      const sid = shieldId(o.shieldRegion);
      for (const u of upstream) {
        if (!shieldEdges.has(edgeId(u, sid))) {
          shieldEdges.add(edgeId(u, sid));
          add(u, sid);
        }
      }
      add(sid, originId(o.id));
    } else {
      for (const u of upstream) add(u, originId(o.id));
    }
    add(DISTRIBUTION_ID, originId(o.id), { style: { strokeDasharray: '4 4' }, label: 'routes to' });
  }
  return edges;
}

/** Edge ids the recent sampled requests travelled along (drawn animated). */
export function activeEdgeIds(samples: readonly SampledRequest[], view: TopologyView): Set<string> {
  const active = new Set<string>();
  const recOf = new Map(view.pops.map((p) => [p.code, p.rec]));
  const shieldOf = new Map(view.origins.map((o) => [o.id, o.shieldRegion]));
  for (const s of samples) {
    const pop = s.pop.slice(0, 3).toUpperCase();
    active.add(edgeId(viewerId(s.viewerRegion), popId(pop)));
    let from = popId(pop);
    if (s.tiers.includes('regional')) {
      const rec = recOf.get(pop);
      if (rec) {
        active.add(edgeId(from, recId(rec)));
        from = recId(rec);
      }
    }
    const shield = s.originId ? shieldOf.get(s.originId) : undefined;
    if (s.tiers.includes('shield') && shield) {
      active.add(edgeId(from, shieldId(shield)));
      from = shieldId(shield);
    }
    if (s.tiers.includes('origin') && s.originId) active.add(edgeId(from, originId(s.originId)));
  }
  return active;
}
