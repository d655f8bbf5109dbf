// Storage before and after the lazily loaded schema (issue 10): the first render may come before the
// schema, and nothing the user saved may be lost or misread in between.
import { describe, expect, it } from 'vitest';
import { cloneDefaultScenario } from '../scenario/presets/default';
import {
  STORAGE_KEYS,
  deleteSaved,
  hasStoredScenarios,
  listSaved,
  loadAutosave,
  saveAs,
  writeAutosave,
} from './persistence';
import { loadScenarioIo, scenarioIoIfLoaded, SCENARIO_IO_LOADING } from './scenarioIoLoader';

function memoryStorage(): Storage {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    getItem: (k) => map.get(k) ?? null,
    key: (i) => [...map.keys()][i] ?? null,
    removeItem: (k) => void map.delete(k),
    setItem: (k, v) => void map.set(k, v),
  };
}

const named = (name: string) => ({ ...cloneDefaultScenario(), name });

describe('browser storage while the schema is still loading', () => {
  it('tells start-up whether there is stored work to open (so it loads the schema first)', () => {
    const storage = memoryStorage();
    expect(hasStoredScenarios(storage)).toBe(false);
    expect(hasStoredScenarios(null)).toBe(false);
    storage.setItem('edgelab:v1:lessons', '{}'); // other records do not need the schema
    expect(hasStoredScenarios(storage)).toBe(false);
    storage.setItem(STORAGE_KEYS.previous, '{}');
    expect(hasStoredScenarios(storage)).toBe(true);
  });

  it('saves the first named scenario even before the schema loads (there is no list to lose)', () => {
    expect(scenarioIoIfLoaded()).toBeNull();
    const storage = memoryStorage();
    const saved = saveAs(storage, 'First', named('First'), 1);
    expect(saved.ok && saved.value.map((e) => e.name)).toEqual(['First']);
  });

  it('refuses to read or rewrite stored scenarios before the schema loads, then reads them all', async () => {
    expect(scenarioIoIfLoaded()).toBeNull();
    const storage = memoryStorage();
    // Written earlier (by a visit whose schema had loaded): plain JSON envelopes.
    storage.setItem(
      STORAGE_KEYS.saved,
      JSON.stringify([{ name: 'Mine', savedAt: 1, scenario: named('Mine') }]),
    );
    expect(writeAutosave(storage, named('Autosaved'), 2)).toEqual({ ok: true, value: true });

    expect(loadAutosave(storage)).toEqual({ ok: false, error: SCENARIO_IO_LOADING });
    expect(saveAs(storage, 'Other', named('Other'), 3)).toEqual({ ok: false, error: SCENARIO_IO_LOADING });
    expect(deleteSaved(storage, 'Mine')).toEqual({ ok: false, error: SCENARIO_IO_LOADING });

    await loadScenarioIo();
    const autosave = loadAutosave(storage);
    expect(autosave.ok && autosave.value?.name).toBe('Autosaved');
    const list = listSaved(storage);
    expect(list.ok && list.value.map((e) => e.name)).toEqual(['Mine']);
  });
});
