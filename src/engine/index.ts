// The engine's public API (DESIGN.md "The engine's public API"): createEngine and its types,
// the errors it throws, the model settings, and read-only helpers the UI uses.
export { createEngine, type CreateEngineOptions } from './sim/createEngine';
export type { SimEngine } from './sim/engine';
export { DEFAULT_EPOCH_MS, DEFAULT_VIEWER_IP, MAX_RESULT_BODY_BYTES } from './sim/engine';
export type { EngineSnapshot, TierSnapshot } from './sim/inspect';
export { LOG_FIELDS, LOG_CAPACITY } from './sim/logs';
export { MAX_SAMPLES_PER_RUN } from './sim/runner';
export { PROCESSING_MS } from './sim/deps';
export { ScenarioError, CloudFrontApiError } from './errors';
export { DEFAULT_MODEL_SETTINGS, SCENARIO_VERSION } from './scenario';
export type * from './scenario';
export type * from './types';
export { normalizeScenario, DEFAULT_CAPACITY_BYTES, DEFAULT_DOMAIN_NAME, ORIGIN_LIMITS } from './normalize';
export { EVICTION_POLICIES } from './cache/store';
