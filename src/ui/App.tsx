// Layout and wiring only: each region is its own component reading the store through narrow selectors.
import { lazy, Suspense } from 'react';
import { useAppStore } from '../state/store';
import TopologyCanvas from './canvas/TopologyCanvas';
import Counters from './charts/Counters';
import EventsPanel from './controls/EventsPanel';
import ChecksPanel from './checks/ChecksPanel';
import DashboardTabs from './dashboards/DashboardTabs';
import FunctionsPanel from './editor/FunctionsPanel';
import ErrorBanner from './ErrorBanner';
import ScenarioNotice from './scenario/ScenarioNotice';
import NodeDetails from './inspector/NodeDetails';
import RequestInspectorToggle from './inspector/RequestInspectorToggle';
import LessonPanel from './lessons/LessonPanel';
import ChallengePanel from './challenges/ChallengePanel';
import TopBar from './TopBar';
import ModellingButton from './modelling/ModellingButton';

// Not needed for the first render: loaded when first opened (budget: scripts/budget.mjs).
const RequestInspector = lazy(() => import('./inspector/RequestInspector'));
const EditorPane = lazy(() => import('./editor/EditorPane'));

export default function App() {
  const openFunction = useAppStore((s) => s.openFunctionName);
  const inspectorOpen = useAppStore((s) => s.inspectorOpen);
  return (
    <div className="app">
      <TopBar />
      <ErrorBanner />
      <ScenarioNotice />
      <main className="app__main">
        <div className="app__center">
          <TopologyCanvas />
          {openFunction && (
            <Suspense fallback={null}>
              <EditorPane name={openFunction} />
            </Suspense>
          )}
          {inspectorOpen && (
            <Suspense fallback={null}>
              <RequestInspector />
            </Suspense>
          )}
          <LessonPanel />
          <ChallengePanel />
        </div>
        <aside className="app__side" aria-label="Inspector">
          <NodeDetails />
          <RequestInspectorToggle />
          <FunctionsPanel />
          <EventsPanel />
          <ChecksPanel />
          <div className="app__side-footer">
            <ModellingButton />
          </div>
        </aside>
      </main>
      <section className="app__bottom" aria-label="Live metrics">
        <Counters />
        <DashboardTabs />
      </section>
    </div>
  );
}
