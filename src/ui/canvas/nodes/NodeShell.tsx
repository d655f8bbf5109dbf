// The common body of every canvas node: kind label, title, subtitle, live badge and handles.
// Handles are connectable only where a connection means something (src/state/commands/connect.ts).
import { Handle, Position } from '@xyflow/react';
import type { CanvasNodeData, CanvasNodeKind } from '../buildGraph';
import NodeBadge from './NodeBadge';
import LintMarker from '../../lint/LintMarker';

const KIND_LABEL: Record<CanvasNodeKind, string> = {
  viewer: 'Viewers',
  pop: 'Edge location',
  rec: 'Regional edge cache',
  shield: 'Origin Shield',
  distribution: 'Distribution',
  behavior: 'Cache behavior',
  originGroup: 'Origin group',
  origin: 'Origin',
};

interface HandleSpec {
  /** left handle: false = none, otherwise whether a user may drop a connection on it */
  input: false | { connectable: boolean };
  output: false | { connectable: boolean };
  /** the worker counts requests here (src/worker/nodeTallies.ts), so the node has a live badge */
  counted: boolean;
  hitRatio: boolean;
}

const HANDLES: Record<CanvasNodeKind, HandleSpec> = {
  viewer: { input: false, output: { connectable: true }, counted: true, hitRatio: false },
  pop: { input: { connectable: true }, output: { connectable: false }, counted: true, hitRatio: true },
  rec: { input: { connectable: false }, output: { connectable: false }, counted: true, hitRatio: true },
  shield: { input: { connectable: false }, output: { connectable: false }, counted: true, hitRatio: true },
  distribution: { input: false, output: { connectable: false }, counted: true, hitRatio: true },
  behavior: { input: { connectable: false }, output: { connectable: true }, counted: false, hitRatio: false },
  originGroup: {
    input: { connectable: true },
    output: { connectable: true },
    counted: false,
    hitRatio: false,
  },
  origin: { input: { connectable: true }, output: false, counted: true, hitRatio: false },
};

export interface NodeShellProps {
  id: string;
  kind: CanvasNodeKind;
  data: CanvasNodeData;
  selected: boolean;
}

export default function NodeShell({ id, kind, data, selected }: NodeShellProps) {
  const spec = HANDLES[kind];
  return (
    <div
      className={`cnode cnode--${kind}${selected ? ' is-selected' : ''}`}
      data-testid={`node-${id.replace(':', '-')}`}
    >
      {spec.input && (
        <Handle
          type="target"
          position={Position.Left}
          isConnectable={spec.input.connectable}
          className={spec.input.connectable ? 'cnode__handle--open' : undefined}
        />
      )}
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
      {spec.counted && <NodeBadge nodeId={id} showHitRatio={spec.hitRatio} />}
      <LintMarker nodeId={id} />
      {spec.output && (
        <Handle
          type="source"
          position={Position.Right}
          isConnectable={spec.output.connectable}
          className={spec.output.connectable ? 'cnode__handle--open' : undefined}
        />
      )}
    </div>
  );
}
