import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { CanvasNode } from '../buildGraph';
import NodeShell from './NodeShell';

function DistributionNode({ id, data, selected }: NodeProps<CanvasNode>) {
  return (
    <NodeShell id={id} kind="distribution" data={data} selected={selected} inputs={false} outputs={true} showHitRatio={true} />
  );
}

export default memo(DistributionNode);
