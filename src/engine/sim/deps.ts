// What the pipeline's parts share: the resolved scenario and the engine's long-lived services.
import type { CostMeter } from '../cost/CostMeter';
import type { NormalizedScenario } from '../normalize';
import type { FunctionHooks } from './functionHooks';
import type { IdSource } from './ids';
import type { KeyBuilder } from './keys';
import type { StatsCounter } from './stats';
import type { Storage } from './storage';
import type { Topology } from './topology';

export interface SimDeps {
  ns: NormalizedScenario;
  epochMs: number;
  topology: Topology;
  stats: StatsCounter;
  cost: CostMeter;
  ids: IdSource;
  keys: KeyBuilder;
  storage: Storage;
  hooks: FunctionHooks;
}

/** Simulated processing times inside CloudFront, ms. Not published by AWS: small teaching values
 * so that a hit is not free and the trace shows where time goes. */
export const PROCESSING_MS = {
  /** one cache lookup in a tier */
  lookup: 0.5,
} as const;
