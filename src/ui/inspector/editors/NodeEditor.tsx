// Picks the editor for the selected node. PoPs and viewer regions have nothing to edit but
// their presence: a Delete button (same as the Delete key).
import { memo } from 'react';
import { behaviorKey, parseNodeId, removeNode } from '../../../state/commands';
import { useAppStore } from '../../../state/store';
import BehaviorEditor from './BehaviorEditor';
import BehaviorOrder from './BehaviorOrder';
import { EditorSection } from './fields';
import OriginEditor from './OriginEditor';
import OriginGroupEditor from './OriginGroupEditor';

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
      return ref === null ? null : <BehaviorEditor key={nodeId} behavior={ref} />;
    }
    case 'origin':
      return <OriginEditor key={nodeId} id={p.key} />;
    case 'originGroup':
      return <OriginGroupEditor key={nodeId} id={p.key} />;
    case 'distribution':
      return <BehaviorOrder />;
    case 'pop':
      return <RemoveButton nodeId={nodeId} label="Remove edge location" />;
    case 'viewer':
      return <RemoveButton nodeId={nodeId} label="Remove viewer region" />;
    default:
      return null;
  }
}

export default memo(NodeEditor);
