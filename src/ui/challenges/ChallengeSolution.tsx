// "Show model solution": asks first (viewing it is recorded in the result), then shows the steps
// and the design reasoning, with a button that applies it to the current scenario.
import { memo, useState } from 'react';
import type { Challenge } from '../../scenario/challenges';
import { useAppStore } from '../../state/store';

function ChallengeSolution({ challenge, viewed }: { challenge: Challenge; viewed: boolean }) {
  const [confirming, setConfirming] = useState(false);
  const reveal = useAppStore((s) => s.revealChallengeSolution);
  const apply = useAppStore((s) => s.applyChallengeSolution);

  if (!viewed) {
    return confirming ? (
      <div className="challenge-confirm" role="group" aria-label="Confirm showing the model solution">
        <p>Viewing the model solution is recorded in your result. Show it?</p>
        <div className="lesson__actions">
          <button
            type="button"
            className="btn"
            onClick={() => {
              setConfirming(false);
              reveal();
            }}
          >
            Yes, show the solution
          </button>
          <button type="button" className="btn" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </div>
      </div>
    ) : (
      <div className="lesson__actions">
        <button type="button" className="btn" onClick={() => setConfirming(true)}>
          Show model solution
        </button>
      </div>
    );
  }

  return (
    <section className="challenge-solution" aria-label="Model solution">
      <h3>Model solution</h3>
      <ol className="lesson__steps">
        {challenge.solution.steps.map((s, i) => (
          <li key={i}>{s}</li>
        ))}
      </ol>
      <h3>Why (as you would explain it in an interview)</h3>
      {challenge.solution.explanation.map((p, i) => (
        <p key={i}>{p}</p>
      ))}
      <div className="lesson__actions">
        <button
          type="button"
          className="btn"
          onClick={apply}
          title="Applies the model solution to the current scenario; press Reset, then Run"
        >
          Apply the model solution
        </button>
      </div>
    </section>
  );
}

export default memo(ChallengeSolution);
