// Ctrl+Z / Ctrl+Shift+Z (or Ctrl+Y) and Delete, anywhere except while typing in a field or the code editor.
import { useEffect } from 'react';

function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) ||
    !!target.closest('.monaco-editor, [role="dialog"]')
  );
}

export function useCanvasKeys(handlers: { undo: () => void; redo: () => void; remove: () => void }) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (typing(e.target)) return;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      if (mod && key === 'z') {
        e.preventDefault();
        if (e.shiftKey) handlers.redo();
        else handlers.undo();
      } else if (mod && key === 'y') {
        e.preventDefault();
        handlers.redo();
      } else if (e.key === 'Delete' && !mod) {
        handlers.remove();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [handlers]);
}
