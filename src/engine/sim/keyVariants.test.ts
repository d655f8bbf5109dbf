// run() finds the key id of a header or cookie variant from interned suffixes (KeyBuilder's
// fast path) instead of building the key; request() builds it. Both must name the same cache
// entry, or run() traffic would warm entries request() never finds (and the reverse).
import { describe, expect, it } from 'vitest';
import { normalizeScenario } from '../normalize';
import type { Scenario } from '../scenario';
import { buildCatalogs } from '../traffic/catalog';
import { KeyBuilder } from './keys';
import { RequestCtx } from './model';
import { catalogScenario } from './testing/harness';

function keyedScenario(): Scenario {
  const s = catalogScenario();
  s.cachePolicies = {
    keyed: {
      name: 'keyed',
      minTtl: 1,
      defaultTtl: 86_400,
      maxTtl: 31_536_000,
      headerBehavior: 'whitelist',
      headers: ['accept-language', 'x-device'],
      cookieBehavior: 'whitelist',
      cookies: ['session'],
      queryStringBehavior: 'whitelist',
      queryStrings: ['cb'],
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    },
  };
  s.distribution.defaultCacheBehavior.cachePolicyId = 'keyed';
  return s;
}

/** A request for catalog object `i` as run() (`fromRun`) or request() prepares it. */
function ctxFor(s: Scenario, i: number, headers: Record<string, string[]>, fromRun: boolean): RequestCtx {
  const ns = normalizeScenario(s);
  const ctx = new RequestCtx();
  ctx.behavior = ns.behaviors[ns.behaviors.length - 1];
  ctx.method = 'GET';
  ctx.httpVersion = '2.0';
  ctx.uri = ctx.originalUri = `/i/${i}.png`;
  ctx.headers = headers;
  ctx.catalogSlot = fromRun ? 0 : -1;
  ctx.catalogIndex = fromRun ? i : -1;
  ctx.lightOriginRequests = fromRun;
  ctx.trace = fromRun ? null : [];
  return ctx;
}

const VARIANTS: Record<string, string[]>[] = [
  {},
  { 'accept-language': ['de-DE'] },
  { cookie: ['session=42'] },
  { cookie: ['theme=dark; session=42'] }, // same key as the line above: only 'session' is keyed
  { 'accept-language': ['de-DE'], 'x-device': ['mobile'], cookie: ['session=7'] },
  { 'accept-language': [''] },
  { 'accept-encoding': ['gzip'], 'accept-language': ['fr-FR'] },
  { 'accept-language': ['en-US', 'en-GB'] }, // a repeated header: run() takes the general path
];

describe('interned key variants (run()) name the entries request() computes', () => {
  it('same key id for every header / cookie variant, repeated (memo hits) or not', () => {
    const s = keyedScenario();
    const keys = new KeyBuilder(normalizeScenario(s));
    keys.useCatalogs(buildCatalogs(s));
    const ids = new Map<string, number>();
    for (let round = 0; round < 2; round++) {
      for (const [v, h] of VARIANTS.entries()) {
        for (const i of [0, 7, 99]) {
          const run = ctxFor(s, i, h, true);
          keys.compute(run);
          const req = ctxFor(s, i, h, false);
          keys.compute(req);
          expect([v, i, run.keyId]).toEqual([v, i, req.keyId]);
          expect(run.keyId).toBeGreaterThanOrEqual(0);
          ids.set(`${v}:${i}`, run.keyId);
        }
      }
    }
    // distinct variants are distinct entries, except the two cookie lines that key the same
    const distinct = new Set([0, 7, 99].flatMap((i) => VARIANTS.map((_, v) => ids.get(`${v}:${i}`))));
    expect(distinct.size).toBe(3 * (VARIANTS.length - 1));
    expect(ids.get('2:7')).toBe(ids.get('3:7'));
  });

  it('a whitelisted query string in the key keeps the general path (a string key)', () => {
    const s = keyedScenario();
    const keys = new KeyBuilder(normalizeScenario(s));
    keys.useCatalogs(buildCatalogs(s));
    const run = ctxFor(s, 3, { 'accept-language': ['de-DE'] }, true);
    run.querystring = run.originalQuery = 'cb=1';
    keys.compute(run);
    expect([run.keyId, run.key]).toEqual([
      -1,
      `${s.distribution.domainName}/i/3.png?cb=1\nh\naccept-language:de-DE`,
    ]);
  });
});
