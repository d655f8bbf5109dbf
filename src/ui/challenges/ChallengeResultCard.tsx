// The result of a solved challenge: time taken, hints used, model solution viewed or not. The
// learner's own card offers "Copy result link"; a card opened from a link is read-only.
import { memo, useState } from 'react';
import type { Challenge, ChallengeResult } from '../../scenario/challenges';
import { encodeChallengeResult } from '../../scenario/challenges';
import { challengeResultLink } from './challengeRoute';
import { formatDuration } from './format';

const SELF_REPORTED =
  'A result link is self-reported: it shows what the solver’s browser recorded, not proof that they solved it.';

function ChallengeResultCard({
  challenge,
  result,
  shared,
}: {
  challenge: Challenge;
  result: ChallengeResult;
  /** opened from someone's link: read-only */
  shared: boolean;
}) {
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  const link = challengeResultLink(challenge.id, encodeChallengeResult(result));

  const copy = () => {
    navigator.clipboard
      .writeText(link)
      .then(() => setCopied('copied'))
      .catch(() => setCopied('failed'));
  };

  return (
    <section className="challenge-result" aria-label="Challenge result" data-testid="challenge-result">
      <h3>{shared ? 'Shared result' : '✓ Solved: every goal passes'}</h3>
      <dl className="challenge-result__facts">
        <dt>Time taken</dt>
        <dd data-testid="result-time">
          {formatDuration(result.timeMs)} {result.timed ? '(timer)' : '(since the challenge was opened)'}
        </dd>
        <dt>Hints used</dt>
        <dd data-testid="result-hints">
          {result.hintsUsed} of {challenge.hints.length}
        </dd>
        <dt>Model solution</dt>
        <dd data-testid="result-solution">{result.solutionViewed ? 'viewed' : 'not viewed'}</dd>
        <dt>Solved on</dt>
        <dd>{new Date(result.solvedAt).toISOString().slice(0, 16).replace('T', ' ')} UTC</dd>
      </dl>
      {!shared && (
        <div className="challenge-result__share">
          <label>
            Result link
            <input type="text" readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
          </label>
          <button type="button" className="btn" onClick={copy}>
            Copy result link
          </button>
          {copied !== 'idle' && (
            <span role="status">
              {copied === 'copied' ? 'Copied.' : 'Could not copy: select the link above and copy it.'}
            </span>
          )}
        </div>
      )}
      <p className="challenge-result__note">{SELF_REPORTED}</p>
    </section>
  );
}

export default memo(ChallengeResultCard);
