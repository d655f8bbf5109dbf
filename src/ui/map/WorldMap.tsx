// "Global traffic at a glance": viewer regions, edge locations, regional edge caches, Origin
// Shield and origins at their real coordinates, with the latest batch's sampled requests drawn as
// great-circle arcs coloured (and dashed) by result. Fully offline: the land outline is Natural
// Earth 1:110m from the world-atlas package, bundled into this lazily loaded chunk.
import { geoNaturalEarth1, geoPath } from 'd3-geo';
import { memo, useMemo } from 'react';
import { feature } from 'topojson-client';
import type { GeometryObject, Topology } from 'topojson-specification';
import land110m from 'world-atlas/land-110m.json';
import type { ResultKind } from '../../engine/types';
import { describeTopology } from '../../state/derived';
import { useAppStore, type AppState } from '../../state/store';
import { useThrottledStore } from '../charts/useThrottled';
import { arcSummary, mapPlaces, trafficArcs, type PlaceKind } from './mapModel';
import './map.css';

const WIDTH = 960;
const HEIGHT = 470;

/** Result styles: colour and dash, so the result never rests on colour alone (the legend names it). */
export const RESULT_STYLE: Record<ResultKind, { name: string; color: string; dash?: string }> = {
  hit: { name: 'Hit', color: '#1a7f37' },
  refreshHit: { name: 'RefreshHit', color: '#0969da', dash: '1 3' },
  miss: { name: 'Miss', color: '#bf8700', dash: '6 3' },
  error: { name: 'Error', color: '#cf222e', dash: '10 3 2 3' },
  generated: { name: 'Generated', color: '#6e7781', dash: '2 2' },
};

const PLACE_STYLE: Record<PlaceKind, { name: string; r: number; fill: string }> = {
  viewer: { name: 'Viewer region', r: 6, fill: '#8250df' },
  pop: { name: 'Edge location', r: 3, fill: '#0969da' },
  rec: { name: 'Regional edge cache', r: 4.5, fill: '#1b7c83' },
  shield: { name: 'Origin Shield', r: 5.5, fill: '#bc4c00' },
  origin: { name: 'Origin', r: 6, fill: '#24292f' },
};

const topology = land110m as unknown as Topology;
const projection = geoNaturalEarth1().fitSize([WIDTH, HEIGHT], { type: 'Sphere' });
const path = geoPath(projection);
const LAND_D = path(feature(topology, topology.objects.land as GeometryObject)) ?? '';
const SPHERE_D = path({ type: 'Sphere' }) ?? '';

// read on the redraw grid only: a subscription would re-render the map on every batch
const selectRecentSamples = (s: AppState) => s.recentSamples;

function WorldMap() {
  const scenario = useAppStore((s) => s.scenario);
  const samples = useThrottledStore(selectRecentSamples, 0);
  const places = useMemo(() => mapPlaces(scenario, describeTopology(scenario)), [scenario]);
  const arcs = useMemo(() => trafficArcs(samples, places), [samples, places]);
  const maxCount = arcs.reduce((m, a) => Math.max(m, a.count), 1);
  const summary = arcSummary(arcs);

  return (
    <div className="world-map">
      <p className="world-map__summary" data-testid="map-arcs" aria-live="polite">
        {summary}
        <span className="world-map__note">
          {' '}
          · from the latest batch&apos;s {samples.length} sampled requests
        </span>
      </p>
      <svg
        className="world-map__svg"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={`World map of ${places.length} places. ${summary}.`}
      >
        <path d={SPHERE_D} className="world-map__sea" />
        <path d={LAND_D} className="world-map__land" />
        {arcs.map((a) => {
          const style = RESULT_STYLE[a.result];
          return (
            <path
              key={a.id}
              d={path({ type: 'LineString', coordinates: [a.from, a.to] }) ?? ''}
              className="world-map__arc"
              stroke={style.color}
              strokeDasharray={style.dash}
              strokeWidth={1 + 2.5 * Math.sqrt(a.count / maxCount)}
            >
              <title>{`${style.name}: ${a.count} sampled request${a.count === 1 ? '' : 's'}`}</title>
            </path>
          );
        })}
        {places.map((p) => {
          const xy = projection([p.lon, p.lat]);
          if (!xy) return null;
          const style = PLACE_STYLE[p.kind];
          return (
            <circle
              key={p.id}
              cx={xy[0]}
              cy={xy[1]}
              r={style.r}
              fill={style.fill}
              className="world-map__place"
            >
              <title>{`${style.name}: ${p.label}`}</title>
            </circle>
          );
        })}
      </svg>
      <ul className="world-map__legend" aria-label="Map legend">
        {Object.entries(PLACE_STYLE).map(([kind, s]) => (
          <li key={kind}>
            <svg width="12" height="12" aria-hidden="true">
              <circle cx="6" cy="6" r={Math.min(5, s.r)} fill={s.fill} />
            </svg>
            {s.name}
          </li>
        ))}
        {Object.entries(RESULT_STYLE).map(([kind, s]) => (
          <li key={kind}>
            <svg width="22" height="8" aria-hidden="true">
              <line x1="0" y1="4" x2="22" y2="4" stroke={s.color} strokeWidth="2" strokeDasharray={s.dash} />
            </svg>
            {s.name}
          </li>
        ))}
      </ul>
    </div>
  );
}

export default memo(WorldMap);
