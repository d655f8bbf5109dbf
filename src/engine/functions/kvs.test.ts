// KeyValueStore quotas as the editor and the schema apply them (key 512 bytes, value 1 KB, store 5 MB).
import { describe, expect, it } from 'vitest';
import { kvsPutProblem, kvsStoreBytes, kvsStoreProblem } from './kvs';

describe('KeyValueStore quotas', () => {
  it('counts keys and values in UTF-8 bytes', () => {
    expect(kvsStoreBytes({ a: 'bc', é: '€' })).toBe(3 + 2 + 3);
  });

  it('accepts a key of 512 bytes and a value of 1,024 bytes, refuses one byte more', () => {
    expect(kvsPutProblem({}, 'k'.repeat(512), 'v'.repeat(1024))).toBeNull();
    expect(kvsPutProblem({}, 'k'.repeat(513), 'v')).toBe(
      'Key is 513 bytes; KeyValueStore keys are at most 512 bytes. Shorten it.',
    );
    expect(kvsPutProblem({}, '', 'v')).toBe('A key cannot be empty: type a key name.');
  });

  it('replacing a key counts only the difference against the 5 MB store quota', () => {
    const store: Record<string, string> = {};
    // 5,120 keys of 6 bytes with values of 1,018 bytes: exactly 5 MB (5,242,880 bytes)
    for (let i = 0; i < 5120; i++) store[`k${String(i).padStart(5, '0')}`] = 'v'.repeat(1018);
    expect(kvsStoreProblem(store)).toBeNull();
    expect(kvsPutProblem(store, 'k00000', 'w'.repeat(1018))).toBeNull();
    expect(kvsPutProblem(store, 'new', 'x')).toBe(
      'The store would hold 5,242,884 bytes; a KeyValueStore holds at most 5 MB (5,242,880 bytes). Delete keys first.',
    );
  });
});
