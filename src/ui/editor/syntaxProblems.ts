// Syntax problems of edge-function code with their position, for editor markers. The rules are
// the import-time check's own (src/scenario/functionSyntax.ts): one rule set, two wordings.
// Only a parse (acorn never executes code), so it is safe and cheap on the main thread.
import type { EdgeFunction } from '../../engine/scenario';
import { findFunctionSyntaxProblems, type FunctionRuntime } from '../../scenario/functionSyntax';

export interface SyntaxProblem {
  /** 1-based, like Monaco */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
}

function runtimeOf(fn: Pick<EdgeFunction, 'kind' | 'runtime'>): FunctionRuntime {
  if (fn.kind === 'lambda-edge') return 'lambda-edge';
  return fn.runtime === 'cloudfront-js-1.0' ? 'cloudfront-js-1.0' : 'cloudfront-js-2.0';
}

/** Every problem found (a parse error stops at the first one, like any parser). */
export function findSyntaxProblems(
  code: string,
  fn: Pick<EdgeFunction, 'kind' | 'runtime'>,
): SyntaxProblem[] {
  const runtime = runtimeOf(fn);
  return findFunctionSyntaxProblems(code, runtime).map((p) => ({
    line: p.line,
    column: p.column,
    endLine: p.endLine,
    endColumn: p.endColumn,
    message:
      p.kind === 'parse'
        ? `Syntax error: ${p.what}${runtime === 'cloudfront-js-1.0' ? ' (runtime 1.0 reads ES 5.1 plus some ES6-9; switch to 2.0 for newer syntax)' : ''}`
        : `Runtime cloudfront-js-1.0 does not support ${p.what}: ${p.instead}, or switch the function to runtime 2.0.`,
  }));
}
