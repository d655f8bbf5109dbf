// The scenario layer: everything that turns a document (URL, file, paste, CloudFront JSON) into a
// validated Scenario, and back. Depends only on src/engine, zod, fflate and acorn.
export { ScenarioError } from '../engine/errors';
export { SCENARIO_VERSION, DEFAULT_MODEL_SETTINGS } from '../engine/scenario';
export type { Scenario } from '../engine/scenario';
export {
  defaultScenario,
  cloneDefaultScenario,
  minimalScenario,
  defaultLayout,
  DEFAULT_POPS,
  DEFAULT_RECS,
  DEFAULT_VIEWERS,
  DEFAULT_DOMAIN_NAME,
  DEFAULT_DISTRIBUTION_ID,
} from './presets/default';
export { PRESETS, presetScenario, type Preset } from './presets';
export { parseScenario, checkScenario, scenarioSchema } from './schema';
export { migrateScenario, MIGRATIONS } from './migrations';
export { describeIssue, formatPath, type Issue } from './issues';
export {
  fromCloudFront,
  toCloudFront,
  importCloudFrontJson,
  listUnmodeledFields,
  type CloudFrontInput,
  type CloudFrontOutput,
} from './cloudfront';
export { encodeScenarioToHash, decodeScenarioFromHash, type DecodeResult } from './urlCodec';
