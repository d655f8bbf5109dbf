// Editing comforts: a node move as one undoable step (per drag end), copy and paste of nodes,
// behaviors dropped at a new precedence, viewer region shares and distribution-level settings.
import type {
  CacheBehavior,
  Distribution,
  Origin,
  OriginGroup,
  Scenario,
  SimulatedOrigin,
  ViewerRegion,
} from '../../engine/scenario';
import { behaviorId, behaviorKey, originGroupId, originId, parseNodeId, viewerId } from './nodeIds';
import { withPosition, type XY } from './layout';
import { refuse, type Command } from './types';

/** Moves a node to `to` (the position it was dragged to), as one undoable step. */
export function moveNodeTo(nodeId: string, to: XY, label: string): Command {
  return {
    label: `Move ${label}`,
    layoutOnly: true,
    perform: (scenario) => withPosition(scenario, nodeId, to),
  };
}

/** Moves the ordered behavior at `from` to precedence index `to` (drag and drop in the side panel). */
export function moveBehaviorTo(from: number, to: number): Command {
  return {
    label: `Move behavior ${from + 1} to position ${to + 1}`,
    perform: (scenario) => {
      const d = scenario.distribution;
      const list = (d.cacheBehaviors ?? []).slice();
      if (from < 0 || from >= list.length || to < 0 || to >= list.length)
        refuse('That behavior is no longer in this position: try again.');
      if (from === to) refuse('The behavior is already at that position.');
      const [moved] = list.splice(from, 1);
      list.splice(to, 0, moved);
      return { ...scenario, distribution: { ...d, cacheBehaviors: list } };
    },
  };
}

/** Share of traffic, 0-1, of one viewer region (the engine normalizes the shares to a total of 1). */
export function setViewerWeight(id: string, weight: number): Command {
  return {
    label: `Set the traffic share of ${id} to ${Math.round(weight * 100)}%`,
    perform: (scenario) => {
      const viewers = (scenario.viewers ?? []).slice();
      const i = viewers.findIndex((v) => v.id === id);
      if (i < 0) refuse(`Viewer region ${id} is no longer in the scenario.`);
      if (!(weight > 0 && weight <= 1)) refuse('A traffic share is between 1% and 100%.');
      viewers[i] = { ...viewers[i], weight };
      return { ...scenario, viewers };
    },
  };
}

/** Distribution-level settings (price class, default root object, HTTP versions, enabled, geo restriction). */
export function updateDistribution(patch: (d: Distribution) => Distribution, label: string): Command {
  return {
    label,
    perform: (scenario) => ({ ...scenario, distribution: patch(scenario.distribution) }),
  };
}

/** What Ctrl+C keeps: a snapshot of the node as it was when copied. */
export type CopiedNode =
  | { kind: 'origin'; origin: Origin; simulation?: SimulatedOrigin; at?: XY }
  | { kind: 'originGroup'; group: OriginGroup; at?: XY }
  | { kind: 'behavior'; behavior: CacheBehavior }
  | { kind: 'viewer'; viewer: ViewerRegion; at?: XY };

/** Where a pasted node goes relative to its original, so both stay visible. */
export const PASTE_OFFSET: XY = { x: 40, y: 40 };

export type CopyOutcome =
  { kind: 'copied'; node: CopiedNode; label: string } | { kind: 'refused'; reason: string };

export function copyNode(scenario: Scenario, nodeId: string): CopyOutcome {
  const p = parseNodeId(nodeId);
  const d = scenario.distribution;
  const at = scenario.layout?.[nodeId];
  switch (p?.kind) {
    case 'origin': {
      const origin = d.origins.find((o) => o.id === p.key);
      if (!origin) break;
      const simulation = scenario.originSimulation?.[p.key];
      return { kind: 'copied', label: `origin ${p.key}`, node: { kind: 'origin', origin, simulation, at } };
    }
    case 'originGroup': {
      const group = d.originGroups?.find((g) => g.id === p.key);
      if (!group) break;
      return { kind: 'copied', label: `origin group ${p.key}`, node: { kind: 'originGroup', group, at } };
    }
    case 'behavior': {
      const ref = behaviorKey(p.key);
      const behavior =
        ref === 'default' ? d.defaultCacheBehavior : ref === null ? undefined : d.cacheBehaviors?.[ref];
      if (!behavior) break;
      const name = ref === 'default' ? 'Default (*)' : `"${behavior.pathPattern}"`;
      return { kind: 'copied', label: `behavior ${name}`, node: { kind: 'behavior', behavior } };
    }
    case 'viewer': {
      const viewer = scenario.viewers?.find((v) => v.id === p.key);
      if (!viewer) break;
      return { kind: 'copied', label: `viewer region ${viewer.name}`, node: { kind: 'viewer', viewer, at } };
    }
    case 'pop':
      return {
        kind: 'refused',
        reason:
          'An edge location is a real place and is on the canvas once: add another one from the palette.',
      };
    case 'rec':
    case 'shield':
      return {
        kind: 'refused',
        reason:
          'Regional edge caches and Origin Shield come with the edge locations and origins: they cannot be copied.',
      };
    case 'distribution':
      return {
        kind: 'refused',
        reason: 'A scenario has one distribution: copy its behaviors or origins instead.',
      };
    default:
      break;
  }
  return {
    kind: 'refused',
    reason: 'Select an origin, origin group, cache behavior or viewer region to copy.',
  };
}

function unique(taken: ReadonlySet<string>, base: string): string {
  const stem = base.replace(/-copy(-\d+)?$/, '');
  if (!taken.has(`${stem}-copy`)) return `${stem}-copy`;
  for (let i = 2; ; i++) if (!taken.has(`${stem}-copy-${i}`)) return `${stem}-copy-${i}`;
}

/** The copy's pattern, as stem + tail: 'img/*' -> ['img-copy', '/*'], '/api/v1/*' -> ['/api-copy', '/v1/*'],
 * '*.jpg' -> ['copy', '/*.jpg'], '*' -> ['copy', '/*']. */
function copyStem(pattern: string): [string, string] {
  const lead = pattern.startsWith('/') ? '/' : '';
  const body = pattern.slice(lead.length);
  const slash = body.indexOf('/');
  if (slash > 0 && !body.slice(0, slash).includes('*'))
    return [`${lead}${body.slice(0, slash)}-copy`, body.slice(slash)];
  return [`${lead}copy`, body === '*' ? '/*' : `/${body}`];
}

const offset = (at: XY | undefined, fallback: XY): XY =>
  at ? { x: at.x + PASTE_OFFSET.x, y: at.y + PASTE_OFFSET.y } : fallback;

/**
 * Pastes a copied node under a new id ('assets' -> 'assets-copy'), beside the original. A pasted
 * behavior gets its own path pattern ('img/*' -> 'img-copy/*') and goes last among the ordered ones,
 * because two behaviors with one pattern would never both match.
 */
export function pasteNode(copied: CopiedNode, fallbackAt: XY): Command {
  let created = '';
  const kindLabel = {
    origin: 'origin',
    originGroup: 'origin group',
    behavior: 'cache behavior',
    viewer: 'viewer region',
  }[copied.kind];
  return {
    label: `Paste ${kindLabel}`,
    select: () => created,
    perform: (scenario) => {
      const d = scenario.distribution;
      const targets = new Set([...d.origins.map((o) => o.id), ...(d.originGroups ?? []).map((g) => g.id)]);
      switch (copied.kind) {
        case 'origin': {
          const id = unique(targets, copied.origin.id);
          created = originId(id);
          const next: Scenario = {
            ...scenario,
            distribution: { ...d, origins: [...d.origins, { ...copied.origin, id }] },
            originSimulation: copied.simulation
              ? { ...scenario.originSimulation, [id]: copied.simulation }
              : scenario.originSimulation,
          };
          return withPosition(next, created, offset(copied.at, fallbackAt));
        }
        case 'originGroup': {
          const missing = copied.group.members.find((m) => !d.origins.some((o) => o.id === m));
          if (missing)
            refuse(`Origin ${missing} of the copied group is gone: the copy would have no ${missing}.`);
          const id = unique(targets, copied.group.id);
          created = originGroupId(id);
          const next: Scenario = {
            ...scenario,
            distribution: { ...d, originGroups: [...(d.originGroups ?? []), { ...copied.group, id }] },
          };
          return withPosition(next, created, offset(copied.at, fallbackAt));
        }
        case 'behavior': {
          if (!targets.has(copied.behavior.targetOriginId))
            refuse(
              `The copied behavior routes to ${copied.behavior.targetOriginId}, which is gone: add it back first.`,
            );
          const list = d.cacheBehaviors ?? [];
          const patterns = new Set(list.map((b) => b.pathPattern));
          const [stem, tail] = copyStem(copied.behavior.pathPattern ?? '*');
          let pattern = `${stem}${tail}`;
          for (let i = 2; patterns.has(pattern); i++) pattern = `${stem}-${i}${tail}`;
          created = behaviorId(list.length);
          return {
            ...scenario,
            distribution: { ...d, cacheBehaviors: [...list, { ...copied.behavior, pathPattern: pattern }] },
          };
        }
        case 'viewer': {
          const taken = new Set((scenario.viewers ?? []).map((v) => v.id));
          const id = unique(taken, copied.viewer.id);
          created = viewerId(id);
          const viewer: ViewerRegion = { ...copied.viewer, id, name: `${copied.viewer.name} (copy)` };
          return withPosition(
            { ...scenario, viewers: [...(scenario.viewers ?? []), viewer] },
            created,
            offset(copied.at, fallbackAt),
          );
        }
      }
    },
  };
}
