// Worked examples G (spec/examples.md V39-V43): invalidation matching, validation and limits.
import { describe, expect, it } from 'vitest';
import { CloudFrontApiError } from '../errors';
import { exampleScenario, harness, policy, xcache } from './testing/harness';

const codeOf = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (e) {
    return e instanceof CloudFrontApiError ? e.code : `not a CloudFrontApiError: ${String(e)}`;
  }
  return undefined;
};

describe('V39 INV-WILDCARD-DIR', () => {
  it('/images/* removes the directory only; /images* also removes /images2', async () => {
    const h = await harness(exampleScenario());
    const paths = ['/images/a.jpg', '/images/sub/b.jpg', '/img/c.jpg', '/images2/d.jpg'];
    for (const p of paths) await h.get(p);
    expect(h.calls.length).toBe(4);
    h.at(10);
    const id = h.engine.invalidate(['/images/*']);
    expect(id).toMatch(/^I[A-Z0-9]{13}$/);
    expect(h.engine.invalidation(id)).toEqual({ status: 'InProgress', paths: ['/images/*'] });
    h.at(100);
    expect(h.engine.invalidation(id).status).toBe('Completed');
    const out: string[] = [];
    for (const p of paths) out.push(xcache(await h.get(p)));
    expect(out).toEqual(['Miss', 'Miss', 'Hit', 'Hit']);
    expect(h.calls.length).toBe(6);
    h.at(110);
    h.engine.invalidate(['/images*']);
    h.at(200);
    expect(xcache(await h.get('/images2/d.jpg'))).toBe('Miss');
  });
});

describe('V41 INV-QUERY-STRINGS', () => {
  it('query strings in the key: the path must carry them, or end with *', async () => {
    const h = await harness(
      exampleScenario({ cachePolicy: policy(0, 86_400, 31_536_000, { queryStringBehavior: 'all' }) }),
    );
    const variants = ['/p.jpg', '/p.jpg?v=1', '/p.jpg?v=2'];
    const fill = async () => {
      for (const v of variants) await h.get(v);
    };
    const state = async () => {
      const out: string[] = [];
      for (const v of variants) out.push(xcache(await h.get(v)));
      return out;
    };
    await fill();
    h.at(1);
    h.engine.invalidate(['/p.jpg']);
    expect(await state()).toEqual(['Miss', 'Hit', 'Hit']);
    h.at(2);
    h.engine.invalidate(['/p.jpg?v=1']);
    expect(await state()).toEqual(['Hit', 'Miss', 'Hit']);
    h.at(3);
    h.engine.invalidate(['/p.jpg*']);
    expect(await state()).toEqual(['Miss', 'Miss', 'Miss']);
  });
  it('query strings not in the key: the bare path removes the object', async () => {
    const h = await harness(exampleScenario());
    await h.get('/p.jpg?v=9');
    h.at(1);
    h.engine.invalidate(['/p.jpg']);
    expect(xcache(await h.get('/p.jpg?v=9'))).toBe('Miss');
  });
});

describe('V43 INV-VALIDATION-AND-LIMITS', () => {
  it('validates paths with the AWS error codes', async () => {
    const h = await harness(exampleScenario());
    expect(codeOf(() => h.engine.invalidate(['images/a.jpg']))).toBe('InvalidArgument');
    expect(codeOf(() => h.engine.invalidate(['/images/*.jpg']))).toBe('InvalidArgument');
    expect(codeOf(() => h.engine.invalidate(['/' + 'a'.repeat(4000)]))).toBe('InvalidArgument');
    expect(codeOf(() => h.engine.invalidate([]))).toBe('InvalidArgument');
    expect(codeOf(() => h.engine.invalidate(['/*']))).toBeUndefined();
    expect(codeOf(() => h.engine.invalidate(Array.from({ length: 3001 }, (_, i) => `/f${i}`)))).toBe(
      'BatchTooLarge',
    );
  });
  it('limits wildcards (15) and files (3,000) in progress independently', async () => {
    const h = await harness(exampleScenario());
    for (let i = 0; i < 15; i++) h.engine.invalidate([`/w${i}/*`]);
    expect(codeOf(() => h.engine.invalidate(['/w15/*']))).toBe('TooManyInvalidationsInProgress');
    h.engine.invalidate(Array.from({ length: 1500 }, (_, i) => `/a${i}`));
    h.engine.invalidate(Array.from({ length: 1500 }, (_, i) => `/b${i}`));
    expect(codeOf(() => h.engine.invalidate(['/one-more']))).toBe('TooManyInvalidationsInProgress');
    // Once the earlier ones complete (60 s by default) there is room again.
    h.at(61);
    expect(codeOf(() => h.engine.invalidate(['/one-more', '/w15/*']))).toBeUndefined();
  });
  it('with 3,000 file paths in progress a wildcard is still accepted', async () => {
    const h = await harness(exampleScenario());
    h.engine.invalidate(Array.from({ length: 3000 }, (_, i) => `/a${i}`));
    expect(codeOf(() => h.engine.invalidate(['/x/*']))).toBeUndefined();
  });
  it('bills paths beyond the first 1,000 at $0.005 (a wildcard counts as one)', async () => {
    const h = await harness(exampleScenario());
    h.engine.invalidate(Array.from({ length: 1000 }, (_, i) => `/a${i}`));
    expect(h.engine.cost()['invalidations']).toBe(0);
    h.engine.invalidate(['/b/*', '/c']);
    expect(h.engine.cost()['invalidations']).toBeCloseTo(0.01, 9);
  });
});
