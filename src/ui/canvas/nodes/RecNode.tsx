import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { CanvasNode } from '../buildGraph';
import NodeShell from './NodeShell';

function RecNode({ id, data, selected }: NodeProps<CanvasNode>) {
  return (
    <NodeShell id={id} kind="rec" data={data} selected={selected} inputs={true} outputs={true} showHitRatio={true} />
  );
}

export default memo(RecNode);
