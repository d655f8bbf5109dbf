// A function's KeyValueStore in the scenario document: checked against CloudFront's quotas on the
// way in, and carried unchanged through a share link.
import { describe, expect, it } from 'vitest';
import type { EdgeFunction, Scenario } from '../engine/scenario';
import { ScenarioError } from '../engine/errors';
import { cloneDefaultScenario } from './presets/default';
import { parseScenario } from './schema';
import { decodeScenarioFromHash, encodeScenarioToHash } from './urlCodec';

const CODE =
  "import cf from 'cloudfront';\nconst kvs = cf.kvs();\nasync function handler(event) {\n  event.request.uri = await kvs.get(event.request.uri);\n  return event.request;\n}";

function withStore(kvs: Record<string, string>): Scenario {
  const s = cloneDefaultScenario();
  const fn: EdgeFunction = {
    name: 'redirects',
    kind: 'cloudfront-function',
    runtime: 'cloudfront-js-2.0',
    code: CODE,
    kvs,
  };
  s.functions = [...(s.functions ?? []), fn];
  return s;
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

describe('KeyValueStore in the scenario', () => {
  it('round-trips through a share link, keys and values unchanged', () => {
    const s = withStore({ '/old': '/new', config: '{"ttl":60}', café: '東京' });
    const r = decodeScenarioFromHash(encodeScenarioToHash(s));
    expect(r.ok && r.scenario.functions?.find((f) => f.name === 'redirects')?.kvs).toEqual({
      '/old': '/new',
      config: '{"ttl":60}',
      café: '東京',
    });
  });

  it('accepts a key of exactly 512 bytes and a value of exactly 1,024 bytes', () => {
    expect(errorOf(withStore({ ['k'.repeat(512)]: 'v'.repeat(1024) }))).toBe('no error');
  });

  it('refuses a value over 1 KB, naming the key and the limit', () => {
    expect(errorOf(withStore({ big: 'v'.repeat(1025) }))).toMatch(
      /kvs.*the value of key "big" is 1,025 bytes; values are at most 1,024 bytes/,
    );
  });

  it('refuses a key over 512 bytes, counted in UTF-8 (171 euro signs = 513 bytes)', () => {
    expect(errorOf(withStore({ ['€'.repeat(171)]: 'x' }))).toMatch(
      /is 513 bytes; keys are at most 512 bytes/,
    );
  });

  it('refuses a store over 5 MB', () => {
    const store: Record<string, string> = {};
    // 5,200 keys of 6 bytes + values of 1,018 bytes = 1,024 bytes each: 5,324,800 bytes > 5,242,880
    for (let i = 0; i < 5200; i++) store[`k${String(i).padStart(5, '0')}`] = 'v'.repeat(1018);
    expect(errorOf(withStore(store))).toMatch(
      /the store holds 5,324,800 bytes; a KeyValueStore holds at most 5 MB \(5,242,880 bytes\)/,
    );
  });
});
