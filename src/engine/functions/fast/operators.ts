// Operators on the fast path's values: JavaScript's own operators on primitives, identity for
// objects, and a bail wherever QuickJS would call user code (ToPrimitive on an object).

import { alloc, bail, isObj, OBJECT_PROTO_NAMES, prim, toKey } from './machine';
import { no, type Ex } from './scope';

export function add(a: unknown, b: unknown): unknown {
  const x = prim(a);
  const y = prim(b);
  const r: unknown = (x as number) + (y as number);
  if (typeof r === 'string') alloc(r.length);
  return r;
}

export const ARITH: Record<string, (a: never, b: never) => unknown> = {
  '-': (a: number, b: number) => a - b,
  '*': (a: number, b: number) => a * b,
  '/': (a: number, b: number) => a / b,
  '%': (a: number, b: number) => a % b,
  '<': (a: number, b: number) => a < b,
  '>': (a: number, b: number) => a > b,
  '<=': (a: number, b: number) => a <= b,
  '>=': (a: number, b: number) => a >= b,
  '&': (a: number, b: number) => a & b,
  '|': (a: number, b: number) => a | b,
  '^': (a: number, b: number) => a ^ b,
  '<<': (a: number, b: number) => a << b,
  '>>': (a: number, b: number) => a >> b,
  '>>>': (a: number, b: number) => a >>> b,
};

function isObjectLike(v: unknown): boolean {
  return (typeof v === 'object' && v !== null) || typeof v === 'function';
}

function looseEquals(a: unknown, b: unknown): boolean {
  const oa = isObjectLike(a);
  const ob = isObjectLike(b);
  if (oa && ob) return a === b;
  if (oa || ob) {
    if (a == null || b == null) return false; // an object never equals null / undefined
    return bail(); // ToPrimitive would run user code
  }
  return a == b;
}

export function binary(op: string, left: Ex, right: Ex): Ex {
  switch (op) {
    case '+':
      return (env) => add(left(env), right(env));
    case '===':
      return (env) => left(env) === right(env);
    case '!==':
      return (env) => left(env) !== right(env);
    case '==':
      return (env) => looseEquals(left(env), right(env));
    case '!=':
      return (env) => !looseEquals(left(env), right(env));
    case 'in':
      return (env) => {
        const k = toKey(prim(left(env)));
        const o = right(env);
        if (!isObj(o) || OBJECT_PROTO_NAMES.has(k)) return bail();
        return k in o;
      };
  }
  const f = ARITH[op] as ((a: unknown, b: unknown) => unknown) | undefined;
  if (!f) return no(`uses the operator ${op}`);
  return (env) => f(prim(left(env)), prim(right(env)));
}
