import { describe, expect, it } from 'vitest';
import { formatHttpDate, parseHttpDate } from './dates';

const T = Date.UTC(1994, 10, 6, 8, 49, 37);

describe('parseHttpDate', () => {
  it('reads the three formats RFC 9110 requires', () => {
    expect(parseHttpDate('Sun, 06 Nov 1994 08:49:37 GMT')).toBe(T);
    expect(parseHttpDate('Sunday, 06-Nov-94 08:49:37 GMT')).toBe(T);
    expect(parseHttpDate('Sun Nov  6 08:49:37 1994')).toBe(T);
  });
  it('maps two-digit RFC 850 years below 70 to 20xx', () => {
    expect(parseHttpDate('Monday, 01-Jan-24 00:00:00 GMT')).toBe(Date.UTC(2024, 0, 1));
  });
  it('returns undefined when absent and NaN when present but unparseable', () => {
    expect(parseHttpDate(undefined)).toBeUndefined();
    expect(parseHttpDate('0')).toBeNaN();
    expect(parseHttpDate('')).toBeNaN();
    expect(parseHttpDate('Mon, 31 Feb 2024 00:00:00 GMT')).toBeNaN();
    expect(parseHttpDate('Mon, 01 Jan 2024 25:00:00 GMT')).toBeNaN();
  });
});

describe('formatHttpDate', () => {
  it('writes IMF-fixdate and drops the fraction of a second', () => {
    expect(formatHttpDate(Date.UTC(2024, 0, 1))).toBe('Mon, 01 Jan 2024 00:00:00 GMT');
    expect(formatHttpDate(T + 999)).toBe('Sun, 06 Nov 1994 08:49:37 GMT');
  });
  it('round-trips through parseHttpDate', () => {
    const ms = Date.UTC(2024, 1, 29, 23, 59, 59);
    expect(parseHttpDate(formatHttpDate(ms))).toBe(ms);
  });
});
