// Details of the node selected on the canvas: what it is in the scenario, and its live figures.
import { memo, useMemo } from 'react';
import type { Scenario } from '../../engine/scenario';
import { describeTopology, type TopologyView } from '../../state/derived';
import { useAppStore } from '../../state/store';
import { formatCount, formatPercent } from '../format';
import RecentRequest from '../canvas/particles/RecentRequest';
import NodeEditor from './editors/NodeEditor';

type Row = [label: string, value: string];

function rowsFor(
  id: string,
  scenario: Scenario,
  view: TopologyView,
): { heading: string; rows: Row[] } | null {
  const [kind, key] = [id.slice(0, id.indexOf(':')), id.slice(id.indexOf(':') + 1)];
  if (id === 'distribution') {
    const d = scenario.distribution;
    const b = d.defaultCacheBehavior;
    return {
      heading: 'Distribution',
      rows: [
        ['Domain', d.domainName],
        ['Id', d.id],
        ['Price class', d.priceClass ?? 'PriceClass_All'],
        ['Behaviors', String((d.cacheBehaviors?.length ?? 0) + 1)],
        ['Default → origin', b.targetOriginId],
        ['Viewer protocol', b.viewerProtocolPolicy],
        ['Cache policy', b.cachePolicyId ?? 'legacy TTLs'],
        [
          'Functions',
          (b.functionAssociations ?? []).map((a) => `${a.eventType}: ${a.functionName}`).join(', ') || 'none',
        ],
      ],
    };
  }
  if (kind === 'viewer') {
    const v = scenario.viewers?.find((x) => x.id === key);
    const reached = view.viewers.find((x) => x.id === key)?.pop;
    if (!v) return null;
    return {
      heading: `Viewers: ${v.name}`,
      rows: [
        ['Country', v.country],
        ['Share of traffic', formatPercent(v.weight)],
        ['Mobile share', v.mobileShare === undefined ? '–' : formatPercent(v.mobileShare)],
        ['Nearest PoP', reached ?? 'none'],
      ],
    };
  }
  if (kind === 'pop') {
    const p = view.pops.find((x) => x.code === key);
    if (!p) return null;
    return {
      heading: `Edge location ${p.code}`,
      rows: [
        ['City', p.city],
        ['Country', p.country],
        ['Regional edge cache', p.rec ?? 'none (RECs off)'],
      ],
    };
  }
  if (kind === 'rec' || kind === 'shield') {
    const r = view.recs.find((x) => x.region === key);
    return {
      heading: `${kind === 'rec' ? 'Regional edge cache' : 'Origin Shield'} ${key}`,
      rows: [
        ['Region', key],
        ['Metro', r?.metro ?? '–'],
        [
          'PoPs served',
          view.pops
            .filter((p) => p.rec === key)
            .map((p) => p.code)
            .join(', ') || '–',
        ],
      ],
    };
  }
  if (kind === 'origin') {
    const o = scenario.distribution.origins.find((x) => x.id === key);
    const sim = scenario.originSimulation?.[key];
    if (!o) return null;
    return {
      heading: `Origin ${o.id}`,
      rows: [
        ['Domain', o.domainName],
        ['Region', view.origins.find((x) => x.id === key)?.region ?? 'unknown'],
        ['Origin Shield', o.originShield?.enabled ? (o.originShield.originShieldRegion ?? 'on') : 'off'],
        ['Objects', sim?.catalog ? formatCount(sim.catalog.count) : String(sim?.objects?.length ?? 0)],
        ['Cache-Control', sim?.catalog?.cacheControl ?? '–'],
        ['Processing', sim?.processingMs === undefined ? '–' : `${sim.processingMs} ms`],
      ],
    };
  }
  if (kind === 'behavior') {
    const i = key === 'default' ? -1 : Number(key);
    const b = i < 0 ? scenario.distribution.defaultCacheBehavior : scenario.distribution.cacheBehaviors?.[i];
    if (!b) return null;
    return {
      heading: i < 0 ? 'Default cache behavior (*)' : `Cache behavior ${i + 1}: ${b.pathPattern}`,
      rows: [],
    };
  }
  if (kind === 'originGroup') {
    const g = scenario.distribution.originGroups?.find((x) => x.id === key);
    if (!g) return null;
    return { heading: `Origin group ${g.id}`, rows: [['Members', g.members.join(' → ')]] };
  }
  return null;
}

function NodeDetails() {
  const id = useAppStore((s) => s.selectedNodeId);
  const scenario = useAppStore((s) => s.scenario);
  const counters = useAppStore((s) => (id ? s.nodeCounters[id] : undefined));
  const view = useMemo(() => describeTopology(scenario), [scenario]);
  const details = id ? rowsFor(id, scenario, view) : null;

  return (
    <section className="panel" aria-labelledby="details-heading" data-testid="node-details">
      <header className="panel__header">
        <h2 id="details-heading">{details?.heading ?? 'Details'}</h2>
      </header>
      {!details ? (
        <p className="muted">Select a node on the canvas to see its settings and live figures.</p>
      ) : (
        <dl className="details">
          {details.rows.map(([label, value]) => (
            <div key={label} className="details__row">
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
          {counters && (
            <>
              <div className="details__row">
                <dt>Requests{counters.estimated ? ' (est.)' : ''}</dt>
                <dd>{formatCount(counters.requests)}</dd>
              </div>
              {counters.hitRatio !== null && (
                <div className="details__row">
                  <dt>Hit ratio{counters.estimated ? ' (sampled)' : ''}</dt>
                  <dd>{formatPercent(counters.hitRatio)}</dd>
                </div>
              )}
            </>
          )}
        </dl>
      )}
      {details && id && <RecentRequest nodeId={id} />}
      {details && id && <NodeEditor nodeId={id} />}
    </section>
  );
}

export default memo(NodeDetails);
