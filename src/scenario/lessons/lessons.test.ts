import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../engine/scenario';
import type { ViewerRequest } from '../../engine/types';
import { parseAssertion } from '../assertions';
import { parseScenario } from '../schema';
import { LESSONS, findLesson } from '.';
import { withCatalogCacheControl, withDefaultBehavior } from './base';
import { measureLesson, measureScenario, type ScenarioFigures } from './measure';
import { SIGNED_URL } from './signed-urls';

const expressions = (id: string) => findLesson(id)!.goals.map((g) => g.expression);
const total = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);
const hitRatio = (f: ScenarioFigures) =>
  (f.stats.hits + f.stats.refreshHits) / (f.stats.hits + f.stats.refreshHits + f.stats.misses);
const round = (n: number, digits = 0) => Math.round(n * 10 ** digits) / 10 ** digits;

/** The figures a lesson's text quotes, measured on its starting and its solved scenario. */
async function beforeAfter(id: string): Promise<[ScenarioFigures, ScenarioFigures]> {
  const l = findLesson(id)!;
  return [
    await measureScenario(l.scenario(), l.runMs),
    await measureScenario(l.solve(l.scenario()), l.runMs),
  ];
}

describe('lessons', () => {
  it('lists thirteen lessons in teaching order, numbered, with three hints each', () => {
    expect(LESSONS.map((l) => l.id)).toEqual([
      'why-cdn',
      'edge-locations',
      'origin-shield',
      'behaviors',
      'cache-keys',
      'ttls',
      'revalidation',
      'invalidation',
      'cloudfront-functions',
      'lambda-edge',
      'signed-urls',
      'failover',
      'cost',
    ]);
    expect(LESSONS.map((l) => l.title.split('. ')[0])).toEqual(LESSONS.map((_, i) => String(i + 1)));
    expect(findLesson('behaviors')!.title).toBe('4. Cache behaviors and path-pattern precedence');
    for (const l of LESSONS) {
      expect(l.hints).toHaveLength(3);
      for (const g of l.goals) expect(parseAssertion(g.expression).ok).toBe(true);
      // every starting scenario passes the app's own schema, so it loads like any other scenario
      expect(() => parseScenario(l.scenario())).not.toThrow();
      expect(() => parseScenario(l.solve(l.scenario()))).not.toThrow();
      expect(parseScenario(l.scenario()).assertions?.map((a) => a.expression)).toEqual(
        l.goals.map((g) => g.expression),
      );
    }
  });

  it.each(LESSONS.map((l) => [l.id] as const))(
    '%s: every goal fails at the start and passes once solved',
    async (id) => {
      const lesson = findLesson(id)!;
      const start = await measureLesson(lesson.scenario(), expressions(id), lesson.runMs);
      for (const e of start.evaluations) expect(e.status).toBe('fail');
      const solved = await measureLesson(lesson.solve(lesson.scenario()), expressions(id), lesson.runMs);
      for (const e of solved.evaluations) expect(e.status).toBe('pass');
    },
    120_000,
  );

  it('ttls: fixing the header at the origin passes the goals as well as a minimum TTL does', async () => {
    const l = findLesson('ttls')!;
    const fixed = withCatalogCacheControl(l.scenario(), 'assets', 'public, max-age=60, s-maxage=86400');
    const run = await measureLesson(fixed, expressions('ttls'), l.runMs);
    expect(run.evaluations.map((e) => e.status)).toEqual(['pass', 'pass']);
  });

  it('why-cdn: the edge cuts Tokyo latency from about 200 ms to about 30 ms', async () => {
    const l = findLesson('why-cdn')!;
    const before = await measureLesson(l.scenario(), ['latencyMs < 100'], l.runMs);
    const after = await measureLesson(l.solve(l.scenario()), ['latencyMs < 100'], l.runMs);
    expect(before.evaluations[0].measured).toBe(197.884);
    expect(after.evaluations[0].measured).toBe(31.0242);
  });
});

// Each runs the engine two to five times: generous timeouts for a loaded machine.
describe('the figures the new lessons quote', { timeout: 120_000 }, () => {
  it('edge-locations: a Sydney edge location cuts latency from 177 ms to 45 ms', async () => {
    const [before, after] = await beforeAfter('edge-locations');
    expect([round(before.latencyMs), round(after.latencyMs)]).toEqual([177, 45]);
  });

  it('behaviors: /api/products* first lifts the hit ratio from 0% to 80%, origin load from 200/s to 60/s', async () => {
    const [before, after] = await beforeAfter('behaviors');
    expect([round(hitRatio(before), 2), round(hitRatio(after), 2)]).toEqual([0, 0.8]);
    expect([
      round(total(before.stats.originRequests) / 180),
      round(total(after.stats.originRequests) / 180),
    ]).toEqual([200, 60]);
  });

  it('revalidation: max-age=0 instead of no-store cuts bytes from the origin from 1,189 MB to 639 MB', async () => {
    const [before, after] = await beforeAfter('revalidation');
    expect([round(before.stats.bytesFromOrigins / 1e6), round(after.stats.bytesFromOrigins / 1e6)]).toEqual([
      1189, 639,
    ]);
    // the same number of origin requests: each revalidation still asks the origin, it just gets a 304
    expect(total(after.stats.originRequests)).toBe(total(before.stats.originRequests));
    expect(round(after.stats.refreshHits / after.stats.requests, 2)).toBe(0.46);
  });

  it('cloudfront-functions: normalising the query string lifts the hit ratio from 25% to 60% for $105 a month', async () => {
    const [before, after] = await beforeAfter('cloudfront-functions');
    expect([round(hitRatio(before), 2), round(hitRatio(after), 2)]).toEqual([0.25, 0.6]);
    expect(round(after.costPerMonth['functions.cloudfront'])).toBe(105);
  });

  it('lambda-edge: origin-request runs the router on misses only (36,085 -> 17,262 calls, $331 -> $159)', async () => {
    const [before, after] = await beforeAfter('lambda-edge');
    expect(before.stats.functionInvocations['origin-by-cookie']).toBe(36_085);
    expect(after.stats.functionInvocations['origin-by-cookie']).toBe(17_262);
    expect(after.stats.misses).toBe(17_262);
    expect([
      round(before.costPerMonth['functions.lambda']),
      round(after.costPerMonth['functions.lambda']),
    ]).toEqual([331, 159]);
    expect([round(before.latencyMs), round(after.latencyMs)]).toEqual([67, 64]);
  });

  it('signed-urls: 27% of requests refused by country; unsigned premium 403, signed 200, licensed country 200', async () => {
    const [before, after] = await beforeAfter('signed-urls');
    expect(before.stats.errors).toBe(0);
    expect(round(after.stats.errors / after.stats.requests, 2)).toBe(0.27);
    const get = (path: string, country: string): ViewerRequest => ({
      method: 'GET',
      url: `https://d111111abcdef8.cloudfront.net${path}`,
      viewer: { pop: 'IAD', country },
    });
    expect((await after.request(get('/premium/movie.mp4', 'US'))).status).toBe(403);
    expect((await after.request(get(SIGNED_URL, 'US'))).status).toBe(200);
    expect((await after.request(get('/assets/0', 'US'))).status).toBe(200);
    expect((await after.request(get(SIGNED_URL, 'JP'))).status).toBe(403);
  });

  it('cost: compression and PriceClass_100 take the month from $2,887 to $1,056; shield adds $161', async () => {
    const l = findLesson('cost')!;
    const s = l.scenario();
    const month = async (x: Scenario) => (await measureScenario(x, l.runMs)).costPerMonth.total;
    const withShield: Scenario = {
      ...s,
      distribution: {
        ...s.distribution,
        origins: s.distribution.origins.map((o) => ({
          ...o,
          originShield: { enabled: true, originShieldRegion: 'us-east-1' },
        })),
      },
    };
    const before = await month(s);
    expect(round(before)).toBe(2887);
    expect(round(await month(withDefaultBehavior(s, { compress: true })))).toBe(1192);
    expect(
      round(await month({ ...s, distribution: { ...s.distribution, priceClass: 'PriceClass_100' } })),
    ).toBe(2580);
    const solved = await measureScenario(l.solve(s), l.runMs);
    expect(round(solved.costPerMonth.total)).toBe(1056);
    // PriceClass_100 serves Tokyo and Sydney from farther away: the average wait goes from 60 ms to 107 ms
    expect([round((await measureScenario(s, l.runMs)).latencyMs), round(solved.latencyMs)]).toEqual([
      60, 107,
    ]);
    expect(round((await month(withShield)) - before)).toBe(161);
  });
});
