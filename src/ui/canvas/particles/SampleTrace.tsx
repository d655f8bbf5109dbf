// What happened to one sampled request (a clicked particle, or a recent request through a node):
// a compact trace, and "Inspect a request like this", which opens the request inspector with the
// same method, URL, viewer country and edge location filled in.
import { memo, useCallback } from 'react';
import type { SampledRequest } from '../../../engine/types';
import { useAppStore } from '../../../state/store';
import { useRequestPrefill } from '../../inspector/requestPrefill';
import { RESULT_LABEL } from './particleRoutes';
import { ParticleSwatch } from './ParticleSymbols';

const TIER_LABEL: Record<string, string> = {
  edge: 'edge location',
  regional: 'regional edge cache',
  shield: 'Origin Shield',
  origin: 'origin',
};

/** "edge location NRT51-C1 → regional edge cache → origin assets" */
export function describeTiers(s: SampledRequest): string {
  return s.tiers
    .map((t) => {
      if (t === 'edge') return `${TIER_LABEL.edge} ${s.pop}`;
      if (t === 'origin' && s.originId) return `origin ${s.originId}`;
      return TIER_LABEL[t] ?? t;
    })
    .join(' → ');
}

function SampleTrace({ sample, onClose }: { sample: SampledRequest; onClose?: () => void }) {
  const inspect = useCallback(() => {
    const { scenario, setInspectorOpen } = useAppStore.getState();
    const country = scenario.viewers?.find((v) => v.id === sample.viewerRegion)?.country ?? '';
    useRequestPrefill.getState().setPrefill({
      method: sample.method,
      url: `https://${scenario.distribution.domainName}${sample.path}`,
      country,
      pop: sample.pop.slice(0, 3).toUpperCase(),
    });
    setInspectorOpen(true);
  }, [sample]);

  return (
    <section className="sample-trace" aria-label="Sampled request" data-testid="sample-trace">
      <header className="sample-trace__header">
        <ParticleSwatch kind={sample.result} />
        <strong>
          {RESULT_LABEL[sample.result]} · {sample.status}
        </strong>
        {onClose && (
          <button type="button" className="btn btn--small" onClick={onClose} aria-label="Close the trace">
            ×
          </button>
        )}
      </header>
      <dl className="sample-trace__rows">
        <dt>Request</dt>
        <dd>
          {sample.method} {sample.path}
        </dd>
        <dt>Viewers</dt>
        <dd>{sample.viewerRegion}</dd>
        <dt>PoP</dt>
        <dd>{sample.pop}</dd>
        <dt>Tiers</dt>
        <dd>{describeTiers(sample)}</dd>
        <dt>Latency</dt>
        <dd>{Math.round(sample.latencyMs)} ms</dd>
      </dl>
      <button type="button" className="btn btn--small" onClick={inspect}>
        Inspect a request like this
      </button>
    </section>
  );
}

export default memo(SampleTrace);
