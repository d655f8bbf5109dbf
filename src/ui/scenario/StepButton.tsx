// "Step 10 s": runs a fixed span of simulated time at once. Unlike Run (paced by the wall clock),
// the result depends only on the scenario, so two tabs with the same scenario show the same numbers.
import { memo, useCallback, useState } from 'react';
import { useAppStore } from '../../state/store';

export const STEP_MS = 10_000;

function StepButton() {
  const status = useAppStore((s) => s.status);
  const stepBy = useAppStore((s) => s.stepBy);
  const [busy, setBusy] = useState(false);
  const onStep = useCallback(async () => {
    setBusy(true);
    try {
      await stepBy(STEP_MS);
    } finally {
      setBusy(false);
    }
  }, [stepBy]);
  return (
    <button
      type="button"
      className="btn"
      onClick={() => void onStep()}
      disabled={busy || status === 'running' || status === 'loading'}
      title="Run 10 seconds of simulated time at once (pause first)"
    >
      Step 10 s
    </button>
  );
}

export default memo(StepButton);
