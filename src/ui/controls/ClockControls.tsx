// Single step with a chosen size, and the honest speed note: when the engine cannot keep up with
// the chosen speed, simulated time runs slower (no request is dropped) and the bar says why.
import { memo, useCallback, useState, type ChangeEvent } from 'react';
import { STEP_CHOICES_MS } from '../../state/slices/simulationSlice';
import { useAppStore } from '../../state/store';
import './controls.css';

const STEP_LABELS: Record<number, string> = { 1_000: '1 s', 10_000: '10 s', 60_000: '1 min' };

function ClockControls() {
  const status = useAppStore((s) => s.status);
  const limited = useAppStore((s) => s.limited && s.status === 'running');
  const stepBy = useAppStore((s) => s.stepBy);
  const [stepMs, setStepMs] = useState<number>(STEP_CHOICES_MS[0]);
  const [busy, setBusy] = useState(false);
  const onSize = useCallback((e: ChangeEvent<HTMLSelectElement>) => setStepMs(Number(e.target.value)), []);
  const onStep = useCallback(async () => {
    setBusy(true);
    try {
      await stepBy(stepMs);
    } finally {
      setBusy(false);
    }
  }, [stepBy, stepMs]);

  return (
    <div className="clock-controls" role="group" aria-label="Single step">
      <select value={stepMs} onChange={onSize} aria-label="Step size">
        {STEP_CHOICES_MS.map((ms) => (
          <option key={ms} value={ms}>
            {STEP_LABELS[ms]}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="btn"
        onClick={() => void onStep()}
        disabled={busy || status === 'running' || status === 'loading'}
        title="Run the chosen span of simulated time at once (pause first)"
      >
        Step
      </button>
      {/* Always rendered (a fixed-width live region), so the bar does not reflow when it changes. */}
      <span className="clock-controls__limited" role="status" data-testid="speed-limited">
        {limited ? '⚠ limited by engine throughput' : ''}
      </span>
    </div>
  );
}

export default memo(ClockControls);
