// An integer -> integer hash table (open addressing, linear probing, backward-shift deletion so
// no tombstones pile up), for stores whose keys are numbered. Two Int32Arrays and no per-entry
// object: lookups touch one or two cache lines instead of a Map's hashed-string entries, and
// nothing is left for the GC to trace.

const EMPTY = -1;
/** grow when more than this share of the table is used (linear probing stays short below it) */
const MAX_LOAD = 0.5;

export class IdIndex {
  private ids: Int32Array;
  private vals: Int32Array;
  private mask: number;
  size = 0;

  constructor(initialCapacity = 1024) {
    let n = 16;
    while (n < initialCapacity) n *= 2;
    this.ids = new Int32Array(n).fill(EMPTY);
    this.vals = new Int32Array(n);
    this.mask = n - 1;
  }

  /** Fibonacci hashing: consecutive ids (catalog indexes) land far apart. */
  private home(id: number): number {
    return Math.imul(id, 0x9e3779b1) & this.mask;
  }

  /** The value for `id` (>= 0), or -1. */
  get(id: number): number {
    const ids = this.ids;
    const mask = this.mask;
    for (let i = this.home(id); ; i = (i + 1) & mask) {
      const k = ids[i];
      if (k === id) return this.vals[i];
      if (k === EMPTY) return -1;
    }
  }

  set(id: number, value: number): void {
    const ids = this.ids;
    const mask = this.mask;
    for (let i = this.home(id); ; i = (i + 1) & mask) {
      const k = ids[i];
      if (k === id) {
        this.vals[i] = value;
        return;
      }
      if (k === EMPTY) {
        ids[i] = id;
        this.vals[i] = value;
        if (++this.size > (mask + 1) * MAX_LOAD) this.grow();
        return;
      }
    }
  }

  delete(id: number): boolean {
    const ids = this.ids;
    const vals = this.vals;
    const mask = this.mask;
    let i = this.home(id);
    for (; ; i = (i + 1) & mask) {
      const k = ids[i];
      if (k === id) break;
      if (k === EMPTY) return false;
    }
    // Backward shift: move later entries of the run into the hole when their home allows it.
    let hole = i;
    for (let j = (i + 1) & mask; ; j = (j + 1) & mask) {
      const k = ids[j];
      if (k === EMPTY) break;
      const h = this.home(k);
      // k may move to the hole when its home is not in (hole, j] (cyclically)
      if (hole <= j ? h <= hole || h > j : h <= hole && h > j) {
        ids[hole] = k;
        vals[hole] = vals[j];
        hole = j;
      }
    }
    ids[hole] = EMPTY;
    this.size--;
    return true;
  }

  clear(): void {
    this.ids.fill(EMPTY);
    this.size = 0;
  }

  private grow(): void {
    const oldIds = this.ids;
    const oldVals = this.vals;
    const n = oldIds.length * 2;
    this.ids = new Int32Array(n).fill(EMPTY);
    this.vals = new Int32Array(n);
    this.mask = n - 1;
    this.size = 0;
    for (let i = 0; i < oldIds.length; i++) if (oldIds[i] !== EMPTY) this.set(oldIds[i], oldVals[i]);
  }
}
