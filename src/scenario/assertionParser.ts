// Reads the assertion language (see ./assertions for the grammar) into an AST; never eval'd.
// Errors name the 1-based column and what was expected there.
import type { ComparisonOp, MetricAssertion, ParseResult, RequestAssertion } from './assertionTypes';
import {
  METRIC_WORDS,
  RATE_METRICS,
  RATE_OF,
  closeLocations,
  metricByName,
  readLocation,
} from './assertionWords';

const OPS: ComparisonOp[] = ['>=', '<=', '==', '!=', '>', '<'];
const TIME_UNITS: Record<string, number> = {
  ms: 1,
  s: 1000,
  sec: 1000,
  second: 1000,
  seconds: 1000,
  m: 60_000,
  min: 60_000,
  mins: 60_000,
  minute: 60_000,
  minutes: 60_000,
  h: 3_600_000,
  hour: 3_600_000,
  hours: 3_600_000,
};
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** A character cursor over the expression; errors carry the 1-based column. */
class Cursor {
  i = 0;
  constructor(readonly text: string) {}
  skipSpace(): void {
    while (this.i < this.text.length && /\s/.test(this.text[this.i])) this.i++;
  }
  atEnd(): boolean {
    this.skipSpace();
    return this.i >= this.text.length;
  }
  /** next run of characters matching `re` (one char class), or '' */
  take(re: RegExp): string {
    this.skipSpace();
    const start = this.i;
    while (this.i < this.text.length && re.test(this.text[this.i])) this.i++;
    return this.text.slice(start, this.i);
  }
  peekWord(): string {
    this.skipSpace();
    const m = /^[A-Za-z]+/.exec(this.text.slice(this.i));
    return m ? m[0] : '';
  }
  eat(literal: string): boolean {
    this.skipSpace();
    if (this.text.startsWith(literal, this.i)) {
      this.i += literal.length;
      return true;
    }
    return false;
  }
  fail(what: string): never {
    this.skipSpace();
    const found = this.i < this.text.length ? `"${this.text.slice(this.i, this.i + 12)}"` : 'the end';
    throw new AssertionSyntaxError(`at column ${this.i + 1}: expected ${what}, found ${found}`, this.i + 1);
  }
  /** fails at `at` with a whole sentence (when "found ..." would not say enough) */
  failAt(at: number, message: string): never {
    this.i = at;
    throw new AssertionSyntaxError(`at column ${at + 1}: ${message}`, at + 1);
  }
}

class AssertionSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
  }
}

function parseOp(c: Cursor): ComparisonOp {
  c.skipSpace();
  for (const op of OPS) if (c.eat(op)) return op;
  if (c.eat('=')) return '==';
  return c.fail('a comparison (>, >=, <, <=, ==, !=)');
}

function parseNumber(c: Cursor, what: string): number {
  const digits = c.take(/[0-9._]/);
  const n = Number(digits.replace(/_/g, ''));
  if (digits === '' || !Number.isFinite(n)) c.fail(what);
  return n;
}

/** `after 600s`, `after 10min`; 0 when absent */
function parseAfter(c: Cursor): number {
  if (c.peekWord().toLowerCase() !== 'after') return 0;
  c.eat(c.peekWord());
  const n = parseNumber(c, 'a time such as 600s after "after"');
  const unit = c.take(/[a-z]/i).toLowerCase() || 's';
  const scale = TIME_UNITS[unit];
  if (scale === undefined) c.fail('a time unit (ms, s, min, h)');
  return n * scale;
}

const METRIC_LIST = Object.values(METRIC_WORDS).join(', ');

/** `for /api/*`: a behavior's path pattern as written; "default" means the default behavior ('*'). */
const FOR_BEHAVIOR = /\s+for\s+(\S*)\s*$/i;

function parseMetric(c: Cursor): MetricAssertion {
  c.skipSpace();
  const start = c.i;
  // The metric phrase runs to the comparison: names and path patterns never contain < > = !.
  const opAt = c.text.slice(start).search(/[<>=!]/);
  const end = opAt < 0 ? c.text.length : start + opAt;
  const phrase = c.text.slice(start, end);
  const forMatch = FOR_BEHAVIOR.exec(phrase);
  const name = forMatch ? phrase.slice(0, forMatch.index) : phrase;
  let metric = metricByName(name);
  if (name.trim() === '') c.fail('a metric name or an HTTP method');
  if (metric === undefined) {
    c.fail(`a metric (${METRIC_LIST}) or a request check like "GET /index.html from Tokyo -> X-Cache: Hit"`);
  }
  let behavior: string | undefined;
  if (forMatch) {
    if (metric !== 'originRequests' && metric !== 'originRequestsPerSecond') {
      // column of the word "for"
      c.failAt(
        start + forMatch.index + forMatch[0].length - forMatch[0].trimStart().length,
        `only origin requests can be measured for one cache behavior, e.g. "origin requests for /api/* < 100/s"; ${METRIC_WORDS[metric]} covers the whole distribution`,
      );
    }
    const pattern = forMatch[1];
    if (pattern === '') c.failAt(end, 'expected a cache behavior\'s path pattern after "for", e.g. /api/*');
    behavior = pattern.toLowerCase() === 'default' ? '*' : pattern;
  }
  c.i = end;
  const op = parseOp(c);
  c.skipSpace();
  const dollarAt = c.i;
  if (c.eat('$') && metric !== 'cost' && metric !== 'costPerMonth') {
    c.failAt(dollarAt, `expected a number without "$": only cost and cost per month are in dollars`);
  }
  let value = parseNumber(c, 'a number');
  c.skipSpace();
  const unitStart = c.i;
  if (c.eat('%')) value /= 100;
  else if (c.eat('/') || c.peekWord().toLowerCase() === 'per') {
    // a rate: "100/s", "6000 per minute"; a count metric switches to its per-second form
    if (c.text[unitStart] !== '/') c.eat(c.peekWord());
    const unit = c.take(/[a-z]/i).toLowerCase();
    const scale = TIME_UNITS[unit];
    if (scale === undefined) {
      c.i = unitStart;
      c.fail('a rate unit such as /s or /min');
    }
    const perSecond = RATE_OF[metric];
    if (perSecond) metric = perSecond;
    else if (!RATE_METRICS.has(metric)) {
      c.failAt(unitStart, `expected a plain number: ${METRIC_WORDS[metric]} is not counted per second`);
    }
    value = (value * 1000) / scale;
  } else {
    // an optional unit on the threshold: ms/s for latency and time
    const unit = c.take(/[a-z]/i).toLowerCase();
    if (unit === 'after') c.i = unitStart;
    else if (unit !== '') {
      const scale = TIME_UNITS[unit];
      if (scale === undefined) {
        c.i = unitStart;
        c.fail('a unit (%, /s, ms, s, min), "after" or the end');
      }
      value = metric === 'latencyMs' ? value * scale : (value * scale) / 1000;
    }
  }
  const ast: MetricAssertion = { kind: 'metric', metric, op, value, afterMs: parseAfter(c) };
  if (behavior !== undefined) ast.behavior = behavior;
  return ast;
}

/** One word of a location: letters (any script), digits, dots, apostrophes, inner hyphens ("NRT51-C1"). */
const LOCATION_WORD = /[\p{L}\p{N}.'’]+(?:-(?!>)[\p{L}\p{N}]+)*/uy;

/** `from NRT`, `from NRT51-C1`, `from Tokyo`, `from New York`: the PoP code the probe asks for. */
function parseLocation(c: Cursor): string {
  c.skipSpace();
  const at = c.i;
  const words: { word: string; end: number }[] = [];
  let i = at;
  while (words.length < 4) {
    while (i < c.text.length && /\s/.test(c.text[i])) i++;
    LOCATION_WORD.lastIndex = i;
    const m = LOCATION_WORD.exec(c.text);
    if (!m || (words.length > 0 && m[0].toLowerCase() === 'country')) break;
    words.push({ word: m[0], end: i + m[0].length });
    i += m[0].length;
  }
  if (words.length === 0) c.fail('an edge location: a code such as NRT or NRT51-C1, or a city such as Tokyo');
  const list = words.map((w) => w.word);
  const { match, used } = readLocation(list);
  if (match.kind === 'found') {
    c.i = words[used - 1].end;
    return match.code;
  }
  if (match.kind === 'ambiguous') {
    const text = list.slice(0, used).join(' ');
    c.failAt(at, `"${text}" could be several edge locations: ${match.candidates.join(', ')}; name one`);
  }
  for (let n = list.length; n >= 1; n--) {
    const close = closeLocations(list.slice(0, n).join(' '));
    if (close.length > 0) {
      c.failAt(
        at,
        `"${list.slice(0, n).join(' ')}" is not an edge location; close matches: ${close.join(', ')}`,
      );
    }
  }
  return c.failAt(
    at,
    `"${list[0]}" is not an edge location: use a code such as NRT or NRT51-C1, or a city such as Tokyo`,
  );
}

function parseRequest(c: Cursor, method: string): RequestAssertion {
  c.skipSpace();
  if (c.text[c.i] !== '/') c.fail('a path starting with "/"');
  const path = c.take(/\S/);
  if (c.peekWord().toLowerCase() !== 'from') c.fail('"from" and a PoP code or city, e.g. "from NRT"');
  c.eat(c.peekWord());
  const pop = parseLocation(c);
  let country: string | undefined;
  if (c.peekWord().toLowerCase() === 'country') {
    c.eat(c.peekWord());
    c.skipSpace();
    const codeAt = c.i;
    country = c.take(/[A-Za-z]/).toUpperCase();
    if (country.length !== 2) {
      c.i = codeAt;
      c.fail('a two-letter country code such as JP after "country"');
    }
  }
  if (!c.eat('->')) c.fail('"->" followed by what the response must show');
  let expect: RequestAssertion['expect'];
  if (c.peekWord().toLowerCase() === 'status') {
    c.eat(c.peekWord());
    c.skipSpace();
    const op = /[<>=!]/.test(c.text[c.i] ?? '') ? parseOp(c) : '==';
    expect = { kind: 'status', op, value: parseNumber(c, 'a status code') };
  } else {
    const name = c.take(/[A-Za-z0-9-]/).toLowerCase();
    if (name === '') c.fail('a header name or "status"');
    if (!c.eat(':')) c.fail(`":" after the header name "${name}"`);
    c.skipSpace();
    const rest = c.text.slice(c.i);
    const afterAt = rest.search(/\s+after\s+\d/i);
    const value = (afterAt >= 0 ? rest.slice(0, afterAt) : rest).trim();
    if (value === '') c.fail(`the expected value of ${name}`);
    c.i += afterAt >= 0 ? afterAt : rest.length;
    expect = { kind: 'header', name, value };
  }
  const afterMs = parseAfter(c);
  return country === undefined
    ? { kind: 'request', method, path, pop, expect, afterMs }
    : { kind: 'request', method, path, pop, country, expect, afterMs };
}

/** Parses one assertion; errors name the column and what was expected there. */
export function parseAssertion(text: string): ParseResult {
  const c = new Cursor(text);
  try {
    const word = c.take(/[A-Za-z]/);
    if (word === '') c.fail('a metric name or an HTTP method');
    // A method in capitals, or in any case when a path follows ("get /a.html from Tokyo ...").
    const method = word.toUpperCase();
    const isRequest = METHODS.has(method) && (word === method || /^\s*\//.test(c.text.slice(c.i)));
    if (!isRequest) c.i -= word.length;
    const ast = isRequest ? parseRequest(c, method) : parseMetric(c);
    if (!c.atEnd()) c.fail('the end of the assertion');
    return { ok: true, ast };
  } catch (e) {
    if (e instanceof AssertionSyntaxError) {
      return { ok: false, error: `Cannot read "${text}" ${e.message}.`, position: e.position };
    }
    throw e;
  }
}
