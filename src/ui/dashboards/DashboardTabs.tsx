// The bottom panel beside the counters: Traffic (the live chart), Logs, Cost and Latency as
// WAI-ARIA tabs (arrow keys move between them). Only the open tab is mounted, so closed tabs
// ask the worker for nothing.
import { lazy, memo, Suspense, useRef, useState, type KeyboardEvent } from 'react';
import { useAppStore } from '../../state/store';
import type { DashTab } from '../../state/slices/logsSlice';
import LintTabBadge from '../lint/LintTabBadge';
import './dashboards.css';

// Loaded after the first render (Recharts alone is ~100 KB gzip): the canvas paints first, the
// panel keeps its size while its chunk arrives (budget: scripts/budget.mjs).
const LiveChart = lazy(() => import('../charts/LiveChart'));
const LogsPanel = lazy(() => import('../logs/LogsPanel'));
const CostPanel = lazy(() => import('./CostPanel'));
const LatencyPanel = lazy(() => import('./LatencyPanel'));
const LintPanel = lazy(() => import('../lint/LintPanel'));
const WorldMap = lazy(() => import('../map/WorldMap'));
const CachesPanel = lazy(() => import('../charts/CachesPanel'));

/** Tabs whose choice lives here rather than in the store (nothing outside the panel opens them). */
type LocalTab = 'caches' | 'map' | 'lint';
type Tab = DashTab | LocalTab;
const isLocal = (t: Tab): t is LocalTab => t === 'caches' || t === 'map' || t === 'lint';

const TABS: { id: Tab; label: string }[] = [
  { id: 'traffic', label: 'Traffic' },
  { id: 'caches', label: 'Caches' },
  { id: 'logs', label: 'Logs' },
  { id: 'cost', label: 'Cost' },
  { id: 'latency', label: 'Latency' },
  { id: 'map', label: 'Map' },
  { id: 'lint', label: 'Lint' },
];

function DashboardTabs() {
  const storeTab = useAppStore((s) => s.dashTab);
  const setStoreTab = useAppStore((s) => s.setDashTab);
  // A local tab stays open until the store's tab changes (e.g. a lesson opens the Logs).
  const [local, setLocal] = useState<{ tab: LocalTab; over: DashTab } | null>(null);
  const tab: Tab = local && local.over === storeTab ? local.tab : storeTab;
  const setDashTab = (t: Tab) => {
    setLocal(isLocal(t) ? { tab: t, over: storeTab } : null);
    if (!isLocal(t)) setStoreTab(t);
  };
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
            {t.id === 'lint' && <LintTabBadge />}
          </button>
        ))}
      </div>
      <div
        className="dash__panel"
        role="tabpanel"
        id={`dash-panel-${tab}`}
        aria-labelledby={`dash-tab-${tab}`}
      >
        <Suspense fallback={<p className="dash__loading">Loading…</p>}>
          {tab === 'traffic' && <LiveChart />}
          {tab === 'logs' && <LogsPanel />}
          {tab === 'cost' && <CostPanel />}
          {tab === 'latency' && <LatencyPanel />}
          {tab === 'caches' && <CachesPanel />}
          {tab === 'map' && <WorldMap />}
          {tab === 'lint' && <LintPanel />}
        </Suspense>
      </div>
    </div>
  );
}

export default memo(DashboardTabs);
