// Scenario -> React Flow nodes and edges. Pure (unit-testable); positions come from
// scenario.layout, and nodes without one are stacked in their kind's column. Cache behaviors are
// drawn under the distribution in precedence order (their position is their order, not a layout entry).
import type { Edge, Node } from '@xyflow/react';
import { MANAGED_CACHE_POLICIES } from '../../engine/policies/managed';
import type { CacheBehavior, Scenario } from '../../engine/scenario';
import type { SampledRequest } from '../../engine/types';
import {
  BEHAVIOR_GAP,
  BEHAVIOR_OFFSET_Y,
  behaviorId,
  COLUMN_X,
  DISTRIBUTION_ID,
  ORIGIN_X_WITH_GROUPS,
  originGroupId,
  originId,
  popId,
  recId,
  ROW_GAP,
  shieldId,
  viewerId,
  type NodeKind,
} from '../../state/commands';
import type { TopologyView } from '../../state/derived';

export { DISTRIBUTION_ID, originGroupId, originId, popId, recId, shieldId, viewerId, behaviorId };

export type CanvasNodeKind = NodeKind;

export interface CanvasNodeData extends Record<string, unknown> {
  title: string;
  subtitle: string;
  /** extra lines */
  lines?: string[];
}

export type CanvasNode = Node<CanvasNodeData, CanvasNodeKind>;

interface Placed {
  id: string;
  kind: CanvasNodeKind;
  data: CanvasNodeData;
  ariaLabel: string;
}

function edgeId(from: string, to: string) {
  return `${from}->${to}`;
}

function cachePolicyName(b: CacheBehavior, scenario: Scenario): string {
  if (!b.cachePolicyId) return `legacy TTL ${b.defaultTtl ?? 86_400}s`;
  const name =
    MANAGED_CACHE_POLICIES[b.cachePolicyId]?.name ?? scenario.cachePolicies?.[b.cachePolicyId]?.name;
  return name ?? b.cachePolicyId;
}

/** Ordered behaviors then the default, with their precedence (1 = evaluated first). */
export function behaviorRows(
  scenario: Scenario,
): { id: string; precedence: number | null; b: CacheBehavior }[] {
  const d = scenario.distribution;
  const rows: { id: string; precedence: number | null; b: CacheBehavior }[] = (d.cacheBehaviors ?? []).map(
    (b, i) => ({ id: behaviorId(i), precedence: i + 1, b }),
  );
  rows.push({ id: behaviorId('default'), precedence: null, b: d.defaultCacheBehavior });
  return rows;
}

export function buildNodes(scenario: Scenario, view: TopologyView, selectedId: string | null): CanvasNode[] {
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
  const behaviors = behaviorRows(scenario);
  placed.push({
    id: DISTRIBUTION_ID,
    kind: 'distribution',
    ariaLabel: `Distribution ${scenario.distribution.domainName}`,
    data: {
      title: 'Distribution',
      subtitle: scenario.distribution.domainName,
      lines: [`${behaviors.length} cache behavior${behaviors.length > 1 ? 's' : ''} below`],
    },
  });
  for (const g of scenario.distribution.originGroups ?? []) {
    placed.push({
      id: originGroupId(g.id),
      kind: 'originGroup',
      ariaLabel: `Origin group ${g.id}`,
      data: {
        title: g.id,
        subtitle: `fails over on ${g.failoverCriteria.statusCodes.join(', ')}`,
        lines: [`primary: ${g.members[0] ?? '–'}`, `secondary: ${g.members[1] ?? '–'}`],
      },
    });
  }
  for (const o of view.origins) {
    placed.push({
      id: originId(o.id),
      kind: 'origin',
      ariaLabel: `Origin ${o.id} (${o.domainName})`,
      data: { title: o.id, subtitle: `${o.kind} origin${o.region ? ` · ${o.region}` : ''}` },
    });
  }

  const layout = scenario.layout ?? {};
  const hasGroups = (scenario.distribution.originGroups ?? []).length > 0;
  const columnX = (kind: CanvasNodeKind) =>
    kind === 'origin' && hasGroups ? ORIGIN_X_WITH_GROUPS : COLUMN_X[kind];
  // Fallback: below the lowest positioned node of the same column.
  const nextY = new Map<number, number>();
  for (const p of placed) {
    const pos = layout[p.id];
    const x = columnX(p.kind);
    if (pos && pos.x === x) nextY.set(x, Math.max(nextY.get(x) ?? 0, pos.y + ROW_GAP));
  }
  const nodes: CanvasNode[] = placed.map((p) => {
    let position = layout[p.id];
    if (!position) {
      const x = columnX(p.kind);
      const y = nextY.get(x) ?? 0;
      nextY.set(x, y + ROW_GAP);
      position = { x, y };
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

  const dist = nodes.find((n) => n.id === DISTRIBUTION_ID)?.position ?? { x: COLUMN_X.distribution, y: 0 };
  behaviors.forEach(({ id, precedence, b }, i) => {
    const name = precedence === null ? 'Default (*)' : (b.pathPattern ?? '?');
    nodes.push({
      id,
      type: 'behavior',
      position: { x: dist.x, y: dist.y + BEHAVIOR_OFFSET_Y + i * BEHAVIOR_GAP },
      draggable: false,
      ariaLabel: precedence === null ? 'Default cache behavior (*)' : `Cache behavior ${precedence}: ${name}`,
      data: {
        title: precedence === null ? 'Default (*)' : `${precedence}. ${name}`,
        subtitle: `→ ${b.targetOriginId} · ${cachePolicyName(b, scenario)}`,
      },
      selected: id === selectedId,
    });
  });
  return nodes;
}

export function buildEdges(scenario: Scenario, view: TopologyView, active: ReadonlySet<string>): Edge[] {
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
  }
  // Configuration edges (dashed): distribution -> behaviors -> targets, groups -> members.
  const config = { style: { strokeDasharray: '4 4' } };
  const groups = new Set((scenario.distribution.originGroups ?? []).map((g) => g.id));
  for (const { id, b } of behaviorRows(scenario)) {
    add(DISTRIBUTION_ID, id, config);
    const target = groups.has(b.targetOriginId)
      ? originGroupId(b.targetOriginId)
      : originId(b.targetOriginId);
    add(id, target, { ...config, label: 'routes to' });
  }
  for (const g of scenario.distribution.originGroups ?? []) {
    g.members.forEach((m, i) =>
      add(originGroupId(g.id), originId(m), { ...config, label: i === 0 ? 'primary' : 'secondary' }),
    );
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
