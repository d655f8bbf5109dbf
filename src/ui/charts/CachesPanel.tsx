// The Caches tab: edge hit ratio per PoP and cache fill per tier, for the chosen time window.
import { memo, useState } from 'react';
import './charts.css';
import PopHitChart, { TOP_POP_CHOICES } from './PopHitChart';
import TierFillChart from './TierFillChart';
import WindowSelect from './WindowSelect';

function CachesPanel() {
  const [top, setTop] = useState<number>(TOP_POP_CHOICES[0]);
  return (
    <div className="chart-tab">
      <div className="chart-tab__bar">
        <WindowSelect />
        <label className="chart-window">
          PoPs shown{' '}
          <select value={top} onChange={(e) => setTop(Number(e.target.value))}>
            {TOP_POP_CHOICES.map((n) => (
              <option key={n} value={n}>
                Busiest {n}
              </option>
            ))}
          </select>
        </label>
        <span className="chart-tab__note">Exact per-cache counters from the engine</span>
      </div>
      <div className="live-charts live-charts--two">
        <PopHitChart top={top} />
        <TierFillChart />
      </div>
    </div>
  );
}

export default memo(CachesPanel);
