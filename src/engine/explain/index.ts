// "Why was this a miss?" for the request inspector: pure functions over ViewerResult traces.
export {
  explainResult,
  type Explanation,
  type ExplanationReason,
  type ExplainContext,
  type InvalidationRecord,
} from './explainResult';
export { diffKeys, describeDifference, type KeyDifference, type KeyPart } from './keyDiff';
export { explainTtl, type TtlExplanation, type TtlSource } from './ttlReason';
export { resultFacts, type ResultFacts } from './traceFacts';
