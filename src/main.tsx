import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './ui/styles/app.css';
import './ui/styles/theme.css';
import App from './ui/App';
import { useAppStore } from './state/store';
import { startScenarioIo } from './ui/scenario/startup';

const root = document.getElementById('root');
if (!root) throw new Error('index.html must contain <div id="root">.');
// Before the first render, so the first frame already shows the linked or autosaved scenario.
startScenarioIo(useAppStore);
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
