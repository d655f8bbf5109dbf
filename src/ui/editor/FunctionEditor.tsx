// The Monaco editor on one edge function. Loaded lazily (React.lazy) the first time a function is
// opened: Monaco and its language worker are a few MB, so the app must not pay for them up front.
import { useEffect, useRef } from 'react';
import { javascriptDefaults } from 'monaco-editor/languages/features/typescript/register';
import { useAppStore } from '../../state/store';
import { EDGE_FUNCTION_TYPES } from './functionTypes';
import { monaco } from './monacoSetup';
import { findSyntaxProblems } from './syntaxProblems';

export interface FunctionEditorProps {
  name: string;
}

const MARKER_OWNER = 'edgelab-runtime-syntax';
/** Re-check this long after the last keystroke (a parse per keystroke would be wasted work). */
const CHECK_DELAY_MS = 250;

let typesInstalled = false;
/** Event types for completion, and no DOM library: edge functions have no window or document. */
function installTypes(): void {
  if (typesInstalled) return;
  typesInstalled = true;
  javascriptDefaults.setCompilerOptions({
    ...javascriptDefaults.getCompilerOptions(),
    allowJs: true,
    allowNonTsExtensions: true,
    lib: ['es2021'],
  });
  javascriptDefaults.addExtraLib(EDGE_FUNCTION_TYPES, 'ts:edgelab/edge-function-events.d.ts');
}

export default function FunctionEditor({ name }: FunctionEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const setFunctionCode = useAppStore((s) => s.setFunctionCode);

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    installTypes();
    // Read once: afterwards the editor owns the text and writes it back on every change.
    const fn = useAppStore.getState().scenario.functions?.find((f) => f.name === name);
    const model = monaco.editor.createModel(fn?.code ?? '', 'javascript');
    const editor = monaco.editor.create(el, {
      model,
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 13,
      scrollBeyondLastLine: false,
      tabSize: 2,
      // Monaco's default 'dimmed' greys the last line number below WCAG AA contrast (axe, e2e/a11y.spec.ts).
      renderFinalNewline: 'on',
      ariaLabel: `Code of edge function ${name}`,
    });

    const check = () => {
      const current = useAppStore.getState().scenario.functions?.find((f) => f.name === name);
      if (!current || model.isDisposed()) return;
      const problems = findSyntaxProblems(model.getValue(), current);
      monaco.editor.setModelMarkers(
        model,
        MARKER_OWNER,
        problems.map((p) => ({
          severity: monaco.MarkerSeverity.Error,
          message: p.message,
          startLineNumber: p.line,
          startColumn: p.column,
          endLineNumber: p.endLine,
          endColumn: p.endColumn,
        })),
      );
    };
    let timer: ReturnType<typeof setTimeout> | undefined;
    const sub = model.onDidChangeContent(() => {
      setFunctionCode(name, model.getValue());
      clearTimeout(timer);
      timer = setTimeout(check, CHECK_DELAY_MS);
    });
    // A runtime or kind change re-checks at once (1.0 refuses what 2.0 accepts).
    const unsubscribe = useAppStore.subscribe((s, prev) => {
      const a = s.scenario.functions?.find((f) => f.name === name);
      const b = prev.scenario.functions?.find((f) => f.name === name);
      if (a && (a.runtime !== b?.runtime || a.kind !== b?.kind)) check();
    });
    check();
    // Ctrl/Cmd+S formats (Monaco's own formatter) instead of the browser's "save page".
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS, () => {
      void editor.getAction('editor.action.formatDocument')?.run();
    });
    editor.focus();
    return () => {
      clearTimeout(timer);
      unsubscribe();
      sub.dispose();
      editor.dispose();
      model.dispose();
    };
  }, [name, setFunctionCode]);

  return <div ref={host} className="function-editor__monaco" data-testid="monaco-host" />;
}
