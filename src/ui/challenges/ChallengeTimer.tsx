// The optional countdown from the suggested time. It never blocks: past zero it counts the
// overrun. Re-renders itself once a second only while running.
import { memo, useEffect, useState } from 'react';
import { attemptTimeMs, type ChallengeAttempt } from '../../state/slices/challengesSlice';
import { useAppStore } from '../../state/store';
import { formatClock } from './format';

function ChallengeTimer({ attempt, limitMinutes }: { attempt: ChallengeAttempt; limitMinutes: number }) {
  const start = useAppStore((s) => s.startChallengeTimer);
  const pause = useAppStore((s) => s.pauseChallengeTimer);
  const running = attempt.timerRunningSince !== null;
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    if (!running) return;
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, [running]);

  const limitMs = limitMinutes * 60_000;
  const used = attempt.timerUsed
    ? attemptTimeMs(attempt, running ? Math.max(now, attempt.timerRunningSince ?? 0) : 0)
    : 0;
  const left = limitMs - used;
  const text = !attempt.timerUsed
    ? `Suggested time: ${limitMinutes} min`
    : left >= 0
      ? `${formatClock(left)} left`
      : `${formatClock(left)} over the suggested ${limitMinutes} min`;

  return (
    <div className="challenge-timer" role="group" aria-label="Timer">
      <span className="challenge-timer__time" data-testid="challenge-timer" aria-live="off">
        {text}
      </span>
      {attempt.result ? null : running ? (
        <button type="button" className="btn btn--small" onClick={pause}>
          Pause timer
        </button>
      ) : (
        <button type="button" className="btn btn--small" onClick={start}>
          {attempt.timerUsed ? 'Resume timer' : 'Start timer'}
        </button>
      )}
    </div>
  );
}

export default memo(ChallengeTimer);
