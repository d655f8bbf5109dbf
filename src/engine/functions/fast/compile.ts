// Compiles a CloudFront Function's syntax tree into host closures over the fast path's value
// model (machine.ts), or says why it cannot. The accepted language is the part of ES5/ES2015
// that bulk traffic functions use: declarations, if/loops, calls, object and array literals,
// templates, the usual operators, and the builtins of builtins.ts. Everything else (try,
// switch, classes, regexes, modules, await, this, labels...) is refused at compile time and
// the function simply runs in QuickJS. Poll points are charged where QuickJS charges them
// (measured; see fastPath.test.ts): each call, each conditional jump, each loop back-edge,
// and the jump over an else branch.

import type { Program } from 'acorn';
import type { AnyNode } from '../sourceCheck';
import { callMethod, GLOBALS } from './builtins';
import {
  bail,
  callValue,
  deleteMember,
  FastFn,
  getMember,
  isObj,
  newObj,
  alloc,
  OBJECT_PROTO_NAMES,
  poll,
  prim,
  R,
  setMember,
  str,
  toKey,
  typeOf,
  type Env,
} from './machine';

export class NotEligible extends Error {}
const no = (why: string): never => {
  throw new NotEligible(why);
};

type Ex = (env: Env) => unknown;
/** statement result: 0 normal, 1 return (value in R.ret), 2 break, 3 continue */
type St = (env: Env) => number;

const TDZ: unique symbol = Symbol('tdz');
type Kind = 'var' | 'let' | 'const' | 'param' | 'function';

class Scope {
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

interface Ctx {
  scope: Scope;
  /** loops around the current point, within the current function */
  loops: number;
}

const n = (x: unknown) => x as AnyNode;
const nodes = (x: unknown) => x as AnyNode[];

function resolve(ctx: Ctx, name: string): { hops: number; slot: number; kind: Kind } | undefined {
  let hops = 0;
  for (let s: Scope | null = ctx.scope; s; s = s.parent, hops++) {
    const e = s.names.get(name);
    if (e) return { hops, slot: e.slot, kind: e.kind };
  }
  return undefined;
}

function frameAt(env: Env, hops: number): Env {
  let e = env;
  for (let i = 0; i < hops; i++) e = e.up as Env;
  return e;
}

function readVar(ctx: Ctx, name: string): Ex {
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

function writeVar(ctx: Ctx, name: string, init = false): (env: Env, v: unknown) => void {
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

function propertyKey(prop: AnyNode): string {
  const key = n(prop.key);
  if (!prop.computed && key.type === 'Identifier') return key.name as string;
  if (key.type === 'Literal' && (typeof key.value === 'string' || typeof key.value === 'number'))
    return String(key.value);
  return no('uses an unusual property key');
}

function add(a: unknown, b: unknown): unknown {
  const x = prim(a);
  const y = prim(b);
  const r: unknown = (x as number) + (y as number);
  if (typeof r === 'string') alloc(r.length);
  return r;
}

const ARITH: Record<string, (a: never, b: never) => unknown> = {
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

function binary(op: string, left: Ex, right: Ex): Ex {
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

function compileArgs(ctx: Ctx, args: AnyNode[]): (env: Env) => unknown[] {
  const parts = args.map((a) => (a.type === 'SpreadElement' ? no('spreads arguments') : expr(ctx, a)));
  const count = parts.length;
  if (count === 0) return () => [];
  if (count === 1) {
    const p0 = parts[0];
    return (env) => [p0(env)];
  }
  return (env) => {
    const out = new Array<unknown>(count);
    for (let i = 0; i < count; i++) out[i] = parts[i](env);
    return out;
  };
}

/**
 * An assignment target. `o[a][b] = v` (or `o[a].b = v`) is refused: with a = '__proto__' it
 * pollutes a prototype in QuickJS, whose state then outlives the invocation (cacheSafety.ts's
 * known gap), and fast-path objects, which have no prototype, could not follow.
 */
function targetOf(ctx: Ctx, node: AnyNode): { object: Ex; key: Ex } {
  const object = n(node.object);
  if (object.type === 'MemberExpression' && object.computed) return no('assigns through a computed member');
  return member(ctx, node);
}

function member(ctx: Ctx, node: AnyNode): { object: Ex; key: Ex } {
  if (node.optional) return no('uses optional chaining');
  const object = expr(ctx, n(node.object));
  const prop = n(node.property);
  if (node.computed) return { object, key: expr(ctx, prop) };
  if (prop.type !== 'Identifier') return no('uses a private name');
  const name = prop.name as string;
  return { object, key: () => name };
}

function assignTo(ctx: Ctx, target: AnyNode): { read: Ex; write: (env: Env, v: unknown) => void } {
  if (target.type === 'Identifier') {
    const name = target.name as string;
    return { read: readVar(ctx, name), write: writeVar(ctx, name) };
  }
  return no('assigns to a pattern');
}

function expr(ctx: Ctx, node: AnyNode): Ex {
  switch (node.type) {
    case 'Literal': {
      if (node.regex || node.bigint !== undefined) return no('uses a regular expression or BigInt literal');
      const v = node.value;
      return () => v;
    }
    case 'TemplateLiteral': {
      const quasis = nodes(node.quasis).map((q) => {
        const cooked = (q.value as { cooked: string | null }).cooked;
        return cooked ?? no('has an invalid escape in a template');
      });
      const parts = nodes(node.expressions).map((e) => expr(ctx, e));
      if (parts.length === 0) {
        const s = quasis[0];
        return () => s;
      }
      return (env) => {
        poll(1); // QuickJS builds templates with a call to concat
        let s = quasis[0];
        for (let i = 0; i < parts.length; i++) s += str(parts[i](env)) + quasis[i + 1];
        alloc(s.length);
        return s;
      };
    }
    case 'Identifier':
      return readVar(ctx, node.name as string);
    case 'MemberExpression': {
      const { object, key } = member(ctx, node);
      return (env) => getMember(object(env), key(env));
    }
    case 'CallExpression': {
      if (node.optional) return no('uses optional chaining');
      const callee = n(node.callee);
      const args = compileArgs(ctx, nodes(node.arguments));
      const argc = nodes(node.arguments).length;
      if (callee.type === 'MemberExpression') {
        const { object, key } = member(ctx, callee);
        return (env) => {
          const self = object(env);
          const name = toKey(key(env));
          return callMethod(self, name, args(env), argc);
        };
      }
      if (callee.type === 'Identifier') {
        const f = readVar(ctx, callee.name as string);
        return (env) => callValue(f(env), args(env), argc);
      }
      return no('calls an expression');
    }
    case 'AssignmentExpression': {
      const op = node.operator as string;
      const target = n(node.left);
      const value = expr(ctx, n(node.right));
      const combine =
        op === '='
          ? undefined
          : op === '+='
            ? add
            : (ARITH[op.slice(0, -1)] as ((a: unknown, b: unknown) => unknown) | undefined);
      if (op !== '=' && (!combine || op.length < 2)) return no(`uses the operator ${op}`);
      const comb = combine as ((a: unknown, b: unknown) => unknown) | undefined;
      if (target.type === 'MemberExpression') {
        const { object, key } = targetOf(ctx, target);
        return (env) => {
          const o = object(env);
          const k = key(env);
          const v = comb ? comb(prim(getMember(o, k)), prim(value(env))) : value(env);
          setMember(o, k, v);
          return v;
        };
      }
      const { read, write } = assignTo(ctx, target);
      return (env) => {
        const v = comb ? comb(prim(read(env)), prim(value(env))) : value(env);
        write(env, v);
        return v;
      };
    }
    case 'UpdateExpression': {
      const delta = node.operator === '++' ? 1 : -1;
      const prefix = node.prefix === true;
      const target = n(node.argument);
      if (target.type === 'MemberExpression') {
        const { object, key } = targetOf(ctx, target);
        return (env) => {
          const o = object(env);
          const k = key(env);
          const old = Number(prim(getMember(o, k)));
          setMember(o, k, old + delta);
          return prefix ? old + delta : old;
        };
      }
      const { read, write } = assignTo(ctx, target);
      return (env) => {
        const old = Number(prim(read(env)));
        write(env, old + delta);
        return prefix ? old + delta : old;
      };
    }
    case 'BinaryExpression':
      if (n(node.left).type === 'PrivateIdentifier') return no('uses a private name');
      return binary(node.operator as string, expr(ctx, n(node.left)), expr(ctx, n(node.right)));
    case 'LogicalExpression': {
      // a && b && c: QuickJS threads the jumps, so the first operand that decides costs
      // one poll point and ends the chain
      const op = node.operator as string;
      if (op !== '&&' && op !== '||') return no(`uses the operator ${op}`);
      const operands = chain(node, op).map((x) => expr(ctx, x));
      const last = operands.length - 1;
      const and = op === '&&';
      return (env) => {
        for (let i = 0; i < last; i++) {
          poll(1);
          const v = operands[i](env);
          if (and ? !v : v) return v;
        }
        return operands[last](env);
      };
    }
    case 'UnaryExpression': {
      const op = node.operator as string;
      if (op === 'delete') {
        const target = n(node.argument);
        if (target.type !== 'MemberExpression') return no('deletes a variable');
        const { object, key } = member(ctx, target);
        return (env) => deleteMember(object(env), key(env));
      }
      const arg = expr(ctx, n(node.argument));
      switch (op) {
        case '!':
          return (env) => !arg(env);
        case '-':
          return (env) => -(prim(arg(env)) as number);
        case '+':
          return (env) => +(prim(arg(env)) as number);
        case '~':
          return (env) => ~(prim(arg(env)) as number);
        case 'typeof':
          return (env) => typeOf(arg(env));
        case 'void':
          return (env) => void arg(env);
      }
      return no(`uses the operator ${op}`);
    }
    case 'ConditionalExpression': {
      const consType = n(node.consequent).type;
      if (consType === 'ConditionalExpression' || consType === 'LogicalExpression')
        return no('nests a condition in the first branch of ?:'); // threaded jumps, see stmt()
      const cond = test(ctx, n(node.test));
      const then = expr(ctx, n(node.consequent));
      const otherwise = expr(ctx, n(node.alternate));
      return (env) => {
        if (cond(env)) {
          const v = then(env);
          poll(1); // the jump over the alternative
          return v;
        }
        return otherwise(env);
      };
    }
    case 'ObjectExpression': {
      const props = nodes(node.properties).map((p) => {
        if (p.type !== 'Property' || p.kind !== 'init' || p.method)
          return no('uses a method, accessor or spread in an object');
        const value = expr(ctx, n(p.value));
        if (p.computed) {
          const key = expr(ctx, n(p.key));
          return { key: (env: Env) => toKey(prim(key(env))), value };
        }
        const k = propertyKey(p);
        if (k === '__proto__') return no('sets __proto__ in an object literal');
        return { key: () => k, value };
      });
      return (env) => {
        const o = newObj();
        for (const p of props) setMember(o, p.key(env), p.value(env));
        return o;
      };
    }
    case 'ArrayExpression': {
      const items = nodes(node.elements).map((e) =>
        e === null || e.type === 'SpreadElement' ? no('has a hole or a spread in an array') : expr(ctx, e),
      );
      return (env) => {
        alloc(16 + 8 * items.length);
        const a = new Array<unknown>(items.length);
        for (let i = 0; i < items.length; i++) a[i] = items[i](env);
        return a;
      };
    }
    case 'FunctionExpression':
    case 'ArrowFunctionExpression': {
      if (ctx.loops > 0) return no('creates a function inside a loop');
      const make = compileFunction(ctx.scope, node);
      return (env) => make(env);
    }
    case 'SequenceExpression': {
      const parts = nodes(node.expressions).map((e) => expr(ctx, e));
      return (env) => {
        let v: unknown;
        for (const p of parts) v = p(env);
        return v;
      };
    }
  }
  return no(`uses ${node.type}`);
}

/** The operands of a && b && c (left-nested, one operator); mixed nesting is refused. */
function chain(node: AnyNode, op: string): AnyNode[] {
  const left = n(node.left);
  const right = n(node.right);
  if (right.type === 'LogicalExpression' || (left.type === 'LogicalExpression' && left.operator !== op))
    return no('mixes && and || without a simple chain');
  return left.type === 'LogicalExpression' ? [...chain(left, op), right] : [n(node.left), right];
}

/** A condition (if, ?:, loops): QuickJS jumps on it directly, see the poll notes below. */
function test(ctx: Ctx, node: AnyNode): (env: Env) => boolean {
  if (node.type === 'Literal') return no('tests a constant'); // QuickJS folds it away
  if (node.type === 'LogicalExpression' && (node.operator === '&&' || node.operator === '||')) {
    const and = node.operator === '&&';
    const operands = chain(node, node.operator as string).map((x) => expr(ctx, x));
    const last = operands.length - 1;
    return (env) => {
      for (let i = 0; i < last; i++) {
        poll(1);
        const v = operands[i](env);
        // a falsy operand of && jumps straight to the else branch (threaded jump)
        if (and && !v) return false;
        if (!and && v) {
          poll(1); // || keeps the value and tests it once more
          return true;
        }
      }
      poll(1);
      return !!operands[last](env);
    };
  }
  if (
    node.type === 'UnaryExpression' &&
    node.operator === '!' &&
    n(node.argument).type === 'LogicalExpression'
  )
    return no('negates a && / || condition');
  if (node.type === 'ConditionalExpression') return no('tests a conditional expression');
  const e = expr(ctx, node);
  return (env) => {
    poll(1);
    return !!e(env);
  };
}

const isJump = (s: AnyNode | null | undefined): boolean => {
  if (!s) return false;
  if (s.type === 'BreakStatement' || s.type === 'ContinueStatement') return true;
  return s.type === 'BlockStatement' && nodes(s.body).length === 1 && isJump(nodes(s.body)[0]);
};

// Jump threading: QuickJS's optimizer sends a jump that lands on a `goto` straight to that
// goto's target, so the goto costs nothing on that path. A statement in "tail" position (the
// next instruction is a goto: the end of a then-branch with an else, of a while body, or just
// before break / continue) sets R.jumped when it left by a jump, and the goto it landed on is
// then not charged. Loops in tail position would need the same care and are refused.
function gotoPoll(): void {
  if (R.jumped) R.jumped = false;
  else poll(1);
}

function stmt(ctx: Ctx, node: AnyNode, tail = false): St {
  if (tail && /^(For|While|DoWhile|ForIn)Statement$/.test(node.type)) return no('ends a branch with a loop');
  switch (node.type) {
    case 'EmptyStatement':
    case 'FunctionDeclaration': // hoisted when the function's frame is made
      return () => 0;
    case 'ExpressionStatement': {
      const e = expr(ctx, n(node.expression));
      return (env) => {
        e(env);
        return 0;
      };
    }
    case 'VariableDeclaration': {
      const decls = nodes(node.declarations).map((d) => {
        const id = n(d.id);
        if (id.type !== 'Identifier') return no('destructures in a declaration');
        const write = writeVar(ctx, id.name as string, true);
        const init = d.init ? expr(ctx, n(d.init)) : undefined;
        const lexical = node.kind !== 'var';
        return { write, init, lexical };
      });
      return (env) => {
        for (const d of decls) {
          if (d.init) d.write(env, d.init(env));
          else if (d.lexical) d.write(env, undefined);
        }
        return 0;
      };
    }
    case 'ReturnStatement': {
      const arg = node.argument ? expr(ctx, n(node.argument)) : undefined;
      return (env) => {
        R.ret = arg ? arg(env) : undefined;
        return 1;
      };
    }
    case 'BlockStatement':
      return block(ctx, nodes(node.body), false, tail);
    case 'IfStatement': {
      const cond = test(ctx, n(node.test));
      const cons = n(node.consequent);
      const alt = node.alternate ? n(node.alternate) : null;
      if (!alt && isJump(cons)) {
        // QuickJS folds `if (c) break;` into one conditional jump
        const signal =
          (cons.type === 'BlockStatement' ? nodes(cons.body)[0] : cons).type === 'BreakStatement' ? 2 : 3;
        if (n(cons.type === 'BlockStatement' ? nodes(cons.body)[0] : cons).label) return no('uses a label');
        return (env) => (cond(env) ? signal : 0);
      }
      if (!alt) {
        const then = stmt(ctx, cons, tail);
        return (env) => {
          if (cond(env)) return then(env);
          R.jumped = tail; // the conditional jump to the end
          return 0;
        };
      }
      const then = stmt(ctx, cons, true);
      const otherwise = stmt(ctx, alt, tail);
      return (env) => {
        if (cond(env)) {
          const s = then(env);
          if (s === 0) {
            if (!R.jumped) poll(1); // the jump over the else branch
            R.jumped = tail;
          }
          return s;
        }
        return otherwise(env);
      };
    }
    case 'BreakStatement':
    case 'ContinueStatement': {
      if (node.label) return no('uses a label');
      if (ctx.loops === 0) return no('breaks outside a loop');
      const signal = node.type === 'BreakStatement' ? 2 : 3;
      return () => {
        gotoPoll();
        return signal;
      };
    }
    case 'ForStatement':
    case 'WhileStatement':
    case 'DoWhileStatement':
      return loop(ctx, node);
    case 'ForInStatement':
      return forIn(ctx, node);
  }
  return no(`uses ${node.type}`);
}

function loop(ctx: Ctx, node: AnyNode): St {
  const init =
    node.type === 'ForStatement' && node.init
      ? n(node.init).type === 'VariableDeclaration'
        ? stmt(ctx, n(node.init))
        : (
            (e: Ex): St =>
            (env) => {
              e(env);
              return 0;
            }
          )(expr(ctx, n(node.init)))
      : undefined;
  const cond = node.test ? test(ctx, n(node.test)) : undefined;
  const update = node.type === 'ForStatement' && node.update ? expr(ctx, n(node.update)) : undefined;
  const inner: Ctx = { scope: ctx.scope, loops: ctx.loops + 1 };
  // a while body (or a for body without update) ends at the back-edge goto
  const bodyTail = node.type === 'WhileStatement' || (node.type === 'ForStatement' && !node.update);
  const body = stmt(inner, n(node.body), bodyTail);
  if (node.type === 'DoWhileStatement') {
    const t = cond as (env: Env) => boolean;
    return (env) => {
      for (;;) {
        const s = body(env);
        if (s === 1) return 1;
        if (s === 2) return 0;
        if (!t(env)) return 0;
      }
    };
  }
  return (env) => {
    if (init) init(env);
    for (;;) {
      if (cond && !cond(env)) return 0;
      const s = body(env);
      if (s === 1) return 1;
      if (s === 2) return 0;
      if (update) update(env);
      gotoPoll(); // the back-edge
    }
  };
}

function forIn(ctx: Ctx, node: AnyNode): St {
  const left = n(node.left);
  let name: string;
  if (left.type === 'VariableDeclaration') {
    const d = nodes(left.declarations);
    if (d.length !== 1 || n(d[0].id).type !== 'Identifier' || d[0].init)
      return no('has an unusual for-in head');
    name = n(d[0].id).name as string;
  } else if (left.type === 'Identifier') name = left.name as string;
  else return no('has an unusual for-in head');
  const write = writeVar(ctx, name, left.type === 'VariableDeclaration');
  const right = expr(ctx, n(node.right));
  const body = stmt({ scope: ctx.scope, loops: ctx.loops + 1 }, n(node.body));
  return (env) => {
    const o = right(env);
    if (!isObj(o)) return bail(); // arrays and strings enumerate at another cost
    const keys = Object.keys(o);
    poll(2); // entering the loop
    for (const k of keys) {
      if (!Object.prototype.hasOwnProperty.call(o, k)) bail(); // deleted mid-loop
      write(env, k);
      const s = body(env);
      if (s === 1) return 1;
      if (s === 2) return 0;
      poll(1); // the back-edge
    }
    poll(1); // the check that ends it
    return 0;
  };
}

/** Declarations of a function body (not of nested functions), hoisted into its frame. */
function hoist(scope: Scope, body: AnyNode[], fnDecls: AnyNode[], top: boolean): void {
  const visit = (s: AnyNode, topLevel: boolean): void => {
    switch (s.type) {
      case 'VariableDeclaration':
        for (const d of nodes(s.declarations)) {
          const id = n(d.id);
          if (id.type !== 'Identifier') no('destructures in a declaration');
          scope.declare(id.name as string, s.kind as Kind);
        }
        return;
      case 'FunctionDeclaration':
        if (!topLevel) no('declares a function inside a block');
        if (s.generator) no('declares a generator');
        scope.declare(n(s.id).name as string, 'function');
        fnDecls.push(s);
        return;
      case 'BlockStatement':
        for (const x of nodes(s.body)) visit(x, false);
        return;
      case 'IfStatement':
        visit(n(s.consequent), false);
        if (s.alternate) visit(n(s.alternate), false);
        return;
      case 'ForStatement':
        if (s.init && n(s.init).type === 'VariableDeclaration') visit(n(s.init), false);
        visit(n(s.body), false);
        return;
      case 'ForInStatement':
        if (n(s.left).type === 'VariableDeclaration') visit(n(s.left), false);
        visit(n(s.body), false);
        return;
      case 'WhileStatement':
      case 'DoWhileStatement':
        visit(n(s.body), false);
        return;
    }
  };
  for (const s of body) visit(s, top);
}

function block(ctx: Ctx, body: AnyNode[], functionBody: boolean, tail = false): St {
  const list = body.filter(
    (s) => !(functionBody && s.type === 'ExpressionStatement' && typeof s.directive === 'string'),
  );
  const parts = list.map((s, i) => {
    const next = list[i + 1];
    const beforeJump =
      next !== undefined && (next.type === 'BreakStatement' || next.type === 'ContinueStatement');
    return stmt(ctx, s, next === undefined ? tail : beforeJump);
  });
  const count = parts.length;
  return (env) => {
    for (let i = 0; i < count; i++) {
      const s = parts[i](env);
      if (s !== 0) return s;
    }
    return 0;
  };
}

/** A function node -> a maker of FastFn closures over a parent frame. */
function compileFunction(parent: Scope, node: AnyNode): (env: Env) => FastFn {
  if (node.generator) return no('declares a generator');
  const scope = new Scope(parent);
  const params = nodes(node.params);
  for (const p of params) {
    if (p.type !== 'Identifier') return no('uses default, rest or destructured parameters');
    scope.declare(p.name as string, 'param');
  }
  const ctx: Ctx = { scope, loops: 0 };
  const fnDecls: AnyNode[] = [];
  const bodyNode = n(node.body);
  const isExpr = bodyNode.type !== 'BlockStatement';
  if (!isExpr) hoist(scope, nodes(bodyNode.body), fnDecls, true);
  const makers = fnDecls.map((d) => ({
    slot: scope.names.get(n(d.id).name as string)?.slot ?? -1,
    make: compileFunction(scope, d),
  }));
  const template: unknown[] = [];
  for (const [, e] of scope.names)
    template[e.slot] = e.kind === 'let' || e.kind === 'const' ? TDZ : undefined;
  const nparams = params.length;
  const bodyExpr = isExpr ? expr(ctx, bodyNode) : undefined;
  const body = isExpr ? undefined : block(ctx, nodes(bodyNode.body), true);
  const isAsync = node.async === true;
  return (up) =>
    new FastFn((args, argc) => {
      alloc(16 + 8 * template.length);
      const v = template.slice();
      for (let i = 0; i < nparams && i < argc; i++) v[i] = args[i];
      const env: Env = { v, up };
      for (const m of makers) v[m.slot] = m.make(env);
      if (bodyExpr) return bodyExpr(env);
      if ((body as St)(env) === 1) {
        const r = R.ret;
        R.ret = undefined;
        return r;
      }
      return undefined;
    }, isAsync);
}

export interface CompiledProgram {
  /** builds the top-level frame of one invocation and returns its handler */
  instantiate(): FastFn;
}

/** Top level: function declarations and declarations of constants and tables only. */
export function compileProgram(ast: Program): CompiledProgram {
  const scope = new Scope(null);
  const body = nodes(ast.body);
  const fnDecls: AnyNode[] = [];
  for (const s of body) {
    if (s.type === 'ExpressionStatement' && typeof s.directive === 'string') continue;
    if (s.type !== 'FunctionDeclaration' && s.type !== 'VariableDeclaration')
      return no(`has ${s.type} at the top level`);
  }
  hoist(scope, body, fnDecls, true);
  const handler = scope.names.get('handler');
  if (!handler) return no('has no top-level handler');
  const ctx: Ctx = { scope, loops: 0 };
  const makers = fnDecls.map((d) => ({
    slot: scope.names.get(n(d.id).name as string)?.slot ?? -1,
    make: compileFunction(scope, d),
  }));
  // only the handler may be async (it runs to completion: there is no await to pause at)
  for (const d of fnDecls) if (d.async && n(d.id).name !== 'handler') no('declares an async helper');
  const asyncHandler = fnDecls.find((d) => n(d.id).name === 'handler')?.async === true;
  const init = block(
    ctx,
    body.filter((s) => s.type === 'VariableDeclaration'),
    true,
  );
  const template: unknown[] = [];
  for (const [, e] of scope.names)
    template[e.slot] = e.kind === 'let' || e.kind === 'const' ? TDZ : undefined;
  const slot = handler.slot;
  const compiled: CompiledProgram = {
    instantiate() {
      const env: Env = { v: template.slice(), up: null };
      for (const m of makers) env.v[m.slot] = m.make(env);
      init(env);
      const h = env.v[slot];
      if (!(h instanceof FastFn)) return bail();
      return asyncHandler ? new FastFn(h.call, false) : h;
    },
  };
  return compiled;
}
