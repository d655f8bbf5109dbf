// Compiles a CloudFront Function's syntax tree into host closures over the fast path's value
// model (machine.ts), or says why it cannot. The accepted language is the part of ES5/ES2015
// that bulk traffic functions use: declarations, if/loops, calls, object and array literals,
// templates, the usual operators, and the builtins of builtins.ts. Everything else (try,
// switch, classes, regexes, modules, await, this, labels...) is refused at compile time and
// the function simply runs in QuickJS. Poll points are charged where QuickJS charges them
// (measured; see fastPath.test.ts): each call, each conditional jump, each loop back-edge,
// and the jump over an else branch.
//
// This file: statements, functions and the program; expressions.ts, operators.ts and scope.ts
// hold the rest.

import type { Program } from 'acorn';
import type { AnyNode } from '../sourceCheck';
import { alloc, bail, FastFn, isObj, poll, R, type Env } from './machine';
import { expr, test } from './expressions';
import { n, no, nodes, Scope, TDZ, writeVar, type Ctx, type Ex, type Kind, type St } from './scope';

export { NotEligible } from './scope';

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
  const inner: Ctx = { ...ctx, loops: ctx.loops + 1 };
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
  const body = stmt({ ...ctx, loops: ctx.loops + 1 }, n(node.body));
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
  const ctx: Ctx = { scope, loops: 0, makeFunction: compileFunction };
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
  const ctx: Ctx = { scope, loops: 0, makeFunction: compileFunction };
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
