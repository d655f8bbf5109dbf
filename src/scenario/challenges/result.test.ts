import { describe, expect, it } from 'vitest';
import { encodeBase64Url } from '../base64url';
import { decodeChallengeResult, encodeChallengeResult, type ChallengeResult } from './result';

const result: ChallengeResult = {
  challengeId: 'origin-overload',
  timeMs: 754_321,
  timed: true,
  hintsUsed: 2,
  solutionViewed: false,
  solvedAt: Date.UTC(2026, 10, 25, 15, 0, 0),
};

const bytes = (text: string) => new TextEncoder().encode(text);

describe('challenge result links', () => {
  it('round-trips a result, short enough for a link', () => {
    const text = encodeChallengeResult(result);
    expect(text).toMatch(/^1\.[A-Za-z0-9_-]+$/);
    expect(text.length).toBeLessThan(160);
    expect(decodeChallengeResult(text, 'origin-overload', 3)).toEqual({ ok: true, result });
  });

  it('says a hand-edited result is damaged, naming what is wrong', () => {
    const text = encodeChallengeResult(result);
    const json = JSON.parse(new TextDecoder().decode(Buffer.from(text.slice(2), 'base64url'))) as Record<
      string,
      unknown
    >;
    const edited = `1.${encodeBase64Url(bytes(JSON.stringify({ ...json, t: 1_000 })))}`;
    expect(decodeChallengeResult(edited, 'origin-overload', 3)).toEqual({
      ok: false,
      error:
        'This result link is damaged or was edited (its checksum does not match). Ask for the link again; you can still try the challenge yourself.',
    });
  });

  it.each([
    ['garbage', '1.%%%', 'it contains characters a result never has'],
    ['another format', '2.abc', 'unknown result format'],
    ['not JSON', `1.${encodeBase64Url(bytes('hello'))}`, 'its content is unreadable'],
    [
      'a missing field',
      `1.${encodeBase64Url(bytes('{"c":"origin-overload"}'))}`,
      'a field is missing or out of range',
    ],
    ['too long', `1.${'A'.repeat(2_000)}`, 'it is far too long'],
  ])('rejects %s without throwing', (_name, text, why) => {
    const r = decodeChallengeResult(text, 'origin-overload', 3);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(`(${why})`);
  });

  it('rejects a result for another challenge and more hints than the challenge has', () => {
    const text = encodeChallengeResult(result);
    const other = decodeChallengeResult(text, 'ab-test', 3);
    expect(other.ok || other.error).toContain('it is a result for "origin-overload", not for "ab-test"');
    const hints = decodeChallengeResult(
      encodeChallengeResult({ ...result, hintsUsed: 5 }),
      'origin-overload',
      3,
    );
    expect(hints.ok || hints.error).toContain('it claims 5 hints, but this challenge has 3');
  });
});
