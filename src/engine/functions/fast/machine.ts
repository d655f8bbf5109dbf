// The fast path's value model and run state (see fastHandler.ts for why it exists).
//
// Sandbox by construction: user code never holds a host function or a host object with a
// prototype. Its objects are null-prototype host objects, its arrays host arrays it can only
// index, its functions FastFn records that only this interpreter can call, and every method
// it can reach is an entry of a table in builtins.ts. Anything outside that model — and
// every error, limit or situation whose exact QuickJS behaviour is not reproduced here —
// throws BAIL, and the invocation is run again from scratch in QuickJS, which has the
// authoritative answer. A bail costs one QuickJS call; it can never change a result.

/** Thrown to hand the invocation to QuickJS. */
export const BAIL: unique symbol = Symbol('bail');
export function bail(): never {
  throw BAIL;
}

export interface Env {
  v: unknown[];
  up: Env | null;
}

/** A function written by the user: its compiled body and the frame it closes over. */
export class FastFn {
  constructor(
    readonly call: (args: unknown[], argc: number) => unknown,
    readonly isAsync: boolean,
  ) {}
}

/** A host-implemented function the sandbox can call but never look inside. */
export class Builtin {
  constructor(
    readonly name: string,
    readonly impl: (args: unknown[], argc: number) => unknown,
  ) {}
}

/** A global namespace such as Math or Object: only its listed members exist. */
export class Namespace {
  constructor(
    readonly name: string,
    readonly members: Record<string, unknown>,
  ) {}
}

/**
 * A property with behaviour, held as the property's value in an Obj: the event's lazy maps and
 * read-tracked fields (event.ts), which QuickJS's bridge implements as accessors. Every read
 * and write of an Obj property goes through getMember / setMember / readProp, which call it.
 */
export abstract class Special {
  abstract get(owner: Obj, key: string): unknown;
  abstract set(owner: Obj, key: string, v: unknown): void;
}

/** Per-invocation counters. One invocation runs at a time (the engine is synchronous). */
export const R = {
  /** poll points, counted as QuickJS counts them (calls, branches, loop back-edges) */
  units: 0,
  /** characters and slots allocated (the memory estimate) */
  bytes: 0,
  depth: 0,
  /** the READ_* bits (wire.ts) the bridge would report */
  flags: 0,
  ret: undefined as unknown,
  /** the last statement left by a jump onto a goto, which is then not charged (compile.ts) */
  jumped: false,
};

/** Past these the invocation goes to QuickJS, whose limits then decide (503 or a result). */
export const FAST_LIMITS = {
  /** CloudFront Functions' compute budget in poll points (limits.ts computeBudgetUnits) */
  units: 20_000,
  /** well under the 2 MB function memory: big data is QuickJS's business */
  bytes: 512 * 1024,
  /** far below QuickJS's stack limit, and below anything that could strain the host stack */
  depth: 48,
};

export function poll(n: number): void {
  if ((R.units += n) > FAST_LIMITS.units) bail();
}

export function alloc(n: number): void {
  if ((R.bytes += n) > FAST_LIMITS.bytes) bail();
}

export type Obj = Record<string, unknown>;

/**
 * The class of user objects. Its prototype is empty, frozen and has no prototype itself, so a
 * user object inherits nothing (no constructor, no __proto__ accessor), like Object.create(null),
 * while V8 keeps these objects in its fast shape-based mode.
 */
class UserObject {}
Reflect.deleteProperty(UserObject.prototype, 'constructor');
Object.setPrototypeOf(UserObject.prototype, null);
Object.freeze(UserObject.prototype);

export function newObj(): Obj {
  alloc(32);
  return new UserObject() as unknown as Obj;
}

export const isObj = (v: unknown): v is Obj => v instanceof UserObject;

/** Names every plain object inherits in QuickJS; ours have no prototype, so reading one bails. */
export const OBJECT_PROTO_NAMES = new Set([
  'constructor',
  '__proto__',
  'toString',
  'toLocaleString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
]);

export function typeOf(v: unknown): string {
  if (v instanceof FastFn || v instanceof Builtin) return 'function';
  if (v instanceof Namespace) return 'object';
  return typeof v;
}

/** ToPropertyKey for the keys the fast path accepts (strings and numbers). */
export function toKey(k: unknown): string {
  if (typeof k === 'string') return k;
  if (typeof k === 'number') return String(k);
  return bail();
}

/** An array index, or -1. */
export function indexOf(k: unknown): number {
  if (typeof k === 'number') return Number.isInteger(k) && k >= 0 && k < 4294967295 ? k : -1;
  if (
    typeof k === 'string' &&
    k.length > 0 &&
    k.length < 11 &&
    (k === '0' || (k[0] !== '0' && /^\d+$/.test(k)))
  ) {
    const n = Number(k);
    return n < 4294967295 ? n : -1;
  }
  return -1;
}

/** obj[key] with JavaScript's answer for every value the fast path can hold. */
export function getMember(o: unknown, k: unknown): unknown {
  if (typeof o === 'string') {
    if (k === 'length') return o.length;
    const i = indexOf(k);
    if (i >= 0) return i < o.length ? o[i] : undefined;
    return bail(); // a method as a value, or a name we do not model
  }
  if (Array.isArray(o)) {
    if (k === 'length') return o.length;
    const i = indexOf(k);
    if (i >= 0) return i < o.length ? (o[i] as unknown) : undefined;
    return bail();
  }
  if (isObj(o)) {
    const key = toKey(k);
    const v = o[key];
    if (v instanceof Special) return v.get(o, key);
    if (v === undefined && OBJECT_PROTO_NAMES.has(key) && !Object.prototype.hasOwnProperty.call(o, key))
      return bail();
    return v;
  }
  if (o instanceof Namespace) {
    const key = toKey(k);
    if (Object.prototype.hasOwnProperty.call(o.members, key)) return o.members[key];
    return bail();
  }
  return bail(); // undefined / null (a TypeError), numbers, booleans, functions
}

export function setMember(o: unknown, k: unknown, v: unknown): void {
  if (isObj(o)) {
    const key = toKey(k);
    if (key === '__proto__') bail(); // the prototype setter in QuickJS
    const cur = o[key];
    if (cur instanceof Special) return cur.set(o, key, v);
    if (cur === undefined && !Object.prototype.hasOwnProperty.call(o, key)) alloc(16 + key.length);
    o[key] = v;
    return;
  }
  if (Array.isArray(o)) {
    const i = indexOf(k);
    if (i < 0 || i > o.length) bail(); // 'length', named properties, holes
    if (i === o.length) alloc(8);
    o[i] = v;
    return;
  }
  bail(); // strict mode: a TypeError on primitives, undefined and null
}

/** An own property as user code would read it (Specials run), for host-side readers. */
export function readProp(o: Obj, key: string): unknown {
  const v = o[key];
  return v instanceof Special ? v.get(o, key) : v;
}

export function deleteMember(o: unknown, k: unknown): boolean {
  if (!isObj(o)) return bail();
  // deleting a name the object only inherits is a no-op that answers true, in both worlds
  return delete o[toKey(k)];
}

/** A primitive operand, or a bail: objects would run user toString/valueOf in QuickJS. */
export function prim(v: unknown): string | number | boolean | null | undefined {
  if (v === null || (typeof v !== 'object' && typeof v !== 'function')) return v as never;
  return bail();
}

export function str(v: unknown): string {
  const p = prim(v);
  return typeof p === 'string' ? p : String(p);
}

export function truthy(v: unknown): boolean {
  return !!v; // objects of every kind are truthy in both worlds
}

export function callValue(f: unknown, args: unknown[], argc: number): unknown {
  if (f instanceof FastFn) {
    if (f.isAsync) bail(); // a promise inside user code: not modelled here
    if (++R.depth > FAST_LIMITS.depth) bail();
    poll(1);
    try {
      return f.call(args, argc);
    } finally {
      R.depth--;
    }
  }
  if (f instanceof Builtin) {
    poll(1);
    return f.impl(args, argc);
  }
  return bail(); // not a function: QuickJS throws a TypeError
}
