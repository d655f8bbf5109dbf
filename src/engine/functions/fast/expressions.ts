// Expressions of the fast path's language, compiled to closures. Poll points follow QuickJS:
// a call costs one, a conditional jump one (&& / || chains jump straight to their end), and the
// jump over the second branch of ?: one.

import type { AnyNode } from '../sourceCheck';
import { callMethod } from './builtins';
import {
  alloc,
  callValue,
  deleteMember,
  getMember,
  newObj,
  poll,
  prim,
  setMember,
  str,
  toKey,
  typeOf,
  type Env,
} from './machine';
import { add, ARITH, binary } from './operators';
import { n, no, nodes, readVar, writeVar, type Ctx, type Ex } from './scope';

function propertyKey(prop: AnyNode): string {
  const key = n(prop.key);
  if (!prop.computed && key.type === 'Identifier') return key.name as string;
  if (key.type === 'Literal' && (typeof key.value === 'string' || typeof key.value === 'number'))
    return String(key.value);
  return no('uses an unusual property key');
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

export function expr(ctx: Ctx, node: AnyNode): Ex {
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
      const make = ctx.makeFunction(ctx.scope, node);
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
export function test(ctx: Ctx, node: AnyNode): (env: Env) => boolean {
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
