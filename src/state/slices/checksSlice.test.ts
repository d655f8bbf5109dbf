// The scenario's own checks: edited as undoable commands, validated on the way in, judged live
// with the lesson's evaluation code, and carried in the share link.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Stats } from '../../engine/types';

const client = vi.hoisted(() => ({
  reset: vi.fn(),
  request: vi.fn(),
  costReport: vi.fn(),
}));

vi.mock('../../worker/client', () => ({
  onBatch: () => {},
  onCrash: () => {},
  reset: client.reset,
  request: client.request,
  costReport: client.costReport,
  play: vi.fn(),
  pause: vi.fn(),
}));

const data = new Map<string, string>();
vi.stubGlobal('window', {
  localStorage: {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
  },
});

const { useAppStore } = await import('../store');
await (await import('../scenarioIoLoader')).loadScenarioIo(); // lazily loaded in the app (issue 10)
const { decodeScenarioFromHash } = await import('../../scenario/urlCodec');
const initial = useAppStore.getState();

const stats: Stats = {
  requests: 60_000,
  hits: 51_000,
  misses: 9_000,
  refreshHits: 0,
  errors: 0,
  generated: 0,
  originRequests: { assets: 9_000 },
  functionInvocations: {},
  bytesToViewers: 0,
  bytesFromOrigins: 0,
};

/** Pretends the engine ran the current scenario for `simTimeMs`. */
function ran(simTimeMs: number): void {
  const s = useAppStore.getState();
  useAppStore.setState({ loadedRevision: s.scenarioRevision, status: 'paused', simTimeMs, stats });
}

beforeEach(() => {
  useAppStore.setState(initial, true);
  client.request.mockReset();
  client.costReport.mockReset();
});

describe('checks', () => {
  it('adds, edits and deletes checks as undoable edits, without reloading the engine', () => {
    const s = useAppStore.getState();
    const revision = s.scenarioRevision;
    expect(s.addCheck('hitRatio > 80%', 'Most requests hit')).toBeNull();
    expect(s.addCheck('errors == 0', '')).toBeNull();
    expect(useAppStore.getState().scenario.assertions).toEqual([
      { id: 'check-1', expression: 'hitRatio > 80%', label: 'Most requests hit' },
      { id: 'check-2', expression: 'errors == 0' },
    ]);
    expect(s.editCheck('check-2', 'errors < 5', 'Few errors')).toBeNull();
    expect(useAppStore.getState().scenario.assertions?.[1]).toEqual({
      id: 'check-2',
      expression: 'errors < 5',
      label: 'Few errors',
    });
    s.deleteCheck('check-1');
    expect(useAppStore.getState().scenario.assertions?.map((a) => a.id)).toEqual(['check-2']);
    expect(useAppStore.getState().scenarioRevision).toBe(revision);
    useAppStore.getState().undo();
    expect(useAppStore.getState().scenario.assertions?.map((a) => a.id)).toEqual(['check-1', 'check-2']);
  });

  it('refuses an unreadable expression with the column and what was expected, changing nothing', () => {
    const before = useAppStore.getState().scenario;
    expect(useAppStore.getState().addCheck('hitRatio >> 80%', '')).toBe(
      'Cannot read "hitRatio >> 80%" at column 11: expected a number, found "> 80%".',
    );
    expect(useAppStore.getState().addCheck('  ', '')).toBe(
      'Write a check, e.g. "hitRatio > 85% after 10min".',
    );
    expect(useAppStore.getState().scenario).toBe(before);
  });

  it('judges each check live: pass, fail and pending with the measured value', async () => {
    const s = useAppStore.getState();
    s.addCheck('hitRatio > 80%', '');
    s.addCheck('originRequestsPerSecond < 10', '');
    s.addCheck('requests > 0 after 10min', '');
    await useAppStore.getState().evaluateChecks();
    expect(useAppStore.getState().checkEvaluations['check-1']).toEqual({
      status: 'pending',
      measured: null,
      reason: 'press Run to measure',
    });
    ran(300_000);
    await useAppStore.getState().evaluateChecks();
    expect(useAppStore.getState().checkEvaluations).toEqual({
      'check-1': { status: 'pass', measured: 0.85 },
      'check-2': { status: 'fail', measured: 30 },
      'check-3': { status: 'pending', measured: 60_000, reason: 'checked from 600 s of simulated time' },
    });
  });

  it('sends a request check through the worker once its time has come', async () => {
    client.request.mockResolvedValue({ status: 200, headers: { 'x-cache': 'Hit from cloudfront' } });
    useAppStore.getState().addCheck('GET /index.html from NRT -> x-cache: Hit', '');
    ran(60_000);
    await useAppStore.getState().evaluateChecks();
    expect(client.request).toHaveBeenCalledTimes(1);
    expect(useAppStore.getState().checkEvaluations['check-1']).toEqual({
      status: 'pass',
      measured: 'x-cache: Hit from cloudfront',
    });
  });

  it('travel in the share link', () => {
    useAppStore.getState().addCheck('costPerMonth < $150'.replace('$', ''), 'Cheap enough');
    const r = decodeScenarioFromHash(useAppStore.getState().shareHash());
    expect(r.ok && r.scenario.assertions).toEqual([
      { id: 'check-1', expression: 'costPerMonth < 150', label: 'Cheap enough' },
    ]);
  });
});
