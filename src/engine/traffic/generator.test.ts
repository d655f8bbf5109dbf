import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../errors';
import type { Scenario, ScheduledEvent, TrafficProfile, ViewerRegion } from '../scenario';
import { createRng } from '../util/rng';
import { buildCatalogs } from './catalog';
import { createGeneratedRequest, TrafficGenerator, type GeneratedRequest } from './generator';
import { DEFAULT_VIEWER_REGIONS, VARIATION } from './profile';
import { zipfProbability } from './zipf';

const EU: ViewerRegion = {
  id: 'eu',
  name: 'Europe',
  lat: 51.5,
  lon: 0,
  country: 'GB',
  weight: 3,
  utcOffset: 0,
  mobileShare: 0.2,
};
const US: ViewerRegion = {
  id: 'us',
  name: 'US',
  lat: 40.7,
  lon: -74,
  country: 'US',
  weight: 1,
  utcOffset: -5,
  mobileShare: 0.8,
};

function scenario(opts: {
  traffic?: Partial<TrafficProfile>;
  viewers?: ViewerRegion[] | null;
  events?: ScheduledEvent[];
  seed?: number;
  catalogs?: Record<string, number>;
}): Scenario {
  const catalogs = opts.catalogs ?? { web: 1000 };
  return {
    version: 1,
    name: 'test',
    seed: opts.seed ?? 1,
    distribution: {
      id: 'E1',
      domainName: 'd111111abcdef8.cloudfront.net',
      origins: Object.keys(catalogs).map((id) => ({ id, domainName: `${id}.example.com` })),
      defaultCacheBehavior: {
        targetOriginId: Object.keys(catalogs)[0] ?? 'web',
        viewerProtocolPolicy: 'allow-all',
        allowedMethods: ['GET', 'HEAD'],
        cachedMethods: ['GET', 'HEAD'],
      },
    },
    originSimulation: Object.fromEntries(
      Object.entries(catalogs).map(([id, count]) => [
        id,
        { catalog: { count, pathPrefix: `/${id}/`, extension: '.jpg', meanSizeBytes: 50_000 } },
      ]),
    ),
    viewers: opts.viewers === null ? undefined : (opts.viewers ?? [EU, US]),
    traffic: { requestsPerSecond: 100, zipfAlpha: 0.8, ...opts.traffic },
    events: opts.events ?? [],
  };
}

/** Copies of every request up to untilMs. */
function collect(gen: TrafficGenerator, untilMs: number): GeneratedRequest[] {
  const out: GeneratedRequest[] = [];
  const req = createGeneratedRequest();
  while (gen.next(req, untilMs)) out.push({ ...req });
  return out;
}

function generate(s: Scenario, untilMs: number): GeneratedRequest[] {
  return collect(new TrafficGenerator(s, createRng(s.seed)), untilMs);
}

const share = (reqs: GeneratedRequest[], pred: (r: GeneratedRequest) => boolean) =>
  reqs.filter(pred).length / reqs.length;

describe('TrafficGenerator determinism', () => {
  it('gives the same sequence for the same seed, another for another seed', () => {
    const a = generate(scenario({ traffic: { cacheBustingShare: 0.1, varyingCookieShare: 0.1 } }), 5000);
    const b = generate(scenario({ traffic: { cacheBustingShare: 0.1, varyingCookieShare: 0.1 } }), 5000);
    const c = generate(
      scenario({ seed: 2, traffic: { cacheBustingShare: 0.1, varyingCookieShare: 0.1 } }),
      5000,
    );
    expect(a.length).toBeGreaterThan(400);
    expect(a).toEqual(b);
    expect(c).not.toEqual(a);
  });

  it('does not depend on how time is cut into next() calls', () => {
    const s = scenario({ events: [{ id: 's', kind: 'spike', atMs: 2500, durationMs: 3000, factor: 4 }] });
    const whole = generate(s, 10_000);
    const gen = new TrafficGenerator(s, createRng(s.seed));
    const pieces: GeneratedRequest[] = [];
    for (let t = 700; t < 10_700; t += 700) pieces.push(...collect(gen, Math.min(t, 10_000)));
    expect(pieces).toEqual(whole);
  });

  it('keeps an arrival past untilMs for the next call', () => {
    const gen = new TrafficGenerator(scenario({}), createRng(1));
    const req = createGeneratedRequest();
    expect(gen.next(req, 0)).toBe(false);
    expect(gen.next(req)).toBe(true);
    const first = req.atMs;
    expect(first).toBeGreaterThan(0);
    const again = new TrafficGenerator(scenario({}), createRng(1));
    again.next(req);
    expect(req.atMs).toBe(first);
  });
});

describe('TrafficGenerator arrivals', () => {
  it('arrives as a Poisson process at requestsPerSecond (200/s for 600 s, seed 1)', () => {
    const reqs = generate(scenario({ traffic: { requestsPerSecond: 200 } }), 600_000);
    // mean 120,000, sd 346
    expect(reqs.length).toBeGreaterThan(118_600);
    expect(reqs.length).toBeLessThan(121_400);
    // exponential gaps: mean 5 ms and coefficient of variation 1
    const gaps = reqs.slice(1).map((r, i) => r.atMs - reqs[i].atMs);
    const mean = gaps.reduce((a, b) => a + b, 0) / gaps.length;
    const sd = Math.sqrt(gaps.reduce((a, g) => a + (g - mean) ** 2, 0) / gaps.length);
    expect(mean).toBeCloseTo(5, 1);
    expect(sd / mean).toBeCloseTo(1, 1);
    expect(reqs.every((r, i) => i === 0 || r.atMs >= reqs[i - 1].atMs)).toBe(true);
  });

  it('splits traffic among regions by weight and draws mobile viewers by region', () => {
    const reqs = generate(scenario({}), 600_000);
    expect(share(reqs, (r) => r.regionIndex === 0)).toBeCloseTo(0.75, 2);
    const eu = reqs.filter((r) => r.regionIndex === 0);
    const us = reqs.filter((r) => r.regionIndex === 1);
    // 45,000 and 15,000 requests: 4 standard deviations are 0.008 and 0.013
    expect(Math.abs(share(eu, (r) => r.mobile) - 0.2)).toBeLessThan(0.008);
    expect(Math.abs(share(us, (r) => r.mobile) - 0.8)).toBeLessThan(0.013);
  });

  it('multiplies the targeted regions rate during a spike, and only then', () => {
    const s = scenario({
      events: [{ id: 'spike', kind: 'spike', atMs: 100_000, durationMs: 100_000, factor: 5, target: 'us' }],
    });
    const reqs = generate(s, 300_000);
    const count = (region: number, from: number, to: number) =>
      reqs.filter((r) => r.regionIndex === region && r.atMs >= from && r.atMs < to).length;
    // US: 25/s before and after, 125/s during; EU stays at 75/s
    expect(count(1, 0, 100_000) / 100).toBeCloseTo(25, -0.3);
    expect(count(1, 100_000, 200_000) / 100).toBeGreaterThan(120);
    expect(count(1, 100_000, 200_000) / 100).toBeLessThan(130);
    expect(count(1, 200_000, 300_000) / 100).toBeLessThan(27);
    expect(count(0, 100_000, 200_000) / 100).toBeGreaterThan(72);
    expect(count(0, 100_000, 200_000) / 100).toBeLessThan(78);
    const gen = new TrafficGenerator(s, createRng(1));
    expect([gen.rateAt(50_000), gen.rateAt(150_000), gen.rateAt(250_000)]).toEqual([100, 200, 100]);
  });

  it('marks the extra ddos traffic as attack traffic, half of it cache-busting', () => {
    const s = scenario({ events: [{ id: 'dd', kind: 'ddos', atMs: 0, durationMs: 60_000, factor: 10 }] });
    const reqs = generate(s, 60_000);
    expect(reqs.length / 60).toBeGreaterThan(970);
    expect(reqs.length / 60).toBeLessThan(1030);
    const attack = reqs.filter((r) => r.attack);
    expect(attack.length / reqs.length).toBeCloseTo(0.9, 2);
    expect(share(attack, (r) => r.query !== '')).toBeCloseTo(0.5, 1);
    expect(share(attack, (r) => r.method === 'GET')).toBe(1);
  });

  it('follows each region day curve by local time when dayCurve is on', () => {
    const s = scenario({ viewers: [{ ...EU, weight: 1 }], traffic: { dayCurve: true } });
    const gen = new TrafficGenerator(s, createRng(1));
    const hour = 3_600_000;
    // epoch is midnight UTC; Europe at UTC+0 peaks at 20:00 (1.5x) and bottoms at 08:00 (0.5x)
    expect(gen.rateAt(20 * hour)).toBeCloseTo(150, 6);
    expect(gen.rateAt(8 * hour)).toBeCloseTo(50, 6);
    expect(gen.rateAt(14 * hour)).toBeCloseTo(100, 6);
    // 10 minutes at each extreme (skipTo jumps the hours between)
    const window = (h: number) => {
      const g = new TrafficGenerator(s, createRng(1));
      g.skipTo(h * hour);
      return collect(g, h * hour + 600_000).length / 600;
    };
    expect(window(8)).toBeGreaterThan(48);
    expect(window(8)).toBeLessThan(52);
    expect(window(20)).toBeGreaterThan(147);
    expect(window(20)).toBeLessThan(153);
  });

  it('skipTo drops the arrivals before the new time', () => {
    const gen = new TrafficGenerator(scenario({}), createRng(1));
    gen.skipTo(60_000);
    const reqs = collect(gen, 61_000);
    expect(reqs.length).toBeGreaterThan(60);
    expect(reqs[0].atMs).toBeGreaterThanOrEqual(60_000);
  });

  it('makes no traffic without viewers or at 0 requests per second', () => {
    expect(generate(scenario({ viewers: [] }), 10_000)).toEqual([]);
    expect(generate(scenario({ traffic: { requestsPerSecond: 0 } }), 10_000)).toEqual([]);
    const defaults = new TrafficGenerator(scenario({ viewers: null }), createRng(1));
    expect(defaults.regions).toBe(DEFAULT_VIEWER_REGIONS);
  });
});

describe('TrafficGenerator request content', () => {
  it('draws catalog objects by Zipf popularity (object 0 is rank 1)', () => {
    const reqs = generate(scenario({}), 600_000);
    for (const k of [0, 1, 9]) {
      expect(share(reqs, (r) => r.objectIndex === k)).toBeCloseTo(zipfProbability(k + 1, 1000, 0.8), 2);
    }
    expect(reqs[0].path).toBe(`/web/${reqs[0].objectIndex}.jpg`);
    expect(reqs.every((r) => r.originId === 'web')).toBe(true);
  });

  it('picks among several catalogs in proportion to their size', () => {
    const reqs = generate(scenario({ catalogs: { big: 3000, small: 1000 } }), 120_000);
    expect(share(reqs, (r) => r.originId === 'big')).toBeCloseTo(0.75, 2);
    expect(reqs.filter((r) => r.originId === 'small').every((r) => r.path.startsWith('/small/'))).toBe(true);
  });

  it('uses the given catalogs so paths are the very strings the origin knows', () => {
    const s = scenario({});
    const catalogs = buildCatalogs(s);
    const gen = new TrafficGenerator(s, createRng(1), { catalogs });
    const req = createGeneratedRequest();
    gen.next(req);
    expect(catalogs.get('web')!.indexOf(req.path)).toBe(req.objectIndex);
  });

  it('mixes methods, protocols, cache busting, cookies and headers at the given shares', () => {
    const reqs = generate(
      scenario({
        traffic: {
          methodMix: { GET: 0.9, head: 0.05, POST: 0.05 },
          httpsShare: 0.7,
          cacheBustingShare: 0.1,
          varyingCookieShare: 0.2,
          varyingHeaderShare: 0.3,
        },
      }),
      300_000,
    );
    expect(share(reqs, (r) => r.method === 'GET')).toBeCloseTo(0.9, 2);
    expect(share(reqs, (r) => r.method === 'HEAD')).toBeCloseTo(0.05, 2);
    expect(share(reqs, (r) => r.https)).toBeCloseTo(0.7, 2);
    const busted = reqs.filter((r) => r.query !== '');
    expect(busted.length / reqs.length).toBeCloseTo(0.1, 2);
    expect(new Set(busted.map((r) => r.query)).size).toBe(busted.length);
    expect(busted[0].query).toMatch(/^cb=\d+$/);
    expect(share(reqs, (r) => r.cookie !== '')).toBeCloseTo(0.2, 2);
    expect(reqs.find((r) => r.cookie !== '')!.cookie).toMatch(/^session=\d+$/);
    expect(share(reqs, (r) => r.header !== '')).toBeCloseTo(0.3, 2);
    expect(VARIATION.headerValues).toContain(reqs.find((r) => r.header !== '')!.header);
  });

  it('without a catalog, requests the default origin explicit objects, else /', () => {
    const s = scenario({ catalogs: {} });
    s.distribution.origins = [{ id: 'app', domainName: 'app.example.com' }];
    s.distribution.defaultCacheBehavior.targetOriginId = 'app';
    s.originSimulation = {
      app: {
        objects: [
          { path: '/a.html', sizeBytes: 10 },
          { path: '/b.css', sizeBytes: 5 },
        ],
      },
    };
    const reqs = generate(s, 10_000);
    expect(new Set(reqs.map((r) => r.path))).toEqual(new Set(['/a.html', '/b.css']));
    expect(share(reqs, (r) => r.path === '/a.html')).toBeGreaterThan(0.55);
    s.originSimulation = {};
    expect(new Set(generate(s, 2000).map((r) => r.path))).toEqual(new Set(['/']));
  });
});

describe('TrafficGenerator validation', () => {
  const fieldOf = (s: Scenario): string | undefined => {
    try {
      new TrafficGenerator(s, createRng(1));
    } catch (e) {
      expect(e).toBeInstanceOf(ScenarioError);
      return (e as ScenarioError).field;
    }
    return undefined;
  };

  it('names the field that is out of range', () => {
    expect(fieldOf(scenario({ traffic: { requestsPerSecond: -1 } }))).toBe('traffic.requestsPerSecond');
    expect(fieldOf(scenario({ traffic: { zipfAlpha: 0 } }))).toBe('traffic.zipfAlpha');
    expect(fieldOf(scenario({ traffic: { httpsShare: 1.5 } }))).toBe('traffic.httpsShare');
    expect(fieldOf(scenario({ traffic: { methodMix: { GET: 0 } } }))).toBe('traffic.methodMix');
    expect(fieldOf(scenario({ traffic: { methodMix: { GET: -1 } } }))).toBe('traffic.methodMix.GET');
    expect(fieldOf(scenario({ viewers: [{ ...EU, mobileShare: 2 }] }))).toBe('viewers.0.mobileShare');
    expect(fieldOf(scenario({}))).toBeUndefined();
  });
});
