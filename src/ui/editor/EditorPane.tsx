// The panel around the editor: which function, its event and runtime, and a way back to the canvas.
import { lazy, memo, Suspense } from 'react';
import { useAppStore } from '../../state/store';

const FunctionEditor = lazy(() => import('./FunctionEditor'));

function EditorPane({ name }: { name: string }) {
  const fn = useAppStore((s) => s.scenario.functions?.find((f) => f.name === name));
  const events = useAppStore((s) =>
    (s.scenario.distribution.defaultCacheBehavior.functionAssociations ?? [])
      .filter((a) => a.functionName === name)
      .map((a) => a.eventType)
      .join(', '),
  );
  const close = useAppStore((s) => s.openFunction);

  if (!fn) return null;
  return (
    <section className="editor-pane" aria-label={`Edge function ${name}`}>
      <header className="editor-pane__header">
        <h2>{name}</h2>
        <span className="muted">
          {fn.kind === 'cloudfront-function' ? 'CloudFront Function' : 'Lambda@Edge'} ·{' '}
          {fn.runtime ?? 'cloudfront-js-2.0'} · {events ? `default behavior: ${events}` : 'not associated'}
        </span>
        <span className="editor-pane__hint muted">Edits apply on Reset</span>
        <button type="button" className="btn btn--small" onClick={() => close(null)}>
          Close editor
        </button>
      </header>
      <Suspense fallback={<p className="editor-pane__loading">Loading editor…</p>}>
        <FunctionEditor key={name} name={name} />
      </Suspense>
    </section>
  );
}

export default memo(EditorPane);
