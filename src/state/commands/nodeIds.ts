// Canvas node ids, shared by the canvas (drawing), the commands (layout keys) and the inspector.
// They match the scenario layer's layout keys (src/scenario/presets/default.ts defaultLayout).

export type NodeKind =
  'viewer' | 'pop' | 'rec' | 'shield' | 'distribution' | 'behavior' | 'originGroup' | 'origin';

export const DISTRIBUTION_ID = 'distribution';
export const DEFAULT_BEHAVIOR_KEY = 'default';

export const viewerId = (id: string) => `viewer:${id}`;
export const popId = (code: string) => `pop:${code}`;
export const recId = (region: string) => `rec:${region}`;
export const shieldId = (region: string) => `shield:${region}`;
export const originId = (id: string) => `origin:${id}`;
export const originGroupId = (id: string) => `originGroup:${id}`;
/** Behaviors have no id in CloudFront: an ordered behavior is known by its precedence index. */
export const behaviorId = (index: number | 'default') => `behavior:${index}`;

export interface ParsedNodeId {
  kind: NodeKind;
  key: string;
}

export function parseNodeId(id: string): ParsedNodeId | null {
  if (id === DISTRIBUTION_ID) return { kind: 'distribution', key: '' };
  const colon = id.indexOf(':');
  if (colon < 0) return null;
  const kind = id.slice(0, colon) as NodeKind;
  const kinds: readonly string[] = ['viewer', 'pop', 'rec', 'shield', 'behavior', 'originGroup', 'origin'];
  return kinds.includes(kind) ? { kind, key: id.slice(colon + 1) } : null;
}

/** 'default' or the ordered behavior's index. */
export function behaviorKey(key: string): number | 'default' | null {
  if (key === DEFAULT_BEHAVIOR_KEY) return 'default';
  const n = Number(key);
  return Number.isInteger(n) && n >= 0 ? n : null;
}
