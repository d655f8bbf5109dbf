// The editor's pure helpers: syntax markers per runtime, the type hint, the line diff and test events.
import { describe, expect, it } from 'vitest';
import { withTypeHint } from './functionTypes';
import { lineDiff, stableJson } from './lineDiff';
import { checkFunctionSyntax } from '../../scenario/functionSyntax';
import { findSyntaxProblems } from './syntaxProblems';
import { buildTestEvent, inputCounterpart } from './testEvents';

const CF10 = { kind: 'cloudfront-function', runtime: 'cloudfront-js-1.0' } as const;
const CF20 = { kind: 'cloudfront-function', runtime: 'cloudfront-js-2.0' } as const;

describe('findSyntaxProblems', () => {
  it('marks const and async at their line and column under runtime 1.0, and nothing under 2.0', () => {
    const code =
      'function handler(event) {\n  const r = event.request;\n  return r;\n}\nasync function f() {}\n';
    const problems = findSyntaxProblems(code, CF10);
    expect(problems.map((p) => [p.line, p.column, p.endColumn])).toEqual([
      [2, 3, 27],
      [5, 1, 22],
    ]);
    expect(problems[0].message).toBe(
      "Runtime cloudfront-js-1.0 does not support 'const': use 'var', or switch the function to runtime 2.0.",
    );
    expect(findSyntaxProblems(code, CF20)).toEqual([]);
  });

  it('reports a parse error where the parser stopped', () => {
    const [p] = findSyntaxProblems('function handler(event) {\n  return event.;\n}', CF20);
    expect([p.line, p.column]).toEqual([2, 16]);
    expect(p.message).toBe('Syntax error: Unexpected token');
  });

  it('reads optional chaining as too new for 1.0 (ES2020) but fine for 2.0', () => {
    const code = 'function handler(e) { return e?.request; }';
    expect(findSyntaxProblems(code, CF10)[0].message).toMatch(/^Syntax error: .*switch to 2\.0/);
    expect(findSyntaxProblems(code, CF20)).toEqual([]);
  });

  it('uses the import-time rules: the first marker is the problem a scenario load names', () => {
    const code = 'function handler(e) {\n  var a = 1;\n  let b = a;\n  class C {}\n  return e.request;\n}';
    const [first, second] = findSyntaxProblems(code, CF10);
    expect([first.line, second.line]).toEqual([3, 4]);
    expect(checkFunctionSyntax(code, 'cloudfront-js-1.0')).toBe(
      "line 3: runtime cloudfront-js-1.0 does not support 'let': use 'var', or switch the function to cloudfront-js-2.0",
    );
  });
});

describe('withTypeHint', () => {
  it('annotates the handler once, by kind and event type', () => {
    const code = '// c\nasync function handler(event) {\n  return event.response;\n}\n';
    const hinted = withTypeHint(code, 'cloudfront-function', 'viewer-response');
    expect(hinted).toBe(
      '// c\n/** @param {AWSCloudFrontFunction.ViewerResponseEvent} event */\nasync function handler(event) {\n  return event.response;\n}\n',
    );
    expect(withTypeHint(hinted, 'cloudfront-function', 'viewer-response')).toBe(hinted);
    expect(withTypeHint('exports.handler = async (e) => e;', 'lambda-edge', 'origin-request')).toBe(
      '/** @type {AWSLambdaEdge.Handler} */\nexports.handler = async (e) => e;',
    );
  });
});

describe('lineDiff', () => {
  it('marks added and removed lines around the common ones', () => {
    expect(lineDiff('a\nb\nc', 'a\nx\nc\nd')).toEqual([
      { kind: 'same', text: 'a' },
      { kind: 'removed', text: 'b' },
      { kind: 'added', text: 'x' },
      { kind: 'same', text: 'c' },
      { kind: 'added', text: 'd' },
    ]);
  });

  it('sorts keys so key order is not a change', () => {
    expect(stableJson({ b: 1, a: { d: 2, c: 3 } })).toBe(stableJson({ a: { c: 3, d: 2 }, b: 1 }));
  });
});

describe('buildTestEvent', () => {
  const form = { method: 'GET', uri: '/a', query: 'p=1&p=2', headers: 'Host: x.com', cookies: 'ab=b; s=1' };

  it('builds a CloudFront Functions viewer-response event with multi-value query and a sample response', () => {
    const ev = buildTestEvent('cloudfront-function', 'viewer-response', form) as Record<string, never>;
    expect(ev.request).toEqual({
      method: 'GET',
      uri: '/a',
      querystring: { p: { value: '1', multiValue: [{ value: '1' }, { value: '2' }] } },
      headers: { host: { value: 'x.com' } },
      cookies: { ab: { value: 'b' }, s: { value: '1' } },
    });
    expect(ev.response).toEqual({
      statusCode: 200,
      statusDescription: 'OK',
      headers: { 'content-type': { value: 'text/html' }, 'cache-control': { value: 'max-age=3600' } },
      cookies: {},
    });
  });

  it('builds a Lambda@Edge origin-request event with the cookie header and raw query string', () => {
    const ev = buildTestEvent('lambda-edge', 'origin-request', form);
    expect(ev).toEqual({
      Records: [
        {
          cf: {
            config: { eventType: 'origin-request' },
            request: {
              clientIp: '198.51.100.10',
              method: 'GET',
              uri: '/a',
              querystring: 'p=1&p=2',
              headers: {
                host: [{ key: 'Host', value: 'x.com' }],
                cookie: [{ key: 'Cookie', value: 'ab=b; s=1' }],
              },
            },
          },
        },
      ],
    });
    expect(inputCounterpart('lambda-edge', ev, { uri: '/b' })).toEqual(
      (ev as { Records: { cf: { request: unknown } }[] }).Records[0].cf.request,
    );
  });
});
