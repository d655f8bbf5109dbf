// The integer hash table behind id-keyed stores: same answers as a Map under any mix of
// inserts, overwrites and deletes (backward-shift deletion must never lose an entry).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IdIndex } from './idIndex';
import { createTierStore } from '../store';

describe('IdIndex', () => {
  it('agrees with a Map after any sequence of set / delete, through growth', () => {
    const op = fc.tuple(
      fc.constantFrom('set', 'delete'),
      fc.integer({ min: 0, max: 300 }),
      fc.integer({ min: 0, max: 1e6 }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 600 }), (ops) => {
        const t = new IdIndex(16);
        const ref = new Map<number, number>();
        for (const [kind, id, v] of ops) {
          if (kind === 'set') {
            t.set(id, v);
            ref.set(id, v);
          } else expect(t.delete(id)).toBe(ref.delete(id));
        }
        expect(t.size).toBe(ref.size);
        for (let id = 0; id <= 300; id++) expect(t.get(id)).toBe(ref.get(id) ?? -1);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps ids 2^24 apart (different key variants) distinct', () => {
    const t = new IdIndex();
    t.set(5, 1);
    t.set(5 + (1 << 24), 2);
    t.set(5 + 2 * (1 << 24), 3);
    expect(t.delete(5 + (1 << 24))).toBe(true);
    expect([t.get(5), t.get(5 + (1 << 24)), t.get(5 + 2 * (1 << 24))]).toEqual([1, -1, 3]);
  });
});

describe('id-keyed tier stores', () => {
  it('evict in LRU order across id and string keys, with exact byte accounting', () => {
    const s = createTierStore<{ size: number }>('lru', 300);
    s.setAt(7, '', { size: 100 });
    s.set('x', { size: 100 });
    s.setAt(9, '', { size: 100 });
    expect(s.getAt(7, '')?.size).toBe(100); // 7 becomes the most recently used
    s.setAt(11, '', { size: 100 }); // evicts 'x', the least recently used
    expect([...s.entries()].map(([k]) => k)).toEqual(['#9', '#7', '#11']);
    expect([s.get('x'), s.getAt(9, '')?.size, s.count, s.bytes, s.evictions]).toEqual([
      undefined,
      100,
      3,
      300,
      1,
    ]);
    expect(s.deleteAt(9, '')).toBe(true);
    expect([s.count, s.bytes, s.getAt(9, '')]).toEqual([2, 200, undefined]);
  });
});
