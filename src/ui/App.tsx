// Layout and wiring only: each region is its own component reading the store through narrow selectors.
import { useAppStore } from '../state/store';
import TopologyCanvas from './canvas/TopologyCanvas';
import Counters from './charts/Counters';
import EventsPanel from './controls/EventsPanel';
import DashboardTabs from './dashboards/DashboardTabs';
import EditorPane from './editor/EditorPane';
import FunctionsPanel from './editor/FunctionsPanel';
import ErrorBanner from './ErrorBanner';
import ScenarioNotice from './scenario/ScenarioNotice';
import NodeDetails from './inspector/NodeDetails';
import RequestInspector from './inspector/RequestInspector';
import RequestInspectorToggle from './inspector/RequestInspectorToggle';
import LessonPanel from './lessons/LessonPanel';
import TopBar from './TopBar';
import ModellingButton from './modelling/ModellingButton';

export default function App() {
  const openFunction = useAppStore((s) => s.openFunctionName);
  return (
    <div className="app">
      <TopBar />
      <ErrorBanner />
      <ScenarioNotice />
      <main className="app__main">
        <div className="app__center">
          <TopologyCanvas />
          {openFunction && <EditorPane name={openFunction} />}
          <RequestInspector />
          <LessonPanel />
        </div>
        <aside className="app__side" aria-label="Inspector">
          <NodeDetails />
          <RequestInspectorToggle />
          <FunctionsPanel />
          <EventsPanel />
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
