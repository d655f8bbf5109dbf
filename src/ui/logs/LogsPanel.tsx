// The access log: CloudFront standard-log records of sampled run() requests and of every request
// sent from the inspector, newest first, filterable, exportable as CloudFront's TSV or as CSV.
import { memo, useState } from 'react';
import type { LogRecord } from '../../engine/types';
import { useAppStore } from '../../state/store';
import { usePolling } from '../dashboards/usePolling';
import { formatCount } from '../format';
import { downloadText } from './downloadText';
import LogFilters from './LogFilters';

/** Standard-log fields shown as columns (the export has all 33). */
const COLUMNS = [
  'date',
  'time',
  'x-edge-location',
  'c-ip',
  'cs-method',
  'cs-uri-stem',
  'sc-status',
  'x-edge-result-type',
  'x-edge-detailed-result-type',
  'time-taken',
  'sc-bytes',
] as const;

const REFRESH_MS = 1000;

/** Result types get a class for colour; the text itself always names the result. */
const resultClass = (t: string | number | undefined): string =>
  `logs__result logs__result--${String(t ?? '').toLowerCase()}`;

function LogRow({ r }: { r: LogRecord }) {
  return (
    <tr>
      {COLUMNS.map((c) => (
        <td key={c} className={c === 'x-edge-result-type' ? resultClass(r[c]) : undefined}>
          {r[c] === undefined || r[c] === '' ? '-' : r[c]}
        </td>
      ))}
    </tr>
  );
}

function LogsPanel() {
  const filter = useAppStore((s) => s.logFilter);
  const page = useAppStore((s) => s.logPage);
  const refreshLogs = useAppStore((s) => s.refreshLogs);
  const exportLogs = useAppStore((s) => s.exportLogs);
  const [exportError, setExportError] = useState<string | null>(null);

  usePolling(refreshLogs, REFRESH_MS, [filter, refreshLogs]);

  const save = async (format: 'tsv' | 'csv') => {
    try {
      const text = await exportLogs(format);
      downloadText(
        `edgelab-access-log.${format === 'tsv' ? 'log' : 'csv'}`,
        text,
        format === 'tsv' ? 'text/tab-separated-values' : 'text/csv',
      );
      setExportError(null);
    } catch (err) {
      setExportError(
        `Export failed: ${err instanceof Error ? err.message : String(err)}. Try again, or pause first.`,
      );
    }
  };

  const rows = page?.rows ?? [];
  return (
    <div className="logs">
      <div className="logs__bar">
        <LogFilters />
        <div className="logs__actions">
          <button type="button" onClick={() => void save('tsv')} disabled={!page || page.matched === 0}>
            Export log (TSV)
          </button>
          <button type="button" onClick={() => void save('csv')} disabled={!page || page.matched === 0}>
            Export CSV
          </button>
        </div>
      </div>
      <p className="logs__summary" data-testid="logs-summary" aria-live="polite">
        {page === null
          ? 'Reading the access log…'
          : page.total === 0
            ? 'No requests logged yet: press Run, or send a request from the inspector.'
            : `Showing the latest ${formatCount(rows.length)} of ${formatCount(page.matched)} matching records ` +
              `(${formatCount(page.total)} kept: sampled simulated traffic plus inspector requests; ` +
              `fields a sample does not carry show "-").`}
      </p>
      {exportError && (
        <p className="logs__error" role="alert">
          {exportError}
        </p>
      )}
      <div className="logs__scroll" tabIndex={0} aria-label="Access log records, newest first">
        <table className="logs__table" data-testid="logs-table">
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <LogRow key={i} r={r} />
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

export default memo(LogsPanel);
