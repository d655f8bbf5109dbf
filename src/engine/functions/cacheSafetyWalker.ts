// The part of the cache-safety analysis that walks function bodies with their scopes: every
// identifier is resolved to a local, a top-level binding or a global, and each kind may only
// be used in ways that cannot leave state behind (see cacheSafety.ts for the rules).

import type { AnyNode } from './sourceCheck';

export type TopKind = 'function' | 'primitive' | 'module' | 'data' | 'regex' | 'require' | 'unsafe';

export const SAFE_GLOBALS = new Set(
  (
    'Object Array String Number Boolean Math JSON Date RegExp Error TypeError RangeError SyntaxError ' +
    'ReferenceError EvalError URIError parseInt parseFloat isNaN isFinite encodeURIComponent ' +
    'decodeURIComponent encodeURI decodeURI escape unescape console Promise Map Set Uint8Array ' +
    'ArrayBuffer Buffer BigInt Symbol'
  ).split(' '),
);
export const PRIMITIVE_GLOBALS = new Set(['undefined', 'NaN', 'Infinity']);
export const BLOCKED_PROPS = new Set(
  (
    'prototype __proto__ constructor defineProperty defineProperties setPrototypeOf getPrototypeOf ' +
    '__defineGetter__ __defineSetter__ __lookupGetter__ __lookupSetter__ compile'
  ).split(' '),
);
export const CONSTANT_PROPS = new Set(
  (
    'PI E LN2 LN10 LOG2E LOG10E SQRT2 SQRT1_2 MAX_SAFE_INTEGER MIN_SAFE_INTEGER MAX_VALUE MIN_VALUE ' +
    'EPSILON POSITIVE_INFINITY NEGATIVE_INFINITY NaN iterator asyncIterator'
  ).split(' '),
);
export const TABLE_READERS = new Set(
  'indexOf includes lastIndexOf join slice concat hasOwnProperty toString'.split(' '),
);
export const GLOBAL_READERS = new Set([
  'keys',
  'values',
  'entries',
  'getOwnPropertyNames',
  'stringify',
  'isArray',
]);
export const REGEX_TAKERS = new Set(['replace', 'replaceAll', 'match', 'matchAll', 'split', 'search']);

export class Unsafe extends Error {}

export const isFunction = (n: AnyNode) =>
  n.type === 'FunctionDeclaration' || n.type === 'FunctionExpression' || n.type === 'ArrowFunctionExpression';
export const name = (n: unknown) => String((n as AnyNode).name);

export function patternNames(p: AnyNode | null | undefined, out: string[]): string[] {
  if (!p) return out;
  switch (p.type) {
    case 'Identifier':
      out.push(name(p));
      break;
    case 'ObjectPattern':
      for (const prop of p.properties as AnyNode[])
        patternNames((prop.type === 'RestElement' ? prop.argument : prop.value) as AnyNode, out);
      break;
    case 'ArrayPattern':
      for (const el of p.elements as Array<AnyNode | null>) patternNames(el, out);
      break;
    case 'RestElement':
      patternNames(p.argument as AnyNode, out);
      break;
    case 'AssignmentPattern':
      patternNames(p.left as AnyNode, out);
      break;
  }
  return out;
}

/** `var` and function declarations of a function body (not crossing into nested functions). */
export function hoisted(node: AnyNode, out: Set<string>, top = true): void {
  if (!top && isFunction(node)) {
    if (node.type === 'FunctionDeclaration' && node.id) out.add(name(node.id));
    return;
  }
  if (node.type === 'VariableDeclaration' && node.kind === 'var')
    for (const d of node.declarations as AnyNode[])
      patternNames(d.id as AnyNode, []).forEach((n) => out.add(n));
  for (const key of Object.keys(node)) {
    if (key === 'loc') continue;
    const v = node[key];
    if (Array.isArray(v))
      v.forEach(
        (c) =>
          c &&
          typeof c === 'object' &&
          typeof (c as AnyNode).type === 'string' &&
          hoisted(c as AnyNode, out, false),
      );
    else if (v && typeof v === 'object' && typeof (v as AnyNode).type === 'string')
      hoisted(v as AnyNode, out, false);
  }
}

export function lexical(statements: AnyNode[], out: Set<string>): void {
  for (const s of statements) {
    if (s.type === 'VariableDeclaration' && s.kind !== 'var')
      for (const d of s.declarations as AnyNode[])
        patternNames(d.id as AnyNode, []).forEach((n) => out.add(n));
    if (s.type === 'FunctionDeclaration' && s.id) out.add(name(s.id));
  }
}

export function isRequireCall(n: AnyNode): boolean {
  const args = n.arguments as AnyNode[] | undefined;
  return (
    n.type === 'CallExpression' &&
    (n.callee as AnyNode).type === 'Identifier' &&
    name(n.callee) === 'require' &&
    args?.length === 1 &&
    args[0].type === 'Literal' &&
    typeof args[0].value === 'string'
  );
}

export class FunctionWalker {
  constructor(
    private readonly top: Map<string, TopKind>,
    private readonly kind: 'cff' | 'lambda',
  ) {}

  fn(node: AnyNode, chain: Set<string>[]): void {
    const scope = new Set<string>();
    for (const p of node.params as AnyNode[]) patternNames(p, []).forEach((n) => scope.add(n));
    if (node.type !== 'ArrowFunctionExpression') scope.add('arguments');
    if (node.type === 'FunctionExpression' && node.id) scope.add(name(node.id));
    const body = node.body as AnyNode;
    hoisted(body, scope);
    const inner = [...chain, scope];
    for (const p of node.params as AnyNode[]) this.visit(p, inner, [node], true);
    if (body.type === 'BlockStatement') this.block(body, inner, [node]);
    else this.visit(body, inner, [node]);
  }

  private block(node: AnyNode, chain: Set<string>[], parents: AnyNode[]): void {
    const scope = new Set<string>();
    lexical(node.body as AnyNode[], scope);
    const inner = [...chain, scope];
    parents.push(node);
    for (const s of node.body as AnyNode[]) this.visit(s, inner, parents);
    parents.pop();
  }

  private isLocal(n: string, chain: Set<string>[]): boolean {
    for (let i = chain.length - 1; i >= 0; i--) if (chain[i].has(n)) return true;
    return false;
  }

  /** `declaring`: identifiers here are bindings (parameters, declarators), not references. */
  private visit(node: AnyNode, chain: Set<string>[], parents: AnyNode[], declaring = false): void {
    switch (node.type) {
      case 'FunctionDeclaration':
      case 'FunctionExpression':
      case 'ArrowFunctionExpression':
        return this.fn(node, chain);
      case 'ClassDeclaration':
      case 'ClassExpression':
        throw new Unsafe('a class');
      case 'ThisExpression':
        throw new Unsafe("'this'");
      case 'WithStatement':
        throw new Unsafe("'with'");
      case 'ImportExpression':
        throw new Unsafe('dynamic import');
      case 'BlockStatement':
        return this.block(node, chain, parents);
      case 'ForStatement':
      case 'ForInStatement':
      case 'ForOfStatement':
      case 'SwitchStatement': {
        const scope = new Set<string>();
        const init = (node.init ?? node.left) as AnyNode | undefined;
        if (init?.type === 'VariableDeclaration') lexical([init], scope);
        if (node.type === 'SwitchStatement')
          for (const c of node.cases as AnyNode[]) lexical(c.consequent as AnyNode[], scope);
        return this.children(node, [...chain, scope], parents);
      }
      case 'CatchClause': {
        const scope = new Set(patternNames(node.param as AnyNode | null, []));
        return this.children(node, [...chain, scope], parents);
      }
      case 'Identifier':
        if (!declaring) this.reference(node, chain, parents);
        return;
      case 'VariableDeclarator':
        this.visit(node.id as AnyNode, chain, [...parents, node], true);
        if (node.init) this.visit(node.init as AnyNode, chain, [...parents, node]);
        return;
      case 'MemberExpression': {
        const prop = node.property as AnyNode;
        if (!node.computed && BLOCKED_PROPS.has(name(prop))) throw new Unsafe(`access to .${name(prop)}`);
        if (node.computed && prop.type === 'Literal' && BLOCKED_PROPS.has(String(prop.value)))
          throw new Unsafe(`access to ['${String(prop.value)}']`);
        parents.push(node);
        this.visit(node.object as AnyNode, chain, parents);
        if (node.computed) this.visit(prop, chain, parents);
        parents.pop();
        return;
      }
      case 'Property':
      case 'PropertyDefinition':
        parents.push(node);
        if (node.computed) this.visit(node.key as AnyNode, chain, parents);
        if (node.value) this.visit(node.value as AnyNode, chain, parents, declaring);
        parents.pop();
        return;
      case 'AssignmentPattern':
        this.visit(node.left as AnyNode, chain, [...parents, node], declaring);
        this.visit(node.right as AnyNode, chain, [...parents, node]);
        return;
      case 'MetaProperty':
        return;
      case 'LabeledStatement':
      case 'BreakStatement':
      case 'ContinueStatement':
        if (node.body) this.visit(node.body as AnyNode, chain, parents);
        return;
      case 'AssignmentExpression':
      case 'UpdateExpression':
        this.target((node.left ?? node.argument) as AnyNode, chain);
        return this.children(node, chain, parents);
      case 'UnaryExpression':
        if (node.operator === 'delete') this.target(node.argument as AnyNode, chain);
        return this.children(node, chain, parents);
      default:
        return this.children(node, chain, parents, declaring);
    }
  }

  private children(node: AnyNode, chain: Set<string>[], parents: AnyNode[], declaring = false): void {
    parents.push(node);
    for (const key of Object.keys(node)) {
      if (key === 'loc') continue;
      const v = node[key];
      if (Array.isArray(v)) {
        for (const c of v)
          if (c && typeof c === 'object' && typeof (c as AnyNode).type === 'string')
            this.visit(c as AnyNode, chain, parents, declaring);
      } else if (v && typeof v === 'object' && typeof (v as AnyNode).type === 'string')
        this.visit(v as AnyNode, chain, parents, declaring);
    }
    parents.pop();
  }

  /** What an assignment, update or delete writes must belong to this invocation. */
  private target(t: AnyNode, chain: Set<string>[]): void {
    if (t.type === 'ObjectPattern' || t.type === 'ArrayPattern') {
      for (const n of patternNames(t, []))
        if (!this.isLocal(n, chain)) throw new Unsafe(`assigns to '${n}', which outlives the invocation`);
      return;
    }
    let root = t;
    while (root.type === 'MemberExpression') root = root.object as AnyNode;
    if (root.type === 'ThisExpression') throw new Unsafe("'this'");
    if (root.type !== 'Identifier' || !this.isLocal(name(root), chain)) {
      throw new Unsafe(
        root.type === 'Identifier'
          ? `writes to '${name(root)}', which outlives the invocation`
          : 'writes through an expression',
      );
    }
  }

  private reference(id: AnyNode, chain: Set<string>[], parents: AnyNode[]): void {
    const n = name(id);
    if (this.isLocal(n, chain)) return;
    const parent = parents[parents.length - 1];
    const isCallee =
      (parent?.type === 'CallExpression' || parent?.type === 'NewExpression') && parent.callee === id;
    const k = this.top.get(n);
    if (k !== undefined) {
      if (k === 'primitive' || k === 'module') return;
      if (k === 'function' && isCallee) return;
      if (k === 'require' && isCallee && isRequireCall(parent)) return;
      if (k === 'data' && this.tableRead(id, parents)) return;
      if (k === 'regex' && this.regexUse(id, parents)) return;
      throw new Unsafe(`uses the top-level '${n}' in a way that could keep state`);
    }
    if (PRIMITIVE_GLOBALS.has(n)) return;
    if (n === 'require' && this.kind === 'cff' && isCallee && isRequireCall(parent)) return;
    if (!SAFE_GLOBALS.has(n)) throw new Unsafe(`uses the global '${n}'`);
    if (isCallee) return;
    if (parent?.type === 'BinaryExpression' && parent.operator === 'instanceof' && parent.right === id)
      return;
    if (parent?.type === 'UnaryExpression' && parent.operator === 'typeof') return;
    if (parent?.type === 'MemberExpression' && parent.object === id) {
      // walk to the end of the member chain: it must be called or be a constant
      let last = parent;
      let i = parents.length - 1;
      while (i > 0 && parents[i - 1].type === 'MemberExpression' && parents[i - 1].object === last)
        last = parents[--i];
      if (last.computed) throw new Unsafe(`computed access on the global '${n}'`);
      const above = parents[i - 1];
      if ((above?.type === 'CallExpression' || above?.type === 'NewExpression') && above.callee === last)
        return;
      if (CONSTANT_PROPS.has(name(last.property))) return;
    }
    throw new Unsafe(`passes the global '${n}' around`);
  }

  /** Flat literal tables may be read: TABLE.key, TABLE[k], k in TABLE, Object.keys(TABLE), TABLE.indexOf(x). */
  private tableRead(id: AnyNode, parents: AnyNode[]): boolean {
    const parent = parents[parents.length - 1];
    const above = parents[parents.length - 2];
    if (parent.type === 'MemberExpression' && parent.object === id) {
      if ((above?.type === 'CallExpression' && above.callee === parent) || above?.type === 'NewExpression') {
        return !parent.computed && TABLE_READERS.has(name(parent.property));
      }
      return true; // a primitive comes out
    }
    if (
      (parent.type === 'BinaryExpression' && parent.operator === 'in' && parent.right === id) ||
      (parent.type === 'ForInStatement' && parent.right === id)
    )
      return true;
    if (parent.type === 'CallExpression' && parent.callee !== id) {
      const callee = parent.callee as AnyNode;
      return (
        callee.type === 'MemberExpression' &&
        !callee.computed &&
        (callee.object as AnyNode).type === 'Identifier' &&
        SAFE_GLOBALS.has(name(callee.object)) &&
        GLOBAL_READERS.has(name(callee.property))
      );
    }
    return false;
  }

  /** Regexes without g/y keep no state: RE.test(s), RE.exec(s), s.replace(RE, ...). */
  private regexUse(id: AnyNode, parents: AnyNode[]): boolean {
    const parent = parents[parents.length - 1];
    const above = parents[parents.length - 2];
    if (parent.type === 'MemberExpression' && parent.object === id && !parent.computed) {
      return (
        above?.type === 'CallExpression' &&
        above.callee === parent &&
        (name(parent.property) === 'test' || name(parent.property) === 'exec')
      );
    }
    if (parent.type === 'CallExpression' && parent.callee !== id) {
      const callee = parent.callee as AnyNode;
      return (
        callee.type === 'MemberExpression' && !callee.computed && REGEX_TAKERS.has(name(callee.property))
      );
    }
    return false;
  }
}
