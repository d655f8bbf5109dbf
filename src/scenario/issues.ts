// One shape for every problem found in a scenario (zod's and our own cross-field checks), and the
// wording users read: "<field path>: <what is wrong> (got <value>)". CloudFront imports rename the
// path into the API's field names (cloudfront/fieldNames.ts) before the message is built.
import { ScenarioError } from '../engine/errors';

export type PathSegment = string | number;

export interface Issue {
  path: PathSegment[];
  /** lower-case, human words: what is wrong and what to do */
  message: string;
  /** the offending value, shown as "(got …)" when present */
  got?: unknown;
  hasGot?: boolean;
}

/** An issue; pass the offending value as a third argument to show it as "(got …)". */
export function issue(path: PathSegment[], message: string, ...got: [] | [unknown]): Issue {
  return got.length ? { path, message, got: got[0], hasGot: true } : { path, message };
}

/** 'distribution.origins[0].connectionAttempts'; keys that are not identifiers are quoted. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(seg)) out += out ? `.${seg}` : seg;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out || '(document)';
}

/** A short rendering of a value for messages: strings quoted, long values cut. */
export function showValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  let text: string;
  try {
    text = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  } catch {
    text = String(value);
  }
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** How many issues one error message lists before "and N more". */
export const ISSUES_SHOWN = 3;

export function describeIssue(i: Issue, rename: (path: PathSegment[]) => string = formatPath): string {
  const got = i.hasGot ? ` (got ${showValue(i.got)})` : '';
  return `${rename(i.path)}: ${i.message}${got}`;
}

/** The error parseScenario / fromCloudFront throw: the first few issues, the first one's path as `field`. */
export function issuesToError(
  issues: readonly Issue[],
  rename: (path: PathSegment[]) => string = formatPath,
  lead = '',
): ScenarioError {
  const shown = issues.slice(0, ISSUES_SHOWN).map((i) => describeIssue(i, rename));
  const more = issues.length > ISSUES_SHOWN ? `; and ${issues.length - ISSUES_SHOWN} more` : '';
  return new ScenarioError(
    `${lead}${shown.join('; ')}${more}`,
    issues.length ? rename(issues[0].path) : undefined,
  );
}
