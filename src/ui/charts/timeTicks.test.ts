import { describe, expect, it } from 'vitest';
import { formatSimClock } from '../format';
import { timeTicks } from './timeTicks';

const labels = (ticks: number[]) => ticks.map((t) => formatSimClock(t * 1000));

describe('timeTicks', () => {
  it('puts round clock times inside the span, never more than asked', () => {
    // the span of the chart that showed 00:01:17, 00:34:37, ... and two ticks at its end
    expect(labels(timeTicks(77.3, 6127.9))).toEqual(['00:30:00', '01:00:00', '01:30:00']);
    expect(labels(timeTicks(0.1, 59.9))).toEqual(['00:00:15', '00:00:30', '00:00:45']);
    expect(timeTicks(0, 100, 5).length).toBeLessThanOrEqual(5);
  });

  it('keeps the same ticks while the end moves within a step (the axis does not jitter)', () => {
    expect(timeTicks(77, 6127)).toEqual(timeTicks(77, 6200));
  });

  it('steps by whole days for long runs', () => {
    const ticks = timeTicks(3_600, 40 * 86_400);
    expect(ticks.length).toBeLessThanOrEqual(5);
    for (const t of ticks) expect(t % 86_400).toBe(0);
    expect(labels(ticks)[0]).toBe('10d 00:00:00');
  });

  it('gives the single time of a one-point chart and nothing for no data', () => {
    expect(timeTicks(12, 12)).toEqual([12]);
    expect(timeTicks(Number.NaN, Number.NaN)).toEqual([]);
  });
});
