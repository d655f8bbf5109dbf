import { describe, expect, it } from 'vitest';
import { PricingRegion } from '../cost/pricingRegions';
import {
  ALL_POP_PREFIXES,
  COUNTRIES,
  countryLocation,
  EDGE_LOCATIONS,
  edgeLocation,
  GLOBAL_POP_PREFIXES,
  REC_REGIONS,
  awsRegion,
  nearestRecRegion,
  regionFromOriginDomain,
  suggestedShieldRegion,
} from './index';

describe('edge-location table', () => {
  it('holds the 107 prefixes of the source CSV once each, in its order', () => {
    expect(new Set(ALL_POP_PREFIXES).size).toBe(107);
    expect(ALL_POP_PREFIXES.filter((c) => !/^[A-Z]{3}$/.test(c))).toEqual([]);
    expect([ALL_POP_PREFIXES[0], ALL_POP_PREFIXES[106]]).toEqual(['ATL', 'SYD']);
  });

  it('fixes the known faults of the source', () => {
    const bla = edgeLocation('BLA')!;
    expect([bla.city, bla.countryCode, bla.lat, bla.lon]).toEqual(['Barcelona', 'ES', 41.2971, 2.0785]);
    expect(edgeLocation('HKG')!.pricingRegion).toBe(PricingRegion.Asia);
    expect(edgeLocation('JED')!.pricingRegion).toBe(PricingRegion.MiddleEastAfrica);
    expect(edgeLocation('TLV')!.pricingRegion).toBe(PricingRegion.Europe);
    expect(edgeLocation('ICN')!.pricingRegion).toBe(PricingRegion.Asia);
  });

  it('maps the CSV pricing labels to our ids', () => {
    expect(edgeLocation('QRO')!.pricingRegion).toBe(PricingRegion.UnitedStates);
    expect(edgeLocation('CPT')!.pricingRegion).toBe(PricingRegion.MiddleEastAfrica);
    expect(edgeLocation('KIX')!.pricingRegion).toBe(PricingRegion.Japan);
    expect(edgeLocation('AKL')!.pricingRegion).toBe(PricingRegion.Australia);
    expect(edgeLocation('BOM')!.pricingRegion).toBe(PricingRegion.India);
    expect(edgeLocation('EZE')!.pricingRegion).toBe(PricingRegion.SouthAmerica);
    expect(edgeLocation('IST')!.pricingRegion).toBe(PricingRegion.Europe);
  });

  it('leaves mainland China out of the global network only', () => {
    const china = EDGE_LOCATIONS.filter((e) => e.mainlandChina).map((e) => e.code);
    expect(china).toEqual(['PEK', 'PVG', 'SZX', 'ZHY']);
    expect(GLOBAL_POP_PREFIXES.length).toBe(103);
    expect(GLOBAL_POP_PREFIXES).toContain('HKG');
    expect(GLOBAL_POP_PREFIXES).not.toContain('PEK');
  });
});

describe('AWS regions', () => {
  it('lists the 12 documented REC / Origin Shield regions', () => {
    expect([...REC_REGIONS].sort()).toEqual(
      [
        'us-east-1',
        'us-east-2',
        'us-west-2',
        'ap-south-1',
        'ap-northeast-1',
        'ap-northeast-2',
        'ap-southeast-1',
        'ap-southeast-2',
        'eu-central-1',
        'eu-west-1',
        'eu-west-2',
        'sa-east-1',
      ].sort(),
    );
    expect(awsRegion('ap-south-1')).toMatchObject({ metro: 'Mumbai', lat: 19.08, lon: 72.88 });
  });

  it('suggests Origin Shield regions as AWS documents, else the nearest REC', () => {
    expect(suggestedShieldRegion('us-west-1')).toBe('us-west-2');
    expect(suggestedShieldRegion('af-south-1')).toBe('eu-west-1');
    expect(suggestedShieldRegion('me-south-1')).toBe('ap-south-1');
    expect(suggestedShieldRegion('eu-north-1')).toBe('eu-west-2');
    expect(suggestedShieldRegion('eu-west-1')).toBe('eu-west-1');
    expect(suggestedShieldRegion('ap-northeast-3')).toBe('ap-northeast-1');
    expect(suggestedShieldRegion('ca-west-1')).toBe('us-west-2');
    expect(suggestedShieldRegion('mars-north-1')).toBeUndefined();
  });

  it('reads the region from AWS origin hostnames', () => {
    const cases: [string, string | undefined][] = [
      ['bucket.s3.us-west-2.amazonaws.com', 'us-west-2'],
      ['bucket.s3.amazonaws.com', 'us-east-1'],
      ['bucket.s3-eu-west-1.amazonaws.com', 'eu-west-1'],
      ['bucket.s3-website-ap-southeast-2.amazonaws.com', 'ap-southeast-2'],
      ['bucket.s3-website.eu-central-1.amazonaws.com', 'eu-central-1'],
      ['bucket.s3.dualstack.sa-east-1.amazonaws.com', 'sa-east-1'],
      ['eu-west-1.s3.us-east-2.amazonaws.com', 'us-east-2'],
      ['my-alb-1234567890.us-west-2.elb.amazonaws.com', 'us-west-2'],
      ['internal-api-lb-99.ap-northeast-1.elb.amazonaws.com', 'ap-northeast-1'],
      ['abc123.execute-api.eu-west-3.amazonaws.com', 'eu-west-3'],
      ['xyz.lambda-url.ap-south-1.on.aws', 'ap-south-1'],
      ['ec2-203-0-113-25.compute-1.amazonaws.com', 'us-east-1'],
      ['ec2-203-0-113-25.eu-north-1.compute.amazonaws.com', 'eu-north-1'],
      ['myapp.us-east-2.elasticbeanstalk.com', 'us-east-2'],
      ['BUCKET.S3.US-WEST-2.AMAZONAWS.COM.', 'us-west-2'],
      ['www.example.com', undefined],
      ['us-west-2.example.com', undefined],
      ['bucket.s3.mars-north-1.amazonaws.com', undefined],
    ];
    for (const [domain, region] of cases)
      expect([domain, regionFromOriginDomain(domain)]).toEqual([domain, region]);
  });

  it('places each PoP under its nearest REC', () => {
    expect(nearestRecRegion(35.68, 139.69)).toBe('ap-northeast-1');
    expect(nearestRecRegion(48.86, 2.35)).toBe('eu-west-2');
    expect(nearestRecRegion(-34.6, -58.38)).toBe('sa-east-1');
  });
});

describe('countries', () => {
  it('places every country that has an edge location', () => {
    const missing = EDGE_LOCATIONS.map((e) => e.countryCode).filter((cc) => !countryLocation(cc));
    expect(missing).toEqual([]);
    expect(COUNTRIES.length).toBeGreaterThanOrEqual(90);
    expect(new Set(COUNTRIES.map((c) => c.code)).size).toBe(COUNTRIES.length);
  });

  it('looks countries up in any case', () => {
    expect(countryLocation('us')).toMatchObject({ name: 'United States', place: 'Washington, D.C.' });
    expect(countryLocation('JP')).toMatchObject({ lat: 35.68, lon: 139.69 });
    expect(countryLocation('XX')).toBeUndefined();
  });

  it('has coordinates on the globe', () => {
    const bad = COUNTRIES.filter((c) => Math.abs(c.lat) > 90 || Math.abs(c.lon) > 180);
    expect(bad).toEqual([]);
  });
});
