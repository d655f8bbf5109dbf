// Undo/redo through the real store (worker client replaced: no Worker in Node).
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../worker/client', () => ({
  onBatch: () => {},
  onCrash: () => {},
  reset: vi.fn(),
  play: vi.fn(),
  pause: vi.fn(),
}));

const { useAppStore } = await import('../store');
const { addPop, removePop, tidyLayout } = await import('../commands');
const initial = useAppStore.getState();

beforeEach(() => useAppStore.setState(initial, true));

const pops = () => useAppStore.getState().scenario.topology?.pops;

describe('history', () => {
  it('undoes and redoes an edit, selecting what was added and bumping the revision', () => {
    const { applyEdit: apply } = useAppStore.getState();
    expect(apply(addPop('MAD', { x: 280, y: 700 }))).toBe(true);
    expect(pops()).toContain('MAD');
    expect(useAppStore.getState().selectedNodeId).toBe('pop:MAD');
    expect(useAppStore.getState().scenarioRevision).toBe(1);

    useAppStore.getState().undo();
    expect(pops()).not.toContain('MAD');
    expect(useAppStore.getState().canvasNotice?.text).toBe('Undone: Add edge location MAD');
    useAppStore.getState().redo();
    expect(pops()).toContain('MAD');
    expect(useAppStore.getState().scenarioRevision).toBe(3);
  });

  it('restores a deleted node with its position', () => {
    const before = useAppStore.getState().scenario.layout?.['pop:NRT'];
    useAppStore.getState().applyEdit(removePop('NRT'));
    expect(pops()).not.toContain('NRT');
    useAppStore.getState().undo();
    expect(pops()).toContain('NRT');
    expect(useAppStore.getState().scenario.layout?.['pop:NRT']).toEqual(before);
  });

  it('a refused edit changes nothing and says why', () => {
    const scenario = useAppStore.getState().scenario;
    expect(useAppStore.getState().applyEdit(addPop('NRT', { x: 0, y: 0 }))).toBe(false);
    expect(useAppStore.getState().scenario).toBe(scenario);
    expect(useAppStore.getState().undoStack).toHaveLength(0);
    expect(useAppStore.getState().canvasNotice).toMatchObject({
      tone: 'refused',
      text: 'Edge location NRT (Tokyo) is already on the canvas.',
    });
  });

  it('a new edit clears redo; layout-only edits do not ask for a reload', () => {
    useAppStore.getState().applyEdit(removePop('NRT'));
    useAppStore.getState().undo();
    expect(useAppStore.getState().redoStack).toHaveLength(1);
    useAppStore.getState().applyEdit(tidyLayout([{ id: 'pop:NRT', kind: 'pop' }]));
    expect(useAppStore.getState().redoStack).toHaveLength(0);
    expect(useAppStore.getState().scenarioRevision).toBe(2);
  });
});
