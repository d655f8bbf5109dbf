// The bottom panel beside the counters: Traffic (the live chart), Logs, Cost and Latency as
// WAI-ARIA tabs (arrow keys move between them). Only the open tab is mounted, so closed tabs
// ask the worker for nothing.
import { memo, useRef, type KeyboardEvent } from 'react';
import { useAppStore } from '../../state/store';
import type { DashTab } from '../../state/slices/logsSlice';
import LiveChart from '../charts/LiveChart';
import LogsPanel from '../logs/LogsPanel';
import CostPanel from './CostPanel';
import LatencyPanel from './LatencyPanel';
import './dashboards.css';

const TABS: { id: DashTab; label: string }[] = [
  { id: 'traffic', label: 'Traffic' },
  { id: 'logs', label: 'Logs' },
  { id: 'cost', label: 'Cost' },
  { id: 'latency', label: 'Latency' },
];

function DashboardTabs() {
  const tab = useAppStore((s) => s.dashTab);
  const setDashTab = useAppStore((s) => s.setDashTab);
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = TABS.findIndex((t) => t.id === tab);
    let next = -1;
    if (e.key === 'ArrowRight') next = (i + 1) % TABS.length;
    else if (e.key === 'ArrowLeft') next = (i + TABS.length - 1) % TABS.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = TABS.length - 1;
    if (next < 0) return;
    e.preventDefault();
    setDashTab(TABS[next].id);
    refs.current[TABS[next].id]?.focus();
  };

  return (
    <div className="dash">
      <div className="dash__tabs" role="tablist" aria-label="Dashboards" onKeyDown={onKeyDown}>
        {TABS.map((t) => (
          <button
            key={t.id}
            ref={(el) => {
              refs.current[t.id] = el;
            }}
            type="button"
            role="tab"
            id={`dash-tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`dash-panel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            className="dash__tab"
            onClick={() => setDashTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div
        className="dash__panel"
        role="tabpanel"
        id={`dash-panel-${tab}`}
        aria-labelledby={`dash-tab-${tab}`}
      >
        {tab === 'traffic' && <LiveChart />}
        {tab === 'logs' && <LogsPanel />}
        {tab === 'cost' && <CostPanel />}
        {tab === 'latency' && <LatencyPanel />}
      </div>
    </div>
  );
}

export default memo(DashboardTabs);
