// Whole-scenario operations through the store: links, imports, presets, the saved list and restore.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { encodeScenarioToHash, presetScenario, cloneDefaultScenario } from '../../scenario';
import { fullConfig } from '../../scenario/fixtures/cloudfrontConfigs';
import { STORAGE_KEYS } from '../persistence';

vi.mock('../../worker/client', () => ({
  onBatch: () => {},
  onCrash: () => {},
  reset: vi.fn().mockResolvedValue({ ok: true, loadId: 1 }),
  step: vi.fn().mockResolvedValue(undefined),
  play: vi.fn(),
  pause: vi.fn(),
}));

const { useAppStore } = await import('../store');
// The scenario code loads lazily in the app (issue 10); main.tsx loads it before opening stored work.
await (await import('../scenarioIoLoader')).loadScenarioIo();
const initial = useAppStore.getState();

const memory = new Map<string, string>();
const localStorage = {
  getItem: (k: string) => memory.get(k) ?? null,
  setItem: (k: string, v: string) => void memory.set(k, v),
  removeItem: (k: string) => void memory.delete(k),
};

beforeEach(() => {
  memory.clear();
  vi.stubGlobal('window', { localStorage });
  useAppStore.setState(initial, true);
});

function autosave(name: string) {
  memory.set(
    STORAGE_KEYS.autosave,
    JSON.stringify({ savedAt: 1, scenario: { ...cloneDefaultScenario(), name } }),
  );
}

describe('start-up', () => {
  it('opens the last autosaved scenario when there is no link', () => {
    autosave('My own work');
    expect(useAppStore.getState().initScenarioIo('')).toBe(false);
    expect(useAppStore.getState().scenario.name).toBe('My own work');
    expect(useAppStore.getState().notice).toBeNull();
  });

  it('opens a shared link exactly, keeping the autosaved work as the previous scenario', () => {
    autosave('My own work');
    const shared = presetScenario('hls-video')!;
    expect(useAppStore.getState().initScenarioIo(encodeScenarioToHash(shared))).toBe(true);
    const s = useAppStore.getState();
    expect(s.scenario).toEqual(shared);
    expect(s.previousScenario?.name).toBe('My own work');
    expect(JSON.parse(memory.get(STORAGE_KEYS.previous)!).scenario.name).toBe('My own work');

    s.restorePrevious();
    expect(useAppStore.getState().scenario.name).toBe('My own work');
    // Restore swaps, so the shared scenario can be brought back too.
    expect(useAppStore.getState().previousScenario).toEqual(shared);
  });

  it('a truncated link leaves the autosaved work and explains the link', () => {
    autosave('My own work');
    const hash = encodeScenarioToHash(presetScenario('hls-video')!);
    expect(useAppStore.getState().initScenarioIo(hash.slice(0, hash.length - 40))).toBe(false);
    const s = useAppStore.getState();
    expect(s.scenario.name).toBe('My own work');
    expect(s.notice?.tone).toBe('error');
    expect(s.notice?.text).toMatch(
      /^This link is damaged .*ask for the link again.* You are looking at your own last work instead; nothing was changed\.$/,
    );
  });

  it('a link from a newer EdgeLab says to update', () => {
    useAppStore.getState().initScenarioIo('#s=9.abc');
    const s = useAppStore.getState();
    expect(s.scenario.name).toBe(cloneDefaultScenario().name);
    expect(s.notice?.text).toMatch(
      /^This link was made by a newer EdgeLab \(link format 9\); update the app/,
    );
  });
});

describe('import', () => {
  it('imports CloudFront JSON and lists the fields kept but not simulated', () => {
    const ok = useAppStore.getState().importText(JSON.stringify(fullConfig), 'dist.json');
    const s = useAppStore.getState();
    expect(ok).toBe(true);
    expect(s.scenario.distribution.origins.map((o) => o.id)).toEqual([
      'web',
      'api-east',
      'api-west',
      'media',
    ]);
    expect(s.unmodeledFields.length).toBeGreaterThan(0);
    expect(s.unmodeledFields).toContain('ViewerCertificate');
    expect(s.notice?.text).toBe(
      'Imported the CloudFront distribution from "dist.json". Your previous work is kept.',
    );
    expect(s.previousScenario?.name).toBe(cloneDefaultScenario().name);
  });

  it('a broken file names the field and leaves the current work untouched', () => {
    useAppStore.getState().renameScenario('Renamed');
    const before = useAppStore.getState().scenario;
    const bad = structuredClone(fullConfig) as {
      DistributionConfig: { Origins: { Items: { DomainName?: unknown }[] } };
    };
    bad.DistributionConfig.Origins.Items[0].DomainName = 42;
    expect(useAppStore.getState().importText(JSON.stringify(bad), 'bad.json')).toBe(false);
    const s = useAppStore.getState();
    expect(s.scenario).toBe(before);
    expect(s.notice?.tone).toBe('error');
    expect(s.notice?.text).toMatch(
      /^Could not import "bad\.json": .*DomainName.* Your current scenario is unchanged\./,
    );
  });

  it('a scenario file round-trips', () => {
    const preset = presetScenario('static-website')!;
    expect(useAppStore.getState().importText(JSON.stringify(preset), 'site.edgelab.json')).toBe(true);
    expect(useAppStore.getState().scenario).toEqual(preset);
    expect(useAppStore.getState().unmodeledFields).toEqual([]);
  });

  it('opens a file over a default quota AWS can raise, and says so beside the message', () => {
    const s = cloneDefaultScenario();
    const o = s.distribution.origins[0];
    s.distribution.origins = [o, ...Array.from({ length: 25 }, (_, i) => ({ ...o, id: `extra-${i}` }))];
    expect(useAppStore.getState().importText(JSON.stringify(s), 'wide.json')).toBe(true);
    expect(useAppStore.getState().scenario.distribution.origins).toHaveLength(26);
    expect(useAppStore.getState().notice?.text).toBe(
      'Imported the scenario from "wide.json". Your previous work is kept. ' +
        "The distribution has 26 origins, over CloudFront's default quota of 25 origins per distribution " +
        '(AWS raises this default quota on request; EdgeLab simulates the distribution as it is).',
    );
  });

  it('says when the file is not JSON', () => {
    useAppStore.getState().importText('not json', 'notes.txt');
    expect(useAppStore.getState().notice?.text).toMatch(
      /^Could not import "notes\.txt": "notes\.txt" is not valid JSON/,
    );
  });
});

describe('saved list and presets', () => {
  it('saves, opens and deletes named scenarios', () => {
    const st = () => useAppStore.getState();
    st().renameScenario('Work A');
    expect(st().saveScenarioAs('A')).toBe(true);
    st().loadPreset('api-acceleration');
    expect(st().scenario.name).toBe(presetScenario('api-acceleration')!.name);
    st().openSaved('A');
    expect(st().scenario.name).toBe('Work A');
    st().deleteSavedScenario('A');
    expect(st().savedScenarios).toEqual([]);
  });

  it('a full storage is reported once, in the banner', () => {
    const st = () => useAppStore.getState();
    st().reportStorage({ ok: false, error: 'full' });
    expect(st().notice).toEqual({ tone: 'error', text: 'full' });
    st().dismissNotice();
    st().reportStorage({ ok: false, error: 'full' });
    expect(st().notice).toBeNull();
    st().reportStorage({ ok: true, value: true });
    expect(st().storageError).toBeNull();
  });
});
