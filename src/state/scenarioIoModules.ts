// The heavy half of scenario input/output, split off the first download (issue 10): the zod schema,
// validation (with acorn's syntax check of edge functions), the link codec (fflate + its preset
// dictionary) and the CloudFront JSON converters, ~100 KB gzip together. Only scenarioIoLoader.ts
// imports this module, and only with import(): a static import would pull it back into the entry chunk.
export {
  decodeScenarioFromHash,
  encodeScenarioToHash,
  importCloudFrontJson,
  listUnmodeledFields,
  parseScenario,
  toCloudFront,
} from '../scenario';
