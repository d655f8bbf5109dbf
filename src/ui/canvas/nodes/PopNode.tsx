import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { CanvasNode } from '../buildGraph';
import NodeShell from './NodeShell';

function PopNode({ id, data, selected }: NodeProps<CanvasNode>) {
  return (
    <NodeShell id={id} kind="pop" data={data} selected={selected} inputs={true} outputs={true} showHitRatio={true} />
  );
}

export default memo(PopNode);
