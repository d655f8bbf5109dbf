// The store's actions, with the worker client replaced by a scripted fake (no Worker in Node).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SimBatch } from '../worker/protocol';

const client = vi.hoisted(() => ({
  listener: null as ((b: SimBatch) => void) | null,
  reset: vi.fn(),
  play: vi.fn(),
  pause: vi.fn(),
}));

vi.mock('../worker/client', () => ({
  onBatch: (l: (b: SimBatch) => void) => {
    client.listener = l;
  },
  onCrash: () => {},
  reset: client.reset,
  play: client.play,
  pause: client.pause,
}));

const { useAppStore } = await import('./store');
const initial = useAppStore.getState();

function batch(over: Partial<SimBatch>): SimBatch {
  return {
    seq: 1,
    loadId: 1,
    simTimeMs: 1000,
    running: true,
    speed: 10,
    achievedSpeed: 9.5,
    limited: false,
    latency: null,
    events: [],
    stats: {
      requests: 100,
      hits: 60,
      misses: 40,
      refreshHits: 0,
      errors: 0,
      generated: 0,
      originRequests: { assets: 40 },
      functionInvocations: {},
      bytesToViewers: 0,
      bytesFromOrigins: 0,
    },
    interval: {
      simMs: 1000,
      requests: 100,
      hits: 60,
      misses: 40,
      refreshHits: 0,
      errors: 0,
      generated: 0,
      originRequests: 40,
      bytesToViewers: 0,
    },
    requestsPerSecond: 100,
    hitRatio: 0.6,
    samples: [],
    nodes: {},
    ...over,
  };
}

beforeEach(() => {
  useAppStore.setState(initial, true);
  client.reset.mockReset().mockResolvedValue({ ok: true, loadId: 1 });
  client.play.mockReset().mockResolvedValue(undefined);
  client.pause.mockReset().mockResolvedValue(undefined);
});

describe('simulation actions', () => {
  it('Run loads the scenario into a fresh worker once, then plays at the chosen speed', async () => {
    await useAppStore.getState().run();
    expect(client.reset).toHaveBeenCalledTimes(1);
    expect(client.reset.mock.calls[0][0]).toBe(useAppStore.getState().scenario);
    expect(client.play).toHaveBeenCalledWith(10);
    expect(useAppStore.getState()).toMatchObject({ status: 'running', loadedRevision: 0, error: null });

    await useAppStore.getState().pause();
    expect(useAppStore.getState().status).toBe('paused');
    await useAppStore.getState().run();
    expect(client.reset).toHaveBeenCalledTimes(1); // resumed, not reloaded
    expect(client.play).toHaveBeenCalledTimes(2);
  });

  it('a scenario the engine refuses stops with its reason and what to do', async () => {
    client.reset.mockResolvedValue({
      ok: false,
      message: 'Origin "x" does not exist',
      field: 'distribution.origins',
    });
    await useAppStore.getState().run();
    expect(client.play).not.toHaveBeenCalled();
    expect(useAppStore.getState().status).toBe('error');
    expect(useAppStore.getState().error).toBe(
      'The scenario could not be loaded: Origin "x" does not exist (field: distribution.origins). Fix it and press Reset.',
    );
  });

  it('changing speed while running re-paces the worker', async () => {
    await useAppStore.getState().run();
    await useAppStore.getState().setSpeed(1000);
    expect(client.play).toHaveBeenLastCalledWith(1000);
    expect(useAppStore.getState().speed).toBe(1000);
  });

  it('worker batches fill the counters and the chart; a reset clears them', async () => {
    await useAppStore.getState().run();
    client.listener?.(batch({}));
    client.listener?.(batch({ seq: 2, simTimeMs: 2000 }));
    let s = useAppStore.getState();
    expect(s.simTimeMs).toBe(2000);
    expect(s.stats?.requests).toBe(100);
    expect(s.series.points).toHaveLength(2);
    expect(s.achievedSpeed).toBe(9.5);

    await useAppStore.getState().reset();
    s = useAppStore.getState();
    expect(s).toMatchObject({ status: 'idle', simTimeMs: 0, stats: null, loadedRevision: 0 });
    expect(s.series.points).toHaveLength(0);
  });

  it('ignores batches from an engine older than the one loaded', async () => {
    useAppStore.setState({ loadId: 3 });
    client.listener?.(batch({ loadId: 2, simTimeMs: 5000 }));
    expect(useAppStore.getState().simTimeMs).toBe(0);
  });

  it('an engine error in a batch stops the run with its message', () => {
    client.listener?.(batch({ running: false, error: 'The simulation stopped: boom' }));
    expect(useAppStore.getState()).toMatchObject({ status: 'error', error: 'The simulation stopped: boom' });
  });
});

describe('scenario edits', () => {
  it('"New function" adds the security-headers function on the default behavior viewer-response and opens it', () => {
    const name = useAppStore.getState().addFunction();
    const s = useAppStore.getState();
    expect(name).toBe('security-headers');
    expect(s.openFunctionName).toBe('security-headers');
    expect(s.scenario.functions?.[0]).toMatchObject({
      name,
      kind: 'cloudfront-function',
      runtime: 'cloudfront-js-2.0',
    });
    expect(s.scenario.functions?.[0].code).toContain("headers['strict-transport-security']");
    expect(s.scenario.distribution.defaultCacheBehavior.functionAssociations).toEqual([
      { eventType: 'viewer-response', functionName: 'security-headers' },
    ]);
    expect(s.scenarioRevision).toBe(1);
  });

  it('a second one gets a new name and stays unattached (one function per event and behavior)', () => {
    useAppStore.getState().addFunction();
    expect(useAppStore.getState().addFunction()).toBe('security-headers-2');
    expect(
      useAppStore.getState().scenario.distribution.defaultCacheBehavior.functionAssociations,
    ).toHaveLength(1);
  });

  it('typing in the editor updates the code, and only real changes count as edits', () => {
    const name = useAppStore.getState().addFunction();
    useAppStore.getState().setFunctionCode(name, 'function handler(e) { return e.response; }');
    expect(useAppStore.getState().scenario.functions?.[0].code).toBe(
      'function handler(e) { return e.response; }',
    );
    expect(useAppStore.getState().scenarioRevision).toBe(2);
    useAppStore.getState().setFunctionCode(name, 'function handler(e) { return e.response; }');
    expect(useAppStore.getState().scenarioRevision).toBe(2);
  });

  it('moving a node changes the layout but does not ask for a reload', () => {
    useAppStore.getState().moveNode('pop:NRT', { x: 1, y: 2 });
    expect(useAppStore.getState().scenario.layout?.['pop:NRT']).toEqual({ x: 1, y: 2 });
    expect(useAppStore.getState().scenarioRevision).toBe(0);
  });
});

describe('batch application keeps unchanged data identical (no needless chart redraws)', () => {
  const outage = {
    id: 'ev-1',
    kind: 'originOutage',
    atMs: 500,
    durationMs: 60_000,
    label: 'Origin outage (assets, 60 s)',
  };

  it('keeps the same timeline array while the events are unchanged, and takes a new one when an event starts', () => {
    client.listener?.(batch({ seq: 1, events: [outage] }));
    const first = useAppStore.getState().timeline;
    client.listener?.(batch({ seq: 2, simTimeMs: 2000, events: [{ ...outage }] }));
    expect(useAppStore.getState().timeline).toBe(first);
    const spike = { id: 'ev-2', kind: 'trafficSpike', atMs: 1500, label: 'Traffic spike x5 (60 s)' };
    client.listener?.(batch({ seq: 3, simTimeMs: 3000, events: [outage, spike] }));
    expect(useAppStore.getState().timeline.map((e) => e.id)).toEqual(['ev-1', 'ev-2']);
  });
});
