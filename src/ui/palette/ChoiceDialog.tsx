// The small dialog after an edge location or viewer region is dropped: a searchable list of the
// real edge locations (code and city) or of the countries EdgeLab places viewers in.
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { COUNTRIES, EDGE_LOCATIONS } from '../../engine/geo';

export type ChoiceKind = 'pop' | 'country';

interface Option {
  value: string;
  text: string;
  search: string;
}

function optionsFor(kind: ChoiceKind, exclude: ReadonlySet<string>): Option[] {
  if (kind === 'pop') {
    // Mainland-China locations serve only CloudFront's separate China network, not global distributions.
    return EDGE_LOCATIONS.filter((e) => !e.mainlandChina && !exclude.has(e.code)).map((e) => ({
      value: e.code,
      text: `${e.code} · ${e.city}, ${e.country}`,
      search: `${e.code} ${e.city} ${e.country}`.toLowerCase(),
    }));
  }
  return COUNTRIES.map((c) => ({
    value: c.code,
    text: `${c.name} (${c.code}) · ${c.place}`,
    search: `${c.code} ${c.name} ${c.place}`.toLowerCase(),
  }));
}

const TITLE: Record<ChoiceKind, string> = { pop: 'Add an edge location', country: 'Add a viewer region' };
const LIST_LABEL: Record<ChoiceKind, string> = { pop: 'Edge location', country: 'Country' };

export default function ChoiceDialog({
  kind,
  exclude,
  onChoose,
  onCancel,
}: {
  kind: ChoiceKind;
  exclude: ReadonlySet<string>;
  onChoose: (value: string) => void;
  onCancel: () => void;
}) {
  const titleId = useId();
  const [query, setQuery] = useState('');
  const all = useMemo(() => optionsFor(kind, exclude), [kind, exclude]);
  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    return q ? all.filter((o) => o.search.includes(q)) : all;
  }, [all, query]);
  const [picked, setPicked] = useState<string | null>(null);
  const value = picked && shown.some((o) => o.value === picked) ? picked : (shown[0]?.value ?? '');
  const searchRef = useRef<HTMLInputElement>(null);
  useEffect(() => searchRef.current?.focus(), []);

  const confirm = () => {
    if (value) onChoose(value);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      onCancel();
    } else if (e.key === 'Enter' && (e.target as HTMLElement).tagName !== 'BUTTON') {
      e.preventDefault();
      confirm();
    }
  };

  return (
    <div
      className="choice-dialog"
      role="dialog"
      aria-modal="true"
      aria-labelledby={titleId}
      onKeyDown={onKeyDown}
    >
      <h2 id={titleId}>{TITLE[kind]}</h2>
      <label className="field">
        <span>Search</span>
        <input
          ref={searchRef}
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          placeholder={kind === 'pop' ? 'Code or city, e.g. MAD or Madrid' : 'Country, e.g. Spain'}
          aria-label={`Search ${kind === 'pop' ? 'edge locations' : 'countries'}`}
        />
      </label>
      <select
        size={8}
        className="choice-dialog__list"
        aria-label={LIST_LABEL[kind]}
        value={value}
        onChange={(e) => setPicked(e.target.value)}
        onDoubleClick={confirm}
      >
        {shown.map((o) => (
          <option key={o.value} value={o.value}>
            {o.text}
          </option>
        ))}
      </select>
      <p className="muted" role="status">
        {shown.length === 0
          ? 'Nothing matches: try another code or name.'
          : `${shown.length} of ${all.length}`}
      </p>
      <div className="choice-dialog__actions">
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="btn btn--primary" onClick={confirm} disabled={!value}>
          Add
        </button>
      </div>
    </div>
  );
}
