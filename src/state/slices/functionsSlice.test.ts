// Attaching functions to behaviors under CloudFront's rules, kind/runtime changes and saved test events.
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../worker/client', () => ({
  onBatch: () => {},
  onCrash: () => {},
  reset: vi.fn(),
  play: vi.fn(),
  pause: vi.fn(),
}));

const { useAppStore } = await import('../store');
const { FUNCTION_TEMPLATES } = await import('../functionTemplates');
const initial = useAppStore.getState();
const template = (id: string) => {
  const t = FUNCTION_TEMPLATES.find((x) => x.id === id);
  if (!t) throw new Error(`no template ${id}`);
  return t;
};

beforeEach(() => useAppStore.setState(initial, true));

describe('attachFunction', () => {
  it('attaches a CloudFront Function to a free viewer event and bumps the revision', () => {
    const name = useAppStore.getState().addFunction(template('spa-rewrite'));
    useAppStore.getState().detachFunction(name, -1, 'viewer-request');
    const rev = useAppStore.getState().scenarioRevision;
    expect(useAppStore.getState().attachFunction(name, -1, 'viewer-request')).toBeNull();
    const s = useAppStore.getState();
    expect(s.scenario.distribution.defaultCacheBehavior.functionAssociations).toEqual([
      { eventType: 'viewer-request', functionName: 'spa-rewrite' },
    ]);
    expect(s.scenarioRevision).toBe(rev + 1);
  });

  it('refuses a second function on the same event type of a behavior', () => {
    useAppStore.getState().addFunction(template('spa-rewrite'));
    const second = useAppStore.getState().addFunction(template('ab-testing'));
    expect(useAppStore.getState().attachFunction(second, -1, 'viewer-request')).toBe(
      'viewer-request of this behavior already runs spa-rewrite: one function per event type; detach it first.',
    );
  });

  it('refuses Lambda@Edge on a viewer event when a CloudFront Function is on the viewer events', () => {
    useAppStore.getState().addFunction(template('security-headers'));
    const lambda = useAppStore.getState().addFunction(template('origin-by-cookie'));
    expect(useAppStore.getState().attachFunction(lambda, -1, 'viewer-request')).toBe(
      'security-headers (CloudFront Function) is on viewer-response: CloudFront Functions and Lambda@Edge cannot share the viewer events of one behavior.',
    );
    // origin events stay allowed
    useAppStore.getState().detachFunction(lambda, -1, 'origin-request');
    expect(useAppStore.getState().attachFunction(lambda, -1, 'origin-request')).toBeNull();
  });

  it('refuses a CloudFront Function on an origin event', () => {
    const name = useAppStore.getState().addFunction(template('security-headers'));
    expect(useAppStore.getState().attachFunction(name, -1, 'origin-request')).toBe(
      'CloudFront Functions run only on viewer-request or viewer-response, not origin-request.',
    );
  });
});

describe('setFunctionSettings and test events', () => {
  it('a kind change detaches the function everywhere; the runtime goes with CloudFront Functions', () => {
    const name = useAppStore.getState().addFunction(template('security-headers'));
    useAppStore.getState().setFunctionSettings(name, { kind: 'lambda-edge' });
    const s = useAppStore.getState().scenario;
    expect(s.distribution.defaultCacheBehavior.functionAssociations).toEqual([]);
    expect(s.functions?.[0]).not.toHaveProperty('runtime');
    useAppStore.getState().setFunctionSettings(name, { kind: 'cloudfront-function' });
    expect(useAppStore.getState().scenario.functions?.[0].runtime).toBe('cloudfront-js-2.0');
  });

  it('saves test events with the function, replacing one of the same name', () => {
    const name = useAppStore.getState().addFunction(template('security-headers'));
    const save = useAppStore.getState().saveTestEvent;
    save(name, { name: 'home', eventType: 'viewer-response', event: { a: 1 } });
    save(name, { name: 'home', eventType: 'viewer-response', event: { a: 2 } });
    save(name, { name: 'other', eventType: 'viewer-request', event: {} });
    expect(useAppStore.getState().scenario.functions?.[0].testEvents).toEqual([
      { name: 'home', eventType: 'viewer-response', event: { a: 2 } },
      { name: 'other', eventType: 'viewer-request', event: {} },
    ]);
    useAppStore.getState().deleteTestEvent(name, 'home');
    expect(useAppStore.getState().scenario.functions?.[0].testEvents?.map((e) => e.name)).toEqual(['other']);
  });
});

describe('KeyValueStore', () => {
  const fnOf = (name: string) => useAppStore.getState().scenario.functions?.find((f) => f.name === name);
  const newFunction = () => {
    const name = useAppStore.getState().addFunction(template('spa-rewrite'));
    useAppStore.getState().setFunctionSettings(name, { runtime: 'cloudfront-js-2.0' });
    return name;
  };

  it('creates one store per function, adds, renames and deletes keys', () => {
    const name = newFunction();
    const s = () => useAppStore.getState();
    expect(s().createKvs(name)).toBeNull();
    expect(s().createKvs(name)).toBe(
      'spa-rewrite already has a KeyValueStore: CloudFront allows one store per function.',
    );
    expect(s().putKvsKey(name, '/old', '/new')).toBeNull();
    expect(s().putKvsKey(name, 'flag', 'on')).toBeNull();
    expect(s().putKvsKey(name, '/older', '/new', '/old')).toBeNull();
    expect(fnOf(name)?.kvs).toEqual({ flag: 'on', '/older': '/new' });
    expect(s().putKvsKey(name, 'flag', 'x', '/older')).toBe(
      'The store already has a key "flag": pick another name or edit that key.',
    );
    s().deleteKvsKey(name, 'flag');
    expect(fnOf(name)?.kvs).toEqual({ '/older': '/new' });
    s().deleteKvs(name);
    expect(fnOf(name)?.kvs).toBeUndefined();
  });

  it('refuses a value over 1 KB and keeps the store unchanged', () => {
    const name = newFunction();
    useAppStore.getState().createKvs(name);
    expect(useAppStore.getState().putKvsKey(name, 'big', 'x'.repeat(1025))).toBe(
      'Value is 1,025 bytes; KeyValueStore values are at most 1 KB (1,024 bytes). Shorten it or split it over several keys.',
    );
    expect(fnOf(name)?.kvs).toEqual({});
  });

  it('is offered only to CloudFront Functions on runtime 2.0', () => {
    const name = newFunction();
    useAppStore.getState().setFunctionSettings(name, { runtime: 'cloudfront-js-1.0' });
    expect(useAppStore.getState().createKvs(name)).toBe(
      'KeyValueStore works only with CloudFront Functions on runtime cloudfront-js-2.0: switch the runtime first.',
    );
  });
});
