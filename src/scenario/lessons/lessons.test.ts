import { describe, expect, it } from 'vitest';
import { parseAssertion } from '../assertions';
import { parseScenario } from '../schema';
import { LESSONS, findLesson } from '.';
import { measureLesson } from './measure';

const expressions = (id: string) => findLesson(id)!.goals.map((g) => g.expression);

describe('lessons', () => {
  it('has the six first lessons with unique ids, readable goals and progressive hints', () => {
    expect(LESSONS.map((l) => l.id)).toEqual([
      'why-cdn',
      'origin-shield',
      'ttls',
      'cache-keys',
      'invalidation',
      'failover',
    ]);
    for (const l of LESSONS) {
      expect(l.hints.length).toBeGreaterThanOrEqual(2);
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
    60_000,
  );

  it('why-cdn: the edge cuts Tokyo latency from about 200 ms to about 30 ms', async () => {
    const l = findLesson('why-cdn')!;
    const before = await measureLesson(l.scenario(), ['latencyMs < 100'], l.runMs);
    const after = await measureLesson(l.solve(l.scenario()), ['latencyMs < 100'], l.runMs);
    expect(before.evaluations[0].measured).toBe(197.884);
    expect(after.evaluations[0].measured).toBe(31.0242);
  });
});
