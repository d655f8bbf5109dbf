// The Monaco editor on one edge function. Loaded lazily (React.lazy) the first time a function is
// opened: Monaco and its language worker are a few MB, so the app must not pay for them up front.
import { useEffect, useRef } from 'react';
import { useAppStore } from '../../state/store';
import { monaco } from './monacoSetup';

export interface FunctionEditorProps {
  name: string;
}

export default function FunctionEditor({ name }: FunctionEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const setFunctionCode = useAppStore((s) => s.setFunctionCode);

  useEffect(() => {
    const el = host.current;
    if (!el) return;
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
      ariaLabel: `Code of edge function ${name}`,
    });
    const sub = model.onDidChangeContent(() => setFunctionCode(name, model.getValue()));
    editor.focus();
    return () => {
      sub.dispose();
      editor.dispose();
      model.dispose();
    };
  }, [name, setFunctionCode]);

  return <div ref={host} className="function-editor__monaco" data-testid="monaco-host" />;
}
