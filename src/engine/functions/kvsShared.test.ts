// One named KeyValueStore associated with two CloudFront Functions (issue 4): both read the same
// data through cf.kvs(), and createEngine refuses a function naming a store that does not exist.
import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../errors';
import type { EdgeFunction, Scenario } from '../scenario';
import { createEngine } from '../sim/createEngine';
import { catalogScenario, DOMAIN } from '../sim/testing/harness';

const READER = (header: string) => `import cf from 'cloudfront';
const kvs = cf.kvs();
async function handler(event) {
  const target = event.response || event.request;
  target.headers['${header}'] = { value: await kvs.get('greeting') };
  if (event.response && event.request.headers['x-a']) target.headers['x-a-seen'] = event.request.headers['x-a'];
  return target;
}`;

function fn(name: string, code: string, extra: Partial<EdgeFunction> = {}): EdgeFunction {
  return { name, kind: 'cloudfront-function', runtime: 'cloudfront-js-2.0', code, ...extra };
}

function scenario(functions: EdgeFunction[]): Scenario {
  const s = catalogScenario();
  s.distribution.defaultCacheBehavior.functionAssociations = [
    { eventType: 'viewer-request', functionName: 'a' },
    { eventType: 'viewer-response', functionName: 'b' },
  ];
  return { ...s, keyValueStores: { site: { data: { greeting: 'hello from the shared store' } } }, functions };
}

describe('a KeyValueStore shared by two functions', () => {
  it('both functions read the same value', async () => {
    const engine = await createEngine(
      scenario([
        fn('a', READER('x-a'), { keyValueStoreName: 'site' }),
        fn('b', READER('x-b'), { keyValueStoreName: 'site' }),
      ]),
    );
    const r = await engine.request({ method: 'GET', url: `https://${DOMAIN}/i/1.png` });
    expect(r.status).toBe(200);
    expect(r.headers['x-a-seen']).toBe('hello from the shared store'); // read by "a", viewer-request
    expect(r.headers['x-b']).toBe('hello from the shared store'); // read by "b", viewer-response
  });

  it('createEngine names the field when the store does not exist', async () => {
    const bad = scenario([
      fn('a', READER('x-a'), { keyValueStoreName: 'site' }),
      fn('b', READER('x-b'), { keyValueStoreName: 'sites' }),
    ]);
    const err = await createEngine(bad).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ScenarioError);
    expect((err as ScenarioError).field).toBe('functions[1].keyValueStoreName');
    expect((err as ScenarioError).message).toBe(
      'no KeyValueStore named "sites" in keyValueStores: create it or name one of "site"',
    );
  });
});
