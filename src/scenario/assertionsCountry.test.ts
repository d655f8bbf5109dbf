// The `country XX` addition to request checks: a probe that comes from a viewer in that country,
// so geo restriction goals can be graded.
import { describe, expect, it } from 'vitest';
import { parseAssertion, probeKey, probeRequest, type RequestAssertion } from './assertions';

const request = (text: string): RequestAssertion => {
  const r = parseAssertion(text);
  if (!r.ok) throw new Error(r.error);
  if (r.ast.kind !== 'request') throw new Error('not a request check');
  return r.ast;
};

describe('request checks from a country', () => {
  it('reads the country after the PoP and sends it with the probe', () => {
    const a = request('GET /assets/0 from NRT country jp -> status 403 after 60s');
    expect(a).toMatchObject({ pop: 'NRT', country: 'JP', expect: { kind: 'status', op: '==', value: 403 } });
    expect(a.afterMs).toBe(60_000);
    expect(probeRequest(a, 'd1.cloudfront.net').viewer).toEqual({ pop: 'NRT', country: 'JP' });
  });

  it('keeps probes from different countries apart, and leaves checks without a country as they were', () => {
    const jp = request('GET /a from NRT country JP -> status 403');
    const us = request('GET /a from NRT country US -> status 200');
    const none = request('GET /a from NRT -> x-cache: Hit');
    expect(new Set([probeKey(jp), probeKey(us), probeKey(none)]).size).toBe(3);
    expect(probeKey(none)).toBe('GET /a NRT');
    expect('country' in none).toBe(false);
    expect(probeRequest(none, 'd1.cloudfront.net').viewer).toEqual({ pop: 'NRT' });
  });

  it('says what to fix when the country code is not two letters', () => {
    const r = parseAssertion('GET /a from NRT country JPN -> status 403');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toBe(
        'Cannot read "GET /a from NRT country JPN -> status 403" at column 25: expected a two-letter country code such as JP after "country", found "JPN -> statu".',
      );
    }
  });
});
