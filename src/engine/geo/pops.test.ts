import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../errors';
import { PricingRegion } from '../cost/pricingRegions';
import { nearestPop, popPrefix, pricingRegionOf, recRegionOfPop, resolvePopCode } from './pops';

const TOKYO = [35.68, 139.69] as const;
const WASHINGTON = [38.91, -77.04] as const;
const SAO_PAULO = [-23.55, -46.63] as const;

describe('resolvePopCode', () => {
  it('gives the observed code for prefixes seen in real responses', () => {
    expect(resolvePopCode('NRT')).toBe('NRT51-C1');
    expect(resolvePopCode('IAD')).toBe('IAD66-C1');
    expect(resolvePopCode('lax')).toBe('LAX54-P11');
    expect(resolvePopCode('IAD', 1234)).toBe('IAD66-C1');
  });

  it('gives <P>50-C1 for other prefixes, or a seeded code in the documented format', () => {
    expect(resolvePopCode('AMS')).toBe('AMS50-C1');
    expect(resolvePopCode('AMS', 42)).toBe('AMS59-C1');
    expect(resolvePopCode('AMS', 43)).toBe('AMS61-P1');
    expect(resolvePopCode('SYD', 42)).toBe('SYD67-C2');
    for (let seed = 0; seed < 200; seed++) {
      expect(resolvePopCode('GRU', seed)).toMatch(/^GRU\d{2}-[CP]\d{1,2}$/);
    }
  });

  it('keeps full codes as they are (upper-cased), including log-style codes', () => {
    expect(resolvePopCode('LHR5-P3')).toBe('LHR5-P3');
    expect(resolvePopCode('fra56-p5')).toBe('FRA56-P5');
    expect(resolvePopCode('DFW3')).toBe('DFW3');
  });

  it('rejects unknown prefixes and malformed codes with a ScenarioError that says what to write', () => {
    expect(() => resolvePopCode('XYZ')).toThrow(ScenarioError);
    expect(() => resolvePopCode('XYZ')).toThrow(/Unknown edge location "XYZ".*"NRT51-C1"/);
    expect(() => resolvePopCode('XYZ12-C1')).toThrow(ScenarioError);
    expect(() => resolvePopCode('NR')).toThrow(/not an edge-location code/);
    expect(() => resolvePopCode('NRT51-CC1')).toThrow(ScenarioError);
  });

  it('popPrefix takes the first three letters', () => {
    expect(popPrefix('NRT51-C1')).toBe('NRT');
    expect(popPrefix('nrt')).toBe('NRT');
  });
});

describe('nearestPop', () => {
  it('picks the closest PoP of the whole global network by default', () => {
    expect(nearestPop(...TOKYO, [])).toBe('NRT');
    expect(nearestPop(...WASHINGTON, [])).toBe('IAD');
    expect(nearestPop(51.51, -0.13, [])).toBe('LHR');
    // mainland China PoPs are not part of a global distribution: Beijing goes to Seoul
    expect(nearestPop(39.9, 116.41, [])).toBe('ICN');
  });

  it('skips PoPs outside the price class', () => {
    expect(nearestPop(...TOKYO, [], 'PriceClass_200')).toBe('NRT');
    expect(nearestPop(...TOKYO, [], 'PriceClass_100')).toBe('YVR');
    expect(nearestPop(...SAO_PAULO, [], 'PriceClass_All')).toBe('GRU');
    expect(nearestPop(...SAO_PAULO, [], 'PriceClass_200')).toBe('CPT');
    expect(nearestPop(...SAO_PAULO, [], 'PriceClass_100')).toBe('MIA');
  });

  it('chooses among the PoPs in play and returns the entry as given', () => {
    const pops = ['FRA56-P5', 'NRT51-C1', 'IAD'];
    expect(nearestPop(...TOKYO, pops)).toBe('NRT51-C1');
    expect(nearestPop(48.86, 2.35, pops)).toBe('FRA56-P5');
    expect(nearestPop(...SAO_PAULO, pops)).toBe('IAD');
  });

  it('uses an out-of-class PoP when none in play qualifies', () => {
    expect(nearestPop(...TOKYO, ['SYD', 'NRT'], 'PriceClass_100')).toBe('NRT');
  });

  it('names topology.pops when a PoP in play is unknown', () => {
    let error: unknown;
    try {
      nearestPop(...TOKYO, ['NRT', 'QQQ']);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ScenarioError);
    expect((error as ScenarioError).field).toBe('topology.pops');
    expect((error as ScenarioError).message).toMatch(/"QQQ"/);
  });
});

describe('recRegionOfPop and pricingRegionOf', () => {
  it('maps PoPs to their nearest regional edge cache', () => {
    expect(recRegionOfPop('IAD66-C1')).toBe('us-east-1');
    expect(recRegionOfPop('NRT')).toBe('ap-northeast-1');
    expect(recRegionOfPop('HIO')).toBe('us-west-2');
    expect(recRegionOfPop('GRU')).toBe('sa-east-1');
    expect(recRegionOfPop('MAD')).toBe('eu-west-2');
    expect(recRegionOfPop('BOM')).toBe('ap-south-1');
  });

  it('gives each PoP its pricing region', () => {
    expect(pricingRegionOf('BOM')).toBe(PricingRegion.India);
    expect(pricingRegionOf('NRT51-C1')).toBe(PricingRegion.Japan);
    expect(pricingRegionOf('HKG')).toBe(PricingRegion.Asia);
    expect(() => pricingRegionOf('QQQ')).toThrow(ScenarioError);
  });
});
