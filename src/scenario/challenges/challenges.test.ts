import { describe, expect, it } from 'vitest';
import { parseAssertion } from '../assertions';
import { parseScenario } from '../schema';
import { CHALLENGES, findChallenge } from '.';
import { START_COST_PER_MONTH, START_HIT_RATIO_FLOOR, TARGET_COST_PER_MONTH } from './cutTheBill';
import { HLS_START_COST_PER_MONTH, HLS_TARGET_COST_PER_MONTH } from './hlsCheap';
import { measureChallenge } from './measure';

const expressions = (id: string) => findChallenge(id)!.goals.map((g) => g.expression);

describe('interview challenges', () => {
  it('has the six challenges, each complete: statement, constraints, goals, 3+ hints, a time limit, a solution', () => {
    expect(CHALLENGES.map((c) => c.id)).toEqual([
      'stale-after-deploy',
      'origin-overload',
      'cut-the-bill',
      'global-ecommerce',
      'ab-test',
      'hls-cheap',
    ]);
    for (const c of CHALLENGES) {
      expect(c.statement.length).toBeGreaterThan(0);
      expect(c.constraints.length).toBeGreaterThan(0);
      expect(c.hints.length).toBeGreaterThanOrEqual(3);
      expect(c.timeLimitMinutes).toBeGreaterThanOrEqual(10);
      expect(c.solution.explanation.length).toBeGreaterThanOrEqual(3);
      expect(c.solution.steps.length).toBeGreaterThan(0);
      expect(c.goals.some((g) => !g.guard)).toBe(true);
      for (const g of c.goals) expect(parseAssertion(g.expression).ok).toBe(true);
      // the starting and the solved scenario load like any other scenario, with the goals inside
      expect(() => parseScenario(c.scenario())).not.toThrow();
      expect(() => parseScenario(c.solution.apply(c.scenario()))).not.toThrow();
      expect(parseScenario(c.scenario()).assertions?.map((a) => a.expression)).toEqual(
        c.goals.map((g) => g.expression),
      );
    }
  });

  /** What each goal measures at the start and with the model solution (the statements quote these). */
  const FIGURES: Record<string, { start: (number | string)[]; solved: (number | string)[] }> = {
    'stale-after-deploy': {
      start: ['etag: W/"ac3e740d-0"', 'etag: W/"ac3e740d-0"', 0.7588],
      solved: ['etag: W/"ac3e740d-1"', 'etag: W/"ac3e740d-1"', 0.6571],
    },
    'origin-overload': { start: [187.8, 0.5327], solved: [32.86, 0.9182] },
    'cut-the-bill': { start: [START_COST_PER_MONTH, 0.9156], solved: [1413.5518, 0.9156] },
    'global-ecommerce': {
      start: [126.1906, 0, ...Array<string>(5).fill('x-cache: Miss from cloudfront')],
      solved: [
        59.9314,
        0.6365,
        ...Array<string>(4).fill('x-cache: Hit from cloudfront'),
        'x-cache: Miss from cloudfront',
      ],
    },
    'ab-test': {
      start: ['no x-variant header', 'no x-variant header', 0.2521],
      solved: ['x-variant: b', 'x-variant: a', 0.9034],
    },
    'hls-cheap': {
      start: [504.3111, 0.9727, HLS_START_COST_PER_MONTH, 56.9918],
      solved: [10, 0.995, 389683.4766, 80.414],
    },
  };

  it.each(CHALLENGES.map((c) => [c.id] as const))(
    '%s: unsolved at the start (guards hold), every goal passes with the model solution',
    async (id) => {
      const c = findChallenge(id)!;
      const start = await measureChallenge(c.scenario(), expressions(id), c.runMs);
      c.goals.forEach((g, i) => expect([g.id, start[i].status]).toEqual([g.id, g.guard ? 'pass' : 'fail']));
      expect(start.map((e) => e.measured)).toEqual(FIGURES[id].start);
      const solved = await measureChallenge(c.solution.apply(c.scenario()), expressions(id), c.runMs);
      c.goals.forEach((g, i) => expect([g.id, solved[i].status]).toEqual([g.id, 'pass']));
      expect(solved.map((e) => e.measured)).toEqual(FIGURES[id].solved);
    },
    120_000,
  );

  it('origin-overload: each fix alone is not enough', async () => {
    const c = findChallenge('origin-overload')!;
    const start = c.scenario();
    const solved = c.solution.apply(start);
    const policyOnly = {
      ...solved,
      distribution: { ...solved.distribution, origins: start.distribution.origins },
    };
    const [origin] = await measureChallenge(policyOnly, ['originRequestsPerSecond < 60 after 300s'], c.runMs);
    expect(origin).toEqual({ status: 'fail', measured: 102.0933 });
  });

  it('cut-the-bill: the targets come from the start, and switching the shield off breaks the hit-ratio guard', async () => {
    const c = findChallenge('cut-the-bill')!;
    expect(TARGET_COST_PER_MONTH).toBe(2411.42);
    expect(START_HIT_RATIO_FLOOR).toBeLessThanOrEqual(FIGURES['cut-the-bill'].start[1] as number);
    const s = c.scenario();
    const noShield = {
      ...s,
      distribution: {
        ...s.distribution,
        origins: s.distribution.origins.map((o) => ({ ...o, originShield: undefined })),
      },
    };
    const [, guard] = await measureChallenge(noShield, expressions(c.id), c.runMs);
    expect(guard).toEqual({ status: 'fail', measured: 0.7019 });
  });

  it('global-ecommerce: caching checkout (a 60 s minimum TTL) breaks the checkout guard', async () => {
    const c = findChallenge('global-ecommerce')!;
    // A short run is enough: the check is about what the second request finds in the cache.
    const solved = c.solution.apply(c.scenario());
    const leaky = {
      ...solved,
      cachePolicies: {
        ...solved.cachePolicies,
        leaky: { ...solved.cachePolicies!['edgelab-catalog-30s'], name: 'Leaky', minTtl: 60, defaultTtl: 60 },
      },
      distribution: {
        ...solved.distribution,
        cacheBehaviors: solved.distribution.cacheBehaviors!.map((b) =>
          b.pathPattern === '/checkout*' ? { ...b, cachePolicyId: 'leaky' } : b,
        ),
      },
    };
    const [checkout] = await measureChallenge(leaky, ['GET /checkout from IAD -> x-cache: Miss'], 10_000);
    expect(checkout.status).toBe('fail');
    expect(checkout.measured).toMatch(/^x-cache: Hit/);
  });

  it('hls-cheap: the cost target is 5% under the measured start', () => {
    expect(HLS_TARGET_COST_PER_MONTH / HLS_START_COST_PER_MONTH).toBeCloseTo(0.95, 2);
  });
});
