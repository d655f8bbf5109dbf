// The panel around the editor: which function, its kind and runtime, its size against the
// 10 KB limit, the "Test function" panel, and a way back to the canvas.
import { lazy, memo, Suspense, useMemo, useState } from 'react';
import { functionStoreData } from '../../engine/functions/kvs';
import { CLOUDFRONT_FUNCTION_LIMITS } from '../../engine/functions/limits';
import type { EdgeFunction } from '../../engine/scenario';
import { associationsOf, behaviorLabel } from '../../state/slices/functionsSlice';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../state/store';
import KvsEditor from './KvsEditor';
import LambdaLimits from './LambdaLimits';
import TestFunctionPanel from './TestFunctionPanel';
import './editor.css';

const FunctionEditor = lazy(() => import('./FunctionEditor'));
const utf8 = new TextEncoder();

function SizeCounter({ code }: { code: string }) {
  const bytes = useMemo(() => utf8.encode(code).length, [code]);
  const max = CLOUDFRONT_FUNCTION_LIMITS.maxCodeBytes;
  const over = bytes > max;
  return (
    <span className={`size-counter${over ? ' is-over' : ''}`} data-testid="function-size">
      {bytes.toLocaleString('en-US')} / {max.toLocaleString('en-US')} bytes
      {over ? ' — over the 10 KB limit: CloudFront would refuse to publish it' : ''}
    </span>
  );
}

function EditorPane({ name }: { name: string }) {
  const fn = useAppStore((s) => s.scenario.functions?.find((f) => f.name === name));
  const events = useAppStore((s) =>
    associationsOf(s.scenario, name)
      .map((a) => `${behaviorLabel(s.scenario, a.index)} ${a.eventType}`)
      .join(', '),
  );
  const eventTypes = useAppStore(
    useShallow((s) => [...new Set(associationsOf(s.scenario, name).map((a) => a.eventType))]),
  );
  const storeKeys = useAppStore((s) => {
    const f = s.scenario.functions?.find((x) => x.name === name);
    const data = f ? functionStoreData(f, s.scenario.keyValueStores) : undefined;
    return data ? Object.keys(data).length : null;
  });
  const close = useAppStore((s) => s.openFunction);
  const setSettings = useAppStore((s) => s.setFunctionSettings);
  const [testing, setTesting] = useState(false);
  const [kvsOpen, setKvsOpen] = useState(false);

  if (!fn) return null;
  const showKvs = kvsOpen && fn.kind === 'cloudfront-function';
  const side = testing || showKvs;
  return (
    <section className="editor-pane" aria-label={`Edge function ${name}`}>
      <header className="editor-pane__header">
        <h2>{name}</h2>
        <label>
          Kind{' '}
          <select
            value={fn.kind}
            onChange={(e) => setSettings(name, { kind: e.target.value as EdgeFunction['kind'] })}
          >
            <option value="cloudfront-function">CloudFront Function</option>
            <option value="lambda-edge">Lambda@Edge</option>
          </select>
        </label>
        {fn.kind === 'cloudfront-function' && (
          <label>
            Runtime{' '}
            <select
              value={fn.runtime ?? 'cloudfront-js-2.0'}
              onChange={(e) => setSettings(name, { runtime: e.target.value as EdgeFunction['runtime'] })}
            >
              <option value="cloudfront-js-1.0">cloudfront-js-1.0</option>
              <option value="cloudfront-js-2.0">cloudfront-js-2.0</option>
            </select>
          </label>
        )}
        {fn.kind === 'cloudfront-function' && <SizeCounter code={fn.code} />}
        {fn.kind === 'lambda-edge' && <LambdaLimits code={fn.code} events={eventTypes} />}
        <span className="muted">{events ? `on ${events}` : 'not associated'}</span>
        <span className="editor-pane__hint muted">
          Edits apply to the running simulation · Ctrl+S formats
        </span>
        {fn.kind === 'cloudfront-function' && (
          <button
            type="button"
            className="btn btn--small"
            aria-expanded={kvsOpen}
            onClick={() => setKvsOpen(!kvsOpen)}
          >
            {kvsOpen ? 'Hide KeyValueStore' : `KeyValueStore${storeKeys !== null ? ` (${storeKeys})` : ''}`}
          </button>
        )}
        <button
          type="button"
          className="btn btn--small"
          aria-expanded={testing}
          onClick={() => setTesting(!testing)}
        >
          {testing ? 'Hide test' : 'Test function'}
        </button>
        <button type="button" className="btn btn--small" onClick={() => close(null)}>
          Close editor
        </button>
      </header>
      <div className={`editor-pane__body${side ? ' is-testing' : ''}`}>
        <Suspense fallback={<p className="editor-pane__loading">Loading editor…</p>}>
          <FunctionEditor key={name} name={name} />
        </Suspense>
        {side && (
          <div className="editor-pane__side">
            {showKvs && <KvsEditor name={name} />}
            {testing && <TestFunctionPanel name={name} />}
          </div>
        )}
      </div>
    </section>
  );
}

export default memo(EditorPane);
