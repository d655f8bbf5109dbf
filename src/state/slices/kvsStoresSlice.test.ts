// Named KeyValueStores in the app store: creating one from a function's own store, sharing it with
// a second function, edits every user sees, and the refusals that keep CloudFront's rules.
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
const { functionsUsingStore, withStoreData } = await import('./kvsStoresSlice');
const initial = useAppStore.getState();
beforeEach(() => useAppStore.setState(initial, true));

const s = () => useAppStore.getState();
const fnOf = (name: string) => s().scenario.functions?.find((f) => f.name === name);
function newFunction(id: string): string {
  const t = FUNCTION_TEMPLATES.find((x) => x.id === id);
  if (!t) throw new Error(`no template ${id}`);
  const name = s().addFunction(t);
  s().setFunctionSettings(name, { runtime: 'cloudfront-js-2.0' });
  return name;
}

describe('named KeyValueStores', () => {
  it("creates a shared store from a function's own keys, shares it and edits it for both", () => {
    const a = newFunction('spa-rewrite');
    const b = newFunction('ab-testing');
    s().createKvs(a);
    s().putKvsKey(a, 'greeting', 'hello');
    const rev = s().scenarioRevision;
    expect(s().createNamedStore('site-config', a)).toBeNull();
    expect(s().scenarioRevision).toBe(rev + 1);
    expect(s().scenario.keyValueStores).toEqual({ 'site-config': { data: { greeting: 'hello' } } });
    expect(fnOf(a)?.kvs).toBeUndefined();
    expect(fnOf(a)?.keyValueStoreName).toBe('site-config');

    expect(s().associateStore(b, 'site-config')).toBeNull();
    expect(functionsUsingStore(s().scenario, 'site-config')).toEqual([a, b]);
    expect(s().putStoreKey('site-config', 'greeting', 'hi there')).toBeNull();
    const stores = s().scenario.keyValueStores;
    expect(withStoreData(fnOf(a)!, stores).kvs).toEqual({ greeting: 'hi there' });
    expect(withStoreData(fnOf(b)!, stores).kvs).toEqual({ greeting: 'hi there' });

    expect(s().associateStore(b, null)).toBeNull();
    expect(fnOf(b)?.keyValueStoreName).toBeUndefined();
    s().deleteNamedStore('site-config');
    expect(s().scenario.keyValueStores).toBeUndefined();
    expect(fnOf(a)?.keyValueStoreName).toBeUndefined();
  });

  it('refuses a bad name, a taken name, and dropping a non-empty own store', () => {
    const a = newFunction('spa-rewrite');
    const b = newFunction('ab-testing');
    expect(s().createNamedStore('my store', a)).toBe(
      'Cannot create the store: use only letters, digits, - and _ in a KeyValueStore name (CloudFront rule).',
    );
    expect(s().createNamedStore('shared', a)).toBeNull();
    expect(s().createNamedStore('shared', b)).toBe(
      'A store named "shared" already exists: pick it in the list or choose another name.',
    );
    s().createKvs(b);
    s().putKvsKey(b, 'k', 'v');
    expect(s().associateStore(b, 'shared')).toBe(
      'ab-testing has its own store with 1 key and CloudFront allows one store per function: delete it first, or create a shared store from it.',
    );
    expect(fnOf(b)?.kvs).toEqual({ k: 'v' });
    expect(s().createKvs(a)).toBe(
      'spa-rewrite already has a KeyValueStore: CloudFront allows one store per function.',
    );
  });

  it('keeps the 5 MB quota per store and leaves the store unchanged on refusal', () => {
    const a = newFunction('spa-rewrite');
    s().createNamedStore('big', a);
    expect(s().putStoreKey('big', 'v', 'x'.repeat(1025))).toBe(
      'Value is 1,025 bytes; KeyValueStore values are at most 1 KB (1,024 bytes). Shorten it or split it over several keys.',
    );
    expect(s().scenario.keyValueStores?.big.data).toEqual({});
  });
});
