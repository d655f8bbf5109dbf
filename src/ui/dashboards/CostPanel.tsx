// Running cost (engine.cost(): USD so far, by item) as a bar list with its total, and what a
// month would cost at the rate seen so far, labelled as a projection.
import { memo, useMemo } from 'react';
import { useAppStore } from '../../state/store';
import { formatSimClock } from '../format';
import { costRows, formatUsd, monthlyProjection } from './costView';
import { usePolling } from './usePolling';

const REFRESH_MS = 1000;

function CostPanel() {
  const report = useAppStore((s) => s.costView);
  const error = useAppStore((s) => s.dashboardError);
  const refreshCost = useAppStore((s) => s.refreshCost);
  usePolling(refreshCost, REFRESH_MS, [refreshCost]);

  const rows = useMemo(() => (report ? costRows(report.cost) : []), [report]);
  if (!report) {
    return <p className="dash__empty">{error ?? 'Reading the cost…'}</p>;
  }
  const projection = monthlyProjection(report.cost.total, report.simTimeMs);
  return (
    <div className="cost">
      <div className="cost__totals">
        <p>
          <span className="cost__label">Cost so far</span>
          <strong data-testid="cost-total">{formatUsd(report.cost.total)}</strong>
          <span className="cost__note">over {formatSimClock(report.simTimeMs)} of simulated time</span>
        </p>
        <p>
          <span className="cost__label">Projection: per month at this rate</span>
          <strong data-testid="cost-projection">{projection === null ? '-' : formatUsd(projection)}</strong>
          <span className="cost__note">a projection (30 days at the rate so far), not a bill</span>
        </p>
      </div>
      {rows.length === 0 ? (
        <p className="dash__empty">Nothing billed yet: press Run.</p>
      ) : (
        <ul className="cost__bars" aria-label="Cost by item, largest first">
          {rows.map((r) => (
            <li key={r.item} className="cost__row">
              <span className="cost__item">{r.label}</span>
              <span className="cost__bar" aria-hidden="true">
                <span style={{ width: `${Math.max(1, r.share * 100)}%` }} />
              </span>
              <span className="cost__usd">{formatUsd(r.usd)}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export default memo(CostPanel);
