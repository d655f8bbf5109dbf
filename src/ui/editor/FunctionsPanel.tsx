// Lists the scenario's edge functions; "New function" offers the templates (title and what each
// teaches), and each function can be attached to a behavior's event type.
import { memo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { FUNCTION_TEMPLATES, type FunctionTemplate } from '../../state/functionTemplates';
import { useAppStore } from '../../state/store';
import FunctionAttachments from './FunctionAttachments';
import { withTypeHint } from './functionTypes';
import './editor.css';

function TemplatePicker({ onPick }: { onPick: (t: FunctionTemplate) => void }) {
  return (
    <ul className="template-picker" aria-label="Function templates">
      {FUNCTION_TEMPLATES.map((t) => (
        <li key={t.id}>
          <button type="button" className="template-picker__item" onClick={() => onPick(t)}>
            <strong>{t.title}</strong>
            <span className="muted">
              {t.kind === 'cloudfront-function' ? 'CloudFront Function' : 'Lambda@Edge'} · {t.eventType}
            </span>
            <span className="template-picker__desc">{t.description}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

function FunctionsPanel() {
  const names = useAppStore(useShallow((s) => (s.scenario.functions ?? []).map((f) => f.name)));
  const openName = useAppStore((s) => s.openFunctionName);
  const addFunction = useAppStore((s) => s.addFunction);
  const openFunction = useAppStore((s) => s.openFunction);
  const [picking, setPicking] = useState(false);

  const create = (t: FunctionTemplate) => {
    setPicking(false);
    // The JSDoc hint lets the editor complete `event.` with the real fields.
    addFunction({ ...t, code: withTypeHint(t.code, t.kind, t.eventType) });
  };

  return (
    <section className="panel functions-panel" aria-labelledby="functions-heading">
      <header className="panel__header">
        <h2 id="functions-heading">Functions</h2>
        <button
          type="button"
          className="btn btn--small"
          aria-expanded={picking}
          onClick={() => setPicking(!picking)}
        >
          New function
        </button>
      </header>
      {picking && <TemplatePicker onPick={create} />}
      {names.length === 0 ? (
        <p className="muted">
          No edge functions yet. “New function” starts one from a template; it is attached to the default
          behavior when that event is free.
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
              <FunctionAttachments name={name} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export default memo(FunctionsPanel);
