import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../engine/scenario';
import { cloneDefaultScenario, parseScenario } from '../../scenario';
import {
  addBehavior,
  addOrigin,
  CommandRefused,
  copyNode,
  countryListError,
  defaultRootObjectError,
  moveBehaviorTo,
  moveNodeTo,
  pasteNode,
  setViewerWeight,
  trafficShareError,
  updateBehavior,
  updateDistribution,
  type Command,
  type CopiedNode,
} from './index';

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
const copied = (s: Scenario, id: string): CopiedNode => {
  const out = copyNode(s, id);
  if (out.kind !== 'copied') throw new Error(out.reason);
  return out.node;
};

describe('moving a node', () => {
  it('is one layout-only step to the rounded drop point', () => {
    const cmd = moveNodeTo('pop:NRT', { x: 310.6, y: 512.2 }, 'Edge location NRT (Tokyo)');
    expect(cmd.layoutOnly).toBe(true);
    expect(cmd.label).toBe('Move Edge location NRT (Tokyo)');
    expect(cmd.perform(base).layout?.['pop:NRT']).toEqual({ x: 311, y: 512 });
  });
});

describe('dragging a behavior to a new precedence', () => {
  const three = run(base, addBehavior(), addBehavior(), addBehavior());
  it('moves it and shifts the ones between', () => {
    const s = moveBehaviorTo(2, 0).perform(three);
    expect(s.distribution.cacheBehaviors?.map((b) => b.pathPattern)).toEqual([
      'path-3/*',
      'path-1/*',
      'path-2/*',
    ]);
    const t = moveBehaviorTo(0, 2).perform(three);
    expect(t.distribution.cacheBehaviors?.map((b) => b.pathPattern)).toEqual([
      'path-2/*',
      'path-3/*',
      'path-1/*',
    ]);
  });
  it('refuses a position that no longer exists', () => {
    expect(refusal(three, moveBehaviorTo(0, 3))).toBe(
      'That behavior is no longer in this position: try again.',
    );
  });
});

describe('copy and paste', () => {
  it('pastes an origin under a new id beside the original, with its simulated content', () => {
    const s = pasteNode(copied(base, 'origin:assets'), { x: 0, y: 0 }).perform(base);
    const ids = s.distribution.origins.map((o) => o.id);
    expect(ids).toEqual(['assets', 'assets-copy']);
    expect(s.originSimulation?.['assets-copy']).toEqual(base.originSimulation?.assets);
    const at = base.layout?.['origin:assets'];
    expect(s.layout?.['origin:assets-copy']).toEqual({ x: (at?.x ?? 0) + 40, y: (at?.y ?? 0) + 40 });
    const again = pasteNode(copied(base, 'origin:assets'), { x: 0, y: 0 }).perform(s);
    expect(again.distribution.origins.map((o) => o.id)).toEqual(['assets', 'assets-copy', 'assets-copy-2']);
    expect(() => parseScenario(again)).not.toThrow();
  });

  it('gives a pasted behavior a path pattern of its own, last in precedence', () => {
    const s = run(
      base,
      addBehavior(),
      updateBehavior(0, (b) => ({ ...b, pathPattern: 'img/*' }), 'pattern'),
    );
    const once = pasteNode(copied(s, 'behavior:0'), { x: 0, y: 0 }).perform(s);
    const twice = pasteNode(copied(s, 'behavior:0'), { x: 0, y: 0 }).perform(once);
    expect(twice.distribution.cacheBehaviors?.map((b) => b.pathPattern)).toEqual([
      'img/*',
      'img-copy/*',
      'img-copy-2/*',
    ]);
    const fromDefault = pasteNode(copied(s, 'behavior:default'), { x: 0, y: 0 }).perform(s);
    expect(fromDefault.distribution.cacheBehaviors?.[1].pathPattern).toBe('copy/*');
    expect(() => parseScenario(twice)).not.toThrow();
  });

  it('copies a viewer region as a new region with the same share', () => {
    const s = pasteNode(copied(base, 'viewer:asia'), { x: 0, y: 0 }).perform(base);
    const v = s.viewers?.[s.viewers.length - 1];
    expect([v?.id, v?.name, v?.country, v?.weight]).toEqual(['asia-copy', 'Asia (copy)', 'JP', 0.2]);
  });

  it('refuses to copy what exists once, with the reason', () => {
    expect(copyNode(base, 'pop:NRT')).toEqual({
      kind: 'refused',
      reason: 'An edge location is a real place and is on the canvas once: add another one from the palette.',
    });
    expect(copyNode(base, 'distribution')).toEqual({
      kind: 'refused',
      reason: 'A scenario has one distribution: copy its behaviors or origins instead.',
    });
  });

  it('refuses to paste a behavior whose origin was removed since', () => {
    const withApi = addOrigin('custom', { x: 0, y: 0 }).perform(base);
    const routed = updateBehavior('default', (b) => ({ ...b, targetOriginId: 'api' }), 'route').perform(
      withApi,
    );
    const clip = copied(routed, 'behavior:default');
    expect(refusal(base, pasteNode(clip, { x: 0, y: 0 }))).toBe(
      'The copied behavior routes to api, which is gone: add it back first.',
    );
  });
});

describe('viewer shares and distribution settings', () => {
  it('sets a share of traffic and refuses one out of range', () => {
    expect(
      setViewerWeight('asia', 0.35)
        .perform(base)
        .viewers?.find((v) => v.id === 'asia')?.weight,
    ).toBe(0.35);
    expect(refusal(base, setViewerWeight('asia', 0))).toBe('A traffic share is between 1% and 100%.');
    expect(trafficShareError('120')).toBe('A traffic share is more than 0% and at most 100% (got 120%).');
    expect(trafficShareError('abc')).toBe('Enter a share of traffic in percent, e.g. 25.');
    expect(trafficShareError('12.5')).toBeNull();
  });

  it('edits distribution settings that still parse, and says what is wrong with a bad value', () => {
    const s = updateDistribution(
      (d) => ({
        ...d,
        priceClass: 'PriceClass_100',
        defaultRootObject: 'index.html',
        httpVersion: 'http2and3',
        geoRestriction: { restrictionType: 'blacklist', items: ['RU'] },
      }),
      'settings',
    ).perform(base);
    expect(() => parseScenario(s)).not.toThrow();
    expect(defaultRootObjectError('/index.html')).toBe(
      `Enter the object name without the leading '/' (e.g. "index.html").`,
    );
    expect(defaultRootObjectError('index.html')).toBeNull();
    expect(countryListError('US, CAN')).toBe('"CAN" is not a two-letter country code such as US or JP.');
    expect(countryListError('us ca')).toBeNull();
  });
});
