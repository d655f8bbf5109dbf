// The time window every time chart shows: the last 1, 5 or 15 simulated minutes, or the whole run.
import { memo } from 'react';
import type { ChartWindow } from '../../state/metricsSeries';
import { useAppStore } from '../../state/store';

const OPTIONS: { id: ChartWindow; label: string }[] = [
  { id: '1m', label: 'Last 1 min' },
  { id: '5m', label: 'Last 5 min' },
  { id: '15m', label: 'Last 15 min' },
  { id: 'all', label: 'Whole run' },
];

function WindowSelect() {
  const value = useAppStore((s) => s.chartWindow);
  const set = useAppStore((s) => s.setChartWindow);
  return (
    <label className="chart-window">
      Time window{' '}
      <select value={value} onChange={(e) => set(e.target.value as ChartWindow)}>
        {OPTIONS.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

export default memo(WindowSelect);
