// What the world map draws, as plain data (unit-testable, no React, no projection): the places
// a scenario puts in play at their real coordinates, and the traffic arcs of a batch's sampled
// requests (viewer region -> edge location, and edge location -> origin for requests that reached
// it), merged per pair and result so a busy batch draws a few dozen arcs, not thousands.
import { awsRegion, edgeLocation } from '../../engine/geo';
import type { Scenario } from '../../engine/scenario';
import type { ResultKind, SampledRequest } from '../../engine/types';
import type { TopologyView } from '../../state/derived';

export type PlaceKind = 'viewer' | 'pop' | 'rec' | 'shield' | 'origin';

export interface Place {
  id: string;
  kind: PlaceKind;
  label: string;
  lon: number;
  lat: number;
}

export interface Arc {
  id: string;
  kind: 'viewer-edge' | 'edge-origin';
  from: [number, number];
  to: [number, number];
  result: ResultKind;
  /** sampled requests behind this arc */
  count: number;
}

const placeId = (kind: PlaceKind, key: string) => `${kind}:${key}`;

/** Places at their coordinates; a PoP or origin the geo tables do not know is left off. */
export function mapPlaces(scenario: Scenario, view: TopologyView): Place[] {
  const out: Place[] = [];
  for (const v of scenario.viewers ?? []) {
    out.push({ id: placeId('viewer', v.id), kind: 'viewer', label: v.name, lon: v.lon, lat: v.lat });
  }
  for (const p of view.pops) {
    const loc = edgeLocation(p.code);
    if (loc)
      out.push({
        id: placeId('pop', p.code),
        kind: 'pop',
        label: `${p.code} · ${p.city}`,
        lon: loc.lon,
        lat: loc.lat,
      });
  }
  for (const r of view.recs) {
    const reg = awsRegion(r.region);
    if (reg)
      out.push({
        id: placeId('rec', r.region),
        kind: 'rec',
        label: `REC ${r.region}`,
        lon: reg.lon,
        lat: reg.lat,
      });
  }
  for (const o of view.origins) {
    const reg = o.region ? awsRegion(o.region) : undefined;
    if (reg)
      out.push({
        id: placeId('origin', o.id),
        kind: 'origin',
        label: `Origin ${o.id}`,
        lon: reg.lon,
        lat: reg.lat,
      });
    const shield = o.shieldRegion ? awsRegion(o.shieldRegion) : undefined;
    if (shield && o.shieldRegion) {
      out.push({
        id: placeId('shield', o.shieldRegion),
        kind: 'shield',
        label: `Origin Shield ${o.shieldRegion}`,
        lon: shield.lon,
        lat: shield.lat,
      });
    }
  }
  return out;
}

/** Arcs of the sampled requests whose endpoints are on the map. */
export function trafficArcs(samples: readonly SampledRequest[], places: readonly Place[]): Arc[] {
  const at = new Map<string, [number, number]>(places.map((p) => [p.id, [p.lon, p.lat]]));
  const arcs = new Map<string, Arc>();
  const add = (kind: Arc['kind'], fromId: string, toId: string, result: ResultKind) => {
    const from = at.get(fromId);
    const to = at.get(toId);
    if (!from || !to) return;
    const id = `${fromId}>${toId}>${result}`;
    const arc = arcs.get(id);
    if (arc) arc.count++;
    else arcs.set(id, { id, kind, from, to, result, count: 1 });
  };
  for (const s of samples) {
    const pop = placeId('pop', s.pop.slice(0, 3));
    add('viewer-edge', placeId('viewer', s.viewerRegion), pop, s.result);
    if (s.originId !== undefined && s.tiers.includes('origin'))
      add('edge-origin', pop, placeId('origin', s.originId), s.result);
  }
  return [...arcs.values()];
}

/** "Arcs: 14 viewer -> edge, 3 edge -> origin" — the text the map shows (and tests read). */
export function arcSummary(arcs: readonly Arc[]): string {
  const v = arcs.filter((a) => a.kind === 'viewer-edge').length;
  return `Arcs: ${v} viewer -> edge, ${arcs.length - v} edge -> origin`;
}
