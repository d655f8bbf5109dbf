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

self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    return label === 'typescript' || label === 'javascript' ? new TsWorker() : new EditorWorker();
  },
};

export { monaco };
