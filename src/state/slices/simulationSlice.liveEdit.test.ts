// An edit made while the simulation runs is sent to the worker as a reload (applied at the current
// simulated time) instead of waiting for Reset, and the counters already shown stay.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SimBatch } from '../../worker/protocol';

const client = vi.hoisted(() => ({
  listener: null as ((b: SimBatch) => void) | null,
  reset: vi.fn(),
  reload: vi.fn(),
  play: vi.fn(),
  pause: vi.fn(),
}));

vi.mock('../../worker/client', () => ({
  onBatch: (l: (b: SimBatch) => void) => {
    client.listener = l;
  },
  onCrash: () => {},
  reset: client.reset,
  reload: client.reload,
  play: client.play,
  pause: client.pause,
}));

const { useAppStore } = await import('../store');
const { LIVE_EDIT_DELAY_MS } = await import('./simulationSlice');
const initial = useAppStore.getState();

const stats = {
  requests: 5_000,
  hits: 4_000,
  misses: 1_000,
  refreshHits: 0,
  errors: 0,
  generated: 0,
  originRequests: { assets: 1_000 },
  functionInvocations: {},
  bytesToViewers: 0,
  bytesFromOrigins: 0,
};

function batch(simTimeMs: number): SimBatch {
  return {
    seq: 1,
    loadId: 1,
    simTimeMs,
    running: true,
    speed: 10,
    achievedSpeed: 10,
    limited: false,
    latency: null,
    events: [],
    stats,
    interval: {
      simMs: 1000,
      requests: 200,
      hits: 160,
      misses: 40,
      refreshHits: 0,
      errors: 0,
      generated: 0,
      originRequests: 40,
      bytesToViewers: 0,
    },
    requestsPerSecond: 200,
    hitRatio: 0.8,
    samples: [],
    nodes: {},
  };
}

/** Lets the edit's short delay pass and the mocked worker answer. */
const settle = () => vi.advanceTimersByTimeAsync(LIVE_EDIT_DELAY_MS);

beforeEach(() => {
  vi.useFakeTimers();
  useAppStore.setState(initial, true);
  client.reset.mockReset().mockResolvedValue({ ok: true, loadId: 1 });
  client.reload.mockReset().mockResolvedValue({ ok: true, loadId: 1 });
  client.play.mockReset().mockResolvedValue(undefined);
  client.pause.mockReset().mockResolvedValue(undefined);
});

afterEach(() => {
  vi.useRealTimers();
});

describe('editing while the simulation runs', () => {
  it('sends the edited scenario as a reload and keeps the clock and counters', async () => {
    await useAppStore.getState().run();
    client.listener?.(batch(25_000));
    useAppStore.getState().addFunction();
    await settle();
    expect(client.reload).toHaveBeenCalledTimes(1);
    expect(client.reload.mock.calls[0][0]).toBe(useAppStore.getState().scenario);
    expect(client.reset).toHaveBeenCalledTimes(1);
    const s = useAppStore.getState();
    expect(s.loadedRevision).toBe(s.scenarioRevision);
    expect(s.simTimeMs).toBe(25_000);
    expect(s.stats?.requests).toBe(5_000);
    expect(s.status).toBe('running');
  });

  it('an edit the engine refuses says what to fix and leaves the previous version running', async () => {
    client.reload.mockResolvedValue({
      ok: false,
      message: 'Origin "x" does not exist',
      field: 'targetOriginId',
    });
    await useAppStore.getState().run();
    useAppStore.getState().addFunction();
    await settle();
    const s = useAppStore.getState();
    expect(s.status).toBe('running');
    expect(s.loadedRevision).toBe(0);
    expect(s.error).toBe(
      'Your edit could not be applied yet: Origin "x" does not exist (field: targetOriginId). The simulation keeps running the previous version; fix it, or press Reset.',
    );
  });

  it('a burst of edits (typing) is applied once, after the pause', async () => {
    await useAppStore.getState().run();
    useAppStore.getState().addFunction();
    await vi.advanceTimersByTimeAsync(LIVE_EDIT_DELAY_MS - 100);
    useAppStore.getState().addFunction();
    await vi.advanceTimersByTimeAsync(LIVE_EDIT_DELAY_MS - 100);
    expect(client.reload).not.toHaveBeenCalled();
    await settle();
    expect(client.reload).toHaveBeenCalledTimes(1);
    expect(client.reload.mock.calls[0][0].functions).toHaveLength(2);
  });

  it('before the first Run nothing is sent', async () => {
    useAppStore.getState().addFunction();
    await settle();
    expect(client.reload).not.toHaveBeenCalled();
  });
});
