// zod's issues rewritten as the sentences users read: "must be between 1 and 3 (got 5)",
// "is required: add a number", "is not a known field: did you mean \"connectionTimeout\"?".
// Range messages written in schema.ts start lower-case and are kept as they are.
import { z } from 'zod';
import type { Issue, PathSegment } from './issues';

type ZodIssue = z.core.$ZodIssue;

function lookup(doc: unknown, path: readonly PropertyKey[]): unknown {
  let at: unknown = doc;
  for (const seg of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<PropertyKey, unknown>)[seg];
  }
  return at;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  record: 'an object',
};

/** Closest field name, for "did you mean" (case-insensitive match or one or two typos). */
function closest(key: string, known: readonly string[]): string | undefined {
  const lower = key.toLowerCase();
  let best: string | undefined;
  let bestDistance = 3;
  for (const k of known) {
    const d = k.toLowerCase() === lower ? 0 : editDistance(lower, k.toLowerCase(), bestDistance);
    if (d < bestDistance) [best, bestDistance] = [k, d];
  }
  return best;
}

function editDistance(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) >= cap) return cap;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++)
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

function knownKeysAt(root: z.ZodType, path: readonly PropertyKey[]): string[] {
  // Walk the schema along the path to list the fields that object accepts.
  let s: z.ZodType = root;
  for (const seg of path) {
    const def = (s as z.ZodType & { def: { type: string } }).def;
    const inner = unwrap(s, def.type);
    if (inner instanceof z.ZodObject) s = (inner.shape as Record<string, z.ZodType>)[String(seg)] ?? inner;
    else if (inner instanceof z.ZodArray) s = inner.element as z.ZodType;
    else if (inner instanceof z.ZodRecord) s = inner.valueType as z.ZodType;
    else return [];
  }
  const last = unwrap(s, (s as z.ZodType & { def: { type: string } }).def.type);
  return last instanceof z.ZodObject ? Object.keys(last.shape) : [];
}

function unwrap(s: z.ZodType, type: string): z.ZodType {
  return type === 'optional' ? ((s as z.ZodOptional<z.ZodType>).unwrap() as z.ZodType) : s;
}

/** One zod issue as our issues, in human words; `doc` is the checked document (to show the value). */
export function fromZodIssue(zi: ZodIssue, doc: unknown, root: z.ZodType): Issue[] {
  const path = zi.path.filter((p): p is PathSegment => typeof p !== 'symbol');
  const value = lookup(doc, zi.path);
  // Our own sentences start lower-case; zod's defaults start with a capital and are replaced.
  const ours = /^[a-z]/.test(zi.message);
  switch (zi.code) {
    case 'invalid_type':
      if (value === undefined)
        return [{ path, message: `is required: add ${TYPE_WORDS[zi.expected] ?? zi.expected}` }];
      return [
        { path, message: `must be ${TYPE_WORDS[zi.expected] ?? zi.expected}`, got: value, hasGot: true },
      ];
    case 'unrecognized_keys': {
      const known = knownKeysAt(root, zi.path);
      return zi.keys.map((k) => {
        const guess = closest(k, known);
        const hint = guess ? `did you mean "${guess}"?` : `remove it (fields here: ${known.join(', ')})`;
        return { path: [...path, k], message: `is not a known field: ${hint}` };
      });
    }
    case 'invalid_value':
      return [
        {
          path,
          message: `must be one of ${zi.values.map((v) => JSON.stringify(v)).join(', ')}`,
          got: value,
          hasGot: value !== undefined,
        },
      ];
    case 'invalid_union':
      return [
        {
          path,
          message: 'has the wrong shape: see the scenario format in DESIGN.md',
          got: value,
          hasGot: true,
        },
      ];
    case 'too_small':
    case 'too_big': {
      if (ours) return [{ path, message: zi.message, got: value, hasGot: zi.origin !== 'array' }];
      const bound = zi.code === 'too_small' ? `at least ${zi.minimum}` : `at most ${zi.maximum}`;
      const what = zi.origin === 'array' ? ' items' : zi.origin === 'string' ? ' characters' : '';
      return [{ path, message: `must be ${bound}${what}`, got: value, hasGot: zi.origin !== 'array' }];
    }
    default:
      return [
        {
          path,
          message: ours ? zi.message : zi.message.toLowerCase(),
          got: value,
          hasGot: value !== undefined,
        },
      ];
  }
}
