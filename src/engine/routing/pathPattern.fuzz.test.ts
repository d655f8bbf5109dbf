// Fuzzing path patterns (issue 10): 10,000 generated patterns and paths, biased towards wildcards and
// near-misses. Every pattern is either valid or refused with a sentence naming the path pattern;
// every valid pattern matches exactly what an independent reference matcher says, and matching never
// hangs (a backtracking RegExp took seconds on '*a*a*a*a*a*a*b': see wildcardMatch).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePathPattern, PATH_PATTERN_LIMITS, validatePathPattern } from './pathPattern';

const RUNS = 10_000;
/** The hang guard, not a speed target: one match takes microseconds. */
const HANG_MS = 1_000;

/** Reference semantics by dynamic programming over (pattern, path) prefixes: obviously correct, slow. */
function referenceMatch(pattern: string, path: string): boolean {
  const p = pattern.replaceAll('&amp;', '&').startsWith('/')
    ? pattern.replaceAll('&amp;', '&').slice(1)
    : pattern.replaceAll('&amp;', '&');
  const s = path.startsWith('/') ? path.slice(1) : path;
  let row = new Array<boolean>(s.length + 1).fill(false);
  row[0] = true;
  for (let i = 0; i < p.length; i++) {
    const next = new Array<boolean>(s.length + 1).fill(false);
    if (p[i] === '*') {
      for (let j = 0; j <= s.length; j++) next[j] = row[j] || (j > 0 && next[j - 1]);
    } else {
      for (let j = 1; j <= s.length; j++) next[j] = row[j - 1] && (p[i] === '?' || p[i] === s[j - 1]);
    }
    row = next;
  }
  return row[s.length];
}

// Small alphabets make matches and near-misses likely; the odd character tests validation.
const patternChar = fc.constantFrom(
  '*',
  '*',
  '?',
  'a',
  'b',
  '/',
  '.',
  '-',
  '&',
  ' ',
  '%',
  '\\',
  '[',
  '(',
  '^',
);
const pathChar = fc.constantFrom('a', 'b', '/', '.', '-', '&', '*', '?', '%', 'é');
const patterns = fc.oneof(
  fc.array(patternChar, { maxLength: 40 }).map((cs) => cs.join('')),
  // The shape that froze the backtracking RegExp, with many stars.
  fc.integer({ min: 1, max: 40 }).map((k) => '*a'.repeat(k) + 'b'),
  fc.string({ maxLength: 300 }),
);
const paths = fc.oneof(
  fc.array(pathChar, { maxLength: 60 }).map((cs) => cs.join('')),
  fc.integer({ min: 0, max: 2_000 }).map((n) => '/' + 'a'.repeat(n)),
);

describe('path patterns under 10,000 generated patterns and paths', () => {
  it('validate with a clear message and match exactly like the reference, without hanging', () => {
    let slowest = 0;
    let valid = 0;
    const started = performance.now();
    fc.assert(
      fc.property(patterns, paths, (pattern, path) => {
        const problem = validatePathPattern(pattern);
        if (problem !== null) {
          expect(problem).toMatch(/^The path pattern /);
          return;
        }
        valid++;
        const t0 = performance.now();
        const got = compilePathPattern(pattern)(path);
        slowest = Math.max(slowest, performance.now() - t0);
        expect(got).toBe(referenceMatch(pattern, path));
      }),
      { numRuns: RUNS },
    );
    const total = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `path pattern fuzz: ${RUNS} inputs (${valid} valid) in ${total} s, slowest match ${slowest.toFixed(2)} ms`,
    );
    expect(slowest).toBeLessThan(HANG_MS);
  }, 120_000);

  it('matches the worst valid pattern against a long path in linear time', () => {
    const pattern = ('*a'.repeat(PATH_PATTERN_LIMITS.maxLength / 2 - 1) + 'b').slice(
      0,
      PATH_PATTERN_LIMITS.maxLength,
    );
    expect(validatePathPattern(pattern)).toBeNull();
    expect(compilePathPattern(pattern)('/' + 'a'.repeat(8_000))).toBe(false);
    expect(compilePathPattern(pattern)('/' + 'a'.repeat(8_000) + 'b')).toBe(true);
  });
});
