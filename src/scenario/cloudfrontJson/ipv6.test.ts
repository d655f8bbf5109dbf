// IsIPV6Enabled is modelled but not simulated: imported into distribution.isIpv6Enabled (not kept
// as an unmodeled field), validated as a boolean, and written back where CloudFront puts it.
import { describe, expect, it } from 'vitest';
import { fromCloudFront, listUnmodeledFields, toCloudFront } from '../cloudfront';
import { simpleS3Config } from '../fixtures/cloudfrontConfigs';
import { defaultScenario } from '../presets/default';
import { parseScenario } from '../schema';

describe('IsIPV6Enabled', () => {
  it('imports as isIpv6Enabled and round-trips, in its place and not as an unmodeled field', () => {
    const s = fromCloudFront(simpleS3Config);
    expect(s.distribution.isIpv6Enabled).toBe(true);
    expect(listUnmodeledFields(s)).not.toContain('IsIPV6Enabled');
    const dc = toCloudFront({
      ...s,
      distribution: { ...s.distribution, isIpv6Enabled: false },
    }).DistributionConfig;
    expect(dc.IsIPV6Enabled).toBe(false);
    const keys = Object.keys(dc);
    expect(keys.indexOf('IsIPV6Enabled')).toBe(keys.indexOf('HttpVersion') + 1);
    expect(fromCloudFront({ DistributionConfig: dc }).distribution.isIpv6Enabled).toBe(false);
  });

  it('is left out of the export when the scenario does not set it', () => {
    expect(defaultScenario.distribution.isIpv6Enabled).toBeUndefined();
    expect(toCloudFront(defaultScenario).DistributionConfig).not.toHaveProperty('IsIPV6Enabled');
  });

  it('must be a boolean in a scenario file', () => {
    const bad = {
      ...defaultScenario,
      distribution: { ...defaultScenario.distribution, isIpv6Enabled: 'yes' },
    };
    expect(() => parseScenario(bad)).toThrow(/isIpv6Enabled/);
  });
});
