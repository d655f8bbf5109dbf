// CloudFront KeyValueStore rules, shared by every way data gets in: the scenario schema (links,
// files), the engine's prepare() and the editor's "add key" form. Pure: no sandbox involved.

import { ScenarioError } from '../errors';
import type { EdgeFunction, KeyValueStore } from '../scenario';
import { utf8Length } from './bytes';
import { formatBytes, KEY_VALUE_STORE_LIMITS } from './limits';

const L = KEY_VALUE_STORE_LIMITS;

/** Bytes a store holds against its 5 MB quota: every key plus every value, UTF-8. */
export function kvsStoreBytes(store: Readonly<Record<string, string>>): number {
  let n = 0;
  for (const k of Object.keys(store)) n += utf8Length(k) + utf8Length(store[k]);
  return n;
}

/**
 * Why `key` = `value` cannot go into `store`, or null when it can. Replacing an existing key
 * counts only the difference against the store quota.
 */
export function kvsPutProblem(
  store: Readonly<Record<string, string>>,
  key: string,
  value: string,
): string | null {
  if (key.length === 0) return 'A key cannot be empty: type a key name.';
  const keyBytes = utf8Length(key);
  if (keyBytes > L.maxKeyBytes)
    return `Key is ${keyBytes.toLocaleString('en-US')} bytes; KeyValueStore keys are at most ${L.maxKeyBytes} bytes. Shorten it.`;
  const valueBytes = utf8Length(value);
  if (valueBytes > L.maxValueBytes)
    return `Value is ${valueBytes.toLocaleString('en-US')} bytes; KeyValueStore values are at most ${formatBytes(L.maxValueBytes)} (${L.maxValueBytes.toLocaleString('en-US')} bytes). Shorten it or split it over several keys.`;
  const old = Object.prototype.hasOwnProperty.call(store, key) ? keyBytes + utf8Length(store[key]) : 0;
  const total = kvsStoreBytes(store) - old + keyBytes + valueBytes;
  if (total > L.maxStoreBytes)
    return `The store would hold ${total.toLocaleString('en-US')} bytes; a KeyValueStore holds at most ${formatBytes(L.maxStoreBytes)} (${L.maxStoreBytes.toLocaleString('en-US')} bytes). Delete keys first.`;
  return null;
}

/** The first rule a whole store breaks (as imported from a link or file), or null. */
export function kvsStoreProblem(store: Readonly<Record<string, string>>): string | null {
  for (const k of Object.keys(store)) {
    if (k.length === 0) return 'an empty key (every key needs a name)';
    const kb = utf8Length(k);
    if (kb > L.maxKeyBytes)
      return `key "${k.slice(0, 40)}…" is ${kb.toLocaleString('en-US')} bytes; keys are at most ${L.maxKeyBytes} bytes`;
    const vb = utf8Length(store[k]);
    if (vb > L.maxValueBytes)
      return `the value of key "${k}" is ${vb.toLocaleString('en-US')} bytes; values are at most ${L.maxValueBytes.toLocaleString('en-US')} bytes`;
  }
  const total = kvsStoreBytes(store);
  if (total > L.maxStoreBytes)
    return `the store holds ${total.toLocaleString('en-US')} bytes; a KeyValueStore holds at most ${formatBytes(L.maxStoreBytes)} (${L.maxStoreBytes.toLocaleString('en-US')} bytes)`;
  return null;
}

// ---- named stores shared by several functions ----
// CloudFront: "A function can have only one key value store" and "You can associate the same key
// value store with multiple functions" (DeveloperGuide/kvs-with-functions-associate.html). A
// scenario keeps named stores in `keyValueStores`; a function either keeps its own `kvs` or names
// a store in `keyValueStoreName`.

/** CreateKeyValueStore's Name rule (CloudFront API reference): 1-64 of a-z A-Z 0-9 - _. */
export const KVS_NAME_PATTERN = /^[a-zA-Z0-9_-]{1,64}$/;
/** CreateKeyValueStore's Comment: at most 128 characters. */
export const KVS_COMMENT_MAX_CHARS = 128;

/** Why `name` cannot name a store, or null. */
export function kvsNameProblem(name: string): string | null {
  if (name.length === 0) return 'a store needs a name';
  if (name.length > 64) return `the name is ${name.length} characters; CloudFront allows at most 64`;
  if (!KVS_NAME_PATTERN.test(name))
    return 'use only letters, digits, - and _ in a KeyValueStore name (CloudFront rule)';
  return null;
}

/** Where a function's association goes wrong: the field to fix and what to do; null when fine. */
export function kvsAssociationProblem(
  fn: Pick<EdgeFunction, 'name' | 'kvs' | 'keyValueStoreName'>,
  stores: Readonly<Record<string, KeyValueStore>> | undefined,
): { field: 'keyValueStoreName'; message: string } | null {
  const name = fn.keyValueStoreName;
  if (name === undefined) return null;
  if (fn.kvs !== undefined)
    return {
      field: 'keyValueStoreName',
      message: `function "${fn.name}" has its own store (kvs) and names the store "${name}"; a CloudFront Function has one KeyValueStore: remove one of the two`,
    };
  if (!stores || !Object.prototype.hasOwnProperty.call(stores, name)) {
    const known = stores ? Object.keys(stores) : [];
    return {
      field: 'keyValueStoreName',
      message: `no KeyValueStore named "${name}" in keyValueStores: create it or name ${known.length ? `one of ${known.map((k) => `"${k}"`).join(', ')}` : 'no store (remove keyValueStoreName)'}`,
    };
  }
  return null;
}

/** The data `fn` reads through cf.kvs(): its own store or the named one it is associated with. */
export function functionStoreData(
  fn: Pick<EdgeFunction, 'kvs' | 'keyValueStoreName'>,
  stores: Readonly<Record<string, KeyValueStore>> | undefined,
): Record<string, string> | undefined {
  if (fn.kvs !== undefined) return fn.kvs;
  const name = fn.keyValueStoreName;
  if (name === undefined || !stores || !Object.prototype.hasOwnProperty.call(stores, name)) return undefined;
  return stores[name].data;
}

/**
 * `fn` as the runtime sees it: a named store's data in `kvs` (the runtime reads only `kvs`, so
 * every function naming a store reads the very same data). Throws a ScenarioError naming
 * `functions[index].keyValueStoreName` when the association cannot stand.
 */
export function withAssociatedStore(
  fn: EdgeFunction,
  index: number,
  stores: Readonly<Record<string, KeyValueStore>> | undefined,
): EdgeFunction {
  if (fn.keyValueStoreName === undefined) return fn;
  const problem = kvsAssociationProblem(fn, stores);
  if (problem) throw new ScenarioError(problem.message, `functions[${index}].${problem.field}`);
  return { ...fn, kvs: functionStoreData(fn, stores) };
}
