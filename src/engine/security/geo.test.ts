import { describe, expect, it } from 'vitest';
import { geoAllowed } from './geo';

describe('geoAllowed (spec §10.3)', () => {
  it('lets everyone through without a restriction', () => {
    expect(geoAllowed(undefined, 'US')).toBe(true);
    expect(geoAllowed({ restrictionType: 'none', items: ['US'] }, 'US')).toBe(true);
  });
  it('allow list admits listed countries only, case-insensitively', () => {
    const r = { restrictionType: 'whitelist' as const, items: ['JP', 'de'] };
    expect([geoAllowed(r, 'JP'), geoAllowed(r, 'DE'), geoAllowed(r, 'us')]).toEqual([true, true, false]);
  });
  it('block list refuses listed countries', () => {
    const r = { restrictionType: 'blacklist' as const, items: ['US'] };
    expect([geoAllowed(r, 'US'), geoAllowed(r, 'FR')]).toEqual([false, true]);
  });
  it('an unknown country is let through', () => {
    expect(geoAllowed({ restrictionType: 'whitelist', items: ['JP'] }, undefined)).toBe(true);
  });
});
