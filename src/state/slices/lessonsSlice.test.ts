// The lessons slice: opening by link, progressive hints, live verdicts and progress kept in storage.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Stats } from '../../engine/types';
import type { SimBatch } from '../../worker/protocol';

const client = vi.hoisted(() => ({
  listener: null as ((b: SimBatch) => void) | null,
  reset: vi.fn(),
  request: vi.fn(),
  costReport: vi.fn(),
}));

vi.mock('../../worker/client', () => ({
  onBatch: (l: (b: SimBatch) => void) => {
    client.listener = l;
  },
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
const { LESSON_STORAGE_KEY } = await import('./lessonsSlice');
const initial = useAppStore.getState();

const stats = (originRequests: number): Stats => ({
  requests: 60_000,
  hits: 50_000,
  misses: 10_000,
  refreshHits: 0,
  errors: 0,
  generated: 0,
  originRequests: { assets: originRequests },
  functionInvocations: {},
  bytesToViewers: 0,
  bytesFromOrigins: 0,
});

/** Pretends the engine ran the current scenario for `simTimeMs`. */
function ran(simTimeMs: number, originRequests: number): void {
  const s = useAppStore.getState();
  useAppStore.setState({
    loadedRevision: s.scenarioRevision,
    status: 'paused',
    simTimeMs,
    stats: stats(originRequests),
  });
}

beforeEach(() => {
  data.clear();
  useAppStore.setState(initial, true);
});

describe('lessons slice', () => {
  it('opens a lesson with its starting scenario and keeps the previous work', () => {
    const before = useAppStore.getState().scenario;
    expect(useAppStore.getState().openLesson('origin-shield')).toBe(true);
    const s = useAppStore.getState();
    expect(s.lessonId).toBe('origin-shield');
    expect(s.scenario.name).toBe('Lesson: Origin Shield');
    expect(s.previousScenario).toBe(before);
    expect(JSON.parse(data.get(LESSON_STORAGE_KEY)!)).toEqual({ active: 'origin-shield', progress: {} });
  });

  it('says so for an unknown lesson and leaves the scenario alone', () => {
    const before = useAppStore.getState().scenario;
    expect(useAppStore.getState().openLesson('nope')).toBe(false);
    expect(useAppStore.getState().scenario).toBe(before);
    expect(useAppStore.getState().notice?.text).toBe(
      'There is no lesson "nope". Check the link, or open a lesson from the Lessons menu.',
    );
  });

  it("a link to the lesson already in progress keeps the learner's edits", () => {
    useAppStore.getState().openLesson('origin-shield');
    const edited = { ...useAppStore.getState().scenario, name: 'my edits' };
    useAppStore.setState({ scenario: edited, lessonId: null });
    useAppStore.getState().openLesson('origin-shield', true);
    expect(useAppStore.getState().scenario.name).toBe('my edits');
    useAppStore.getState().openLesson('ttls', true);
    expect(useAppStore.getState().scenario.name).toBe('Lesson: TTLs');
  });

  it('waits for a run, judges goals, and records progress that survives', async () => {
    useAppStore.getState().openLesson('origin-shield');
    await useAppStore.getState().evaluateLesson();
    expect(useAppStore.getState().lessonEvaluations['origin-load']).toEqual({
      status: 'pending',
      measured: null,
      reason: 'press Run to measure',
    });

    ran(600_000, 42_000); // 70 origin requests/s
    await useAppStore.getState().evaluateLesson();
    expect(useAppStore.getState().lessonEvaluations['origin-load']).toEqual({ status: 'fail', measured: 70 });

    ran(600_000, 6_000); // 10 origin requests/s
    await useAppStore.getState().evaluateLesson();
    expect(useAppStore.getState().lessonEvaluations['origin-load']).toEqual({ status: 'pass', measured: 10 });
    expect(JSON.parse(data.get(LESSON_STORAGE_KEY)!).progress['origin-shield']).toEqual({
      passed: ['origin-load'],
      hintsShown: 0,
      completed: true,
    });

    // An edit not yet run makes the verdict wait for a Reset, but progress stays.
    useAppStore.setState((s) => ({ scenarioRevision: s.scenarioRevision + 1 }));
    await useAppStore.getState().evaluateLesson();
    expect(useAppStore.getState().lessonEvaluations['origin-load'].reason).toBe(
      'press Reset to run your latest change',
    );
    expect(useAppStore.getState().lessonProgress['origin-shield'].completed).toBe(true);
  });

  it('sends request checks through the worker once their time has come', async () => {
    useAppStore.getState().openLesson('ttls');
    client.request.mockResolvedValue({ status: 200, headers: { 'x-cache': 'Hit from cloudfront' } });
    ran(299_000, 100);
    await useAppStore.getState().evaluateLesson();
    expect(client.request).not.toHaveBeenCalled();
    ran(300_000, 100);
    await useAppStore.getState().evaluateLesson();
    expect(client.request).toHaveBeenCalledWith({
      method: 'GET',
      url: 'https://d111111abcdef8.cloudfront.net/assets/0',
      headers: { 'accept-encoding': 'gzip, deflate, br' },
      viewer: { pop: 'NRT' },
    });
    expect(useAppStore.getState().lessonEvaluations['index']).toEqual({
      status: 'pass',
      measured: 'x-cache: Hit from cloudfront',
    });
  });

  it('reveals hints one at a time, up to the last', () => {
    useAppStore.getState().openLesson('failover');
    for (let i = 0; i < 5; i++) useAppStore.getState().showNextHint();
    expect(useAppStore.getState().lessonProgress['failover'].hintsShown).toBe(3);
  });
});
