// Delete (key or button) on whatever node is selected: each kind maps to its removal command.
// RECs, Origin Shield and the distribution are implied by the rest of the scenario and cannot be deleted.
import { removeBehavior } from './behaviors';
import { behaviorKey, parseNodeId } from './nodeIds';
import { removeOrigin, removeOriginGroup } from './origins';
import { removePop, removeViewerRegion } from './topology';
import type { Command } from './types';

export type RemoveOutcome = { kind: 'command'; command: Command } | { kind: 'refused'; reason: string };

export function removeNode(nodeId: string): RemoveOutcome {
  const p = parseNodeId(nodeId);
  if (!p) return { kind: 'refused', reason: 'Select a node to delete.' };
  switch (p.kind) {
    case 'pop':
      return { kind: 'command', command: removePop(p.key) };
    case 'viewer':
      return { kind: 'command', command: removeViewerRegion(p.key) };
    case 'origin':
      return { kind: 'command', command: removeOrigin(p.key) };
    case 'originGroup':
      return { kind: 'command', command: removeOriginGroup(p.key) };
    case 'behavior': {
      const ref = behaviorKey(p.key);
      return ref === null
        ? { kind: 'refused', reason: 'That behavior is no longer in the scenario.' }
        : { kind: 'command', command: removeBehavior(ref) };
    }
    case 'rec':
      return {
        kind: 'refused',
        reason: 'A regional edge cache follows from the edge locations in play: remove those PoPs instead.',
      };
    case 'shield':
      return {
        kind: 'refused',
        reason: 'Origin Shield is an origin setting: turn it off in the origin’s panel.',
      };
    case 'distribution':
      return { kind: 'refused', reason: 'The distribution is the scenario itself and cannot be deleted.' };
  }
}
