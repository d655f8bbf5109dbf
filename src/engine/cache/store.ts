// Byte-bounded cache stores, one per cache instance (an edge PoP, a regional edge cache, an
// Origin Shield region). One interface, one registry of eviction policies (libCacheSim's
// layout: each policy fills in only what differs). A store never holds more bytes than its
// capacity: an insert first evicts, and a value larger than the whole capacity is refused.
import { FifoStore } from './eviction/fifo';
import { LruStore } from './eviction/lru';

/** Anything a store holds reports its size in bytes; the size must not change while stored. */
export interface Sized {
  readonly size: number;
}

export interface TierStore<V extends Sized> {
  readonly policy: EvictionPolicyName;
  readonly capacityBytes: number;
  /** bytes currently held (sum of value sizes) */
  readonly bytes: number;
  /** objects currently held */
  readonly count: number;
  /** objects evicted to make room so far */
  readonly evictions: number;
  /** A read that counts as a use (LRU moves the key to the most-recent end). */
  get(key: string): V | undefined;
  /**
   * The same operations keyed by an integer id when `id >= 0` (callers that number their keys,
   * like the engine's catalog keys, skip hashing strings); `key` is used when `id < 0`. An id
   * and a string are two different keys: a caller must name a given key the same way every time.
   */
  getAt(id: number, key: string): V | undefined;
  setAt(id: number, key: string, value: V): boolean;
  deleteAt(id: number, key: string): boolean;
  /** A read that does not change the eviction order. */
  peek(key: string): V | undefined;
  /** Inserts or replaces; evicts as needed. Returns false (and stores nothing) when the value
   * alone is larger than the capacity. */
  set(key: string, value: V): boolean;
  delete(key: string): boolean;
  /** Removes every entry the predicate selects; returns how many. (entries() and deleteWhere
   * name an id-keyed entry '#<id>': match on the value, as invalidations do.) */
  deleteWhere(pred: (key: string, value: V) => boolean): number;
  entries(): IterableIterator<[string, V]>;
  clear(): void;
}

export type EvictionPolicyName = 'lru' | 'fifo';

/** The registry: eviction policy name -> constructor. Add a policy here and in the Topology type. */
export const EVICTION_POLICIES: Readonly<
  Record<EvictionPolicyName, <V extends Sized>(capacityBytes: number) => TierStore<V>>
> = {
  lru: <V extends Sized>(capacityBytes: number) => new LruStore<V>(capacityBytes),
  fifo: <V extends Sized>(capacityBytes: number) => new FifoStore<V>(capacityBytes),
};

export function createTierStore<V extends Sized>(
  policy: EvictionPolicyName,
  capacityBytes: number,
): TierStore<V> {
  const make = EVICTION_POLICIES[policy];
  if (!make)
    throw new Error(
      `Unknown eviction policy "${policy}": use one of ${Object.keys(EVICTION_POLICIES).join(', ')}.`,
    );
  return make<V>(capacityBytes);
}
