// The access log's filters: result type, status class, PoP and a path substring.
import { memo } from 'react';
import { useAppStore } from '../../state/store';
import type { StatusClass } from '../../worker/client';

const STATUS_CLASSES: StatusClass[] = ['2xx', '3xx', '4xx', '5xx'];

function LogFilters() {
  const filter = useAppStore((s) => s.logFilter);
  const pops = useAppStore((s) => s.logPage?.pops);
  const resultTypes = useAppStore((s) => s.logPage?.resultTypes);
  const setLogFilter = useAppStore((s) => s.setLogFilter);

  // Keep a chosen value listed even when the buffer no longer holds it.
  const withChosen = (list: string[] | undefined, chosen: string | undefined): string[] =>
    chosen && !(list ?? []).includes(chosen) ? [...(list ?? []), chosen] : (list ?? []);

  return (
    <div className="logs__filters" role="group" aria-label="Filter the access log">
      <label>
        Result
        <select
          value={filter.resultType ?? ''}
          onChange={(e) => setLogFilter({ resultType: e.target.value })}
        >
          <option value="">any</option>
          {withChosen(resultTypes, filter.resultType).map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </label>
      <label>
        Status
        <select
          value={filter.statusClass ?? ''}
          onChange={(e) => setLogFilter({ statusClass: e.target.value as StatusClass | '' })}
        >
          <option value="">any</option>
          {STATUS_CLASSES.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </label>
      <label>
        PoP
        <select value={filter.pop ?? ''} onChange={(e) => setLogFilter({ pop: e.target.value })}>
          <option value="">any</option>
          {withChosen(pops, filter.pop).map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      </label>
      <label>
        Path contains
        <input
          type="search"
          value={filter.pathContains ?? ''}
          placeholder="/img/"
          onChange={(e) => setLogFilter({ pathContains: e.target.value })}
        />
      </label>
    </div>
  );
}

export default memo(LogFilters);
