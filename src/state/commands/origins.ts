// Origins and origin groups: add, edit, remove. Removal is refused while something points at the
// origin, as CloudFront refuses it (a behavior's target, an origin group's member).
import type { Origin, OriginGroup, Scenario, SimulatedOrigin } from '../../engine/scenario';
import { originGroupId, originId } from './nodeIds';
import { withoutPosition, withPosition, type XY } from './layout';
import { refuse, type Command } from './types';

export type NewOriginKind = 's3-oac' | 's3' | 'custom';

/** Example origin access control id (the shape of a real one; EdgeLab does not sign S3 requests). */
export const EXAMPLE_OAC_ID = 'E2QWRUHEXAMPLE';
/** Failover codes a new origin group starts with: the server errors (spec §7.1). */
export const DEFAULT_FAILOVER_CODES = [500, 502, 503, 504];

/** What a new origin serves in the simulation: a modest catalog with a one-hour max-age. */
const NEW_ORIGIN_SIMULATION: SimulatedOrigin = {
  processingMs: 20,
  catalog: { count: 1000, pathPrefix: '/', meanSizeBytes: 20_000, cacheControl: 'max-age=3600' },
};

function allIds(scenario: Scenario): Set<string> {
  const d = scenario.distribution;
  return new Set([...d.origins.map((o) => o.id), ...(d.originGroups ?? []).map((g) => g.id)]);
}

function uniqueId(taken: Set<string>, base: string): string {
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

function newOrigin(kind: NewOriginKind, id: string): Origin {
  if (kind === 'custom') {
    return {
      id,
      domainName: `${id}.example.com`,
      customOriginConfig: {
        httpPort: 80,
        httpsPort: 443,
        originProtocolPolicy: 'https-only',
        originReadTimeout: 30,
        originKeepaliveTimeout: 5,
      },
      connectionAttempts: 3,
      connectionTimeout: 10,
      region: 'us-east-1',
    };
  }
  const origin: Origin = {
    id,
    domainName: `${id}.s3.us-east-1.amazonaws.com`,
    s3OriginConfig: { originAccessIdentity: '' },
    connectionAttempts: 3,
    connectionTimeout: 10,
    region: 'us-east-1',
  };
  if (kind === 's3-oac') origin.originAccessControlId = EXAMPLE_OAC_ID;
  return origin;
}

export function addOrigin(kind: NewOriginKind, at: XY): Command {
  let created = '';
  return {
    label: `Add ${kind === 'custom' ? 'custom' : 'S3'} origin`,
    select: () => originId(created),
    perform: (scenario) => {
      created = uniqueId(allIds(scenario), kind === 'custom' ? 'api' : 'bucket');
      const d = scenario.distribution;
      const next: Scenario = {
        ...scenario,
        distribution: { ...d, origins: [...d.origins, newOrigin(kind, created)] },
        originSimulation: { ...scenario.originSimulation, [created]: NEW_ORIGIN_SIMULATION },
      };
      return withPosition(next, originId(created), at);
    },
  };
}

export function updateOrigin(id: string, patch: (o: Origin) => Origin, label: string): Command {
  return {
    label,
    perform: (scenario) => {
      const d = scenario.distribution;
      const i = d.origins.findIndex((o) => o.id === id);
      if (i < 0) refuse(`Origin ${id} is no longer in the scenario.`);
      const origins = d.origins.slice();
      origins[i] = patch(origins[i]);
      return { ...scenario, distribution: { ...d, origins } };
    },
  };
}

/** Behaviors (by CloudFront name) whose target is `targetId`. */
export function behaviorsTargeting(scenario: Scenario, targetId: string): string[] {
  const d = scenario.distribution;
  const names: string[] = [];
  (d.cacheBehaviors ?? []).forEach((b) => {
    if (b.targetOriginId === targetId) names.push(`"${b.pathPattern}"`);
  });
  if (d.defaultCacheBehavior.targetOriginId === targetId) names.push('Default (*)');
  return names;
}

export function removeOrigin(id: string): Command {
  return {
    label: `Remove origin ${id}`,
    select: null,
    perform: (scenario) => {
      const d = scenario.distribution;
      if (!d.origins.some((o) => o.id === id)) refuse(`Origin ${id} is not in this scenario.`);
      const users = behaviorsTargeting(scenario, id);
      if (users.length > 0) {
        refuse(
          `Origin ${id} is the target of behavior ${users.join(', ')}: point ${users.length > 1 ? 'them' : 'it'} at another origin first.`,
        );
      }
      const group = (d.originGroups ?? []).find((g) => g.members.includes(id));
      if (group)
        refuse(`Origin ${id} is a member of origin group ${group.id}: change the group's members first.`);
      const originSimulation = { ...scenario.originSimulation };
      delete originSimulation[id];
      return {
        ...scenario,
        distribution: { ...d, origins: d.origins.filter((o) => o.id !== id) },
        originSimulation,
        layout: withoutPosition(scenario.layout, [originId(id)]),
      };
    },
  };
}

/** A group fails over from its primary to its secondary: it needs two origins (not groups). */
export function addOriginGroup(at: XY): Command {
  let created = '';
  return {
    label: 'Add origin group',
    select: () => originGroupId(created),
    perform: (scenario) => {
      const d = scenario.distribution;
      if (d.origins.length < 2)
        refuse('An origin group fails over between two origins: add a second origin first.');
      created = uniqueId(allIds(scenario), 'failover');
      const group: OriginGroup = {
        id: created,
        failoverCriteria: { statusCodes: DEFAULT_FAILOVER_CODES },
        members: [d.origins[0].id, d.origins[1].id],
      };
      return withPosition(
        { ...scenario, distribution: { ...d, originGroups: [...(d.originGroups ?? []), group] } },
        originGroupId(created),
        at,
      );
    },
  };
}

export function updateOriginGroup(
  id: string,
  patch: (g: OriginGroup) => OriginGroup,
  label: string,
): Command {
  return {
    label,
    perform: (scenario) => {
      const d = scenario.distribution;
      const groups = (d.originGroups ?? []).slice();
      const i = groups.findIndex((g) => g.id === id);
      if (i < 0) refuse(`Origin group ${id} is no longer in the scenario.`);
      const next = patch(groups[i]);
      if (next.members.length !== 2 || next.members[0] === next.members[1]) {
        refuse('An origin group needs two different origins: a primary and a secondary.');
      }
      groups[i] = next;
      return { ...scenario, distribution: { ...d, originGroups: groups } };
    },
  };
}

/** Sets the primary (slot 0) or secondary (slot 1) member. */
export function setGroupMember(groupId: string, slot: 0 | 1, member: string): Command {
  return updateOriginGroup(
    groupId,
    (g) => {
      const members = g.members.slice();
      members[slot] = member;
      return { ...g, members };
    },
    `Set ${slot === 0 ? 'primary' : 'secondary'} origin of ${groupId} to ${member}`,
  );
}

export function removeOriginGroup(id: string): Command {
  return {
    label: `Remove origin group ${id}`,
    select: null,
    perform: (scenario) => {
      const d = scenario.distribution;
      if (!(d.originGroups ?? []).some((g) => g.id === id))
        refuse(`Origin group ${id} is not in this scenario.`);
      const users = behaviorsTargeting(scenario, id);
      if (users.length > 0) {
        refuse(
          `Origin group ${id} is the target of behavior ${users.join(', ')}: point ${users.length > 1 ? 'them' : 'it'} elsewhere first.`,
        );
      }
      return {
        ...scenario,
        distribution: { ...d, originGroups: (d.originGroups ?? []).filter((g) => g.id !== id) },
        layout: withoutPosition(scenario.layout, [originGroupId(id)]),
      };
    },
  };
}
