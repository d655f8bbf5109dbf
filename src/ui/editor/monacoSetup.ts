// Monaco, bundled locally (never from a CDN): the core editor, its editor features, JavaScript
// highlighting and the TypeScript/JavaScript language service, each worker built by Vite from
// node_modules. Monaco 0.57 moved its entry points; the old `esm/vs/...` paths fail under its
// exports map. `monaco-editor/editor` is the bare API: without `features/register.all` the
// language service asks for services (code lens, inlay hints) nobody registered and throws.
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/register.all';
import 'monaco-editor/languages/definitions/javascript/register';
import 'monaco-editor/languages/features/typescript/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import TsWorker from 'monaco-editor/languages/features/typescript/ts.worker?worker';
import { useTheme, type Theme } from '../canvas/theme';

self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    return label === 'typescript' || label === 'javascript' ? new TsWorker() : new EditorWorker();
  },
};

export { monaco };

// Monaco's theme is global: follow the app's light/dark theme, now and whenever it changes.
// vs-dark's comment green (#608b4e on #1e1e1e, 4.2:1) misses WCAG AA; this lifts it to 6:1.
monaco.editor.defineTheme('edgelab-dark', {
  base: 'vs-dark',
  inherit: true,
  rules: [{ token: 'comment', foreground: '7ca668' }],
  colors: {},
});
const monacoTheme = (theme: Theme) => (theme === 'dark' ? 'edgelab-dark' : 'vs');
monaco.editor.setTheme(monacoTheme(useTheme.getState().theme));
useTheme.subscribe((s, prev) => {
  if (s.theme !== prev.theme) monaco.editor.setTheme(monacoTheme(s.theme));
});
