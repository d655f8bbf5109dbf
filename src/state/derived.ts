// Derived figures the UI shows, re-exported so components depend on the state layer only.
export { cacheHitRatio, originOffload, totalOriginRequests } from '../worker/metrics';
export type { NodeCounters } from '../worker/protocol';
export { describeTopology } from '../worker/topology';
export type { TopologyView, ViewerView, PopView, RecView, OriginView } from '../worker/topology';
