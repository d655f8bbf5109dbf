// What the fast-path compiler shares between expressions and statements: the refusal that
// sends a function to QuickJS, compile-time scopes (every name resolved to a frame slot), and
// variable reads and writes with let/const's temporal dead zone.

import type { AnyNode } from '../sourceCheck';
import { GLOBALS } from './builtins';
import { bail, type Env, type FastFn } from './machine';

export class NotEligible extends Error {}
export const no = (why: string): never => {
  throw new NotEligible(why);
};

export type Ex = (env: Env) => unknown;
/** statement result: 0 normal, 1 return (value in R.ret), 2 break, 3 continue */
export type St = (env: Env) => number;

export const TDZ: unique symbol = Symbol('tdz');
export type Kind = 'var' | 'let' | 'const' | 'param' | 'function';

export class Scope {
  readonly names = new Map<string, { slot: number; kind: Kind }>();
  constructor(readonly parent: Scope | null) {}
  declare(name: string, kind: Kind): number {
    const had = this.names.get(name);
    if (had) {
      if (had.kind === 'var' && kind === 'var') return had.slot;
      return no(`"${name}" is declared twice in one function`);
    }
    const slot = this.names.size;
    this.names.set(name, { slot, kind });
    return slot;
  }
}

export interface Ctx {
  scope: Scope;
  /** loops around the current point, within the current function */
  loops: number;
  /** compiles a nested function (compile.ts; passed in so expressions need not import it) */
  makeFunction: (parent: Scope, node: AnyNode) => (env: Env) => FastFn;
}

export const n = (x: unknown) => x as AnyNode;
export const nodes = (x: unknown) => x as AnyNode[];

export function resolve(ctx: Ctx, name: string): { hops: number; slot: number; kind: Kind } | undefined {
  let hops = 0;
  for (let s: Scope | null = ctx.scope; s; s = s.parent, hops++) {
    const e = s.names.get(name);
    if (e) return { hops, slot: e.slot, kind: e.kind };
  }
  return undefined;
}

export function frameAt(env: Env, hops: number): Env {
  let e = env;
  for (let i = 0; i < hops; i++) e = e.up as Env;
  return e;
}

export function readVar(ctx: Ctx, name: string): Ex {
  const r = resolve(ctx, name);
  if (!r) {
    if (!Object.prototype.hasOwnProperty.call(GLOBALS, name)) return no(`uses the global "${name}"`);
    const g = GLOBALS[name];
    return () => g;
  }
  const { hops, slot } = r;
  const lexical = r.kind === 'let' || r.kind === 'const';
  if (hops === 0)
    return lexical
      ? (env) => {
          const v = env.v[slot];
          return v === TDZ ? bail() : v;
        }
      : (env) => env.v[slot];
  if (hops === 1 && !lexical) return (env) => (env.up as Env).v[slot];
  return (env) => {
    const v = frameAt(env, hops).v[slot];
    return v === TDZ ? bail() : v;
  };
}

export function writeVar(ctx: Ctx, name: string, init = false): (env: Env, v: unknown) => void {
  const r = resolve(ctx, name);
  if (!r) return no(`assigns the global "${name}"`);
  if (r.kind === 'const' && !init) return no(`assigns the constant "${name}"`);
  const { hops, slot } = r;
  const lexical = r.kind === 'let' && !init;
  return (env, v) => {
    const f = frameAt(env, hops);
    if (lexical && f.v[slot] === TDZ) bail();
    f.v[slot] = v;
  };
}
