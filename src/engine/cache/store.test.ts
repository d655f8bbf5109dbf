// Byte-bounded tier stores: LRU and FIFO eviction, capacity never exceeded.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTierStore, EVICTION_POLICIES, type EvictionPolicyName } from './store';

const item = (size: number) => ({ size });

describe('tier stores', () => {
  it('LRU evicts the least recently used; FIFO the oldest insert', () => {
    const lru = createTierStore<{ size: number }>('lru', 300);
    const fifo = createTierStore<{ size: number }>('fifo', 300);
    for (const s of [lru, fifo]) {
      s.set('a', item(100));
      s.set('b', item(100));
      s.set('c', item(100));
      s.get('a'); // a becomes the most recently used (LRU only)
      s.set('d', item(100));
    }
    expect([...lru.entries()].map(([k]) => k)).toEqual(['c', 'a', 'd']);
    expect([...fifo.entries()].map(([k]) => k)).toEqual(['b', 'c', 'd']);
    expect([lru.evictions, fifo.evictions, lru.bytes, lru.count]).toEqual([1, 1, 300, 3]);
  });

  it('refuses an object larger than the whole capacity and keeps what it has', () => {
    const s = createTierStore<{ size: number }>('lru', 100);
    s.set('a', item(60));
    expect(s.set('big', item(101))).toBe(false);
    expect([s.peek('a')?.size, s.peek('big'), s.bytes]).toEqual([60, undefined, 60]);
  });

  it('replacing a key adjusts the byte count; delete and deleteWhere free bytes', () => {
    const s = createTierStore<{ size: number }>('fifo', 1000);
    s.set('a', item(100));
    s.set('a', item(250));
    s.set('b', item(50));
    expect([s.bytes, s.count]).toEqual([300, 2]);
    expect(s.delete('a')).toBe(true);
    expect(s.delete('a')).toBe(false);
    s.set('c', item(10));
    expect(s.deleteWhere((k) => k === 'c')).toBe(1);
    expect([s.bytes, s.count, [...s.entries()].map(([k]) => k)]).toEqual([50, 1, ['b']]);
  });

  it('never holds more bytes than its capacity (property)', () => {
    const ops = fc.array(
      fc.oneof(
        fc.record({
          op: fc.constant('set'),
          key: fc.integer({ min: 0, max: 30 }),
          size: fc.integer({ min: 0, max: 400 }),
        }),
        fc.record({ op: fc.constant('get'), key: fc.integer({ min: 0, max: 30 }), size: fc.constant(0) }),
        fc.record({ op: fc.constant('del'), key: fc.integer({ min: 0, max: 30 }), size: fc.constant(0) }),
      ),
      { maxLength: 300 },
    );
    fc.assert(
      fc.property(
        fc.constantFrom<EvictionPolicyName>(...(Object.keys(EVICTION_POLICIES) as EvictionPolicyName[])),
        fc.integer({ min: 1, max: 1000 }),
        ops,
        (policy, cap, list) => {
          const s = createTierStore<{ size: number }>(policy, cap);
          const model = new Map<string, number>();
          for (const o of list) {
            const k = `k${o.key}`;
            if (o.op === 'set') {
              if (s.set(k, item(o.size))) model.set(k, o.size);
              else model.delete(k);
            } else if (o.op === 'get') s.get(k);
            else {
              s.delete(k);
              model.delete(k);
            }
            let sum = 0;
            for (const [key, v] of s.entries()) {
              sum += v.size;
              if (model.get(key) !== v.size) return false;
            }
            if (sum !== s.bytes || s.bytes > cap || s.count !== [...s.entries()].length) return false;
          }
          return true;
        },
      ),
      { numRuns: 200 },
    );
  });
});
