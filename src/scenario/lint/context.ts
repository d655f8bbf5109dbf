// What every lint rule needs, computed once per scenario: the behaviors in precedence order with
// their resolved cache policy and whether they can ever match, and a sample of the responses the
// simulated origins give for the paths traffic asks for (explicit objects and the first few catalog
// paths; a catalog's objects all share one Cache-Control, so a few stand for all).
import { resolveCachePolicy, type ResolvedCachePolicy } from '../../engine/cache/policy';
import { SIMULATED_ORIGIN_DEFAULTS } from '../../engine/origin/simulatedOrigin';
import { compilePathPattern, selectBehavior, type PathMatcher } from '../../engine/routing/pathPattern';
import type { CacheBehavior, Scenario } from '../../engine/scenario';
import { buildCatalogs, type VirtualCatalog } from '../../engine/traffic/catalog';
import { coveredBy } from './patternCover';

/** Catalog paths sampled per catalog (they differ only in their number). */
const CATALOG_SAMPLE = 3;

export interface LintBehavior {
  key: number | 'default';
  b: CacheBehavior;
  nodeId: string;
  field: string;
  /** "behavior 2 (/images/*)" or "the default behavior" */
  label: string;
  pattern: string;
  /** null when the policy cannot be resolved (validateScenario reports that) */
  policy: ResolvedCachePolicy | null;
  /** why it never matches: the earlier patterns that cover it; null when it can match (or unknown) */
  shadowedBy: string[] | null;
  /** responses this behavior serves, from the sample below */
  served: ServedSample[];
  /** true when some path the traffic generator asks for is routed here */
  getsTraffic: boolean;
}

export interface ServedSample {
  path: string;
  /** the origin answering (an origin group's primary) */
  originId: string;
  /** undefined = the origin sends no Cache-Control */
  cacheControl: string | undefined;
  /** the origin sends an Expires header */
  expires: boolean;
}

export interface LintContext {
  scenario: Scenario;
  behaviors: LintBehavior[];
}

export function behaviorNodeId(key: number | 'default'): string {
  return `behavior:${key}`;
}

function safePolicy(b: CacheBehavior, s: Scenario, field: string): ResolvedCachePolicy | null {
  try {
    return resolveCachePolicy(b, s, field);
  } catch {
    return null;
  }
}

function safeCatalogs(s: Scenario): Map<string, VirtualCatalog> {
  try {
    return buildCatalogs(s);
  } catch {
    return new Map();
  }
}

function primaryOrigin(s: Scenario, target: string): string {
  return s.distribution.originGroups?.find((g) => g.id === target)?.members[0] ?? target;
}

/** The simulated origin's answer headers for a path, or null when it answers 404 / an error. */
function answer(
  s: Scenario,
  catalogs: Map<string, VirtualCatalog>,
  originId: string,
  path: string,
): Omit<ServedSample, 'path' | 'originId'> | null {
  const sim = s.originSimulation?.[originId];
  const obj = sim?.objects?.find((o) => o.path === path);
  if (obj) {
    const status = obj.status ?? 200;
    if (status >= 400) return null;
    const expires = Object.keys(obj.headers ?? {}).some((h) => h.toLowerCase() === 'expires');
    return { cacheControl: obj.cacheControl, expires };
  }
  const catalog = catalogs.get(originId);
  if (catalog && catalog.indexOf(path) >= 0) return { cacheControl: catalog.cacheControl, expires: false };
  if (sim?.dynamicPaths?.some((p) => compilePathPattern(p)(path))) {
    return { cacheControl: SIMULATED_ORIGIN_DEFAULTS.dynamicCacheControl, expires: false };
  }
  return null;
}

export function buildLintContext(s: Scenario): LintContext {
  const d = s.distribution;
  const ordered = d.cacheBehaviors ?? [];
  const behaviors: LintBehavior[] = ordered.map((b, i) => {
    const pattern = b.pathPattern ?? '';
    const field = `distribution.cacheBehaviors[${i}]`;
    const earlier = ordered.slice(0, i).map((e) => e.pathPattern ?? '');
    return {
      key: i,
      b,
      nodeId: behaviorNodeId(i),
      field,
      label: `behavior ${i + 1} (${pattern})`,
      pattern,
      policy: safePolicy(b, s, field),
      shadowedBy: shadowers(pattern, earlier),
      served: [],
      getsTraffic: false,
    };
  });
  const defaultField = 'distribution.defaultCacheBehavior';
  behaviors.push({
    key: 'default',
    b: d.defaultCacheBehavior,
    nodeId: behaviorNodeId('default'),
    field: defaultField,
    label: 'the default behavior (*)',
    pattern: '*',
    policy: safePolicy(d.defaultCacheBehavior, s, defaultField),
    shadowedBy: shadowers(
      '*',
      ordered.map((e) => e.pathPattern ?? ''),
      true,
    ),
    served: [],
    getsTraffic: false,
  });
  sampleResponses(s, behaviors, ordered);
  return { scenario: s, behaviors };
}

/**
 * The earlier patterns that together cover `pattern` (the first single one that does, when
 * one does), or null when some path reaches it. An exact duplicate is left to validateScenario.
 */
function shadowers(pattern: string, earlier: readonly string[], isDefault = false): string[] | null {
  if (earlier.length === 0 || (!isDefault && earlier.includes(pattern))) return null;
  for (const e of earlier) if (coveredBy(pattern, [e]).covered === true) return [e];
  return coveredBy(pattern, earlier).covered === true ? [...earlier] : null;
}

function sampleResponses(s: Scenario, behaviors: LintBehavior[], ordered: readonly CacheBehavior[]): void {
  const catalogs = safeCatalogs(s);
  const matchers: PathMatcher[] = ordered.map((b) => compilePathPattern(b.pathPattern ?? ''));
  const trafficPaths = new Set<string>();
  for (const c of catalogs.values()) {
    for (let i = 0; i < Math.min(c.count, CATALOG_SAMPLE); i++) trafficPaths.add(c.path(i));
  }
  if (catalogs.size === 0) {
    // Without a catalog the generator asks for the default behavior's origin's explicit objects.
    const origin = primaryOrigin(s, s.distribution.defaultCacheBehavior.targetOriginId);
    for (const o of s.originSimulation?.[origin]?.objects ?? []) trafficPaths.add(o.path);
  }
  const paths = new Set(trafficPaths);
  for (const sim of Object.values(s.originSimulation ?? {}))
    for (const o of sim.objects ?? []) paths.add(o.path);
  for (const path of paths) {
    const i = selectBehavior(matchers, path);
    const lb = behaviors[i < 0 ? behaviors.length - 1 : i];
    if (trafficPaths.has(path)) lb.getsTraffic = true;
    const originId = primaryOrigin(s, lb.b.targetOriginId);
    const a = answer(s, catalogs, originId, path);
    if (a) lb.served.push({ path, originId, ...a });
  }
}
