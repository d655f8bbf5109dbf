import { describe, expect, it } from 'vitest';
import { routeParam, splitHash } from './hashParts';

describe('splitHash', () => {
  it('splits a combined link into the scenario and the routes after it', () => {
    expect(splitHash('#s=2.abc&lesson=ttls')).toEqual({ scenario: 's=2.abc', rest: '#lesson=ttls' });
    expect(splitHash('#challenge=stale-deploy&s=2.abc&result=xyz')).toEqual({
      scenario: 's=2.abc',
      rest: '#challenge=stale-deploy&result=xyz',
    });
  });

  it('leaves hashes without a scenario alone', () => {
    expect(splitHash('#lesson=ttls')).toEqual({ scenario: null, rest: '#lesson=ttls' });
    expect(splitHash('')).toEqual({ scenario: null, rest: '' });
    expect(splitHash('#s=1.abc')).toEqual({ scenario: 's=1.abc', rest: '' });
  });

  it('reads one route parameter', () => {
    expect(routeParam('#lesson=ttls&x=1', 'lesson')).toBe('ttls');
    expect(routeParam('#challenge=a', 'lesson')).toBeNull();
    expect(routeParam('#lesson=', 'lesson')).toBeNull();
  });
});
