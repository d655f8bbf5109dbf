// Checks an edge function's code before it reaches the sandbox and rewrites the little that
// QuickJS must see differently. Errors are ScenarioErrors naming the function, the line and
// what to do. Uses acorn (a small, well-kept parser) so that syntax errors carry positions
// and runtime-1.0 rules can be checked on the syntax tree.
//
// Rewrites keep every line where it was, so error lines inside the sandbox match the editor:
// - `import cf from 'cloudfront'` (runtime 2.0) and Lambda@Edge ESM imports become require() calls;
// - Lambda@Edge `export const handler = ...` becomes a CommonJS export.

import { parse, type Node, type Program } from 'acorn';
import { ScenarioError } from '../errors';
import type { EdgeFunction } from '../scenario';
import { utf8Length } from './bytes';
import { kvsStoreProblem } from './kvs';
import { CLOUDFRONT_FUNCTION_LIMITS } from './limits';

export type AnyNode = Node & Record<string, unknown>;

export interface CheckedSource {
  /** code to evaluate (CloudFront Functions: a script; Lambda@Edge: a function expression) */
  source: string;
  ast: Program;
  runtime: '1.0' | '2.0' | 'node';
}

/** Lambda@Edge code is wrapped like a Node.js CommonJS module; the prefix stays on line 1. */
export const LAMBDA_WRAPPER_PREFIX = '(function (exports, require, module, __filename, __dirname) {';

export function functionLabel(fn: EdgeFunction): string {
  return fn.kind === 'lambda-edge' ? `Lambda@Edge function "${fn.name}"` : `CloudFront Function "${fn.name}"`;
}

/** Name, kind and runtime of one function; `names` collects names to catch duplicates. */
export function checkFunctionShape(fn: EdgeFunction, index: number, names: Set<string>): void {
  const fail = (msg: string, key: string): never => {
    throw new ScenarioError(msg, `functions[${index}].${key}`);
  };
  if (!fn || typeof fn.name !== 'string' || fn.name.trim() === '') {
    fail(`functions[${index}] has no name: give every edge function a unique name`, 'name');
  }
  if (names.has(fn.name))
    fail(`Two edge functions are named "${fn.name}": function names must be unique`, 'name');
  names.add(fn.name);
  if (fn.kind !== 'cloudfront-function' && fn.kind !== 'lambda-edge') {
    fail(
      `Function "${fn.name}" has kind ${JSON.stringify(fn.kind)}: use 'cloudfront-function' or 'lambda-edge'`,
      'kind',
    );
  }
  if (
    fn.kind === 'cloudfront-function' &&
    fn.runtime !== undefined &&
    fn.runtime !== 'cloudfront-js-1.0' &&
    fn.runtime !== 'cloudfront-js-2.0'
  ) {
    fail(
      `CloudFront Function "${fn.name}" has runtime ${JSON.stringify(fn.runtime)}: use cloudfront-js-1.0 or cloudfront-js-2.0`,
      'runtime',
    );
  }
  // A store kept with a 1.0 function or a Lambda@Edge function is not associated (the editor says
  // so and offers to switch back); its size rules hold wherever it is kept.
  const kvsProblem = fn.kvs ? kvsStoreProblem(fn.kvs) : null;
  if (kvsProblem)
    fail(
      `The KeyValueStore of function "${fn.name}" breaks a CloudFront quota: ${kvsProblem}; fix it in the editor`,
      'kvs',
    );
}

export function checkFunctionSource(fn: EdgeFunction, index: number): CheckedSource {
  const field = `functions[${index}].code`;
  const fail = (msg: string): never => {
    throw new ScenarioError(`${functionLabel(fn)}: ${msg}`, field);
  };
  if (typeof fn.code !== 'string' || fn.code.trim() === '') fail('has no code');
  if (fn.kind === 'cloudfront-function') {
    const runtime = fn.runtime === 'cloudfront-js-1.0' ? '1.0' : '2.0';
    const bytes = utf8Length(fn.code);
    if (bytes > CLOUDFRONT_FUNCTION_LIMITS.maxCodeBytes) {
      fail(
        `is ${bytes.toLocaleString('en-US')} bytes; CloudFront Functions allow at most 10 KB (10,240 bytes). Trim the code or move data to a KeyValueStore`,
      );
    }
    const ast = parseOrFail(fn.code, 'module', fail);
    if (runtime === '1.0') checkRuntime10(ast, fail);
    const edits: Edit[] = [];
    for (const stmt of ast.body as AnyNode[]) {
      if (stmt.type === 'ImportDeclaration') edits.push(importToRequire(stmt));
      else if (stmt.type.startsWith('Export'))
        fail(
          `line ${lineOf(fn.code, stmt.start)}: CloudFront Functions export nothing; declare \`function handler(event)\` at the top level`,
        );
    }
    if (!declaresTopLevel(ast, 'handler')) {
      fail('defines no handler: CloudFront Functions start at a top-level `function handler(event) { ... }`');
    }
    return { source: applyEdits(fn.code, edits), ast, runtime };
  }
  // Lambda@Edge: a CommonJS module, or an ES module rewritten to one
  let ast: Program;
  const edits: Edit[] = [];
  let tail = '';
  try {
    ast = parse(fn.code, {
      ecmaVersion: 2022,
      sourceType: 'script',
      allowReturnOutsideFunction: true,
      allowHashBang: true,
      locations: true,
    });
  } catch (e) {
    if (!/sourceType: module|'import' and 'export'/.test(String(e))) throw syntaxError(e, fail);
    ast = parseOrFail(fn.code, 'module', fail);
    for (const stmt of ast.body as AnyNode[]) {
      if (stmt.type === 'ImportDeclaration') edits.push(importToRequire(stmt));
      else if (stmt.type === 'ExportNamedDeclaration' || stmt.type === 'ExportDefaultDeclaration')
        tail += exportToCommonJs(stmt, edits);
      else if (stmt.type === 'ExportAllDeclaration')
        fail(
          `line ${lineOf(fn.code, stmt.start)}: \`export * from\` is not supported; export the handler directly`,
        );
    }
  }
  const body = applyEdits(fn.code, edits);
  return { source: `${LAMBDA_WRAPPER_PREFIX}${body}\n${tail}})`, ast, runtime: 'node' };
}

function parseOrFail(code: string, sourceType: 'module' | 'script', fail: (m: string) => never): Program {
  try {
    // CloudFront Functions always run in strict mode; parsing as a module checks that too
    return parse(code, { ecmaVersion: 2022, sourceType, locations: true, allowHashBang: false });
  } catch (e) {
    throw syntaxError(e, fail);
  }
}

function syntaxError(e: unknown, fail: (m: string) => never): never {
  const err = e as { message?: string; loc?: { line: number; column: number } };
  const msg = String(err.message ?? e).replace(/\s*\(\d+:\d+\)$/, '');
  if (err.loc) fail(`syntax error at line ${err.loc.line}, column ${err.loc.column + 1}: ${msg}`);
  return fail(`syntax error: ${msg}`);
}

export function lineOf(code: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < code.length; i++) if (code.charCodeAt(i) === 10) line++;
  return line;
}

/** Calls visit on every node (depth first) with its ancestors. */
export function walk(
  node: AnyNode,
  visit: (n: AnyNode, parents: AnyNode[]) => void,
  parents: AnyNode[] = [],
): void {
  visit(node, parents);
  parents.push(node);
  for (const key of Object.keys(node)) {
    if (key === 'loc' || key === 'start' || key === 'end') continue;
    const v = node[key];
    if (Array.isArray(v)) {
      for (const c of v)
        if (c && typeof c === 'object' && typeof (c as AnyNode).type === 'string')
          walk(c as AnyNode, visit, parents);
    } else if (v && typeof v === 'object' && typeof (v as AnyNode).type === 'string')
      walk(v as AnyNode, visit, parents);
  }
  parents.pop();
}

/** What runtime 1.0 does not support (ES 5.1 plus a few listed ES6-9 features). */
function checkRuntime10(ast: Program, fail: (m: string) => never): void {
  walk(ast as unknown as AnyNode, (n) => {
    const line = (n.loc as { start: { line: number } } | undefined)?.start.line ?? 0;
    let what: string | undefined;
    switch (n.type) {
      case 'VariableDeclaration':
        if (n.kind !== 'var') what = `'${String(n.kind)}'`;
        break;
      case 'FunctionDeclaration':
      case 'FunctionExpression':
      case 'ArrowFunctionExpression':
        if (n.async) what = "'async' functions";
        else if (n.generator) what = 'generator functions';
        break;
      case 'AwaitExpression':
        what = "'await'";
        break;
      case 'ClassDeclaration':
      case 'ClassExpression':
        what = 'classes';
        break;
      case 'ForOfStatement':
        what = "'for...of'";
        break;
      case 'ImportDeclaration':
        what = "'import' (KeyValueStore needs runtime 2.0)";
        break;
      case 'ObjectPattern':
      case 'ArrayPattern':
        what = 'destructuring';
        break;
      case 'AssignmentPattern':
        what = 'default parameter values';
        break;
      case 'ChainExpression':
        what = "optional chaining '?.'";
        break;
      case 'LogicalExpression':
        if (n.operator === '??') what = "the '??' operator";
        break;
    }
    if (what)
      fail(
        `line ${line}: ${what} is not supported in runtime cloudfront-js-1.0; rewrite it in ES5 (var, function) or switch the function to cloudfront-js-2.0`,
      );
  });
}

function declaresTopLevel(ast: Program, name: string): boolean {
  for (const stmt of ast.body as AnyNode[]) {
    if (stmt.type === 'FunctionDeclaration' && (stmt.id as AnyNode | null)?.name === name) return true;
    if (stmt.type === 'VariableDeclaration') {
      for (const d of stmt.declarations as AnyNode[])
        if ((d.id as AnyNode).type === 'Identifier' && (d.id as AnyNode).name === name) return true;
    }
  }
  return false;
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

function applyEdits(code: string, edits: Edit[]): string {
  let out = code;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) {
    const removed = out.slice(e.start, e.end);
    const newlines = removed.split('\n').length - 1;
    out = out.slice(0, e.start) + e.text + '\n'.repeat(newlines) + out.slice(e.end);
  }
  return out;
}

let importCounter = 0;
function importToRequire(stmt: AnyNode): Edit {
  const src = JSON.stringify(String((stmt.source as AnyNode).value));
  const specs = stmt.specifiers as AnyNode[];
  if (specs.length === 0) return { start: stmt.start, end: stmt.end, text: `require(${src});` };
  const tmp = `__edgelab_import${importCounter++}`;
  let text = `var ${tmp} = require(${src});`;
  for (const s of specs) {
    const local = String((s.local as AnyNode).name);
    if (s.type === 'ImportSpecifier') {
      const imported = (s.imported as AnyNode).name ?? (s.imported as AnyNode).value;
      text += ` var ${local} = ${tmp}[${JSON.stringify(String(imported))}];`;
    } else text += ` var ${local} = ${tmp};`; // default or namespace import: the module object
  }
  return { start: stmt.start, end: stmt.end, text };
}

/** Rewrites one ESM export in place and returns the CommonJS assignments to append. */
function exportToCommonJs(stmt: AnyNode, edits: Edit[]): string {
  if (stmt.type === 'ExportDefaultDeclaration') {
    const decl = stmt.declaration as AnyNode;
    edits.push({ start: stmt.start, end: decl.start, text: 'exports.default = ' });
    return '';
  }
  const decl = stmt.declaration as AnyNode | null;
  if (decl) {
    edits.push({ start: stmt.start, end: decl.start, text: '' });
    const names: string[] = [];
    if (decl.type === 'VariableDeclaration') {
      for (const d of decl.declarations as AnyNode[])
        if ((d.id as AnyNode).type === 'Identifier') names.push(String((d.id as AnyNode).name));
    } else if (decl.id) names.push(String((decl.id as AnyNode).name));
    return names.map((n) => `exports.${n} = ${n};`).join(' ');
  }
  edits.push({ start: stmt.start, end: stmt.end, text: '' });
  return (stmt.specifiers as AnyNode[])
    .map((s) => {
      const local = String((s.local as AnyNode).name);
      const exported = String((s.exported as AnyNode).name ?? (s.exported as AnyNode).value);
      return `exports[${JSON.stringify(exported)}] = ${local};`;
    })
    .join(' ');
}
