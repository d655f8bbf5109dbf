import { memo, useCallback, type ChangeEvent } from 'react';
import { SPEED_CHOICES } from '../state/slices/simulationSlice';
import { useAppStore } from '../state/store';
import { formatSpeed } from './format';
import ClockControls from './controls/ClockControls';
import ScenarioControls from './scenario/ScenarioControls';
import LessonsMenu from './lessons/LessonsMenu';
import ChallengesMenu from './challenges/ChallengesMenu';

function TopBar() {
  const status = useAppStore((s) => s.status);
  const speed = useAppStore((s) => s.speed);
  const achievedSpeed = useAppStore((s) => s.achievedSpeed);
  const scenarioName = useAppStore((s) => s.scenario.name);
  const stale = useAppStore((s) => s.loadedRevision !== null && s.loadedRevision !== s.scenarioRevision);
  const run = useAppStore((s) => s.run);
  const pause = useAppStore((s) => s.pause);
  const reset = useAppStore((s) => s.reset);
  const setSpeed = useAppStore((s) => s.setSpeed);

  const running = status === 'running';
  const onSpeed = useCallback(
    (e: ChangeEvent<HTMLSelectElement>) => void setSpeed(Number(e.target.value)),
    [setSpeed],
  );

  return (
    <header className="topbar">
      <h1 className="topbar__title">EdgeLab</h1>
      <span className="topbar__scenario" title="Scenario">
        {scenarioName}
      </span>
      <div className="topbar__controls">
        <ScenarioControls />
        <LessonsMenu />
        <ChallengesMenu />
        <button
          type="button"
          className="btn btn--primary"
          onClick={() => void (running ? pause() : run())}
          disabled={status === 'loading'}
        >
          {running ? 'Pause' : status === 'loading' ? 'Loading…' : 'Run'}
        </button>
        <button type="button" className="btn" onClick={() => void reset()} disabled={status === 'loading'}>
          Reset
        </button>
        <label className="topbar__speed">
          Speed
          <select value={speed} onChange={onSpeed} aria-label="Simulation speed">
            {SPEED_CHOICES.map((s) => (
              <option key={s} value={s}>
                {s.toLocaleString('en-US')}x
              </option>
            ))}
          </select>
        </label>
        <span
          className="topbar__achieved"
          data-testid="achieved-speed"
          title="Simulated seconds per real second actually reached"
        >
          achieved {running ? formatSpeed(achievedSpeed) : '–'}
        </span>
        <ClockControls />
        {stale && (
          <span className="topbar__stale" role="status">
            Scenario edited: press Reset to run the new version
          </span>
        )}
      </div>
    </header>
  );
}

export default memo(TopBar);
