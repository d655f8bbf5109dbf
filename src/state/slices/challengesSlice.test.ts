// The challenges slice: opening by link, hints and the solution recorded, the result once every
// goal passes (time from the timer), best time kept in storage, and shared results validated.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Stats } from '../../engine/types';
import { encodeChallengeResult } from '../../scenario/challenges';
import type { SimBatch } from '../../worker/protocol';

const client = vi.hoisted(() => ({
  reset: vi.fn(),
  request: vi.fn(),
  costReport: vi.fn(),
}));

vi.mock('../../worker/client', () => ({
  onBatch: (_l: (b: SimBatch) => void) => {},
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
const { CHALLENGE_STORAGE_KEY, attemptTimeMs } = await import('./challengesSlice');
const initial = useAppStore.getState();

/** Pretends the engine ran the current scenario for `simTimeMs` with these origin requests and hits. */
function ran(simTimeMs: number, originRequests: number, hits: number): void {
  const stats: Stats = {
    requests: 120_000,
    hits,
    misses: 120_000 - hits,
    refreshHits: 0,
    errors: 0,
    generated: 0,
    originRequests: { assets: originRequests },
    functionInvocations: {},
    bytesToViewers: 0,
    bytesFromOrigins: 0,
  };
  const s = useAppStore.getState();
  useAppStore.setState({ loadedRevision: s.scenarioRevision, status: 'paused', simTimeMs, stats });
}

beforeEach(() => {
  data.clear();
  vi.useFakeTimers();
  vi.setSystemTime(Date.UTC(2026, 10, 25, 15, 0, 0));
  useAppStore.setState(initial, true);
});

describe('challenges slice', () => {
  it('opens a challenge with its starting scenario and says so for an unknown id', async () => {
    expect(await useAppStore.getState().openChallenge('origin-overload')).toBe(true);
    expect(useAppStore.getState().scenario.name).toBe('Challenge: origin overloaded');
    expect(useAppStore.getState().challengeAttempt?.challengeId).toBe('origin-overload');
    expect(await useAppStore.getState().openChallenge('nope')).toBe(false);
    expect(useAppStore.getState().notice?.text).toBe(
      'There is no challenge "nope". Check the link, or pick one from the Challenges menu.',
    );
  });

  it('records the solve with the timer time, hints used and solution viewed, and keeps the best time', async () => {
    const store = useAppStore.getState;
    await store().openChallenge('origin-overload');
    store().startChallengeTimer();
    vi.advanceTimersByTime(90_000);
    store().pauseChallengeTimer();
    vi.advanceTimersByTime(600_000); // paused: does not count
    store().startChallengeTimer();
    vi.advanceTimersByTime(30_000);
    store().showChallengeHint();
    store().showChallengeHint();

    ran(300_000, 15_000, 60_000); // 50 origin requests/s but a 50% hit ratio: not solved
    await store().evaluateChallenge();
    expect(store().challengeEvaluations.origin).toEqual({ status: 'pass', measured: 50 });
    expect(store().challengeEvaluations.hit).toEqual({ status: 'fail', measured: 0.5 });
    expect(store().challengeAttempt?.result).toBeNull();

    ran(300_000, 9_000, 110_000);
    await store().evaluateChallenge();
    expect(store().challengeAttempt?.result).toEqual({
      challengeId: 'origin-overload',
      timeMs: 120_000,
      timed: true,
      hintsUsed: 2,
      solutionViewed: false,
      solvedAt: Date.UTC(2026, 10, 25, 15, 12, 0),
    });
    expect(store().challengeProgress['origin-overload']).toEqual({ solved: true, bestTimeMs: 120_000 });
    const stored = JSON.parse(data.get(CHALLENGE_STORAGE_KEY)!) as { progress: unknown };
    expect(stored.progress).toEqual({ 'origin-overload': { solved: true, bestTimeMs: 120_000 } });

    // A later attempt that views the solution is solved but sets no best time.
    await store().openChallenge('origin-overload');
    store().revealChallengeSolution();
    vi.advanceTimersByTime(5_000);
    ran(300_000, 9_000, 110_000);
    await store().evaluateChallenge();
    expect(store().challengeAttempt?.result).toMatchObject({
      timeMs: 5_000,
      timed: false,
      solutionViewed: true,
    });
    expect(store().challengeProgress['origin-overload']).toEqual({ solved: true, bestTimeMs: 120_000 });
  });

  it('resumes the attempt from a link after a reload, keeping the edited scenario', async () => {
    await useAppStore.getState().openChallenge('cut-the-bill');
    useAppStore.getState().showChallengeHint();
    useAppStore.setState((s) => ({ scenario: { ...s.scenario, name: 'my edit' } }));
    useAppStore.setState({ challengeId: null });
    expect(await useAppStore.getState().openChallenge('cut-the-bill', true)).toBe(true);
    expect(useAppStore.getState().scenario.name).toBe('my edit');
    expect(useAppStore.getState().challengeAttempt?.hintsShown).toBe(1);
  });

  it('shows a shared result without touching the work, and a clear message for an edited one', async () => {
    const work = useAppStore.getState().scenario;
    const encoded = encodeChallengeResult({
      challengeId: 'ab-test',
      timeMs: 61_000,
      timed: false,
      hintsUsed: 3,
      solutionViewed: true,
      solvedAt: 0,
    });
    await useAppStore.getState().openChallengeResult('ab-test', encoded);
    expect(useAppStore.getState().sharedChallengeResult).toMatchObject({
      ok: true,
      result: { hintsUsed: 3 },
    });
    expect(useAppStore.getState().scenario).toBe(work);
    await useAppStore.getState().openChallengeResult('ab-test', encoded.slice(0, -3));
    const shared = useAppStore.getState().sharedChallengeResult;
    expect(shared?.ok).toBe(false);
    expect(shared?.ok === false && shared.error).toMatch(/^This result link is damaged or was edited \(/);
  });

  it('measures an attempt without the timer from when it was opened', () => {
    const attempt = {
      challengeId: 'x',
      openedAt: 1_000,
      timerUsed: false,
      timerRunningSince: null,
      timerElapsedMs: 0,
      hintsShown: 0,
      solutionViewed: false,
      result: null,
    };
    expect(attemptTimeMs(attempt, 61_000)).toBe(60_000);
  });
});
