// Layout and wiring only: each region is its own component reading the store through narrow selectors.
import { useAppStore } from '../state/store';
import TopologyCanvas from './canvas/TopologyCanvas';
import Counters from './charts/Counters';
import LiveChart from './charts/LiveChart';
import EditorPane from './editor/EditorPane';
import FunctionsPanel from './editor/FunctionsPanel';
import ErrorBanner from './ErrorBanner';
import NodeDetails from './inspector/NodeDetails';
import TopBar from './TopBar';

export default function App() {
  const openFunction = useAppStore((s) => s.openFunctionName);
  return (
    <div className="app">
      <TopBar />
      <ErrorBanner />
      <main className="app__main">
        <div className="app__center">
          <TopologyCanvas />
          {openFunction && <EditorPane name={openFunction} />}
        </div>
        <aside className="app__side" aria-label="Inspector">
          <NodeDetails />
          <FunctionsPanel />
        </aside>
      </main>
      <section className="app__bottom" aria-label="Live metrics">
        <Counters />
        <LiveChart />
      </section>
    </div>
  );
}
