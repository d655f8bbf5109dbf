// Syntax problems of edge-function code with their position, for editor markers. Only a parse
// (acorn never executes code), so it is safe and cheap on the main thread. The rules match the
// import-time check (src/scenario/functionSyntax.ts): cloudfront-js-1.0 parses as ES2018 and
// refuses const/let, async/await and classes; 2.0 parses as an ES2021 module.
import { parse, type Node, type Options } from 'acorn';
import type { EdgeFunction } from '../../engine/scenario';

export interface SyntaxProblem {
  /** 1-based, like Monaco */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
}

interface Located {
  type: string;
  kind?: string;
  async?: boolean;
  loc?: { start: { line: number; column: number }; end: { line: number; column: number } } | null;
}

function parseOptions(fn: Pick<EdgeFunction, 'kind' | 'runtime'>): Options[] {
  if (fn.kind === 'lambda-edge')
    return [
      { ecmaVersion: 'latest', sourceType: 'script', locations: true, allowReturnOutsideFunction: true },
      { ecmaVersion: 'latest', sourceType: 'module', locations: true },
    ];
  return fn.runtime === 'cloudfront-js-1.0'
    ? [{ ecmaVersion: 2018, sourceType: 'script', locations: true }]
    : [{ ecmaVersion: 2021, sourceType: 'module', locations: true }];
}

/** Every problem found (a parse error stops at the first one, like any parser). */
export function findSyntaxProblems(
  code: string,
  fn: Pick<EdgeFunction, 'kind' | 'runtime'>,
): SyntaxProblem[] {
  let ast: Node | undefined;
  let first: { message: string; loc?: { line: number; column: number }; pos?: number } | undefined;
  for (const options of parseOptions(fn)) {
    try {
      ast = parse(code, options);
      break;
    } catch (e) {
      const err = e as { message: string; loc?: { line: number; column: number }; pos?: number };
      if (!first || (err.pos ?? 0) > (first.pos ?? 0)) first = err;
    }
  }
  if (!ast) {
    const line = first?.loc?.line ?? 1;
    const column = (first?.loc?.column ?? 0) + 1;
    const reason = (first?.message ?? 'syntax error').replace(/\s*\(\d+:\d+\)$/, '');
    const hint =
      fn.kind === 'cloudfront-function' && fn.runtime === 'cloudfront-js-1.0'
        ? ' (runtime 1.0 reads ES 5.1 plus some ES6-9; switch to 2.0 for newer syntax)'
        : '';
    return [
      { line, column, endLine: line, endColumn: column + 1, message: `Syntax error: ${reason}${hint}` },
    ];
  }
  if (fn.kind !== 'cloudfront-function' || fn.runtime !== 'cloudfront-js-1.0') return [];
  return runtime10Problems(ast);
}

function runtime10Problems(ast: Node): SyntaxProblem[] {
  const out: SyntaxProblem[] = [];
  const say = (n: Located, what: string, instead: string) => {
    if (!n.loc) return;
    out.push({
      line: n.loc.start.line,
      column: n.loc.start.column + 1,
      endLine: n.loc.start.line,
      // underline the keyword, not the whole (possibly long) statement
      endColumn: n.loc.start.line === n.loc.end.line ? n.loc.end.column + 1 : n.loc.start.column + 6,
      message: `Runtime cloudfront-js-1.0 does not support ${what}: ${instead}, or switch the function to runtime 2.0.`,
    });
  };
  const stack: unknown[] = [ast];
  while (stack.length) {
    const item = stack.pop();
    if (Array.isArray(item)) {
      for (const x of item) stack.push(x);
      continue;
    }
    if (!item || typeof item !== 'object' || typeof (item as Located).type !== 'string') continue;
    const n = item as Located;
    if (n.type === 'VariableDeclaration' && (n.kind === 'const' || n.kind === 'let'))
      say(n, `'${n.kind}'`, "use 'var'");
    else if (n.type.endsWith('FunctionExpression') || n.type === 'FunctionDeclaration') {
      if (n.async) say(n, 'async functions', 'use a plain function');
    } else if (n.type === 'AwaitExpression') say(n, "'await'", 'remove it');
    else if (n.type === 'ClassDeclaration' || n.type === 'ClassExpression')
      say(n, 'classes', 'use functions and objects');
    for (const [key, value] of Object.entries(n))
      if (key !== 'loc' && value && typeof value === 'object') stack.push(value);
  }
  return out.sort((a, b) => a.line - b.line || a.column - b.column);
}
