// The open challenge's panel (loaded on first use, see ChallengePanel.tsx), beside the canvas (the lesson panel's look: its CSS classes): statement,
// constraints, goals judged live, optional timer, progressive hints, the model solution on request,
// and the result card once every goal passes. A result opened from a link is shown read-only.
import { memo, useMemo } from 'react';
import { parseAssertion } from '../../scenario/assertions';
import { findChallenge, type Challenge } from '../../scenario/challenges';
import type { ChallengeAttempt, SharedChallengeResult } from '../../state/slices/challengesSlice';
import { useAppStore } from '../../state/store';
import { GoalItem, useLiveEvaluation } from '../lessons/liveGoals';
import ChallengeResultCard from './ChallengeResultCard';
import ChallengeSolution from './ChallengeSolution';
import ChallengeTimer from './ChallengeTimer';
import { challengeHash, writeChallengeHash } from './challengeRoute';
import { formatDuration } from './format';
import '../lessons/lessons.css';
import './challenges.css';

/** Real time between two evaluations: probes and cost calls cross the worker boundary. */
/** Evaluates the open challenge's goals as batches arrive; renders nothing. */
function ChallengeEvaluator() {
  useLiveEvaluation('evaluateChallenge');
  return null;
}

function Goals({ challenge }: { challenge: Challenge }) {
  const evaluations = useAppStore((s) => s.challengeEvaluations);
  const asts = useMemo(
    () =>
      challenge.goals.map((g) => {
        const r = parseAssertion(g.expression);
        return r.ok ? r.ast : null;
      }),
    [challenge],
  );
  const passing = challenge.goals.filter((g) => evaluations[g.id]?.status === 'pass').length;
  return (
    <>
      <h3>
        Goals{' '}
        <span className="lesson__count" data-testid="challenge-progress">
          ({passing} of {challenge.goals.length} passing)
        </span>
      </h3>
      <ul className="lesson__goals" aria-live="polite">
        {challenge.goals.map((g, i) => (
          <GoalItem
            key={g.id}
            label={g.label}
            note={g.guard ? ' (must stay true)' : null}
            expression={g.expression}
            ast={asts[i]}
            evaluation={evaluations[g.id]}
            testId="challenge-goal"
          />
        ))}
      </ul>
    </>
  );
}

function Statement({ challenge }: { challenge: Challenge }) {
  return (
    <>
      {challenge.statement.map((p, i) => (
        <p key={i}>{p}</p>
      ))}
      <h3>Constraints</h3>
      <ul className="lesson__steps">
        {challenge.constraints.map((c, i) => (
          <li key={i}>{c}</li>
        ))}
      </ul>
    </>
  );
}

function Hints({ challenge, shown }: { challenge: Challenge; shown: number }) {
  const showHint = useAppStore((s) => s.showChallengeHint);
  const total = challenge.hints.length;
  return (
    <>
      <h3>
        Hints{' '}
        <span className="lesson__count" data-testid="challenge-hints-used">
          ({shown} of {total} used)
        </span>
      </h3>
      {shown > 0 && (
        <ol className="lesson__hints">
          {challenge.hints.slice(0, shown).map((h, i) => (
            <li key={i}>{h}</li>
          ))}
        </ol>
      )}
      <div className="lesson__actions">
        <button type="button" className="btn" onClick={showHint} disabled={shown >= total}>
          {shown >= total ? 'No more hints' : `Show hint ${shown + 1} of ${total}`}
        </button>
      </div>
    </>
  );
}

function Header({ challenge }: { challenge: Challenge }) {
  const close = useAppStore((s) => s.closeChallenge);
  return (
    <header className="lesson__header">
      <h2 id={`challenge-title-${challenge.id}`}>{challenge.title}</h2>
      <button type="button" className="btn btn--small" onClick={close} aria-label="Close the challenge">
        Close
      </button>
    </header>
  );
}

const SharedResultView = memo(function SharedResultView({
  challenge,
  shared,
}: {
  challenge: Challenge;
  shared: SharedChallengeResult;
}) {
  const openChallenge = useAppStore((s) => s.openChallenge);
  // As from a link: an attempt of this challenge already in progress here resumes.
  const tryIt = () =>
    void openChallenge(challenge.id, true).then(
      (ok) => ok && writeChallengeHash(challengeHash(challenge.id)),
    );
  return (
    <section
      className="lesson challenge"
      aria-labelledby={`challenge-title-${challenge.id}`}
      data-testid="challenge-panel"
    >
      <Header challenge={challenge} />
      {shared.ok ? (
        <ChallengeResultCard challenge={challenge} result={shared.result} shared />
      ) : (
        <p className="challenge-error" role="alert">
          {shared.error}
        </p>
      )}
      <p className="challenge__summary">{challenge.summary}</p>
      <div className="lesson__actions">
        <button type="button" className="btn btn--primary" onClick={tryIt}>
          Try this challenge yourself
        </button>
      </div>
    </section>
  );
});

const ChallengeBody = memo(function ChallengeBody({
  challenge,
  attempt,
  solvedBefore,
}: {
  challenge: Challenge;
  attempt: ChallengeAttempt;
  solvedBefore: { bestTimeMs: number | null } | null;
}) {
  const reset = useAppStore((s) => s.resetChallenge);
  return (
    <section
      className="lesson challenge"
      aria-labelledby={`challenge-title-${challenge.id}`}
      data-testid="challenge-panel"
    >
      <Header challenge={challenge} />
      {solvedBefore && !attempt.result && (
        <p className="lesson__completed" role="status">
          ✓ Solved before
          {solvedBefore.bestTimeMs !== null ? ` (best ${formatDuration(solvedBefore.bestTimeMs)})` : ''}
        </p>
      )}
      <ChallengeTimer attempt={attempt} limitMinutes={challenge.timeLimitMinutes} />
      <Statement challenge={challenge} />
      <Goals challenge={challenge} />
      {attempt.result && <ChallengeResultCard challenge={challenge} result={attempt.result} shared={false} />}
      <Hints challenge={challenge} shown={attempt.hintsShown} />
      <ChallengeSolution challenge={challenge} viewed={attempt.solutionViewed} />
      <div className="lesson__actions">
        <button
          type="button"
          className="btn"
          onClick={reset}
          title="Back to the challenge's starting scenario (the timer and hints carry on)"
        >
          Reset challenge
        </button>
      </div>
    </section>
  );
});

function ChallengePanelBody() {
  const challengeId = useAppStore((s) => s.challengeId);
  const attempt = useAppStore((s) => s.challengeAttempt);
  const shared = useAppStore((s) => s.sharedChallengeResult);
  const progress = useAppStore((s) => (s.challengeId ? s.challengeProgress[s.challengeId] : undefined));
  const challenge = challengeId ? findChallenge(challengeId) : undefined;
  if (!challenge) return null;
  if (shared) return <SharedResultView challenge={challenge} shared={shared} />;
  if (!attempt || attempt.challengeId !== challenge.id) return null;
  return (
    <>
      <ChallengeEvaluator />
      <ChallengeBody
        challenge={challenge}
        attempt={attempt}
        solvedBefore={progress?.solved ? { bestTimeMs: progress.bestTimeMs } : null}
      />
    </>
  );
}

export default memo(ChallengePanelBody);
