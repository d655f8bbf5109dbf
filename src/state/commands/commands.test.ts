import { describe, expect, it } from 'vitest';
import { cloneDefaultScenario } from '../../scenario';
import { parseScenario } from '../../scenario';
import {
  addBehavior,
  addOrigin,
  addOriginGroup,
  addPop,
  addViewerRegion,
  CommandRefused,
  connectNodes,
  moveBehavior,
  pathPatternError,
  removeNode,
  removeOrigin,
  removePop,
  setCachePolicy,
  tidyLayout,
  ttlError,
  updateBehavior,
  type Command,
} from './index';
import type { Scenario } from '../../engine/scenario';

const base = cloneDefaultScenario();
const run = (s: Scenario, ...cmds: Command[]) => cmds.reduce((acc, c) => c.perform(acc), s);
const refusal = (s: Scenario, c: Command) => {
  try {
    c.perform(s);
  } catch (e) {
    if (e instanceof CommandRefused) return e.message;
    throw e;
  }
  return null;
};

describe('topology commands', () => {
  it('adds a real edge location with its canvas position, and the result still parses', () => {
    const s = run(base, addPop('MAD', { x: 280.4, y: 700 }));
    expect(s.topology?.pops).toEqual(['IAD', 'SFO', 'GRU', 'LHR', 'FRA', 'NRT', 'SIN', 'SYD', 'MAD']);
    expect(s.layout?.['pop:MAD']).toEqual({ x: 280, y: 700 });
    expect(() => parseScenario(s)).not.toThrow();
    expect(base.topology?.pops).toHaveLength(8); // the original is untouched
  });

  it('refuses unknown, duplicate and mainland-China edge locations with the reason', () => {
    expect(refusal(base, addPop('ZZZ', { x: 0, y: 0 }))).toBe(
      '"ZZZ" is not a known CloudFront edge location: pick one from the list.',
    );
    expect(refusal(base, addPop('NRT', { x: 0, y: 0 }))).toBe(
      'Edge location NRT (Tokyo) is already on the canvas.',
    );
  });

  it('never removes the last PoP (an empty list would mean every location)', () => {
    let s = base;
    for (const p of ['IAD', 'SFO', 'GRU', 'LHR', 'FRA', 'NRT', 'SIN']) s = run(s, removePop(p));
    expect(s.topology?.pops).toEqual(['SYD']);
    expect(s.layout?.['pop:IAD']).toBeUndefined();
    expect(refusal(s, removePop('SYD'))).toBe(
      'SYD is the last edge location: add another one before removing it.',
    );
  });

  it('adds a viewer region at the country capital with a 10% share', () => {
    const s = run(base, addViewerRegion('ES', { x: 0, y: 660 }));
    expect(s.viewers?.at(-1)).toEqual({
      id: 'es',
      name: 'Spain',
      lat: 40.42,
      lon: -3.7,
      country: 'ES',
      weight: 0.1,
    });
  });
});

describe('origins and origin groups', () => {
  it('adds an S3 origin with OAC and a custom origin, each with a simulated catalog', () => {
    const s = run(base, addOrigin('s3-oac', { x: 1, y: 2 }), addOrigin('custom', { x: 3, y: 4 }));
    expect(s.distribution.origins.map((o) => o.id)).toEqual(['assets', 'bucket', 'api']);
    expect(s.distribution.origins[1].originAccessControlId).toBe('E2QWRUHEXAMPLE');
    expect(s.distribution.origins[2].customOriginConfig?.originReadTimeout).toBe(30);
    expect(Object.keys(s.originSimulation ?? {})).toEqual(['assets', 'bucket', 'api']);
    expect(() => parseScenario(s)).not.toThrow();
  });

  it('refuses to remove an origin a behavior routes to', () => {
    expect(refusal(base, removeOrigin('assets'))).toBe(
      'Origin assets is the target of behavior Default (*): point it at another origin first.',
    );
  });

  it('needs two origins for a group, and then fails over between the first two', () => {
    expect(refusal(base, addOriginGroup({ x: 0, y: 0 }))).toBe(
      'An origin group fails over between two origins: add a second origin first.',
    );
    const s = run(base, addOrigin('custom', { x: 0, y: 0 }), addOriginGroup({ x: 0, y: 0 }));
    expect(s.distribution.originGroups).toEqual([
      { id: 'failover', failoverCriteria: { statusCodes: [500, 502, 503, 504] }, members: ['assets', 'api'] },
    ]);
    expect(refusal(s, removeOrigin('api'))).toBe(
      "Origin api is a member of origin group failover: change the group's members first.",
    );
  });
});

describe('behaviors', () => {
  const two = run(base, addBehavior(), addBehavior());

  it('adds ordered behaviors before the default, routed like it', () => {
    expect(two.distribution.cacheBehaviors?.map((b) => `${b.pathPattern}>${b.targetOriginId}`)).toEqual([
      'path-1/*>assets',
      'path-2/*>assets',
    ]);
  });

  it('reorders by one place and refuses to move past either end', () => {
    const s = run(two, moveBehavior(1, -1));
    expect(s.distribution.cacheBehaviors?.map((b) => b.pathPattern)).toEqual(['path-2/*', 'path-1/*']);
    expect(refusal(two, moveBehavior(0, -1))).toBe('"path-1/*" already has the highest precedence (1).');
  });

  it('switches to legacy TTLs with CloudFront defaults and back to a managed policy', () => {
    const legacy = run(base, setCachePolicy('default', null));
    const b = legacy.distribution.defaultCacheBehavior;
    expect([b.cachePolicyId, b.minTtl, b.defaultTtl, b.maxTtl]).toEqual([undefined, 0, 86_400, 31_536_000]);
    expect(() => parseScenario(legacy)).not.toThrow();
    const back = run(legacy, setCachePolicy('default', '4135ea2d-6df8-44a3-9df3-4b5a84be39ad'));
    expect(back.distribution.defaultCacheBehavior.cachePolicyId).toBe('4135ea2d-6df8-44a3-9df3-4b5a84be39ad');
    expect(back.distribution.defaultCacheBehavior.minTtl).toBeUndefined();
  });

  it('refuses a target that does not exist', () => {
    expect(
      refusal(
        base,
        updateBehavior('default', (x) => ({ ...x, targetOriginId: 'nope' }), 'x'),
      ),
    ).toBe('There is no origin or origin group "nope" to route to.');
  });
});

describe('connections', () => {
  const s = run(base, addOrigin('custom', { x: 0, y: 0 }), addBehavior());

  it('behavior -> origin sets targetOriginId', () => {
    const out = connectNodes(s, 'behavior:0', 'origin:api');
    expect(out.kind).toBe('command');
    if (out.kind === 'command')
      expect(run(s, out.command).distribution.cacheBehaviors?.[0].targetOriginId).toBe('api');
  });

  it('viewer -> PoP says which PoP is nearest instead of pretending', () => {
    expect(connectNodes(s, 'viewer:eu', 'pop:NRT')).toEqual({
      kind: 'info',
      message:
        'Europe reaches FRA, not NRT: CloudFront routes each viewer to the lowest-latency edge location in play. Remove FRA to send it elsewhere.',
    });
  });

  it('refuses meaningless connections with a reason', () => {
    expect(connectNodes(s, 'viewer:eu', 'origin:api')).toEqual({
      kind: 'refused',
      reason:
        'A viewer region cannot connect to an origin. Viewers always enter CloudFront at an edge location.',
    });
    expect(removeNode('distribution')).toEqual({
      kind: 'refused',
      reason: 'The distribution is the scenario itself and cannot be deleted.',
    });
  });
});

describe('field rules', () => {
  it('path patterns: allowed characters, 255 characters, unique, not "*"', () => {
    expect(pathPatternError('images/*.jpg', [])).toBeNull();
    expect(pathPatternError('img/a b', [])).toMatch(/contains " ", which CloudFront does not allow/);
    expect(pathPatternError('a'.repeat(256), [])).toBe(
      'The path pattern is 256 characters long; CloudFront allows at most 255.',
    );
    expect(pathPatternError('/api/*', ['api/*'])).toBe(
      'Another behavior already uses the path pattern "/api/*": each pattern must be unique.',
    );
  });

  it('TTLs: Minimum <= Default <= Maximum, whole seconds', () => {
    const cur = { minTtl: 0, defaultTtl: 86_400, maxTtl: 31_536_000 };
    expect(ttlError('defaultTtl', '3600', cur)).toBeNull();
    expect(ttlError('minTtl', '90000', cur)).toBe('Minimum TTL (90000) must not exceed Default TTL (86400).');
    expect(ttlError('maxTtl', '10', cur)).toBe('Default TTL (86400) must not exceed Maximum TTL (10).');
    expect(ttlError('defaultTtl', '-1', cur)).toBe(
      'Default TTL must be a whole number from 0 to 3153600000 seconds.',
    );
  });
});

describe('tidy layout', () => {
  it('puts each kind in its column, shields above the distribution, origins right of it', () => {
    const cmd = tidyLayout([
      { id: 'viewer:eu', kind: 'viewer' },
      { id: 'viewer:sa', kind: 'viewer' },
      { id: 'shield:us-east-1', kind: 'shield' },
      { id: 'distribution', kind: 'distribution' },
      { id: 'origin:assets', kind: 'origin' },
    ]);
    expect(run(base, cmd).layout).toEqual({
      'viewer:eu': { x: 0, y: 0 },
      'viewer:sa': { x: 0, y: 100 },
      'shield:us-east-1': { x: 900, y: 0 },
      distribution: { x: 900, y: 100 },
      'origin:assets': { x: 1180, y: 0 },
    });
    expect(cmd.layoutOnly).toBe(true);
  });
});
