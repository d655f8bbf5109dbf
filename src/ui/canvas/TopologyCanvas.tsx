// The topology canvas. The scenario is the single source of truth: nodes and edges are derived
// from it, and every edit (drop from the palette, connection, delete, tidy) is a command on it.
// Positions are written back to scenario.layout on drag; edges animate where sampled requests went.
import {
  useCallback,
  useMemo,
  useRef,
  useState,
  type DragEvent,
  type KeyboardEvent,
  type MouseEvent,
} from 'react';
import {
  Background,
  Controls,
  MiniMap,
  Panel,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  type Connection,
  type NodeChange,
  type NodeMouseHandler,
  type OnNodeDrag,
  type OnNodesChange,
} from '@xyflow/react';
import {
  addPop,
  addViewerRegion,
  connectNodes,
  copyNode,
  freePosition,
  moveNodeTo,
  pasteNode,
  popsInPlay,
  removeNode,
  tidyLayout,
  type CopiedNode,
  type XY,
} from '../../state/commands';
import { describeTopology } from '../../state/derived';
import { useAppStore } from '../../state/store';
import ChoiceDialog, { type ChoiceKind } from '../palette/ChoiceDialog';
import Palette from '../palette/Palette';
import {
  commandFor,
  defaultDropPoint,
  PALETTE_MIME,
  paletteItem,
  type PaletteItem,
} from '../palette/paletteItems';
import { buildEdges, buildNodes, type CanvasNode } from './buildGraph';
import CanvasToast from './CanvasToast';
import CanvasToolbar from './CanvasToolbar';
import { nodeTypes } from './nodeTypes';
import { useActiveEdges } from './useActiveEdges';
import { useCanvasKeys } from './useCanvasKeys';
import { useTheme } from './theme';
import InvalidationWave from './particles/InvalidationWave';
import ParticleLayer from './particles/ParticleLayer';
import { routeContext } from './particles/particleRoutes';
import type { ParticleSystem } from './particles/particleSystem';
import SampleTrace from './particles/SampleTrace';
import type { SampledRequest } from '../../engine/types';
import './canvasEditing.css';

/** Room for the toolbar (top) and the request legend (bottom-left), so Fit view never hides a node under them. */
const FIT_VIEW_OPTIONS = { padding: { top: '56px', right: '24px', bottom: '104px', left: '24px' } } as const;

/** Minimap colours, the same as each node's left border (the kind is also in the node's label). */
const MINIMAP_COLOR: Record<string, string> = {
  viewer: '#8250df',
  pop: '#0969da',
  rec: '#bf8700',
  shield: '#bc4c00',
  distribution: '#6639ba',
  behavior: '#6e7781',
  originGroup: '#116329',
  origin: '#1a7f37',
};
const minimapColor = (n: CanvasNode) => MINIMAP_COLOR[n.type ?? ''] ?? '#8c959f';

function Canvas() {
  const scenario = useAppStore((s) => s.scenario);
  const selectedId = useAppStore((s) => s.selectedNodeId);
  const selectNode = useAppStore((s) => s.selectNode);
  const moveNode = useAppStore((s) => s.moveNode);
  const applyEdit = useAppStore((s) => s.applyEdit);
  const notify = useAppStore((s) => s.notifyCanvas);
  const undo = useAppStore((s) => s.undo);
  const redo = useAppStore((s) => s.redo);
  const flow = useReactFlow<CanvasNode>();
  const theme = useTheme((s) => s.theme);
  const [choice, setChoice] = useState<{ kind: ChoiceKind; at: XY } | null>(null);

  const view = useMemo(() => describeTopology(scenario), [scenario]);
  // React Flow measures nodes; a controlled flow must hand those sizes back on every rebuild, or the
  // rebuilt nodes lose them (the minimap and fit view then see no nodes).
  const [sizes, setSizes] = useState<Record<string, { width: number; height: number }>>({});
  const nodes = useMemo(
    () =>
      buildNodes(scenario, view, selectedId).map((n) => (sizes[n.id] ? { ...n, measured: sizes[n.id] } : n)),
    [scenario, view, selectedId, sizes],
  );
  const active = useActiveEdges(view);
  const edges = useMemo(() => buildEdges(scenario, view, active), [scenario, view, active]);
  const inPlay = useMemo(() => new Set(popsInPlay(scenario)), [scenario]);
  const nodeIds = useMemo(() => nodes.map((n) => n.id).join('|'), [nodes]);
  const routes = useMemo(() => routeContext(scenario, view, nodeIds.split('|')), [scenario, view, nodeIds]);
  const particles = useRef<ParticleSystem | null>(null);
  const [picked, setPicked] = useState<SampledRequest | null>(null);

  // Controlled nodes: only position changes matter (selection lives in the store).
  const onNodesChange: OnNodesChange<CanvasNode> = useCallback(
    (changes: NodeChange<CanvasNode>[]) => {
      let measured: Record<string, { width: number; height: number }> | null = null;
      for (const c of changes) {
        if (c.type === 'position' && c.position) moveNode(c.id, c.position);
        if (c.type === 'dimensions' && c.dimensions) (measured ??= {})[c.id] = c.dimensions;
      }
      if (measured) {
        const update = measured;
        setSizes((prev) => {
          const same = Object.keys(update).every(
            (id) => prev[id]?.width === update[id].width && prev[id]?.height === update[id].height,
          );
          return same ? prev : { ...prev, ...update };
        });
      }
    },
    [moveNode],
  );
  // A drag is one undoable step: positions stream into the layout while dragging (no history),
  // and at the drop the layout goes back to where it was and the move is applied as a command.
  const dragStart = useRef<{ id: string; at: XY } | null>(null);
  const onNodeDragStart: OnNodeDrag<CanvasNode> = useCallback((_e, node) => {
    dragStart.current = { id: node.id, at: { ...node.position } };
  }, []);
  const onNodeDragStop: OnNodeDrag<CanvasNode> = useCallback(
    (_e, node) => {
      const start = dragStart.current;
      dragStart.current = null;
      if (!start || start.id !== node.id) return;
      const to = node.position;
      if (Math.round(to.x) === Math.round(start.at.x) && Math.round(to.y) === Math.round(start.at.y)) return;
      moveNode(node.id, start.at);
      applyEdit(moveNodeTo(node.id, to, node.ariaLabel ?? node.id));
    },
    [moveNode, applyEdit],
  );
  const onNodeClick: NodeMouseHandler<CanvasNode> = useCallback(
    (_e, node) => selectNode(node.id),
    [selectNode],
  );
  // Keyboard selection: React Flow selects a focused node on Enter or Space only in its own state
  // (no click event), so the store, and with it the side panel, is told here.
  const onFlowKeyDown = useCallback(
    (e: KeyboardEvent<HTMLDivElement>) => {
      if (e.key !== 'Enter' && e.key !== ' ') return;
      // Only the node itself: Enter in a control inside a node keeps its own meaning.
      const target = e.target as HTMLElement;
      const id = target.classList.contains('react-flow__node') ? target.getAttribute('data-id') : null;
      if (id) selectNode(id);
    },
    [selectNode],
  );
  // A click on the pane may be on a particle (the particle layer itself lets clicks through, so
  // particles never get in the way of the nodes): open what happened to that request.
  const pickAt = useCallback(
    (e: MouseEvent) => {
      const at = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY });
      return particles.current?.pick(at.x, at.y, flow.getZoom()) ?? null;
    },
    [flow],
  );
  const onPaneClick = useCallback(
    (e: MouseEvent) => {
      const sample = pickAt(e);
      setPicked(sample);
      if (!sample) selectNode(null);
    },
    [pickAt, selectNode],
  );
  // Particles ride on the edges, whose wide invisible click path is above the pane.
  const onEdgeClick = useCallback(
    (e: MouseEvent) => {
      const sample = pickAt(e);
      if (sample) setPicked(sample);
    },
    [pickAt],
  );

  const onConnect = useCallback(
    (c: Connection) => {
      const outcome = connectNodes(useAppStore.getState().scenario, c.source, c.target);
      if (outcome.kind === 'command') applyEdit(outcome.command);
      else
        notify(
          outcome.kind === 'info' ? outcome.message : outcome.reason,
          outcome.kind === 'info' ? 'info' : 'refused',
        );
    },
    [applyEdit, notify],
  );

  const place = useCallback(
    (item: PaletteItem, at: XY) => {
      if (item.choice) {
        setChoice({ kind: item.choice, at });
        return;
      }
      const cmd = commandFor(item, at);
      if (cmd) applyEdit(cmd);
    },
    [applyEdit],
  );
  const onAdd = useCallback(
    (item: PaletteItem) => place(item, defaultDropPoint(useAppStore.getState().scenario, item)),
    [place],
  );
  const onDragOver = useCallback((e: DragEvent) => {
    if (!e.dataTransfer.types.includes(PALETTE_MIME)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  }, []);
  const onDrop = useCallback(
    (e: DragEvent) => {
      const item = paletteItem(e.dataTransfer.getData(PALETTE_MIME));
      if (!item) return;
      e.preventDefault();
      place(item, flow.screenToFlowPosition({ x: e.clientX, y: e.clientY }));
    },
    [flow, place],
  );
  const onChoose = useCallback(
    (value: string) => {
      if (!choice) return;
      applyEdit(choice.kind === 'pop' ? addPop(value, choice.at) : addViewerRegion(value, choice.at));
      setChoice(null);
    },
    [applyEdit, choice],
  );

  const remove = useCallback(() => {
    const id = useAppStore.getState().selectedNodeId;
    if (!id) return;
    const outcome = removeNode(id);
    if (outcome.kind === 'command') applyEdit(outcome.command);
    else notify(outcome.reason, 'refused');
  }, [applyEdit, notify]);
  const fit = useCallback(() => void flow.fitView(FIT_VIEW_OPTIONS), [flow]);
  const tidy = useCallback(() => {
    applyEdit(tidyLayout(nodes.map((n) => ({ id: n.id, kind: n.type ?? 'origin' }))));
    requestAnimationFrame(() => void flow.fitView(FIT_VIEW_OPTIONS));
  }, [applyEdit, nodes, flow]);
  const clipboard = useRef<CopiedNode | null>(null);
  /** what the Paste button offers (the clipboard ref alone would not re-render the toolbar) */
  const [copiedLabel, setCopiedLabel] = useState<string | null>(null);
  const copy = useCallback(() => {
    const { selectedNodeId: id, scenario: current } = useAppStore.getState();
    if (!id) return;
    const out = copyNode(current, id);
    if (out.kind === 'refused') {
      notify(out.reason, 'refused');
      return;
    }
    clipboard.current = out.node;
    setCopiedLabel(out.label);
    notify(`Copied ${out.label}: Ctrl+V pastes a copy.`);
  }, [notify]);
  const paste = useCallback(() => {
    const copied = clipboard.current;
    if (!copied) {
      notify('Nothing copied yet: select a node and press Ctrl+C first.', 'refused');
      return;
    }
    const kind = copied.kind === 'behavior' ? 'origin' : copied.kind;
    applyEdit(pasteNode(copied, freePosition(useAppStore.getState().scenario.layout, kind)));
  }, [applyEdit, notify]);
  const keys = useMemo(() => ({ undo, redo, remove, copy, paste }), [undo, redo, remove, copy, paste]);
  useCanvasKeys(keys);

  return (
    <div className="canvas canvas--editable" data-testid="topology-canvas">
      <Palette onAdd={onAdd} />
      <div
        className="canvas__flow"
        onDragOver={onDragOver}
        onDrop={onDrop}
        onKeyDown={onFlowKeyDown}
        data-testid="canvas-drop-zone"
      >
        <ReactFlow<CanvasNode>
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          onNodesChange={onNodesChange}
          onNodeClick={onNodeClick}
          onNodeDragStart={onNodeDragStart}
          onNodeDragStop={onNodeDragStop}
          onPaneClick={onPaneClick}
          onEdgeClick={onEdgeClick}
          onConnect={onConnect}
          deleteKeyCode={null}
          fitView
          fitViewOptions={FIT_VIEW_OPTIONS}
          minZoom={0.2}
          colorMode={theme}
        >
          <Background gap={20} />
          <Controls showInteractive={false} />
          <MiniMap pannable zoomable nodeColor={minimapColor} ariaLabel="Minimap of the topology" />
          <Panel position="top-right">
            <CanvasToolbar
              onDelete={remove}
              onFit={fit}
              onTidy={tidy}
              onCopy={copy}
              onPaste={paste}
              copiedLabel={copiedLabel}
            />
          </Panel>
          <Panel position="bottom-center">
            <CanvasToast />
          </Panel>
          <ParticleLayer ctx={routes} systemRef={particles} />
          <InvalidationWave />
          {picked && (
            <Panel position="center-left">
              <SampleTrace sample={picked} onClose={() => setPicked(null)} />
            </Panel>
          )}
        </ReactFlow>
        {choice && (
          <ChoiceDialog
            kind={choice.kind}
            exclude={inPlay}
            onChoose={onChoose}
            onCancel={() => setChoice(null)}
          />
        )}
      </div>
    </div>
  );
}

export default function TopologyCanvas() {
  return (
    <ReactFlowProvider>
      <Canvas />
    </ReactFlowProvider>
  );
}
