// The live figure on a node: requests and hit ratio from the latest worker batch.
// Selectors return the formatted strings (primitives), so a badge re-renders only when the text
// it shows changes, not on every batch (each batch brings a fresh counters object).
// Before the first figure the badge keeps its place, unseen: a node that grew when a run started
// shifted the graph under the user's eyes and made React Flow measure and redraw every node and
// edge in the run's first frames (21 of the default 25 nodes, a 50-70 ms long task).
import { memo } from 'react';
import { useAppStore } from '../../../state/store';
import { formatCompact, formatPercent } from '../../format';

const ESTIMATED_TITLE =
  'Estimated from the sampled requests (the engine counts exactly per distribution and per origin only)';

function NodeBadge({ nodeId, showHitRatio }: { nodeId: string; showHitRatio: boolean }) {
  const requests = useAppStore((s) => {
    const c = s.nodeCounters[nodeId];
    return c ? `${c.estimated ? '≈' : ''}${formatCompact(c.requests)} req` : null;
  });
  const estimated = useAppStore((s) => s.nodeCounters[nodeId]?.estimated ?? false);
  const hit = useAppStore((s) => {
    const ratio = showHitRatio ? s.nodeCounters[nodeId]?.hitRatio : null;
    return ratio === null || ratio === undefined ? null : `${formatPercent(ratio)} hit`;
  });
  if (requests === null)
    return (
      <div className="node-badge node-badge--idle" aria-hidden="true">
        <span>0 req</span>
      </div>
    );
  return (
    <div
      className="node-badge"
      data-testid={`badge-${nodeId}`}
      title={estimated ? ESTIMATED_TITLE : 'Exact engine counter'}
    >
      <span>{requests}</span>
      {hit !== null && <span>{hit}</span>}
    </div>
  );
}

export default memo(NodeBadge);
