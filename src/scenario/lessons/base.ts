// Helpers shared by the lessons: fresh copies of the default scenario or a preset, and small edits.
import type { CacheBehavior, Scenario } from '../../engine/scenario';
import { cloneDefaultScenario } from '../presets/default';
import { presetScenario } from '../presets';

export function fromDefault(name: string, description: string): Scenario {
  return { ...cloneDefaultScenario(), name, description };
}

export function fromPreset(id: string, name: string, description: string): Scenario {
  const s = presetScenario(id);
  if (!s) throw new Error(`Lesson base preset "${id}" is missing from src/scenario/presets.`);
  return { ...s, name, description };
}

export function withDefaultBehavior(s: Scenario, patch: Partial<CacheBehavior>): Scenario {
  return {
    ...s,
    distribution: {
      ...s.distribution,
      defaultCacheBehavior: { ...s.distribution.defaultCacheBehavior, ...patch },
    },
  };
}

export function withDistribution(s: Scenario, patch: Partial<Scenario['distribution']>): Scenario {
  return { ...s, distribution: { ...s.distribution, ...patch } };
}

/** A copy of the scenario whose simulated origin `originId` sends `cacheControl` for its catalog. */
export function withCatalogCacheControl(s: Scenario, originId: string, cacheControl: string): Scenario {
  const sim = s.originSimulation?.[originId];
  if (!sim?.catalog) throw new Error(`Lesson scenario: origin "${originId}" has no simulated catalog.`);
  return {
    ...s,
    originSimulation: {
      ...s.originSimulation,
      [originId]: { ...sim, catalog: { ...sim.catalog, cacheControl } },
    },
  };
}
