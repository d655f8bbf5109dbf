// Storage of the user's work: round trips, damaged entries and a full or disabled storage.
import { describe, expect, it, vi } from 'vitest';
import { cloneDefaultScenario } from '../scenario';
import { loadScenarioIo } from './scenarioIoLoader';
import {
  STORAGE_KEYS,
  debounce,
  deleteSaved,
  listSaved,
  loadAutosave,
  saveAs,
  writeAutosave,
} from './persistence';

// The schema loads lazily in the app (issue 10); here it is loaded up front, as main.tsx does.
await loadScenarioIo();

/** In-memory Storage; `quotaBytes` makes setItem throw like a full browser storage. */
class MemoryStorage implements Storage {
  private map = new Map<string, string>();
  constructor(private quotaBytes = Infinity) {}
  get length() {
    return this.map.size;
  }
  clear() {
    this.map.clear();
  }
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  key(i: number) {
    return [...this.map.keys()][i] ?? null;
  }
  removeItem(k: string) {
    this.map.delete(k);
  }
  setItem(k: string, v: string) {
    if (v.length > this.quotaBytes)
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.map.set(k, v);
  }
}

const named = (name: string) => ({ ...cloneDefaultScenario(), name });

describe('autosave', () => {
  it('gives back the scenario it stored, under a versioned key', () => {
    const storage = new MemoryStorage();
    expect(loadAutosave(storage)).toEqual({ ok: true, value: undefined });
    expect(writeAutosave(storage, named('My CDN'), 1000)).toEqual({ ok: true, value: true });
    expect(STORAGE_KEYS.autosave).toBe('edgelab:v1:autosave');
    const back = loadAutosave(storage);
    expect(back.ok && back.value?.name).toBe('My CDN');
  });

  it('reports a full storage with what to do, without throwing', () => {
    const result = writeAutosave(new MemoryStorage(100), named('big'), 0);
    expect(result).toEqual({
      ok: false,
      error:
        'Browser storage is full, so your latest changes are not saved. Delete saved scenarios (Scenario menu) or export this one to a file.',
    });
  });

  it('reports disabled storage', () => {
    const result = writeAutosave(null, named('x'), 0);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/^Browser storage is disabled/);
  });

  it('ignores a damaged entry and says so', () => {
    const storage = new MemoryStorage();
    storage.setItem(STORAGE_KEYS.autosave, '{"scenario": {"version": 1, "nam');
    expect(loadAutosave(storage)).toEqual({
      ok: false,
      error: 'The copy of your work in browser storage (edgelab:v1:autosave) is damaged and was ignored.',
    });
    storage.setItem(STORAGE_KEYS.autosave, JSON.stringify({ scenario: { version: 1 } }));
    const invalid = loadAutosave(storage);
    expect(!invalid.ok && invalid.error).toMatch(/^Your autosaved work could not be opened: /);
  });
});

describe('Save as list', () => {
  it('saves, replaces a same-named entry, lists newest first and deletes', () => {
    const storage = new MemoryStorage();
    saveAs(storage, 'alpha', named('A1'), 1);
    saveAs(storage, 'beta', named('B'), 2);
    const replaced = saveAs(storage, ' alpha ', named('A2'), 3);
    expect(replaced.ok && replaced.value.map((e) => [e.name, e.scenario.name])).toEqual([
      ['alpha', 'A2'],
      ['beta', 'B'],
    ]);
    const afterDelete = deleteSaved(storage, 'alpha');
    expect(afterDelete.ok && afterDelete.value.map((e) => e.name)).toEqual(['beta']);
    const listed = listSaved(storage);
    expect(listed.ok && listed.value.map((e) => e.name)).toEqual(['beta']);
  });

  it('refuses an empty name', () => {
    expect(saveAs(new MemoryStorage(), '   ', named('x'), 0)).toEqual({
      ok: false,
      error: 'Give the scenario a name to save it under.',
    });
  });
});

describe('debounce', () => {
  it('writes once after the quiet time, with the latest value; flush writes at once', () => {
    vi.useFakeTimers();
    const calls: number[] = [];
    const d = debounce((n: number) => calls.push(n), 500, {
      set: (f, ms) => setTimeout(f, ms),
      clear: (h) => clearTimeout(h),
    });
    d.call(1);
    vi.advanceTimersByTime(300);
    d.call(2);
    vi.advanceTimersByTime(499);
    expect(calls).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(calls).toEqual([2]);
    d.call(3);
    d.flush();
    expect(calls).toEqual([2, 3]);
    vi.advanceTimersByTime(1000);
    expect(calls).toEqual([2, 3]);
    vi.useRealTimers();
  });
});
