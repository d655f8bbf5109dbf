// Decides, from the syntax tree, whether a function's output can depend only on its event:
// then the runtime may reuse results (resultCache.ts) instead of re-running identical
// requests. Everything else that could make two identical events differ is tracked at run
// time (Date, Math.random, the request id, the viewer ip). What this analysis must rule out
// is STATE that survives between invocations, so it is deliberately conservative:
//
// - top-level code may only declare things (functions, primitives, require()d modules,
//   flat literal tables, regexes without g/y) — no calls, so no user code runs at load time
//   and every closure is created per invocation;
// - inside functions, assignments must target local variables (or members of them);
// - top-level functions may only be called, tables only read, globals only called or read
//   for a constant; `this`, classes, eval and prototype access make a function ineligible.
// A "no" only costs speed; a wrong "yes" would change results, hence the strictness.
// Known gap: prototype pollution through computed keys (obj[a][b] = v with a = 'constructor')
// is not detected.

import type { Program } from 'acorn';
import type { AnyNode } from './sourceCheck';
import { FunctionWalker, isFunction, isRequireCall, name, Unsafe, type TopKind } from './cacheSafetyWalker';

export interface CacheSafety {
  safe: boolean;
  reason?: string;
}

function classify(init: AnyNode | null | undefined, top: Map<string, TopKind>): TopKind {
  if (!init) return 'primitive';
  switch (init.type) {
    case 'FunctionExpression':
    case 'ArrowFunctionExpression':
      return 'function';
    case 'Literal': {
      const regex = init.regex as { flags: string } | undefined;
      if (regex) return /[gy]/.test(regex.flags) ? 'unsafe' : 'regex';
      return 'primitive';
    }
    case 'TemplateLiteral':
      return (init.expressions as AnyNode[]).length === 0 ? 'primitive' : 'unsafe';
    case 'UnaryExpression':
      return (init.argument as AnyNode).type === 'Literal' && !(init.argument as AnyNode).regex
        ? 'primitive'
        : 'unsafe';
    case 'CallExpression':
      return isRequireCall(init) ? 'module' : 'unsafe';
    case 'MemberExpression':
      return isRequireCall(init.object as AnyNode) && !init.computed ? 'module' : 'unsafe';
    case 'Identifier': {
      const k = top.get(name(init));
      return k === 'function' || k === 'module' || k === 'primitive' ? k : 'unsafe';
    }
    case 'ObjectExpression':
      return (init.properties as AnyNode[]).every(
        (p) =>
          p.type === 'Property' &&
          p.kind === 'init' &&
          !p.method &&
          !p.computed &&
          classify(p.value as AnyNode, top) === 'primitive',
      )
        ? 'data'
        : 'unsafe';
    case 'ArrayExpression':
      return (init.elements as Array<AnyNode | null>).every(
        (e) => e !== null && e.type !== 'SpreadElement' && classify(e, top) === 'primitive',
      )
        ? 'data'
        : 'unsafe';
    default:
      return 'unsafe';
  }
}

export function analyzeCacheSafety(ast: Program, kind: 'cff' | 'lambda'): CacheSafety {
  const top = new Map<string, TopKind>();
  if (kind === 'lambda') {
    top.set('require', 'require');
    top.set('exports', 'unsafe');
    top.set('module', 'unsafe');
    top.set('__filename', 'primitive');
    top.set('__dirname', 'primitive');
  }
  const functions: AnyNode[] = [];
  try {
    for (const raw of ast.body as unknown as AnyNode[]) {
      let stmt = raw;
      if (
        (stmt.type === 'ExportNamedDeclaration' || stmt.type === 'ExportDefaultDeclaration') &&
        stmt.declaration
      )
        stmt = stmt.declaration as AnyNode;
      else if (stmt.type === 'ExportNamedDeclaration') continue;
      switch (stmt.type) {
        case 'FunctionDeclaration':
          if (stmt.id) top.set(name(stmt.id), 'function');
          functions.push(stmt);
          break;
        case 'VariableDeclaration':
          for (const d of stmt.declarations as AnyNode[]) {
            if ((d.id as AnyNode).type !== 'Identifier') throw new Unsafe('destructuring at the top level');
            const k = classify(d.init as AnyNode | null, top);
            // anything but a plain value may run code at load time and keep state in closures
            if (k === 'unsafe')
              throw new Unsafe(`top-level '${name(d.id)}' is computed when the function loads`);
            top.set(name(d.id), k);
            if (k === 'function') functions.push(d.init as AnyNode);
          }
          break;
        case 'ImportDeclaration':
          for (const s of stmt.specifiers as AnyNode[]) top.set(name(s.local), 'module');
          break;
        case 'EmptyStatement':
          break;
        case 'ExpressionStatement':
          if ((stmt.expression as AnyNode).type === 'Literal') break; // 'use strict'
          topLevelExport(stmt.expression as AnyNode, top, functions);
          break;
        default:
          if (isFunction(stmt)) functions.push(stmt);
          else throw new Unsafe(`top-level ${stmt.type} runs code when the function loads`);
      }
    }
    for (const fn of functions) new FunctionWalker(top, kind).fn(fn, []);
    return { safe: true };
  } catch (e) {
    if (e instanceof Unsafe) return { safe: false, reason: e.message };
    throw e;
  }
}

/** `exports.handler = ...` / `module.exports = { handler }` with functions or names only. */
function topLevelExport(expr: AnyNode, top: Map<string, TopKind>, functions: AnyNode[]): void {
  if (expr.type !== 'AssignmentExpression' || expr.operator !== '=')
    throw new Unsafe('a top-level expression runs code when the function loads');
  let root = expr.left as AnyNode;
  while (root.type === 'MemberExpression') root = root.object as AnyNode;
  if (root.type !== 'Identifier' || (name(root) !== 'exports' && name(root) !== 'module'))
    throw new Unsafe('a top-level assignment other than an export');
  const values =
    (expr.right as AnyNode).type === 'ObjectExpression'
      ? ((expr.right as AnyNode).properties as AnyNode[]).map((p) => p.value as AnyNode)
      : [expr.right as AnyNode];
  for (const v of values) {
    if (!v) throw new Unsafe('an export built with spread');
    if (isFunction(v)) functions.push(v);
    else if (!(v.type === 'Identifier' && top.get(name(v)) === 'function'))
      throw new Unsafe('an export that is not a function');
  }
}
