import { describe, expect, it } from 'vitest';
import { costItemLabel, costRows, formatUsd, MONTH_MS, monthlyProjection } from './costView';

describe('cost view', () => {
  it('labels data transfer by its pricing region and known items by name', () => {
    expect(costItemLabel('dataTransfer.japan')).toBe('Data transfer out: Japan');
    expect(costItemLabel('requests.https')).toBe('HTTPS requests');
    expect(costItemLabel('somethingNew')).toBe('somethingNew');
  });

  it('lists non-zero items largest first with bar shares relative to the largest', () => {
    const rows = costRows({
      total: 0.4,
      'requests.https': 0.1,
      'dataTransfer.europe': 0.3,
      invalidations: 0,
    });
    expect(rows.map((r) => [r.item, r.share])).toEqual([
      ['dataTransfer.europe', 1],
      ['requests.https', 0.1 / 0.3],
    ]);
  });

  it('projects a month at the current rate, and nothing before time has run', () => {
    expect(monthlyProjection(0.01, 60_000)).toBeCloseTo(432, 6);
    expect(monthlyProjection(2, MONTH_MS)).toBe(2);
    expect(monthlyProjection(1, 0)).toBeNull();
  });

  it('formats small and large sums', () => {
    expect(formatUsd(0)).toBe('$0.00');
    expect(formatUsd(0.000123456)).toBe('$0.000123');
    expect(formatUsd(0.0112549)).toBe('$0.0113');
    expect(formatUsd(0.5)).toBe('$0.5');
    expect(formatUsd(1.234e-7)).toBe('$0.000000123');
    expect(formatUsd(1.5)).toBe('$1.50');
    expect(formatUsd(12345.678)).toBe('$12,345.68');
  });
});
