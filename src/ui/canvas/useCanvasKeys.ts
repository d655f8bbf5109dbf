// Ctrl+Z / Ctrl+Shift+Z (or Ctrl+Y), Delete, Ctrl+C / Ctrl+V (nodes), anywhere except while typing in
// a field or the code editor, or (for Ctrl+C) while text is selected on the page.
import { useEffect } from 'react';

function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) ||
    !!target.closest('.monaco-editor, [role="dialog"]')
  );
}

export interface CanvasKeyHandlers {
  undo: () => void;
  redo: () => void;
  remove: () => void;
  copy: () => void;
  paste: () => void;
}

export function useCanvasKeys(handlers: CanvasKeyHandlers) {
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
      } else if (mod && key === 'c' && !e.shiftKey) {
        // Copying selected text stays the browser's.
        if (window.getSelection()?.toString()) return;
        e.preventDefault();
        handlers.copy();
      } else if (mod && key === 'v' && !e.shiftKey) {
        e.preventDefault();
        handlers.paste();
      } else if (e.key === 'Delete' && !mod) {
        handlers.remove();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [handlers]);
}
