// Undo, redo, delete, copy, paste, fit view, tidy layout and the light/dark theme, over the canvas
// (keyboard: Ctrl+Z, Ctrl+Shift+Z, Delete, Ctrl+C / Ctrl+V for nodes).
import { memo } from 'react';
import { useAppStore } from '../../state/store';
import { useTheme } from './theme';

function CanvasToolbar({
  onDelete,
  onFit,
  onTidy,
  onCopy,
  onPaste,
  copiedLabel,
}: {
  onDelete: () => void;
  onFit: () => void;
  onTidy: () => void;
  onCopy: () => void;
  onPaste: () => void;
  /** the node a Paste would copy; null before the first Copy */
  copiedLabel: string | null;
}) {
  const undoLabel = useAppStore((s) => s.undoStack[s.undoStack.length - 1]?.label);
  const redoLabel = useAppStore((s) => s.redoStack[s.redoStack.length - 1]?.label);
  const selected = useAppStore((s) => s.selectedNodeId);
  const undo = useAppStore((s) => s.undo);
  const redo = useAppStore((s) => s.redo);
  const theme = useTheme((s) => s.theme);
  const toggleTheme = useTheme((s) => s.toggle);
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
      <button
        type="button"
        className="btn btn--small"
        onClick={onCopy}
        disabled={!selected}
        title="Copy the selected node (Ctrl+C)"
      >
        Copy
      </button>
      <button
        type="button"
        className="btn btn--small"
        onClick={onPaste}
        disabled={!copiedLabel}
        aria-label={copiedLabel ? `Paste a copy of ${copiedLabel}` : 'Paste'}
        title={copiedLabel ? `Paste a copy of ${copiedLabel} (Ctrl+V)` : 'Copy a node first (Ctrl+C)'}
      >
        Paste
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
      <button
        type="button"
        className="btn btn--small"
        onClick={toggleTheme}
        aria-pressed={theme === 'dark'}
        title={theme === 'dark' ? 'Switch to the light theme' : 'Switch to the dark theme'}
      >
        Dark theme
      </button>
    </div>
  );
}

export default memo(CanvasToolbar);
