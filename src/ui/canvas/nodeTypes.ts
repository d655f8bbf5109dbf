// One frozen map at module scope: React Flow re-mounts every node if this object changes identity.
import { createElement, memo } from 'react';
import type { NodeProps, NodeTypes } from '@xyflow/react';
import type { CanvasNode, CanvasNodeKind } from './buildGraph';
import NodeShell from './nodes/NodeShell';

function nodeOf(kind: CanvasNodeKind) {
  const Component = ({ id, data, selected }: NodeProps<CanvasNode>) =>
    createElement(NodeShell, { id, kind, data, selected: selected ?? false });
  Component.displayName = `${kind}Node`;
  return memo(Component);
}

const KINDS: CanvasNodeKind[] = [
  'viewer',
  'pop',
  'rec',
  'shield',
  'distribution',
  'behavior',
  'originGroup',
  'origin',
];

export const nodeTypes: NodeTypes = Object.freeze(Object.fromEntries(KINDS.map((k) => [k, nodeOf(k)])));
