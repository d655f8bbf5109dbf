// The side-panel entry point of the request inspector.
import { memo } from 'react';
import { useAppStore } from '../../state/store';

function RequestInspectorToggle() {
  const open = useAppStore((s) => s.inspectorOpen);
  const setOpen = useAppStore((s) => s.setInspectorOpen);
  const count = useAppStore((s) => s.inspected.length);
  return (
    <section className="panel" aria-labelledby="inspect-heading">
      <header className="panel__header">
        <h2 id="inspect-heading">Requests</h2>
        <button type="button" className="btn btn--small" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? 'Hide inspector' : 'Inspect request'}
        </button>
      </header>
      <p className="muted">
        Send one request through the CDN and read its headers, trace and why it missed.
        {count > 0 ? ` ${count} sent.` : ''}
      </p>
    </section>
  );
}

export default memo(RequestInspectorToggle);
