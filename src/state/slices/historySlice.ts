// Undo/redo for scenario edits. Every edit is a Command (src/state/commands); applying one keeps
// the scenario before it, so undo restores exactly what the user saw. A refused command leaves
// the scenario untouched and puts its reason in `canvasNotice`, shown next to the canvas.
import type { StateCreator } from 'zustand';
import type { Scenario } from '../../engine/scenario';
import { CommandRefused, type Command } from '../commands/types';
import type { AppState } from '../store';

/** Undo depth: scenarios are small JSON documents, 100 of them is a few MB at most. */
export const HISTORY_LIMIT = 100;

interface Entry {
  scenario: Scenario;
  label: string;
  layoutOnly: boolean;
}

export interface CanvasNotice {
  /** increases with every canvasNotice, so the same text shown twice still re-announces */
  id: number;
  text: string;
  tone: 'info' | 'refused';
}

export interface HistorySlice {
  undoStack: Entry[];
  redoStack: Entry[];
  canvasNotice: CanvasNotice | null;
  /** Applies an edit; false (and a canvasNotice) when the command refuses it. */
  applyEdit: (command: Command) => boolean;
  undo: () => void;
  redo: () => void;
  notifyCanvas: (text: string, tone?: CanvasNotice['tone']) => void;
  dismissCanvasNotice: () => void;
}

export const createHistorySlice: StateCreator<AppState, [], [], HistorySlice> = (set, get) => {
  let noticeId = 0;
  const canvasNotice = (text: string, tone: CanvasNotice['tone']): CanvasNotice => ({
    id: ++noticeId,
    text,
    tone,
  });

  return {
    undoStack: [],
    redoStack: [],
    canvasNotice: null,

    applyEdit: (command) => {
      const before = get().scenario;
      let after: Scenario;
      try {
        after = command.perform(before);
      } catch (err) {
        if (!(err instanceof CommandRefused)) throw err;
        set({ canvasNotice: canvasNotice(err.message, 'refused') });
        return false;
      }
      const layoutOnly = command.layoutOnly === true;
      const select = typeof command.select === 'function' ? command.select(after) : command.select;
      set((s) => ({
        scenario: after,
        scenarioRevision: layoutOnly ? s.scenarioRevision : s.scenarioRevision + 1,
        undoStack: [
          ...s.undoStack.slice(-(HISTORY_LIMIT - 1)),
          { scenario: before, label: command.label, layoutOnly },
        ],
        redoStack: [],
        ...(select === undefined ? {} : { selectedNodeId: select }),
      }));
      return true;
    },

    undo: () => {
      const { undoStack, scenario } = get();
      const last = undoStack[undoStack.length - 1];
      if (!last) return;
      set((s) => ({
        scenario: last.scenario,
        scenarioRevision: last.layoutOnly ? s.scenarioRevision : s.scenarioRevision + 1,
        undoStack: undoStack.slice(0, -1),
        redoStack: [...s.redoStack, { ...last, scenario }],
        canvasNotice: canvasNotice(`Undone: ${last.label}`, 'info'),
      }));
    },

    redo: () => {
      const { redoStack, scenario } = get();
      const next = redoStack[redoStack.length - 1];
      if (!next) return;
      set((s) => ({
        scenario: next.scenario,
        scenarioRevision: next.layoutOnly ? s.scenarioRevision : s.scenarioRevision + 1,
        redoStack: redoStack.slice(0, -1),
        undoStack: [...s.undoStack, { ...next, scenario }],
        canvasNotice: canvasNotice(`Redone: ${next.label}`, 'info'),
      }));
    },

    notifyCanvas: (text, tone = 'info') => set({ canvasNotice: canvasNotice(text, tone) }),
    dismissCanvasNotice: () => set({ canvasNotice: null }),
  };
};
