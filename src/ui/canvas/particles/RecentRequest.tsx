// "What happened here?" for a node: the most recent sampled request that passed through it, on
// demand (a button, so the side panel does not re-render with every worker batch).
import { memo, useState } from 'react';
import type { SampledRequest } from '../../../engine/types';
import type { Scenario } from '../../../engine/scenario';
import { describeTopology } from '../../../state/derived';
import { useAppStore } from '../../../state/store';
import { buildNodes, DISTRIBUTION_ID } from '../buildGraph';
import { particleRoute, routeContext } from './particleRoutes';
import SampleTrace from './SampleTrace';

/** The newest of `samples` whose route on the canvas passes `nodeId` (any request passes the distribution). */
export function latestThrough(
  nodeId: string,
  samples: readonly SampledRequest[],
  scenario: Scenario,
): SampledRequest | null {
  const view = describeTopology(scenario);
  const ctx = routeContext(
    scenario,
    view,
    buildNodes(scenario, view, null).map((n) => n.id),
  );
  for (let i = samples.length - 1; i >= 0; i--) {
    const s = samples[i];
    if (nodeId === DISTRIBUTION_ID || nodeId.startsWith('behavior:')) return s;
    const route = particleRoute(s, ctx);
    if (route?.hops.some((h) => h.from === nodeId || h.to === nodeId)) return s;
  }
  return null;
}

/** What the panel shows: a request, none found, or the worker's answer still on its way. */
type Shown = { nodeId: string; sample: SampledRequest | null | 'looking' };

function RecentRequest({ nodeId }: { nodeId: string }) {
  const [shown, setShown] = useState<Shown | null>(null);
  const show = async () => {
    // the previous trace goes at once, so a newer one is never mistaken for it
    setShown({ nodeId, sample: 'looking' });
    const { samplesForLookup, scenario } = useAppStore.getState();
    const samples = await samplesForLookup();
    setShown({ nodeId, sample: latestThrough(nodeId, samples, scenario) });
  };
  const current = shown?.nodeId === nodeId ? shown : null;
  return (
    <div className="recent-request">
      <button type="button" className="btn btn--small" onClick={() => void show()}>
        {current ? 'Show a newer request through here' : 'Show a recent request through here'}
      </button>
      {current?.sample === 'looking' ? (
        <p className="muted">Finding a recent request…</p>
      ) : current?.sample ? (
        <SampleTrace sample={current.sample} />
      ) : (
        current && (
          <p className="muted">
            No sampled request has passed here since the run started or the scenario was last edited: press
            Run or Step, then try again.
          </p>
        )
      )}
    </div>
  );
}

export default memo(RecentRequest);
