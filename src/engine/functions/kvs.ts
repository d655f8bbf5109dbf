// CloudFront KeyValueStore rules, shared by every way data gets in: the scenario schema (links,
// files), the engine's prepare() and the editor's "add key" form. Pure: no sandbox involved.

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
