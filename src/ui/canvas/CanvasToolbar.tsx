// Undo, redo, delete, fit view and tidy layout, over the canvas (keyboard: Ctrl+Z, Ctrl+Shift+Z, Delete).
import { memo } from 'react';
import { useAppStore } from '../../state/store';

function CanvasToolbar({
  onDelete,
  onFit,
  onTidy,
}: {
  onDelete: () => void;
  onFit: () => void;
  onTidy: () => void;
}) {
  const undoLabel = useAppStore((s) => s.undoStack[s.undoStack.length - 1]?.label);
  const redoLabel = useAppStore((s) => s.redoStack[s.redoStack.length - 1]?.label);
  const selected = useAppStore((s) => s.selectedNodeId);
  const undo = useAppStore((s) => s.undo);
  const redo = useAppStore((s) => s.redo);
  return (
    <div className="canvas-toolbar" role="toolbar" aria-label="Canvas">
      <button
        type="button"
        className="btn btn--small"
        onClick={undo}
        disabled={!undoLabel}
        title={undoLabel ? `Undo: ${undoLabel} (Ctrl+Z)` : 'Nothing to undo'}
      >
        Undo
      </button>
      <button
        type="button"
        className="btn btn--small"
        onClick={redo}
        disabled={!redoLabel}
        title={redoLabel ? `Redo: ${redoLabel} (Ctrl+Shift+Z)` : 'Nothing to redo'}
      >
        Redo
      </button>
      <button
        type="button"
        className="btn btn--small"
        onClick={onDelete}
        disabled={!selected}
        title="Delete the selected node (Delete)"
      >
        Delete
      </button>
      <button type="button" className="btn btn--small" onClick={onFit}>
        Fit view
      </button>
      <button
        type="button"
        className="btn btn--small"
        onClick={onTidy}
        title="Arrange nodes in columns: viewers, PoPs, RECs, distribution, origins"
      >
        Tidy layout
      </button>
    </div>
  );
}

export default memo(CanvasToolbar);
