import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../engine/errors';
import { SCENARIO_VERSION } from '../engine/scenario';
import { MIGRATIONS, migrateScenario } from './migrations';
import { cloneDefaultScenario } from './presets/default';
import { parseScenario } from './schema';

/** A version-0 draft: no version, seed or name, and the old `traffic.rps`. */
function versionZeroDraft(): Record<string, unknown> {
  const { version: _v, seed: _s, name: _n, traffic, ...rest } = cloneDefaultScenario();
  const { requestsPerSecond, ...otherTraffic } = traffic!;
  return { ...rest, traffic: { ...otherTraffic, rps: requestsPerSecond } };
}

describe('migrations', () => {
  it('there is one step per version below the current one', () => {
    expect(MIGRATIONS.map((m) => m.from)).toEqual([...Array(SCENARIO_VERSION).keys()]);
  });

  it('a document without version is version 0 and is upgraded: version, seed, name, traffic.rps', () => {
    const upgraded = parseScenario(versionZeroDraft());
    expect(upgraded.version).toBe(1);
    expect(upgraded.seed).toBe(42);
    expect(upgraded.name).toBe('Untitled scenario');
    expect(upgraded.traffic).toEqual({
      requestsPerSecond: 200,
      zipfAlpha: 0.8,
      methodMix: { GET: 0.97, HEAD: 0.03 },
    });
  });

  it('keeps what a version-0 draft already had', () => {
    const draft = { ...versionZeroDraft(), seed: 7, name: 'Mine' };
    const upgraded = parseScenario(draft);
    expect([upgraded.seed, upgraded.name]).toEqual([7, 'Mine']);
  });

  it('does not touch the input document', () => {
    const draft = versionZeroDraft();
    const before = JSON.stringify(draft);
    migrateScenario(draft);
    expect(JSON.stringify(draft)).toBe(before);
  });

  it('a current document passes through unchanged', () => {
    const s = cloneDefaultScenario();
    expect(migrateScenario(s)).toBe(s);
  });

  it('a newer version is refused with advice to update the app', () => {
    const s = { ...cloneDefaultScenario(), version: SCENARIO_VERSION + 1 };
    expect(() => parseScenario(s)).toThrow(ScenarioError);
    expect(() => parseScenario(s)).toThrow(
      `version: this link was made by a newer EdgeLab (version ${SCENARIO_VERSION + 1}); update the app (this one reads up to version ${SCENARIO_VERSION})`,
    );
  });

  it('a version that is not a whole number is refused', () => {
    expect(() => parseScenario({ ...cloneDefaultScenario(), version: '1' })).toThrow(
      'version: must be a whole number such as 1 (got "1")',
    );
    expect(() => parseScenario({ ...cloneDefaultScenario(), version: -1 })).toThrow(
      'version: must be a whole number such as 1 (got -1)',
    );
  });

  it('something that is not an object is refused with what to do', () => {
    expect(() => parseScenario(null)).toThrow(
      '(document): a scenario must be a JSON object (got null); paste or load a scenario saved by EdgeLab',
    );
    expect(() => parseScenario('{}')).toThrow('(got string)');
  });
});
