import { describe, expect, it } from 'vitest';
import { compilePathPattern, selectBehavior, validatePathPattern } from './pathPattern';

describe('V23: first match wins; patterns are case-sensitive and anchored', () => {
  // B1 images/*.jpg, B2 images/*, B3 *.gif, then the default B0 (index -1 -> default).
  const matchers = ['images/*.jpg', 'images/*', '*.gif'].map(compilePathPattern);
  const pick = (path: string): string => {
    const i = selectBehavior(matchers, path);
    return i < 0 ? 'B0' : `B${i + 1}`;
  };
  it.each([
    ['/images/sample.gif', 'B2'],
    ['/images/a/b.jpg', 'B1'],
    ['/images/a.JPG', 'B2'],
    ['/x.gif', 'B3'],
    ['/docs/deep/file.gif', 'B3'],
    ['/images', 'B0'],
    ['/images/', 'B2'],
    ['/IMAGES/a.jpg', 'B0'],
    ['/a/images/x.jpg', 'B0'],
  ])('%s -> %s', (path, expected) => {
    expect(pick(path)).toBe(expected);
  });
});

describe('compilePathPattern', () => {
  it('treats a leading slash in the pattern as optional', () => {
    expect(compilePathPattern('/images/*.jpg')('/images/a.jpg')).toBe(true);
    expect(compilePathPattern('images/*.jpg')('/images/a.jpg')).toBe(true);
  });
  it("'?' is exactly one character and '*' may be empty (doc examples)", () => {
    const q = compilePathPattern('a??.jpg');
    expect(q('/ant.jpg')).toBe(true);
    expect(q('/abe.jpg')).toBe(true);
    expect(q('/an.jpg')).toBe(false);
    expect(q('/dir/abe.jpg')).toBe(false); // anchored (spec §3.1 ambiguity: default anchored)
    const doc = compilePathPattern('*.doc*');
    expect(['/a.doc', '/a.docx', '/a.docm'].map(doc)).toEqual([true, true, true]);
    const docq = compilePathPattern('*.doc?');
    expect(docq('/x.doc')).toBe(false);
    expect(docq('/x.docx')).toBe(true);
  });
  it("'*' alone matches every path", () => {
    expect(compilePathPattern('*')('/anything/at/all')).toBe(true);
    expect(compilePathPattern('/*')('/')).toBe(true);
  });
  it('matches regexp metacharacters literally (no injection)', () => {
    const m = compilePathPattern('a.b+c$(d)/*');
    expect(m('/a.b+c$(d)/x')).toBe(true);
    expect(m('/aXb+c$(d)/x')).toBe(false);
    const two = compilePathPattern('v1.?/*.js');
    expect(two('/v1.2/app.js')).toBe(true);
    expect(two('/v1x2/app.js')).toBe(false);
  });
  it('matches the raw path: no percent-decoding', () => {
    expect(compilePathPattern('my file/*')('/my%20file/a')).toBe(false);
    expect(compilePathPattern('my file/*')('/my file/a')).toBe(true);
  });
  it("accepts '&amp;' as the API spelling of '&'", () => {
    expect(compilePathPattern('a&amp;b/*')('/a&b/c')).toBe(true);
  });
  it('compares exact patterns without wildcards', () => {
    expect(compilePathPattern('/index.html')('/index.html')).toBe(true);
    expect(compilePathPattern('/index.html')('/index.htm')).toBe(false);
  });
});

describe('validatePathPattern', () => {
  it('accepts documented characters and wildcards', () => {
    expect(validatePathPattern('/a-b_c.d/~e$f\'g"h@i:j+k&l/*.jpg?')).toBeNull();
  });
  it('rejects patterns over 255 characters, naming the length', () => {
    expect(validatePathPattern('/' + 'a'.repeat(255))).toBe(
      'The path pattern is 256 characters long; CloudFront allows at most 255.',
    );
  });
  it('rejects a disallowed character, naming it', () => {
    expect(validatePathPattern('/a b/*')).toBe(
      'The path pattern "/a b/*" contains " ", which CloudFront does not allow. Use only A-Z a-z 0-9 _ - . $ / ~ " \' @ : + & and the wildcards * and ?.',
    );
    expect(validatePathPattern('/%20')).toMatch(/contains "%"/);
    expect(validatePathPattern('')).toMatch(/empty/);
  });
});
