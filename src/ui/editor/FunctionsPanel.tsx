// Lists the scenario's edge functions; "New function" adds one from a template and opens it.
import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../state/store';

function FunctionsPanel() {
  const names = useAppStore(useShallow((s) => (s.scenario.functions ?? []).map((f) => f.name)));
  const openName = useAppStore((s) => s.openFunctionName);
  const addFunction = useAppStore((s) => s.addFunction);
  const openFunction = useAppStore((s) => s.openFunction);

  return (
    <section className="panel functions-panel" aria-labelledby="functions-heading">
      <header className="panel__header">
        <h2 id="functions-heading">Functions</h2>
        <button type="button" className="btn btn--small" onClick={() => addFunction()}>
          New function
        </button>
      </header>
      {names.length === 0 ? (
        <p className="muted">
          No edge functions yet. “New function” creates a CloudFront Function that adds security headers in
          viewer-response.
        </p>
      ) : (
        <ul className="functions-panel__list">
          {names.map((name) => (
            <li key={name}>
              <button
                type="button"
                className={`link-button${name === openName ? ' is-active' : ''}`}
                onClick={() => openFunction(name)}
                aria-label={`Edit function ${name}`}
              >
                {name}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export default memo(FunctionsPanel);
