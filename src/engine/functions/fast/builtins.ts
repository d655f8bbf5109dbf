// The only methods and globals fast-path code can reach. Each one gives QuickJS's answer for
// the arguments it accepts (primitives, or the fast path's own objects where listed) and
// bails otherwise; its poll cost is the one QuickJS charges for a call of a C function (1),
// charged by callValue / the method-call site. Host methods are called only with primitive
// arguments, so they can never call back into user code.

import {
  alloc,
  bail,
  Builtin,
  callValue,
  FastFn,
  isObj,
  Namespace,
  newObj,
  prim,
  R,
  readProp,
  Special,
  str,
  type Obj,
} from './machine';
import { READ_DATE, READ_RANDOM } from '../wire';

const num = (v: unknown): number => Number(prim(v));
const optStr = (v: unknown): string | undefined => (v === undefined ? undefined : str(v));
const optNum = (v: unknown): number | undefined => (v === undefined ? undefined : num(v));

function counted<T extends string | unknown[]>(v: T): T {
  alloc(typeof v === 'string' ? v.length : 8 * v.length);
  return v;
}

/** A result that may be large: refuse before the host builds it. */
function sized(chars: number): void {
  if (!(chars >= 0) || chars > 256 * 1024) bail();
  alloc(chars);
}

export const STRING_METHODS: Record<string, (s: string, a: unknown[], argc: number) => unknown> = {
  charAt: (s, a) => s.charAt(optNum(a[0]) ?? 0),
  charCodeAt: (s, a) => s.charCodeAt(optNum(a[0]) ?? 0),
  codePointAt: (s, a) => s.codePointAt(optNum(a[0]) ?? 0),
  endsWith: (s, a) => s.endsWith(str(a[0]), optNum(a[1])),
  startsWith: (s, a) => s.startsWith(str(a[0]), optNum(a[1])),
  includes: (s, a) => s.includes(str(a[0]), optNum(a[1])),
  indexOf: (s, a) => s.indexOf(str(a[0]), optNum(a[1])),
  lastIndexOf: (s, a) => s.lastIndexOf(str(a[0]), optNum(a[1])),
  slice: (s, a) => counted(s.slice(optNum(a[0]), optNum(a[1]))),
  substring: (s, a) => counted(s.substring(optNum(a[0]) ?? 0, optNum(a[1]))),
  substr: (s, a) => counted(s.substr(optNum(a[0]) ?? 0, optNum(a[1]))),
  toLowerCase: (s) => counted(s.toLowerCase()),
  toUpperCase: (s) => counted(s.toUpperCase()),
  trim: (s) => counted(s.trim()),
  trimStart: (s) => counted(s.trimStart()),
  trimEnd: (s) => counted(s.trimEnd()),
  toString: (s: string) => s,
  valueOf: (s: string) => s,
  concat: (s, a, argc) => {
    let out = s;
    for (let i = 0; i < argc; i++) out += str(a[i]);
    sized(out.length);
    return out;
  },
  split: (s, a) => {
    if (a[0] === undefined) return counted([s]);
    const sep = str(a[0]);
    return counted(s.split(sep, optNum(a[1])));
  },
  replace: (s, a) => {
    const pattern = str(a[0]);
    const replacement = str(a[1]);
    sized(s.length + replacement.length * 2);
    return s.replace(pattern, replacement);
  },
  replaceAll: (s, a) => {
    const pattern = str(a[0]);
    const replacement = str(a[1]);
    sized((s.length + 1) * (replacement.length + 1));
    return s.replaceAll(pattern, replacement);
  },
  padStart: (s, a) => {
    const n = num(a[0]);
    sized(n);
    return s.padStart(n, optStr(a[1]));
  },
  padEnd: (s, a) => {
    const n = num(a[0]);
    sized(n);
    return s.padEnd(n, optStr(a[1]));
  },
  repeat: (s, a) => {
    const n = num(a[0]);
    sized(s.length * n);
    return s.repeat(n);
  },
};

/** Every element a primitive: join and the default sort convert them with ToString. */
function primitives(arr: unknown[]): void {
  for (const v of arr) prim(v);
}

export const ARRAY_METHODS: Record<string, (arr: unknown[], a: unknown[], argc: number) => unknown> = {
  push: (arr, a, argc) => {
    alloc(8 * argc);
    for (let i = 0; i < argc; i++) arr.push(a[i]);
    return arr.length;
  },
  pop: (arr) => arr.pop(),
  shift: (arr) => arr.shift(),
  unshift: (arr, a, argc) => {
    alloc(8 * argc);
    arr.unshift(...a.slice(0, argc));
    return arr.length;
  },
  join: (arr, a) => {
    const sep = a[0] === undefined ? ',' : str(a[0]);
    let chars = sep.length * arr.length;
    for (const v of arr) {
      prim(v);
      if (typeof v === 'string') chars += v.length;
      else chars += 24;
    }
    sized(chars);
    return arr.join(sep);
  },
  indexOf: (arr, a) => arr.indexOf(a[0], optNum(a[1])),
  lastIndexOf: (arr, a, argc) => (argc > 1 ? arr.lastIndexOf(a[0], num(a[1])) : arr.lastIndexOf(a[0])),
  includes: (arr, a) => arr.includes(a[0], optNum(a[1])),
  slice: (arr, a) => counted(arr.slice(optNum(a[0]), optNum(a[1]))),
  concat: (arr, a, argc) => {
    for (let i = 0; i < argc; i++) if (!Array.isArray(a[i])) prim(a[i]);
    return counted(arr.concat(...a.slice(0, argc)));
  },
  reverse: (arr) => arr.reverse(),
  sort: (arr, a, argc) => {
    if (argc > 0 && a[0] !== undefined) bail(); // a comparator: QuickJS calls it in its own order
    primitives(arr);
    return arr.sort();
  },
  forEach: (arr, a) => {
    const f = a[0];
    if (!(f instanceof FastFn)) bail();
    const len = arr.length;
    for (let i = 0; i < len && i < arr.length; i++) callValue(f, [arr[i], i, arr], 3);
    return undefined;
  },
};

export const NUMBER_METHODS: Record<string, (n: number, a: unknown[], argc: number) => unknown> = {
  toString: (n: number, a: unknown[]) => {
    if (a[0] !== undefined && a[0] !== 10 && !Number.isInteger(n)) bail(); // digits differ by engine
    return n.toString(optNum(a[0]));
  },
  toFixed: (n, a) => n.toFixed(optNum(a[0])),
  valueOf: (n: number) => n,
};

/** JSON.stringify's input, checked: only data the host prints exactly as QuickJS does. */
function checkJson(v: unknown, depth: number, budget: { chars: number }): void {
  if (depth > 32) bail();
  if ((budget.chars -= 8) < 0) bail();
  if (typeof v === 'string') {
    if ((budget.chars -= v.length) < 0) bail();
    return;
  }
  if (v === null || typeof v !== 'object') return;
  if (Array.isArray(v)) {
    for (const x of v) checkJson(x, depth + 1, budget);
    return;
  }
  if (!isObj(v)) return bail(); // functions and namespaces
  for (const k of Object.keys(v)) {
    if (k === 'toJSON') bail();
    budget.chars -= k.length;
    checkJson(readProp(v, k), depth + 1, budget); // runs getters, as QuickJS's stringify would
  }
}

function peekSpecial(v: Special): unknown {
  const s = v as unknown as { printed?: unknown; value?: unknown };
  return 'printed' in s ? s.printed : s.value;
}

/** Host JSON.parse output rebuilt from objects without prototypes. */
function adopt(v: unknown): unknown {
  if (Array.isArray(v)) {
    alloc(8 * v.length);
    return v.map(adopt);
  }
  if (v !== null && typeof v === 'object') {
    const o = newObj();
    for (const [k, x] of Object.entries(v)) {
      alloc(16 + k.length);
      o[k] = adopt(x);
    }
    return o;
  }
  return v;
}

// Mulberry32, exactly as preludeCore.ts seeds and steps it (the same numbers per request).
export const RANDOM = { state: 0, now: 0, seedOf: null as (() => number) | null };
function random(): number {
  R.flags |= READ_RANDOM;
  if (RANDOM.seedOf) {
    // the wire carries the seed as String(seed >>> 0) and the prelude takes it | 0
    RANDOM.state = (RANDOM.seedOf() >>> 0) | 0;
    RANDOM.seedOf = null;
  }
  R.units += 2; // the prelude's Math.random is JavaScript calling Math.imul twice
  let t = (RANDOM.state = (RANDOM.state + 0x6d2b79f5) | 0);
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

const fn = (name: string, impl: (a: unknown[], argc: number) => unknown) => new Builtin(name, impl);
const math1 = (f: (x: number) => number) => (a: unknown[]) => f(num(a[0]));
const mathN = (f: (...x: number[]) => number) => (a: unknown[], argc: number) => {
  const xs: number[] = [];
  for (let i = 0; i < argc; i++) xs.push(num(a[i]));
  return f(...xs);
};

function objectKeys(a: unknown[]): unknown {
  const o = a[0];
  if (typeof o === 'string' || Array.isArray(o) || isObj(o)) return counted(Object.keys(o));
  if (typeof o === 'number' || typeof o === 'boolean') return counted([]);
  return bail();
}

export const GLOBALS: Record<string, unknown> = {
  undefined: undefined,
  NaN: NaN,
  Infinity: Infinity,
  Object: new Namespace('Object', {
    keys: fn('keys', objectKeys),
  }),
  Array: new Namespace('Array', {
    isArray: fn('isArray', (a) => Array.isArray(a[0])),
  }),
  Math: new Namespace('Math', {
    floor: fn('floor', math1(Math.floor)),
    ceil: fn('ceil', math1(Math.ceil)),
    round: fn('round', math1(Math.round)),
    abs: fn('abs', math1(Math.abs)),
    trunc: fn('trunc', math1(Math.trunc)),
    sign: fn('sign', math1(Math.sign)),
    sqrt: fn('sqrt', math1(Math.sqrt)),
    min: fn('min', mathN(Math.min)),
    max: fn('max', mathN(Math.max)),
    random: fn('random', random),
    PI: Math.PI,
    E: Math.E,
  }),
  JSON: new Namespace('JSON', {
    stringify: fn('stringify', (a, argc) => {
      if (argc > 1 && (a[1] !== undefined || a[2] !== undefined)) bail();
      checkJson(a[0], 0, { chars: 256 * 1024 });
      // tracked fields stay Specials after a read: print their value (without a second read)
      const out = JSON.stringify(a[0], (_k, v: unknown) => (v instanceof Special ? peekSpecial(v) : v));
      if (out !== undefined) alloc(out.length);
      return out;
    }),
    parse: fn('parse', (a, argc) => {
      if (argc > 1) bail();
      const text = str(a[0]);
      alloc(text.length);
      return adopt(JSON.parse(text));
    }),
  }),
  Date: new Namespace('Date', {
    now: fn('now', () => {
      R.flags |= READ_DATE;
      return RANDOM.now;
    }),
  }),
  String: fn('String', (a, argc) => (argc === 0 ? '' : str(a[0]))),
  Number: fn('Number', (a, argc) => (argc === 0 ? 0 : num(a[0]))),
  parseInt: fn('parseInt', (a) => parseInt(str(a[0]), optNum(a[1]))),
  parseFloat: fn('parseFloat', (a) => parseFloat(str(a[0]))),
  isNaN: fn('isNaN', (a) => isNaN(num(a[0]))),
  isFinite: fn('isFinite', (a) => isFinite(num(a[0]))),
  encodeURIComponent: fn('encodeURIComponent', (a) => counted(encodeURIComponent(str(a[0])))),
  decodeURIComponent: fn('decodeURIComponent', (a) => decodeURIComponent(str(a[0]))),
  encodeURI: fn('encodeURI', (a) => counted(encodeURI(str(a[0])))),
  decodeURI: fn('decodeURI', (a) => decodeURI(str(a[0]))),
};

/** obj.name(...args): the method for this receiver, or a bail. Charges the call's poll. */
export function callMethod(self: unknown, name: string, a: unknown[], argc: number): unknown {
  if (typeof self === 'string') {
    const m = STRING_METHODS[name];
    if (!m || !Object.prototype.hasOwnProperty.call(STRING_METHODS, name)) return bail();
    R.units++;
    return m(self, a, argc);
  }
  if (Array.isArray(self)) {
    const m = ARRAY_METHODS[name];
    if (!m || !Object.prototype.hasOwnProperty.call(ARRAY_METHODS, name)) return bail();
    R.units++;
    return m(self, a, argc);
  }
  if (typeof self === 'number') {
    const m = NUMBER_METHODS[name];
    if (!m || !Object.prototype.hasOwnProperty.call(NUMBER_METHODS, name)) return bail();
    R.units++;
    return m(self, a, argc);
  }
  if (isObj(self)) {
    if (Object.prototype.hasOwnProperty.call(self, name))
      return callValue(readProp(self as Obj, name), a, argc);
    if (name === 'hasOwnProperty') {
      R.units++;
      return Object.prototype.hasOwnProperty.call(self, str(a[0]));
    }
    return bail();
  }
  if (self instanceof Namespace) {
    if (!Object.prototype.hasOwnProperty.call(self.members, name)) return bail();
    return callValue(self.members[name], a, argc);
  }
  return bail();
}
