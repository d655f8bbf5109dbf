// One frozen map at module scope: React Flow re-mounts every node if this object changes identity.
import type { NodeTypes } from '@xyflow/react';
import DistributionNode from './nodes/DistributionNode';
import OriginNode from './nodes/OriginNode';
import PopNode from './nodes/PopNode';
import RecNode from './nodes/RecNode';
import ShieldNode from './nodes/ShieldNode';
import ViewerNode from './nodes/ViewerNode';

export const nodeTypes: NodeTypes = Object.freeze({
  viewer: ViewerNode,
  pop: PopNode,
  rec: RecNode,
  shield: ShieldNode,
  distribution: DistributionNode,
  origin: OriginNode,
});
