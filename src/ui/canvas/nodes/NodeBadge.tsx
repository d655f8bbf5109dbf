// The live figure on a node: requests and hit ratio from the latest worker batch.
import { memo } from 'react';
import { useAppStore } from '../../../state/store';
import { formatCompact, formatPercent } from '../../format';

function NodeBadge({ nodeId, showHitRatio }: { nodeId: string; showHitRatio: boolean }) {
  const counters = useAppStore((s) => s.nodeCounters[nodeId]);
  if (!counters) return null;
  const approx = counters.estimated ? '≈' : '';
  const title = counters.estimated
    ? 'Estimated from the sampled requests (the engine counts exactly per distribution and per origin only)'
    : 'Exact engine counter';
  return (
    <div className="node-badge" data-testid={`badge-${nodeId}`} title={title}>
      <span>
        {approx}
        {formatCompact(counters.requests)} req
      </span>
      {showHitRatio && counters.hitRatio !== null && <span>{formatPercent(counters.hitRatio)} hit</span>}
    </div>
  );
}

export default memo(NodeBadge);
