// Cache behaviors: the distribution's ordered list (precedence = position, first match wins) and
// the default behavior ('*', always last). An ordered behavior is addressed by its index.
import type { CacheBehavior, Scenario } from '../../engine/scenario';
import { MANAGED_CACHE_POLICIES } from '../../engine/policies/managed';
import { LEGACY_TTL_DEFAULTS } from '../../scenario/limits';
import { behaviorId } from './nodeIds';
import { refuse, type Command } from './types';

export type BehaviorRef = number | 'default';

/** Managed-CachingOptimized, what the console preselects for a new behavior. */
export const CACHING_OPTIMIZED_ID = '658327ea-f89d-4fab-a63d-7e88639e58f6';

export function getBehavior(scenario: Scenario, ref: BehaviorRef): CacheBehavior | undefined {
  const d = scenario.distribution;
  return ref === 'default' ? d.defaultCacheBehavior : d.cacheBehaviors?.[ref];
}

export function behaviorName(scenario: Scenario, ref: BehaviorRef): string {
  return ref === 'default' ? 'Default (*)' : `"${getBehavior(scenario, ref)?.pathPattern ?? '?'}"`;
}

function withBehavior(scenario: Scenario, ref: BehaviorRef, b: CacheBehavior): Scenario {
  const d = scenario.distribution;
  if (ref === 'default') return { ...scenario, distribution: { ...d, defaultCacheBehavior: b } };
  const list = (d.cacheBehaviors ?? []).slice();
  list[ref] = b;
  return { ...scenario, distribution: { ...d, cacheBehaviors: list } };
}

export function targetExists(scenario: Scenario, id: string): boolean {
  const d = scenario.distribution;
  return d.origins.some((o) => o.id === id) || (d.originGroups ?? []).some((g) => g.id === id);
}

/** A new ordered behavior, last in precedence (just before the default), routed like the default. */
export function addBehavior(): Command {
  let index = 0;
  return {
    label: 'Add cache behavior',
    select: () => behaviorId(index),
    perform: (scenario) => {
      const d = scenario.distribution;
      const list = d.cacheBehaviors ?? [];
      const taken = new Set(list.map((b) => b.pathPattern));
      let n = list.length + 1;
      while (taken.has(`path-${n}/*`)) n++;
      const b: CacheBehavior = {
        pathPattern: `path-${n}/*`,
        targetOriginId: d.defaultCacheBehavior.targetOriginId,
        viewerProtocolPolicy: 'redirect-to-https',
        allowedMethods: ['GET', 'HEAD'],
        cachedMethods: ['GET', 'HEAD'],
        compress: true,
        cachePolicyId: CACHING_OPTIMIZED_ID,
      };
      index = list.length;
      return { ...scenario, distribution: { ...d, cacheBehaviors: [...list, b] } };
    },
  };
}

export function updateBehavior(
  ref: BehaviorRef,
  patch: (b: CacheBehavior) => CacheBehavior,
  label: string,
): Command {
  return {
    label,
    perform: (scenario) => {
      const b = getBehavior(scenario, ref);
      if (!b) refuse('That behavior is no longer in the scenario.');
      const next = patch(b);
      if (!targetExists(scenario, next.targetOriginId)) {
        refuse(`There is no origin or origin group "${next.targetOriginId}" to route to.`);
      }
      return withBehavior(scenario, ref, next);
    },
  };
}

export function setBehaviorTarget(ref: BehaviorRef, targetId: string, scenarioForName: Scenario): Command {
  return updateBehavior(
    ref,
    (b) => ({ ...b, targetOriginId: targetId }),
    `Route ${behaviorName(scenarioForName, ref)} to ${targetId}`,
  );
}

/** Managed cache policy by id, or legacy TTLs (CloudFront's defaults) when `policyId` is null. */
export function setCachePolicy(ref: BehaviorRef, policyId: string | null): Command {
  const name = policyId ? (MANAGED_CACHE_POLICIES[policyId]?.name ?? policyId) : 'legacy cache settings';
  return updateBehavior(
    ref,
    (b) => {
      const { cachePolicyId: _p, minTtl: _a, defaultTtl: _b, maxTtl: _c, forwardedValues: _f, ...rest } = b;
      if (policyId) return { ...rest, cachePolicyId: policyId };
      return {
        ...rest,
        ...LEGACY_TTL_DEFAULTS,
        forwardedValues: { queryString: false, cookies: { forward: 'none' } },
      };
    },
    `Use ${name}`,
  );
}

/** Moves an ordered behavior one place up (-1, higher precedence) or down (+1). */
export function moveBehavior(index: number, delta: -1 | 1): Command {
  const to = index + delta;
  return {
    label: `Move behavior ${delta < 0 ? 'up' : 'down'}`,
    select: behaviorId(to),
    perform: (scenario) => {
      const d = scenario.distribution;
      const list = (d.cacheBehaviors ?? []).slice();
      if (index < 0 || index >= list.length) refuse('That behavior is no longer in the scenario.');
      if (to < 0) refuse(`"${list[index].pathPattern}" already has the highest precedence (1).`);
      if (to >= list.length)
        refuse(
          `"${list[index].pathPattern}" is already the last ordered behavior; the default (*) always comes last.`,
        );
      [list[index], list[to]] = [list[to], list[index]];
      return { ...scenario, distribution: { ...d, cacheBehaviors: list } };
    },
  };
}

export function removeBehavior(ref: BehaviorRef): Command {
  return {
    label: 'Remove cache behavior',
    select: null,
    perform: (scenario) => {
      if (ref === 'default')
        refuse('The default behavior (*) cannot be removed: every distribution has one.');
      const d = scenario.distribution;
      const list = d.cacheBehaviors ?? [];
      if (!list[ref]) refuse('That behavior is no longer in the scenario.');
      return { ...scenario, distribution: { ...d, cacheBehaviors: list.filter((_, i) => i !== ref) } };
    },
  };
}
