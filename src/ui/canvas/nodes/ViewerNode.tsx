import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { CanvasNode } from '../buildGraph';
import NodeShell from './NodeShell';

function ViewerNode({ id, data, selected }: NodeProps<CanvasNode>) {
  return (
    <NodeShell id={id} kind="viewer" data={data} selected={selected} inputs={false} outputs={true} showHitRatio={true} />
  );
}

export default memo(ViewerNode);
