// The shared part of the stores: a Map from key to an integer slot, and per-slot arrays (value,
// key, size, prev/next links) forming one doubly linked list from oldest (head) to newest
// (tail). Every operation is O(1): a hit relinks two integers instead of deleting and
// re-inserting a Map entry, and eviction takes the head instead of scanning the Map from its
// start (which, after many deletes, walks over the deleted slots first: the slow path a
// Map-only LRU falls into). Policies differ only in what a hit does (see lru.ts, fifo.ts).
// Keys are strings (a Map) or, through the *At methods, integer ids (an IdIndex of two
// Int32Arrays): the engine numbers its catalog keys so its hot path hashes no strings.
import { IdIndex } from './idIndex';
import type { EvictionPolicyName, Sized, TierStore } from '../store';

const NIL = -1;

export abstract class LinkedStore<V extends Sized> implements TierStore<V> {
  abstract readonly policy: EvictionPolicyName;
  private readonly index = new Map<string, number>();
  private readonly idIndex = new IdIndex();
  private keys: (string | undefined)[] = [];
  /** the integer id a slot is keyed by, -1 when it is keyed by its string */
  private slotIds = new Int32Array(16);
  private vals: (V | undefined)[] = [];
  private sizes = new Float64Array(16);
  private prev = new Int32Array(16);
  private next = new Int32Array(16);
  private head = NIL;
  private tail = NIL;
  /** slots freed by deletes, reused before new ones */
  private readonly free: number[] = [];
  private used = 0;
  bytes = 0;
  evictions = 0;

  constructor(readonly capacityBytes: number) {
    if (!(capacityBytes >= 0))
      throw new Error(`A cache capacity must be a number of bytes ≥ 0 (got ${capacityBytes}).`);
  }

  get count(): number {
    return this.index.size + this.idIndex.size;
  }

  /** What a hit does to the order (LRU moves the slot to the tail; FIFO leaves it). */
  protected abstract onHit(slot: number): void;

  get(key: string): V | undefined {
    return this.getAt(-1, key);
  }

  peek(key: string): V | undefined {
    const slot = this.index.get(key);
    return slot === undefined ? undefined : this.vals[slot];
  }

  set(key: string, value: V): boolean {
    return this.setAt(-1, key, value);
  }

  delete(key: string): boolean {
    return this.deleteAt(-1, key);
  }

  private slotOf(id: number, key: string): number {
    if (id >= 0) return this.idIndex.get(id);
    return this.index.get(key) ?? NIL;
  }

  getAt(id: number, key: string): V | undefined {
    const slot = this.slotOf(id, key);
    if (slot === NIL) return undefined;
    this.onHit(slot);
    return this.vals[slot];
  }

  setAt(id: number, key: string, value: V): boolean {
    const old = this.slotOf(id, key);
    if (old !== NIL) this.removeSlot(old);
    const size = value.size;
    if (size > this.capacityBytes) return false;
    while (this.bytes + size > this.capacityBytes && this.head !== NIL) {
      this.removeSlot(this.head);
      this.evictions++;
    }
    const slot = this.allocSlot();
    this.vals[slot] = value;
    this.sizes[slot] = size;
    this.bytes += size;
    this.append(slot);
    if (id >= 0) {
      this.slotIds[slot] = id;
      this.idIndex.set(id, slot);
    } else {
      this.slotIds[slot] = NIL;
      this.keys[slot] = key;
      this.index.set(key, slot);
    }
    return true;
  }

  deleteAt(id: number, key: string): boolean {
    const slot = this.slotOf(id, key);
    if (slot === NIL) return false;
    this.removeSlot(slot);
    return true;
  }

  deleteWhere(pred: (key: string, value: V) => boolean): number {
    let n = 0;
    let s = this.head;
    while (s !== NIL) {
      const nextSlot = this.next[s];
      if (pred(this.keyName(s), this.vals[s]!)) {
        this.removeSlot(s);
        n++;
      }
      s = nextSlot;
    }
    return n;
  }

  *entries(): IterableIterator<[string, V]> {
    for (let s = this.head; s !== NIL; s = this.next[s]) yield [this.keyName(s), this.vals[s]!];
  }

  /** A slot's key as a string: its own, or '#<id>' for an id-keyed slot. */
  private keyName(slot: number): string {
    const id = this.slotIds[slot];
    return id >= 0 ? `#${id}` : this.keys[slot]!;
  }

  clear(): void {
    this.index.clear();
    this.idIndex.clear();
    this.keys = [];
    this.vals = [];
    this.free.length = 0;
    this.used = 0;
    this.head = this.tail = NIL;
    this.bytes = 0;
  }

  /** Moves a slot to the newest end. */
  protected toTail(slot: number): void {
    if (slot === this.tail) return;
    this.unlink(slot);
    this.append(slot);
  }

  private allocSlot(): number {
    if (this.free.length > 0) return this.free.pop()!;
    const slot = this.used++;
    if (slot >= this.prev.length) {
      const n = this.prev.length * 2;
      const grow = <T extends Int32Array | Float64Array>(a: T, make: (n: number) => T): T => {
        const b = make(n);
        b.set(a);
        return b;
      };
      this.prev = grow(this.prev, (k) => new Int32Array(k));
      this.next = grow(this.next, (k) => new Int32Array(k));
      this.sizes = grow(this.sizes, (k) => new Float64Array(k));
      this.slotIds = grow(this.slotIds, (k) => new Int32Array(k));
    }
    return slot;
  }

  private append(slot: number): void {
    this.prev[slot] = this.tail;
    this.next[slot] = NIL;
    if (this.tail !== NIL) this.next[this.tail] = slot;
    else this.head = slot;
    this.tail = slot;
  }

  private unlink(slot: number): void {
    const p = this.prev[slot];
    const n = this.next[slot];
    if (p !== NIL) this.next[p] = n;
    else this.head = n;
    if (n !== NIL) this.prev[n] = p;
    else this.tail = p;
  }

  private removeSlot(slot: number): void {
    this.unlink(slot);
    const id = this.slotIds[slot];
    if (id >= 0) this.idIndex.delete(id);
    else this.index.delete(this.keys[slot]!);
    this.bytes -= this.sizes[slot];
    this.keys[slot] = undefined;
    this.vals[slot] = undefined;
    this.free.push(slot);
  }
}
