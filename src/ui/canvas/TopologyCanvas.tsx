// The topology canvas: built from the scenario, positions written back to scenario.layout on drag,
// edges animated where the latest sampled requests travelled.
import { useCallback, useMemo } from 'react';
import {
  Background,
  Controls,
  ReactFlow,
  type NodeChange,
  type NodeMouseHandler,
  type OnNodesChange,
} from '@xyflow/react';
import { describeTopology } from '../../state/derived';
import { useAppStore } from '../../state/store';
import { activeEdgeIds, buildEdges, buildNodes, type CanvasNode } from './buildGraph';
import { nodeTypes } from './nodeTypes';

const FIT_VIEW_OPTIONS = { padding: 0.08 };

export default function TopologyCanvas() {
  const scenario = useAppStore((s) => s.scenario);
  const selectedId = useAppStore((s) => s.selectedNodeId);
  const samples = useAppStore((s) => s.recentSamples);
  const selectNode = useAppStore((s) => s.selectNode);
  const moveNode = useAppStore((s) => s.moveNode);

  const view = useMemo(() => describeTopology(scenario), [scenario]);
  const nodes = useMemo(() => buildNodes(scenario, view, selectedId), [scenario, view, selectedId]);
  const active = useMemo(() => activeEdgeIds(samples, view), [samples, view]);
  const edges = useMemo(() => buildEdges(view, active), [view, active]);

  // Controlled nodes: only position changes matter (selection lives in the store).
  const onNodesChange: OnNodesChange<CanvasNode> = useCallback(
    (changes: NodeChange<CanvasNode>[]) => {
      for (const c of changes) if (c.type === 'position' && c.position) moveNode(c.id, c.position);
    },
    [moveNode],
  );
  const onNodeClick: NodeMouseHandler<CanvasNode> = useCallback((_e, node) => selectNode(node.id), [selectNode]);
  const onPaneClick = useCallback(() => selectNode(null), [selectNode]);

  return (
    <div className="canvas" data-testid="topology-canvas">
      <ReactFlow<CanvasNode>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onNodeClick={onNodeClick}
        onPaneClick={onPaneClick}
        nodesConnectable={false}
        fitView
        fitViewOptions={FIT_VIEW_OPTIONS}
        minZoom={0.2}
      >
        <Background gap={20} />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
