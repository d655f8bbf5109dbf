// Canvas positions: where a new node goes, and the tidy layout (one column per kind, left to right
// the way a request travels: viewers, PoPs, RECs, Origin Shield, distribution, origin groups, origins).
import type { Scenario } from '../../engine/scenario';
import type { Command } from './types';
import type { NodeKind } from './nodeIds';

export type XY = { x: number; y: number };

/** Column x of each kind (tidy layout and the fallback for nodes without a position). */
export const COLUMN_X: Record<NodeKind, number> = {
  viewer: 0,
  pop: 300,
  rec: 600,
  // Origin Shield shares the distribution's column, above it (tidy layout)
  shield: 900,
  distribution: 900,
  behavior: 900,
  originGroup: 1180,
  origin: 1180,
};
/** Origins move one column right when origin groups take theirs. */
export const ORIGIN_X_WITH_GROUPS = 1460;
export const ROW_GAP = 100;

/** Space below the distribution node before its first behavior, and between behaviors. */
export const BEHAVIOR_OFFSET_Y = 110;
export const BEHAVIOR_GAP = 80;

/** A position in `kind`'s column below every node already there (for "+ Add" without a drop point). */
export function freePosition(layout: Scenario['layout'], kind: NodeKind): XY {
  const prefix = kind === 'distribution' ? 'distribution' : `${kind}:`;
  let y = -ROW_GAP;
  let x = COLUMN_X[kind];
  let found = false;
  for (const [id, pos] of Object.entries(layout ?? {})) {
    if (!id.startsWith(prefix)) continue;
    if (!found) x = pos.x;
    found = true;
    y = Math.max(y, pos.y);
  }
  return { x, y: y + ROW_GAP };
}

export function withPosition(scenario: Scenario, nodeId: string, at: XY): Scenario {
  return {
    ...scenario,
    layout: { ...scenario.layout, [nodeId]: { x: Math.round(at.x), y: Math.round(at.y) } },
  };
}

export function withoutPosition(layout: Scenario['layout'], nodeIds: readonly string[]): Scenario['layout'] {
  if (!layout) return layout;
  const next = { ...layout };
  for (const id of nodeIds) delete next[id];
  return next;
}

/**
 * Tidy layout: each kind in its column, in the order the scenario lists them (node ids from the
 * canvas, so PoPs, RECs and shields the scenario implies are placed too).
 */
export function tidyLayout(nodeIds: readonly { id: string; kind: NodeKind }[]): Command {
  return {
    label: 'Tidy layout',
    layoutOnly: true,
    perform: (scenario) => {
      const hasGroups = (scenario.distribution.originGroups ?? []).length > 0;
      const rows = new Map<number, number>(); // next row by column x (kinds may share a column)
      const layout: Record<string, XY> = {};
      for (const { id, kind } of nodeIds) {
        if (kind === 'behavior') continue; // drawn under the distribution, by precedence
        const x = kind === 'origin' && hasGroups ? ORIGIN_X_WITH_GROUPS : COLUMN_X[kind];
        const row = rows.get(x) ?? 0;
        rows.set(x, row + 1);
        layout[id] = { x, y: row * ROW_GAP };
      }
      return { ...scenario, layout };
    },
  };
}
