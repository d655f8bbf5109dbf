// The common body of every canvas node: kind label, title, subtitle, live badge and handles.
import { Handle, Position } from '@xyflow/react';
import type { CanvasNodeData, CanvasNodeKind } from '../buildGraph';
import NodeBadge from './NodeBadge';

const KIND_LABEL: Record<CanvasNodeKind, string> = {
  viewer: 'Viewers',
  pop: 'Edge location',
  rec: 'Regional edge cache',
  shield: 'Origin Shield',
  distribution: 'Distribution',
  origin: 'Origin',
};

export interface NodeShellProps {
  id: string;
  kind: CanvasNodeKind;
  data: CanvasNodeData;
  selected: boolean;
  inputs: boolean;
  outputs: boolean;
  showHitRatio: boolean;
}

export default function NodeShell({ id, kind, data, selected, inputs, outputs, showHitRatio }: NodeShellProps) {
  return (
    <div className={`cnode cnode--${kind}${selected ? ' is-selected' : ''}`} data-testid={`node-${id.replace(':', '-')}`}>
      {inputs && <Handle type="target" position={Position.Left} isConnectable={false} />}
      <div className="cnode__kind">{KIND_LABEL[kind]}</div>
      <div className="cnode__title">{data.title}</div>
      <div className="cnode__subtitle">{data.subtitle}</div>
      {data.lines && (
        <ul className="cnode__lines">
          {data.lines.map((l) => (
            <li key={l}>{l}</li>
          ))}
        </ul>
      )}
      <NodeBadge nodeId={id} showHitRatio={showHitRatio} />
      {outputs && <Handle type="source" position={Position.Right} isConnectable={false} />}
    </div>
  );
}
