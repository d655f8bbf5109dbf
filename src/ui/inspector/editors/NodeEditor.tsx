// Picks the editor for the selected node. PoPs have nothing to edit but their presence: a Delete
// button (same as the Delete key); viewer regions their share of traffic.
import { memo } from 'react';
import { behaviorKey, parseNodeId, removeNode } from '../../../state/commands';
import { useAppStore } from '../../../state/store';
import BehaviorAccessEditor from './BehaviorAccessEditor';
import BehaviorEditor from './BehaviorEditor';
import BehaviorOrder from './BehaviorOrder';
import DistributionEditor from './DistributionEditor';
import { EditorSection } from './fields';
import OriginContentEditor from './OriginContentEditor';
import OriginEditor from './OriginEditor';
import OriginGroupEditor from './OriginGroupEditor';
import ViewerEditor from './ViewerEditor';

function RemoveButton({ nodeId, label }: { nodeId: string; label: string }) {
  const applyEdit = useAppStore((s) => s.applyEdit);
  const notify = useAppStore((s) => s.notifyCanvas);
  const onClick = () => {
    const out = removeNode(nodeId);
    if (out.kind === 'command') applyEdit(out.command);
    else notify(out.reason, 'refused');
  };
  return (
    <EditorSection title={label}>
      <button type="button" className="btn btn--small" onClick={onClick}>
        {label}
      </button>
    </EditorSection>
  );
}

function NodeEditor({ nodeId }: { nodeId: string }) {
  const p = parseNodeId(nodeId);
  if (!p) return null;
  switch (p.kind) {
    case 'behavior': {
      const ref = behaviorKey(p.key);
      return ref === null ? null : (
        <>
          <BehaviorEditor key={nodeId} behavior={ref} />
          <BehaviorAccessEditor key={`${nodeId}-access`} behavior={ref} />
        </>
      );
    }
    case 'origin':
      return (
        <>
          <OriginEditor key={nodeId} id={p.key} />
          <OriginContentEditor key={`${nodeId}-content`} id={p.key} />
        </>
      );
    case 'originGroup':
      return <OriginGroupEditor key={nodeId} id={p.key} />;
    case 'distribution':
      return (
        <>
          <BehaviorOrder />
          <DistributionEditor />
        </>
      );
    case 'pop':
      return <RemoveButton nodeId={nodeId} label="Remove edge location" />;
    case 'viewer':
      return (
        <>
          <ViewerEditor key={nodeId} id={p.key} />
          <RemoveButton nodeId={nodeId} label="Remove viewer region" />
        </>
      );
    default:
      return null;
  }
}

export default memo(NodeEditor);
