// What drawing a connection on the canvas means. Three connections edit the scenario:
//   behavior -> origin / origin group   sets the behavior's targetOriginId
//   origin group -> origin              sets the group's secondary (failover) origin
//   viewer region -> edge location      changes nothing: CloudFront sends each viewer to the
//                                       lowest-latency edge location in play (spec §6.1), so the
//                                       canvas says which PoP is nearest instead of pretending.
// Everything else is refused with the reason.
import type { Scenario } from '../../engine/scenario';
import { describeTopology } from '../derived';
import { behaviorName, setBehaviorTarget } from './behaviors';
import { behaviorKey, parseNodeId, type NodeKind } from './nodeIds';
import { setGroupMember } from './origins';
import type { Command } from './types';

export type ConnectOutcome =
  | { kind: 'command'; command: Command }
  | { kind: 'info'; message: string }
  | { kind: 'refused'; reason: string };

const KIND_NAME: Record<NodeKind, string> = {
  viewer: 'a viewer region',
  pop: 'an edge location',
  rec: 'a regional edge cache',
  shield: 'Origin Shield',
  distribution: 'the distribution',
  behavior: 'a cache behavior',
  originGroup: 'an origin group',
  origin: 'an origin',
};

const WHAT_CONNECTS: Partial<Record<NodeKind, string>> = {
  viewer: 'A viewer region connects to an edge location.',
  behavior: 'A cache behavior connects to the origin or origin group it routes to.',
  originGroup: 'An origin group connects to its member origins.',
};

export function connectNodes(scenario: Scenario, source: string, target: string): ConnectOutcome {
  const s = parseNodeId(source);
  const t = parseNodeId(target);
  if (!s || !t) return { kind: 'refused', reason: 'That connection joins unknown nodes.' };
  const refused = (why: string): ConnectOutcome => ({
    kind: 'refused',
    reason: `${capitalise(KIND_NAME[s.kind])} cannot connect to ${KIND_NAME[t.kind]}. ${why}`,
  });

  if (s.kind === 'viewer' && t.kind === 'pop') {
    const viewer = describeTopology(scenario).viewers.find((v) => v.id === s.key);
    if (!viewer) return { kind: 'refused', reason: `Viewer region ${s.key} is no longer in the scenario.` };
    if (viewer.pop === t.key) {
      return {
        kind: 'info',
        message: `${viewer.name} already reaches ${t.key}: it is the lowest-latency edge location in play.`,
      };
    }
    return {
      kind: 'info',
      message:
        `${viewer.name} reaches ${viewer.pop ?? 'no edge location'}, not ${t.key}: CloudFront routes each viewer to the ` +
        `lowest-latency edge location in play. Remove ${viewer.pop ?? 'other edge locations'} to send it elsewhere.`,
    };
  }

  if (s.kind === 'behavior' && (t.kind === 'origin' || t.kind === 'originGroup')) {
    const ref = behaviorKey(s.key);
    if (ref === null) return { kind: 'refused', reason: 'That behavior is no longer in the scenario.' };
    const current =
      ref === 'default'
        ? scenario.distribution.defaultCacheBehavior
        : scenario.distribution.cacheBehaviors?.[ref];
    if (current?.targetOriginId === t.key) {
      return { kind: 'info', message: `${behaviorName(scenario, ref)} already routes to ${t.key}.` };
    }
    return { kind: 'command', command: setBehaviorTarget(ref, t.key, scenario) };
  }

  if (s.kind === 'originGroup' && t.kind === 'origin') {
    const group = (scenario.distribution.originGroups ?? []).find((g) => g.id === s.key);
    if (!group) return { kind: 'refused', reason: `Origin group ${s.key} is no longer in the scenario.` };
    if (group.members.includes(t.key))
      return { kind: 'info', message: `${t.key} is already a member of ${group.id}.` };
    // A group has exactly two members; a new connection replaces the secondary (failover) origin.
    return { kind: 'command', command: setGroupMember(group.id, 1, t.key) };
  }

  if (s.kind === 'originGroup' && t.kind === 'originGroup') {
    return refused('Origin group members are origins, not other groups.');
  }
  if (s.kind === 'viewer') return refused('Viewers always enter CloudFront at an edge location.');
  return refused(
    WHAT_CONNECTS[s.kind] ?? 'Connections start at a viewer region, a cache behavior or an origin group.',
  );
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
