import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePathPattern } from '../../engine/routing/pathPattern';
import { coveredBy, mayOverlap } from './patternCover';

// Small alphabets make overlaps (and so real coverage) common in random patterns.
const patternChar = fc.constantFrom('a', 'b', '/', '.', '*', '?');
const pathChar = fc.constantFrom('a', 'b', '/', '.', 'c');
const pattern = fc
  .tuple(fc.boolean(), fc.array(patternChar, { minLength: 1, maxLength: 6 }))
  .map(([slash, cs]) => (slash ? '/' : '') + cs.join(''));
const path = fc.array(pathChar, { maxLength: 8 }).map((cs) => '/' + cs.join(''));

describe('coveredBy', () => {
  it('decides the examples a user writes', () => {
    expect(coveredBy('/images/*', ['/*'])).toEqual({ covered: true });
    expect(coveredBy('/images/*.jpg', ['/images/*'])).toEqual({ covered: true });
    expect(coveredBy('images/a.png', ['/images/*'])).toEqual({ covered: true });
    expect(coveredBy('*.jpg', ['/images/*'])).toEqual({ covered: false, witness: '/.jpg' });
    expect(coveredBy('/img/??.png', ['/img/*.png'])).toEqual({ covered: true });
    expect(coveredBy('/img/*.png', ['/img/??.png']).covered).toBe(false);
    // Case-sensitive, as CloudFront is.
    expect(coveredBy('/Images/*', ['/images/*']).covered).toBe(false);
    expect(coveredBy('/a*', ['/ab*', '/a'])).toEqual({ covered: false, witness: '/aa' });
    // Only the two together cover it.
    expect(coveredBy('/a*', ['/a', '/a?*'])).toEqual({ covered: true });
    expect(coveredBy('/a*', ['/a?*']).covered).toBe(false);
    expect(coveredBy('*', ['/a*', '/*b']).covered).toBe(false);
    expect(coveredBy('/x/*', ['/x/*', '/y/*'])).toEqual({ covered: true });
  });

  it('agrees with the engine matcher: every witness is matched by the pattern and by no cover', () => {
    fc.assert(
      fc.property(pattern, fc.array(pattern, { minLength: 1, maxLength: 3 }), (b, as) => {
        const r = coveredBy(b, as);
        if (r.covered === false) {
          expect(compilePathPattern(b)(r.witness)).toBe(true);
          for (const a of as) expect(compilePathPattern(a)(r.witness)).toBe(false);
        }
        expect(r.covered).not.toBe('unknown');
      }),
      { numRuns: 600 },
    );
  });

  it('agrees with the engine matcher: a covered pattern never matches a path the covers miss', () => {
    fc.assert(
      fc.property(pattern, fc.array(pattern, { minLength: 1, maxLength: 3 }), path, (b, as, p) => {
        if (coveredBy(b, as).covered !== true) return;
        if (compilePathPattern(b)(p)) expect(as.some((a) => compilePathPattern(a)(p))).toBe(true);
      }),
      { numRuns: 1500 },
    );
  });

  it('never rules out an overlap that exists: a path both patterns match means mayOverlap', () => {
    fc.assert(
      fc.property(pattern, pattern, path, (a, b, p) => {
        if (compilePathPattern(a)(p) && compilePathPattern(b)(p)) expect(mayOverlap(a, b)).toBe(true);
      }),
      { numRuns: 3000 },
    );
    expect(mayOverlap('/api/*', '/images/*')).toBe(false);
    expect(mayOverlap('*.jpg', '/images/*.png')).toBe(false);
    expect(mayOverlap('/images/*', '*.jpg')).toBe(true);
  });
});
