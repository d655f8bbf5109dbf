// Named KeyValueStores shared by several CloudFront Functions (issue 4): create one (the
// function's own keys move into it, so nothing is lost), associate a function with it or back
// with its own store, edit its keys (every associated function reads the change), delete it.
// CloudFront's rules: one store per function, one store for many functions, names 1-64 of
// a-z A-Z 0-9 - _ (engine/functions/kvs.ts). Every change bumps `scenarioRevision`.
import type { StateCreator } from 'zustand';
import { functionStoreData, kvsNameProblem, kvsPutProblem } from '../../engine/functions/kvs';
import type { EdgeFunction, KeyValueStore, Scenario } from '../../engine/scenario';
import type { AppState } from '../store';

export interface KvsStoresSlice {
  /** Creates the named store and associates `fnName` with it; the function's own keys move in. */
  createNamedStore: (storeName: string, fnName: string) => string | null;
  /** Associates `fnName` with a named store, or (null) with its own store again. */
  associateStore: (fnName: string, storeName: string | null) => string | null;
  /** Adds or replaces a key of a named store (renaming `previousKey` when given). */
  putStoreKey: (storeName: string, key: string, value: string, previousKey?: string) => string | null;
  deleteStoreKey: (storeName: string, key: string) => void;
  /** Deletes a named store; the functions that used it are left without a store. */
  deleteNamedStore: (storeName: string) => void;
}

/** The function as the test panel should run it: a named store's data in `kvs`. */
export function withStoreData(fn: EdgeFunction, stores: Scenario['keyValueStores']): EdgeFunction {
  if (fn.keyValueStoreName === undefined) return fn;
  const data = functionStoreData(fn, stores);
  const out: EdgeFunction = { ...fn };
  delete out.keyValueStoreName;
  if (data) out.kvs = data;
  else delete out.kvs;
  return out;
}

/** Names of the functions associated with `storeName`, in scenario order. */
export function functionsUsingStore(scenario: Scenario, storeName: string): string[] {
  return (scenario.functions ?? []).filter((f) => f.keyValueStoreName === storeName).map((f) => f.name);
}

const has = (o: object | undefined, k: string) => !!o && Object.prototype.hasOwnProperty.call(o, k);

export const createKvsStoresSlice: StateCreator<AppState, [], [], KvsStoresSlice> = (set, get) => {
  const commit = (scenario: Scenario) => set((s) => ({ scenario, scenarioRevision: s.scenarioRevision + 1 }));
  const mapFunctions = (scenario: Scenario, change: (fn: EdgeFunction) => EdgeFunction): Scenario => ({
    ...scenario,
    functions: (scenario.functions ?? []).map(change),
  });
  const withStore = (scenario: Scenario, name: string, store: KeyValueStore | null): Scenario => {
    const stores = { ...(scenario.keyValueStores ?? {}) };
    if (store) stores[name] = store;
    else delete stores[name];
    const next: Scenario = { ...scenario, keyValueStores: stores };
    if (Object.keys(stores).length === 0) delete next.keyValueStores; // old scenarios stay as they were
    return next;
  };
  const cffOn2 = (fnName: string): EdgeFunction | string => {
    const fn = get().scenario.functions?.find((f) => f.name === fnName);
    if (!fn) return `No function ${fnName}.`;
    if (fn.kind !== 'cloudfront-function' || fn.runtime === 'cloudfront-js-1.0')
      return 'KeyValueStore works only with CloudFront Functions on runtime cloudfront-js-2.0: switch the runtime first.';
    return fn;
  };

  return {
    createNamedStore: (storeName, fnName) => {
      const name = storeName.trim();
      const bad = kvsNameProblem(name);
      if (bad) return `Cannot create the store: ${bad}.`;
      const { scenario } = get();
      if (has(scenario.keyValueStores, name))
        return `A store named "${name}" already exists: pick it in the list or choose another name.`;
      const fn = cffOn2(fnName);
      if (typeof fn === 'string') return fn;
      const data = { ...(functionStoreData(fn, scenario.keyValueStores) ?? {}) };
      const next = withStore(scenario, name, { data });
      commit(
        mapFunctions(next, (f) => {
          if (f.name !== fnName) return f;
          const out: EdgeFunction = { ...f, keyValueStoreName: name };
          delete out.kvs; // its keys are in the new store now
          return out;
        }),
      );
      return null;
    },

    associateStore: (fnName, storeName) => {
      const fn = cffOn2(fnName);
      if (typeof fn === 'string') return fn;
      const { scenario } = get();
      if (storeName !== null && !has(scenario.keyValueStores, storeName))
        return `There is no store named "${storeName}".`;
      const own = fn.kvs ? Object.keys(fn.kvs).length : 0;
      if (storeName !== null && own > 0)
        return `${fnName} has its own store with ${own} ${own === 1 ? 'key' : 'keys'} and CloudFront allows one store per function: delete it first, or create a shared store from it.`;
      commit(
        mapFunctions(scenario, (f) => {
          if (f.name !== fnName) return f;
          const out: EdgeFunction = { ...f };
          delete out.kvs; // an empty own store goes: one store per function
          if (storeName === null) delete out.keyValueStoreName;
          else out.keyValueStoreName = storeName;
          return out;
        }),
      );
      return null;
    },

    putStoreKey: (storeName, key, value, previousKey) => {
      const { scenario } = get();
      const store = scenario.keyValueStores?.[storeName];
      if (!store) return `There is no store named "${storeName}".`;
      const rest = { ...store.data };
      if (previousKey !== undefined && previousKey !== key) {
        if (has(rest, key))
          return `The store already has a key "${key}": pick another name or edit that key.`;
        delete rest[previousKey];
      }
      const problem = kvsPutProblem(rest, key, value);
      if (problem) return problem;
      commit(withStore(scenario, storeName, { ...store, data: { ...rest, [key]: value } }));
      return null;
    },

    deleteStoreKey: (storeName, key) => {
      const { scenario } = get();
      const store = scenario.keyValueStores?.[storeName];
      if (!store || !has(store.data, key)) return;
      const data = { ...store.data };
      delete data[key];
      commit(withStore(scenario, storeName, { ...store, data }));
    },

    deleteNamedStore: (storeName) => {
      const { scenario } = get();
      if (!has(scenario.keyValueStores, storeName)) return;
      commit(
        mapFunctions(withStore(scenario, storeName, null), (f) => {
          if (f.keyValueStoreName !== storeName) return f;
          const out = { ...f };
          delete out.keyValueStoreName;
          return out;
        }),
      );
    },
  };
};
