// Import-time syntax check of edge-function code, so a function CloudFront would refuse to publish
// fails when the scenario is loaded, naming the function and the line (spec §8.3).
//
// cloudfront-js-1.0 is "ES 5.1 plus some ES 6-9": we parse it as ES2018 (anything newer fails to
// parse) and then reject the ES6+ forms the runtime documents as unsupported: const/let, async/await,
// and class (not in the 1.0 feature list). Template literals, arrow functions, rest parameters and
// `**` are documented as supported and pass. Anything else ES6-9 (destructuring, spread, default
// parameters, for-of) is let through: the docs neither list nor exclude it, and refusing code that
// CloudFront accepts would be worse than letting the runtime fail on it (modelling choice).
import { parse, type Node, type Options } from 'acorn';

export type FunctionRuntime = 'cloudfront-js-1.0' | 'cloudfront-js-2.0' | 'lambda-edge';

/** What each runtime parses as (spec §8.3: 1.0 = ES 5.1 + some ES6-9, 2.0 = ES 5.1 + some ES6-12). */
const PARSE_OPTIONS: Record<FunctionRuntime, Options[]> = {
  'cloudfront-js-1.0': [{ ecmaVersion: 2018, sourceType: 'script', locations: true }],
  // 2.0 may `import cf from 'cloudfront'` (KeyValueStore), so it is read as a module.
  'cloudfront-js-2.0': [{ ecmaVersion: 2021, sourceType: 'module', locations: true }],
  // Node.js: CommonJS (exports.handler) or an ES module (export const handler).
  'lambda-edge': [
    { ecmaVersion: 'latest', sourceType: 'script', locations: true, allowReturnOutsideFunction: true },
    { ecmaVersion: 'latest', sourceType: 'module', locations: true },
  ],
};

interface AcornSyntaxError extends SyntaxError {
  loc?: { line: number; column: number };
  pos?: number;
}

/** One problem with its position (1-based line and column, like Monaco and error messages). */
export interface FunctionSyntaxProblem {
  kind: 'parse' | 'runtime-1.0';
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** parse: the parser's reason; runtime-1.0: the unsupported construct, e.g. "'const'" */
  what: string;
  /** runtime-1.0: what to write instead, e.g. "use 'var'" */
  instead: string;
}

/**
 * Every problem of `code` for `runtime`, in source order: one parse error (a parser stops at the
 * first), or each runtime-1.0 construct CloudFront would refuse. Used by the import-time check
 * below and by the editor's markers (src/ui/editor/syntaxProblems.ts), so both apply one rule set.
 */
export function findFunctionSyntaxProblems(code: string, runtime: FunctionRuntime): FunctionSyntaxProblem[] {
  let ast: Node | undefined;
  let firstError: AcornSyntaxError | undefined;
  for (const options of PARSE_OPTIONS[runtime]) {
    try {
      ast = parse(code, options);
      break;
    } catch (e) {
      const err = e as AcornSyntaxError;
      if (!firstError || (err.pos ?? 0) > (firstError.pos ?? 0)) firstError = err;
    }
  }
  if (!ast) {
    const line = firstError?.loc?.line ?? 1;
    const column = (firstError?.loc?.column ?? 0) + 1;
    return [
      {
        kind: 'parse',
        line,
        column,
        endLine: line,
        endColumn: column + 1,
        what: (firstError?.message ?? 'syntax error').replace(/\s*\(\d+:\d+\)$/, ''),
        instead: '',
      },
    ];
  }
  return runtime === 'cloudfront-js-1.0' ? runtime10Problems(ast) : [];
}

/** Returns a sentence describing the first problem, or undefined when the code is acceptable. */
export function checkFunctionSyntax(code: string, runtime: FunctionRuntime): string | undefined {
  const first = findFunctionSyntaxProblems(code, runtime)[0];
  if (!first) return undefined;
  if (first.kind === 'parse') {
    const hint =
      runtime === 'cloudfront-js-1.0'
        ? ` (runtime cloudfront-js-1.0 reads ES 5.1 plus some ES6-9 only; switch to cloudfront-js-2.0 for newer syntax)`
        : '';
    return `line ${first.line}: syntax error: ${first.what}${hint}; fix the code`;
  }
  return `line ${first.line}: runtime cloudfront-js-1.0 does not support ${first.what}: ${first.instead}, or switch the function to cloudfront-js-2.0`;
}

interface LocNode {
  type: string;
  loc?: { start: { line: number; column: number }; end: { line: number; column: number } } | null;
  kind?: string;
  async?: boolean;
}

function runtime10Problems(ast: Node): FunctionSyntaxProblem[] {
  const out: FunctionSyntaxProblem[] = [];
  walk(ast, (node) => {
    const n = node as unknown as LocNode;
    const say = (what: string, instead: string) => {
      if (!n.loc) return;
      const { start, end } = n.loc;
      out.push({
        kind: 'runtime-1.0',
        line: start.line,
        column: start.column + 1,
        endLine: start.line,
        // underline the keyword, not the whole (possibly long) statement
        endColumn: start.line === end.line ? end.column + 1 : start.column + 6,
        what,
        instead,
      });
    };
    if (n.type === 'VariableDeclaration' && (n.kind === 'const' || n.kind === 'let')) {
      say(`'${n.kind}'`, "use 'var'");
    } else if (
      (n.type === 'FunctionDeclaration' ||
        n.type === 'FunctionExpression' ||
        n.type === 'ArrowFunctionExpression') &&
      n.async
    ) {
      say('async functions', 'use a plain function');
    } else if (n.type === 'AwaitExpression') {
      say("'await'", 'remove it');
    } else if (n.type === 'ClassDeclaration' || n.type === 'ClassExpression') {
      say('classes', 'use functions and objects');
    }
    return false;
  });
  return out.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** Depth-first over every AST node; stops as soon as `visit` returns true. */
function walk(root: Node, visit: (node: Node) => boolean): void {
  const stack: unknown[] = [root];
  while (stack.length) {
    const item = stack.pop();
    if (Array.isArray(item)) {
      for (let i = item.length - 1; i >= 0; i--) stack.push(item[i]);
      continue;
    }
    if (!item || typeof item !== 'object' || typeof (item as { type?: unknown }).type !== 'string') continue;
    if (visit(item as Node)) return;
    const children: unknown[] = [];
    for (const [key, value] of Object.entries(item)) {
      if (key !== 'loc' && value && typeof value === 'object') children.push(value);
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
}
