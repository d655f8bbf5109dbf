import { describe, expect, it } from 'vitest';
import { CloudFrontApiError } from '../errors';
import { compileInvalidationPath, validateInvalidationBatch } from './paths';

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof CloudFrontApiError) return e.code;
    throw e;
  }
  return 'accepted';
}
const none = { files: 0, wildcards: 0 };

describe('V43: path validation', () => {
  it('requires a leading slash, a final-only wildcard and at most 4,000 characters', () => {
    expect(code(() => validateInvalidationBatch(['images/a.jpg'], none))).toBe('InvalidArgument');
    expect(code(() => validateInvalidationBatch(['/images/*.jpg'], none))).toBe('InvalidArgument');
    expect(code(() => validateInvalidationBatch(['/' + 'a'.repeat(4000)], none))).toBe('InvalidArgument');
    expect(code(() => validateInvalidationBatch(['/' + 'a'.repeat(3999)], none))).toBe('accepted');
    expect(validateInvalidationBatch(['/*'], none)).toEqual({ files: 0, wildcards: 1 });
  });
  it('rejects an empty batch and says how to fix a missing slash', () => {
    expect(code(() => validateInvalidationBatch([], none))).toBe('InvalidArgument');
    expect(() => validateInvalidationBatch(['images/a.jpg'], none)).toThrow(
      'The invalidation path "images/a.jpg" must start with "/": write "/images/a.jpg".',
    );
  });
  it('counts files and wildcards in a batch', () => {
    expect(validateInvalidationBatch(['/a', '/b', '/c*', '/a'], none)).toEqual({ files: 3, wildcards: 1 });
  });
  it('refuses a batch over 3,000 paths with BatchTooLarge', () => {
    expect(
      code(() =>
        validateInvalidationBatch(
          Array.from({ length: 3001 }, (_, i) => `/f${i}`),
          none,
        ),
      ),
    ).toBe('BatchTooLarge');
  });
});

describe('V43: in-progress limits, counted independently', () => {
  it('15 wildcards in progress plus one more is too many', () => {
    expect(code(() => validateInvalidationBatch(['/x*'], { files: 0, wildcards: 15 }))).toBe(
      'TooManyInvalidationsInProgress',
    );
    expect(code(() => validateInvalidationBatch(['/x*'], { files: 0, wildcards: 14 }))).toBe('accepted');
  });
  it('3,000 files in progress (two batches of 1,500) plus one more file is too many', () => {
    const batch = Array.from({ length: 1500 }, (_, i) => `/f${i}`);
    const first = validateInvalidationBatch(batch, none);
    const second = validateInvalidationBatch(batch, first);
    const inProgress = { files: first.files + second.files, wildcards: 0 };
    expect(inProgress.files).toBe(3000);
    expect(code(() => validateInvalidationBatch(['/one-more'], inProgress))).toBe(
      'TooManyInvalidationsInProgress',
    );
    expect(code(() => validateInvalidationBatch(['/images/*'], inProgress))).toBe('accepted');
  });
});

describe('compileInvalidationPath (V39, V41)', () => {
  it('V39: /images/* removes everything under /images/ but not /images2/', () => {
    const m = compileInvalidationPath('/images/*');
    expect(['/images/a.jpg', '/images/sub/b.jpg', '/img/c.jpg', '/images2/d.jpg'].map(m)).toEqual([
      true,
      true,
      false,
      false,
    ]);
    expect(compileInvalidationPath('/images*')('/images2/d.jpg')).toBe(true);
  });
  it('V41: a bare path matches only the no-query variant; a trailing * matches all', () => {
    const targets = ['/p.jpg', '/p.jpg?v=1', '/p.jpg?v=2'];
    expect(targets.map(compileInvalidationPath('/p.jpg'))).toEqual([true, false, false]);
    expect(targets.map(compileInvalidationPath('/p.jpg?v=1'))).toEqual([false, true, false]);
    expect(targets.map(compileInvalidationPath('/p.jpg*'))).toEqual([true, true, true]);
  });
  it('is case-sensitive and /* matches everything', () => {
    expect(compileInvalidationPath('/A.jpg')('/a.jpg')).toBe(false);
    expect(compileInvalidationPath('/*')('/anything?x=1')).toBe(true);
  });
});
