import { describe, expect, it } from 'vitest';
import type { SampledRequest } from '../../engine/types';
import { minimalScenario } from '../../scenario';
import { describeTopology } from '../../state/derived';
import { arcSummary, mapPlaces, trafficArcs } from './mapModel';

function sample(viewerRegion: string, pop: string, extra: Partial<SampledRequest> = {}): SampledRequest {
  return {
    atMs: 0,
    method: 'GET',
    path: '/assets/1',
    pop,
    viewerRegion,
    result: 'hit',
    status: 200,
    tiers: ['edge'],
    latencyMs: 20,
    bytes: 100,
    ...extra,
  };
}

describe('world map model', () => {
  const s = minimalScenario();
  const places = mapPlaces(s, describeTopology(s));

  it('places the viewers, edge locations, RECs and the origin at their real coordinates', () => {
    const nrt = places.find((p) => p.id === 'pop:NRT');
    expect(nrt).toMatchObject({ kind: 'pop', label: 'NRT · Tokyo' });
    expect(nrt!.lat).toBeCloseTo(35.8, 0);
    expect(nrt!.lon).toBeCloseTo(140.4, 0);
    expect(places.find((p) => p.id === 'origin:assets')).toMatchObject({
      kind: 'origin',
      label: 'Origin assets',
    });
    expect(places.filter((p) => p.kind === 'viewer').length).toBe(s.viewers!.length);
  });

  it('merges samples into one arc per pair and result, and adds edge -> origin arcs for origin fetches', () => {
    const viewer = s.viewers![0].id;
    const arcs = trafficArcs(
      [
        sample(viewer, 'NRT51-C1'),
        sample(viewer, 'NRT51-C2'),
        sample(viewer, 'NRT51-C1', {
          result: 'miss',
          tiers: ['edge', 'regional', 'origin'],
          originId: 'assets',
        }),
        sample('nowhere', 'NRT51-C1'),
      ],
      places,
    );
    expect(arcs.map((a) => [a.id, a.count])).toEqual([
      [`viewer:${viewer}>pop:NRT>hit`, 2],
      [`viewer:${viewer}>pop:NRT>miss`, 1],
      ['pop:NRT>origin:assets>miss', 1],
    ]);
    expect(arcSummary(arcs)).toBe('Arcs: 2 viewer -> edge, 1 edge -> origin');
  });
});
