import { describe, expect, it } from 'vitest';
import { cloneDefaultScenario } from '../../scenario';
import type { SampledRequest } from '../../engine/types';
import { describeTopology } from '../../state/derived';
import { activeEdgeIds, buildEdges, buildNodes } from './buildGraph';

const scenario = cloneDefaultScenario();
const view = describeTopology(scenario);

describe('the default scenario on the canvas', () => {
  const nodes = buildNodes(scenario, view, null);
  const byId = new Map(nodes.map((n) => [n.id, n]));

  it('has one node per viewer region, PoP, REC in use, the distribution and the origin', () => {
    expect(nodes.filter((n) => n.type === 'viewer')).toHaveLength(6);
    expect(nodes.filter((n) => n.type === 'pop').map((n) => n.id)).toEqual([
      'pop:IAD',
      'pop:SFO',
      'pop:GRU',
      'pop:LHR',
      'pop:FRA',
      'pop:NRT',
      'pop:SIN',
      'pop:SYD',
    ]);
    // Each PoP's nearest REC region (spec §12.3): LHR is nearer London than Frankfurt or Dublin.
    expect(view.pops.map((p) => `${p.code}>${p.rec}`)).toEqual([
      'IAD>us-east-1',
      'SFO>us-west-2',
      'GRU>sa-east-1',
      'LHR>eu-west-2',
      'FRA>eu-central-1',
      'NRT>ap-northeast-1',
      'SIN>ap-southeast-1',
      'SYD>ap-southeast-2',
    ]);
    expect(byId.get('behavior:default')?.data).toEqual({
      title: 'Default (*)',
      subtitle: '→ assets · Managed-CachingOptimized',
    });
    expect(byId.get('behavior:default')?.ariaLabel).toBe('Default cache behavior (*)');
    // Behaviors hang under the distribution (220) in precedence order, not from the layout.
    expect(byId.get('behavior:default')?.position).toEqual({ x: 900, y: 330 });
    expect(byId.get('origin:assets')?.ariaLabel).toBe(
      'Origin assets (edgelab-assets.s3.us-east-1.amazonaws.com)',
    );
  });

  it('names nodes for people and screen readers', () => {
    expect(byId.get('pop:NRT')?.ariaLabel).toBe('Edge location NRT (Tokyo)');
    expect(byId.get('rec:eu-central-1')?.ariaLabel).toBe('Regional edge cache eu-central-1 (Frankfurt)');
    expect(byId.get('viewer:eu')?.ariaLabel).toBe('Viewer region Europe');
  });

  it('takes positions from scenario.layout and stacks nodes without one under their column', () => {
    expect(byId.get('pop:NRT')?.position).toEqual(scenario.layout?.['pop:NRT']);
    const partial = cloneDefaultScenario();
    partial.layout = {
      'rec:us-east-1': { x: 600, y: 0 },
      'rec:sa-east-1': { x: 600, y: 250 },
      'pop:NRT': { x: 333, y: 44 },
    };
    const placed = new Map(buildNodes(partial, view, null).map((n) => [n.id, n.position]));
    expect(placed.get('pop:NRT')).toEqual({ x: 333, y: 44 });
    // RECs without a position go below the lowest placed REC (y 250), 100 apart, in table order.
    expect(placed.get('rec:us-west-2')).toEqual({ x: 600, y: 350 });
    expect(placed.get('rec:eu-west-2')).toEqual({ x: 600, y: 450 });
    // A column with nothing placed starts at the top.
    expect(placed.get('viewer:na-east')).toEqual({ x: 0, y: 0 });
  });

  it('connects each viewer region to its nearest PoP, PoPs to their REC, RECs to the origin', () => {
    const ids = buildEdges(scenario, view, new Set()).map((e) => e.id);
    expect(ids).toContain('viewer:eu->pop:FRA');
    expect(ids).toContain('viewer:asia->pop:NRT');
    expect(ids).toContain('viewer:na-west->pop:SFO');
    expect(ids).toContain('pop:LHR->rec:eu-west-2');
    expect(ids).toContain('rec:ap-southeast-2->origin:assets');
    expect(ids).toContain('distribution->behavior:default');
    expect(ids).toContain('behavior:default->origin:assets');
    expect(ids).toHaveLength(6 + 8 + 8 + 2);
  });
});

describe('activeEdgeIds', () => {
  const sample = (over: Partial<SampledRequest>): SampledRequest => ({
    atMs: 0,
    method: 'GET',
    path: '/a',
    pop: 'NRT51-C1',
    viewerRegion: 'asia',
    result: 'miss',
    status: 200,
    tiers: ['edge'],
    latencyMs: 1,
    bytes: 1,
    ...over,
  });

  it('animates the path a sampled request travelled, and only that path', () => {
    const hit = activeEdgeIds([sample({ result: 'hit' })], view);
    expect([...hit]).toEqual(['viewer:asia->pop:NRT']);
    const miss = activeEdgeIds([sample({ tiers: ['edge', 'regional', 'origin'], originId: 'assets' })], view);
    expect([...miss].sort()).toEqual([
      'pop:NRT->rec:ap-northeast-1',
      'rec:ap-northeast-1->origin:assets',
      'viewer:asia->pop:NRT',
    ]);
  });
});

describe('origin groups and ordered behaviors on the canvas', () => {
  it('draws a group with its primary and secondary, and numbers behaviors by precedence', () => {
    const s = cloneDefaultScenario();
    s.distribution.origins.push({ ...s.distribution.origins[0], id: 'backup' });
    s.distribution.originGroups = [
      { id: 'ha', failoverCriteria: { statusCodes: [503] }, members: ['assets', 'backup'] },
    ];
    s.distribution.cacheBehaviors = [
      { ...s.distribution.defaultCacheBehavior, pathPattern: 'img/*', targetOriginId: 'ha' },
    ];
    const v = describeTopology(s);
    const nodes = new Map(buildNodes(s, v, 'behavior:0').map((n) => [n.id, n]));
    expect(nodes.get('originGroup:ha')?.data.lines).toEqual(['primary: assets', 'secondary: backup']);
    expect(nodes.get('behavior:0')?.data.title).toBe('1. img/*');
    expect(nodes.get('behavior:0')?.selected).toBe(true);
    expect(nodes.get('behavior:default')?.position).toEqual({ x: 900, y: 410 });
    const edges = new Map(buildEdges(s, v, new Set()).map((e) => [e.id, e]));
    expect(edges.get('behavior:0->originGroup:ha')?.label).toBe('routes to');
    expect(edges.get('originGroup:ha->origin:backup')?.label).toBe('secondary');
  });
});
