// Form fields for the side-panel editors. A text field keeps a draft while the user types, shows
// CloudFront's validation message on the field, and commits only a valid value (on Enter or blur),
// so the scenario never holds a value CloudFront would reject and undo steps are whole edits.
import { useId, useState, type ReactNode } from 'react';

export function TextField({
  label,
  value,
  validate,
  onCommit,
  inputMode,
  hint,
}: {
  label: string;
  value: string;
  validate: (draft: string) => string | null;
  onCommit: (draft: string) => void;
  inputMode?: 'numeric' | 'text';
  hint?: string;
}) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  const [shown, setShown] = useState(value);
  // The scenario changed under the field (undo, another edit): show the new value.
  if (shown !== value) {
    setShown(value);
    setDraft(value);
  }
  const error = draft === value ? null : validate(draft);
  const commit = () => {
    if (draft !== value && !error) onCommit(draft);
  };
  return (
    <label className="field">
      <span>{label}</span>
      <input
        value={draft}
        inputMode={inputMode}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : hint ? `${id}-hint` : undefined}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') setDraft(value);
        }}
      />
      {error ? (
        <span id={`${id}-error`} className="field__error" role="alert">
          {error}
        </span>
      ) : (
        hint && (
          <span id={`${id}-hint`} className="muted">
            {hint}
          </span>
        )
      )}
    </label>
  );
}

export function SelectField<T extends string>({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
}) {
  return (
    <label className="field">
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value as T)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

export function CheckField({
  label,
  checked,
  onChange,
}: {
  label: string;
  checked: boolean;
  onChange: (v: boolean) => void;
}) {
  return (
    <label className="field field--check">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <span>{label}</span>
    </label>
  );
}

export function EditorSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="node-editor" aria-label={title}>
      <p className="editor-note">
        Edits apply to a running simulation at once; its counters carry on and its caches start empty. Undo
        with Ctrl+Z.
      </p>
      {children}
    </section>
  );
}
