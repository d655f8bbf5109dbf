// First: starts loading the scenario code a link or stored work needs, before the rest evaluates.
import { scenarioIoAtStart } from './ui/scenario/scenarioIoAtStart';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './ui/styles/app.css';
import './ui/styles/theme.css';
import App from './ui/App';
import { useAppStore } from './state/store';
import { loadScenarioIo } from './state/scenarioIoLoader';
import { startScenarioIo } from './ui/scenario/startup';

const root = document.getElementById('root');
if (!root) throw new Error('index.html must contain <div id="root">.');
// The schema, link codec and CloudFront code (~100 KB gzip) are not in the first download (issue 10).
// A link or stored work needs them to open: load them, then render, so the first frame already shows
// that scenario (no flash of the default one). Otherwise render at once and load them meanwhile.
if (scenarioIoAtStart) await scenarioIoAtStart;
startScenarioIo(useAppStore);
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
// Ready for Share, import and Save as… once the first frame is drawn: idle time, so parsing the
// schema does not compete with that first render (Share and import also await it themselves).
if (!scenarioIoAtStart) {
  const warm = () => void loadScenarioIo().catch(() => undefined);
  if ('requestIdleCallback' in window) window.requestIdleCallback(warm, { timeout: 2000 });
  else setTimeout(warm, 500);
}
