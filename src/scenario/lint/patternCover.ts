// Exact path-pattern inclusion: does every path pattern B matches also match an earlier pattern
// (or one of several)? CloudFront patterns are globs ('*' any run, '?' one character, anchored,
// a leading '/' optional; src/engine/routing/pathPattern.ts), so their languages are regular and
// inclusion is decided by walking the product of their subset automata. Every character that
// appears in no pattern behaves the same, so one stand-in character represents them all and the
// alphabet stays small. The walk is bounded: past the bound the answer is 'unknown' and the lint
// says nothing (it never reports a shadow it cannot prove).

/** Product states explored before giving up (patterns this large are not written by hand). */
export const COVER_STATE_LIMIT = 20_000;

export type CoverResult =
  | { covered: true }
  /** a path the pattern matches that none of the covering patterns matches */
  | { covered: false; witness: string }
  | { covered: 'unknown' };

/** The glob the engine matches: '&amp;' decoded, one leading '/' dropped. */
export function globOf(pattern: string): string {
  const p = pattern.includes('&amp;') ? pattern.replaceAll('&amp;', '&') : pattern;
  return p.startsWith('/') ? p.slice(1) : p;
}

/** Positions of a glob's NFA reachable without reading: a '*' may match nothing. */
function closure(glob: string, states: number[]): number[] {
  const out = new Set<number>();
  for (const s of states) {
    let i = s;
    out.add(i);
    while (i < glob.length && glob[i] === '*') out.add(++i);
  }
  return [...out].sort((a, b) => a - b);
}

function step(glob: string, states: readonly number[], ch: string): number[] {
  const next: number[] = [];
  for (const i of states) {
    if (i >= glob.length) continue;
    const g = glob[i];
    if (g === '*') next.push(i);
    else if (g === '?' || g === ch) next.push(i + 1);
  }
  return closure(glob, next);
}

const accepts = (glob: string, states: readonly number[]) => states.includes(glob.length);

/** A character no pattern contains, standing in for every such character. */
function standIn(globs: readonly string[]): string {
  const used = new Set(globs.join(''));
  for (const c of 'xqz0§é~ñü') if (!used.has(c)) return c;
  for (let code = 0x100; ; code++) if (!used.has(String.fromCharCode(code))) return String.fromCharCode(code);
}

/** Literal text before the first '*' and after the last one ('?' kept: it matches any one character). */
function ends(glob: string): { head: string; tail: string; star: boolean } {
  const first = glob.indexOf('*');
  if (first < 0) return { head: glob, tail: glob, star: false };
  return { head: glob.slice(0, first), tail: glob.slice(glob.lastIndexOf('*') + 1), star: true };
}

function charsAgree(a: string, b: string): boolean {
  return a === b || a === '?' || b === '?';
}

/** One string is a prefix of the other, position by position ('?' agrees with anything). */
function prefixesAgree(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (!charsAgree(a[i], b[i])) return false;
  return true;
}

function suffixesAgree(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 1; i <= n; i++) if (!charsAgree(a[a.length - i], b[b.length - i])) return false;
  return true;
}

/**
 * A cheap necessary condition for two globs to match a common path: their fixed starts agree,
 * and so do their fixed ends. False means they certainly share no path (so one cannot help cover
 * the other); true means they may.
 */
export function mayOverlap(patternA: string, patternB: string): boolean {
  const a = ends(globOf(patternA));
  const b = ends(globOf(patternB));
  if (!a.star && !b.star) return a.head.length === b.head.length && prefixesAgree(a.head, b.head);
  return prefixesAgree(a.head, b.head) && suffixesAgree(a.tail, b.tail);
}

interface Node {
  sets: number[][];
  parent: number;
  ch: string;
}

/**
 * Whether every path `pattern` matches is matched by at least one of `covering` (checked in the
 * engine's own terms: case-sensitive, raw path, leading '/' optional).
 */
export function coveredBy(pattern: string, covering: readonly string[]): CoverResult {
  const b = globOf(pattern);
  if (covering.some((c) => globOf(c) === '*' || globOf(c) === b)) return { covered: true };
  // Patterns that share no path with this one cannot help cover it (a smaller product to walk).
  const as = covering.filter((c) => mayOverlap(c, pattern)).map(globOf);
  const globs = [b, ...as];
  const alphabet = [...new Set(globs.join('').replace(/[*?]/g, ''))];
  alphabet.push(standIn(globs));

  const start: Node = { sets: globs.map((g) => closure(g, [0])), parent: -1, ch: '' };
  const nodes: Node[] = [start];
  const seen = new Set<string>([key(start.sets)]);
  for (let n = 0; n < nodes.length; n++) {
    const { sets } = nodes[n];
    if (accepts(b, sets[0]) && !as.some((g, k) => accepts(g, sets[k + 1]))) {
      return { covered: false, witness: `/${witness(nodes, n)}` };
    }
    for (const ch of alphabet) {
      const next = globs.map((g, k) => step(g, sets[k], ch));
      if (next[0].length === 0) continue; // B can match nothing from here
      const k = key(next);
      if (seen.has(k)) continue;
      if (nodes.length >= COVER_STATE_LIMIT) return { covered: 'unknown' };
      seen.add(k);
      nodes.push({ sets: next, parent: n, ch });
    }
  }
  return { covered: true };
}

function key(sets: readonly number[][]): string {
  return sets.map((s) => s.join(',')).join('|');
}

function witness(nodes: readonly Node[], n: number): string {
  let s = '';
  for (let i = n; i > 0; i = nodes[i].parent) s = nodes[i].ch + s;
  return s;
}
