import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { CanvasNode } from '../buildGraph';
import NodeShell from './NodeShell';

function OriginNode({ id, data, selected }: NodeProps<CanvasNode>) {
  return (
    <NodeShell id={id} kind="origin" data={data} selected={selected} inputs={true} outputs={false} showHitRatio={false} />
  );
}

export default memo(OriginNode);
