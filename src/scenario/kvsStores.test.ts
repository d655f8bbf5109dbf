// Named KeyValueStores shared by several functions (issue 4): the scenario format's extension
// (`keyValueStores` + `EdgeFunction.keyValueStoreName`), its rules, and share links.
import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../engine/errors';
import type { EdgeFunction, Scenario } from '../engine/scenario';
import { toCloudFront } from './cloudfront';
import { cloneDefaultScenario } from './presets/default';
import { parseScenario } from './schema';
import { decodeScenarioFromHash, encodeScenarioToHash } from './urlCodec';

const CODE =
  "import cf from 'cloudfront';\nconst kvs = cf.kvs();\nasync function handler(event) {\n  event.request.uri = await kvs.get(event.request.uri);\n  return event.request;\n}";

function fn(name: string, extra: Partial<EdgeFunction> = {}): EdgeFunction {
  return { name, kind: 'cloudfront-function', runtime: 'cloudfront-js-2.0', code: CODE, ...extra };
}

function shared(extra: Partial<Scenario> = {}): Scenario {
  const s = cloneDefaultScenario();
  return {
    ...s,
    keyValueStores: { redirects: { comment: 'old paths', data: { '/old': '/new' } } },
    functions: [
      ...(s.functions ?? []),
      fn('a', { keyValueStoreName: 'redirects' }),
      fn('b', { keyValueStoreName: 'redirects' }),
    ],
    ...extra,
  };
}

function errorOf(s: unknown): string {
  try {
    parseScenario(s);
    return 'no error';
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError);
    return (e as Error).message;
  }
}

describe('named KeyValueStores in the scenario', () => {
  it('accepts one store named by two functions, and a scenario without stores as before', () => {
    expect(errorOf(shared())).toBe('no error');
    expect(errorOf(cloneDefaultScenario())).toBe('no error');
  });

  it('round-trips through a share link: the store and both associations', () => {
    const r = decodeScenarioFromHash(encodeScenarioToHash(shared()));
    expect(r.ok && r.scenario.keyValueStores).toEqual({
      redirects: { comment: 'old paths', data: { '/old': '/new' } },
    });
    expect(r.ok && r.scenario.functions?.filter((f) => f.keyValueStoreName).map((f) => f.name)).toEqual([
      'a',
      'b',
    ]);
  });

  it('refuses a function naming a store that does not exist, naming the field and the stores there are', () => {
    const s = shared();
    const n = s.functions!.length;
    s.functions![n - 1] = fn('b', { keyValueStoreName: 'redirect' });
    expect(errorOf(s)).toBe(
      `functions[${n - 1}].keyValueStoreName: no KeyValueStore named "redirect" in keyValueStores: create it or name one of "redirects"`,
    );
  });

  it('refuses a function with its own store that also names a shared one (one store per function)', () => {
    const s = shared();
    const n = s.functions!.length;
    s.functions![n - 1] = fn('b', { keyValueStoreName: 'redirects', kvs: { k: 'v' } });
    expect(errorOf(s)).toMatch(
      new RegExp(
        `^functions\\[${n - 1}\\]\\.keyValueStoreName: function "b" has its own store \\(kvs\\) and names the store "redirects"; a CloudFront Function has one KeyValueStore: remove one of the two`,
      ),
    );
  });

  it("refuses a store name outside CloudFront's pattern", () => {
    const s = shared({ keyValueStores: { 'my store': { data: {} } } });
    s.functions = s.functions!.filter((f) => !f.keyValueStoreName);
    expect(errorOf(s)).toMatch(
      /keyValueStores\["my store"\]: use only letters, digits, - and _ in a KeyValueStore name/,
    );
  });

  it('applies the 5 MB limit to each store', () => {
    const big: Record<string, string> = {};
    // 5,200 keys of 6 bytes + values of 1,018 bytes = 1,024 bytes each: 5,324,800 bytes > 5,242,880
    for (let i = 0; i < 5200; i++) big[`k${String(i).padStart(5, '0')}`] = 'v'.repeat(1018);
    expect(errorOf(shared({ keyValueStores: { redirects: { data: big } } }))).toMatch(
      /keyValueStores\.redirects\.data: the store holds 5,324,800 bytes; a KeyValueStore holds at most 5 MB/,
    );
    // two stores of 3 MB each are fine: the limit is per store
    const half: Record<string, string> = {};
    for (let i = 0; i < 3000; i++) half[`k${String(i).padStart(5, '0')}`] = 'v'.repeat(1018);
    expect(
      errorOf(shared({ keyValueStores: { redirects: { data: half }, other: { data: { ...half } } } })),
    ).toBe('no error');
  });

  it('exports each function with its copy of the shared store to CloudFront JSON', () => {
    const out = toCloudFront(shared());
    expect(out.Functions?.a).toMatchObject({ kvs: { '/old': '/new' } });
    expect(out.Functions?.b).toMatchObject({ kvs: { '/old': '/new' } });
  });
});
