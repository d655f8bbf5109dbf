import { describe, expect, it } from 'vitest';
import { CostMeter } from './CostMeter';
import { billingRegion, tieredCost, DATA_TRANSFER_TIERS } from './pricing';
import { PricingRegion } from './pricingRegions';

const GB = 2 ** 30;
const TB = 1024 * GB;
const ALL = { priceClass: 'PriceClass_All', freeTier: false } as const;

describe('CostMeter', () => {
  it('prices one HTTPS GET of 1 GB from the US: $0.085 transfer + $0.000001 request', () => {
    const m = new CostMeter();
    m.addRequest(PricingRegion.UnitedStates, true, GB, 0);
    const c = m.breakdown(ALL);
    expect(c['dataTransfer.unitedStates']).toBe(0.085);
    expect(c['requests.https']).toBe(0.000001);
    expect(c['requests.http']).toBe(0);
    expect(c.total).toBe(0.085001);
  });

  it('always lists every item, so charts keep stable keys', () => {
    const c = new CostMeter().breakdown(ALL);
    expect(Object.keys(c).sort()).toEqual(
      [
        'dataTransfer.unitedStates',
        'dataTransfer.europe',
        'dataTransfer.middleEastAfrica',
        'dataTransfer.southAmerica',
        'dataTransfer.japan',
        'dataTransfer.australia',
        'dataTransfer.asia',
        'dataTransfer.india',
        'requests.http',
        'requests.https',
        'originShield',
        'dataTransferToOrigin',
        'functions.cloudfront',
        'functions.lambda',
        'keyValueStore',
        'invalidations',
        'total',
      ].sort(),
    );
    expect(c.total).toBe(0);
  });

  it('applies the tiers to the month cumulative bytes of each region', () => {
    const m = new CostMeter();
    // 20 TB from Europe in two halves: 10 TB at $0.085, 10 TB at $0.080
    m.addRequest(PricingRegion.Europe, false, 10 * TB, 0);
    m.addRequest(PricingRegion.Europe, false, 10 * TB, 0);
    // 1 TB from Japan stays in Japan's first tier
    m.addRequest(PricingRegion.Japan, false, TB, 0);
    const c = m.breakdown(ALL);
    expect(c['dataTransfer.europe']).toBeCloseTo(870.4 + 819.2, 6);
    expect(c['dataTransfer.japan']).toBeCloseTo(116.736, 6);
    expect(c['requests.http']).toBeCloseTo(2 * 0.0000009 + 0.0000009, 12);
  });

  it('bills traffic from outside the price class at the cheapest rate of the class', () => {
    const m = new CostMeter();
    m.addRequest(PricingRegion.India, true, GB, 0);
    const all = m.breakdown(ALL);
    expect(all['dataTransfer.india']).toBe(0.109);
    expect(all['requests.https']).toBe(0.0000012);
    const pc100 = m.breakdown({ priceClass: 'PriceClass_100', freeTier: false });
    expect(pc100['dataTransfer.india']).toBe(0);
    expect(pc100['dataTransfer.unitedStates']).toBe(0.085);
    expect(pc100['requests.https']).toBe(0.000001);
    const pc200 = m.breakdown({ priceClass: 'PriceClass_200', freeTier: false });
    expect(pc200['dataTransfer.india']).toBe(0.109);
  });

  it('applies the free tier only when asked: 1 TB, 10M requests, 2M function invocations', () => {
    const m = new CostMeter();
    m.addRequest(PricingRegion.UnitedStates, true, 2 * TB, 0);
    for (let i = 0; i < 20_000_000 - 1; i++) m.addRequest(PricingRegion.UnitedStates, true, 0, 0);
    for (let i = 0; i < 3_000_000; i++) m.addFunctionInvocation('cloudfront', 0.1, 0);
    const paid = m.breakdown(ALL);
    expect(paid['dataTransfer.unitedStates']).toBeCloseTo(174.08, 9);
    expect(paid['requests.https']).toBeCloseTo(20, 9);
    expect(paid['functions.cloudfront']).toBeCloseTo(0.3, 9);
    const free = m.breakdown({ priceClass: 'PriceClass_All', freeTier: true });
    expect(free['dataTransfer.unitedStates']).toBeCloseTo(87.04, 9);
    expect(free['requests.https']).toBeCloseTo(10, 9);
    expect(free['functions.cloudfront']).toBeCloseTo(0.1, 9);
  });

  it('shares the free allowance among regions in proportion to their use', () => {
    const m = new CostMeter();
    m.addRequest(PricingRegion.UnitedStates, false, 1.5 * TB, 0);
    m.addRequest(PricingRegion.Asia, false, 0.5 * TB, 0);
    const c = m.breakdown({ priceClass: 'PriceClass_All', freeTier: true });
    // 1 TB free of 2 TB used: half of each region's bytes remain billable
    expect(c['dataTransfer.unitedStates']).toBeCloseTo(768 * 0.085, 9);
    expect(c['dataTransfer.asia']).toBeCloseTo(256 * 0.12, 9);
  });

  it('bills Lambda@Edge per request and per GB-second in 1 ms increments', () => {
    const m = new CostMeter();
    for (let i = 0; i < 1_000_000; i++) m.addFunctionInvocation('lambda', 5.2, 128);
    // $0.60 + 1M x 6 ms x 0.125 GB = 750 GB-s x $0.00005001
    expect(m.breakdown(ALL)['functions.lambda']).toBeCloseTo(0.6 + 750 * 0.00005001, 9);
    expect(m.breakdown({ priceClass: 'PriceClass_All', freeTier: true })['functions.lambda']).toBeCloseTo(
      0.6375075,
      9,
    );
  });

  it('bills KeyValueStore reads past the 2M free ones at $0.03 per million', () => {
    const m = new CostMeter();
    m.addKvsReads(2_000_000);
    expect(m.breakdown({ priceClass: 'PriceClass_All', freeTier: true }).keyValueStore).toBe(0);
    m.addKvsReads(1_000_000);
    expect(m.breakdown({ priceClass: 'PriceClass_All', freeTier: true }).keyValueStore).toBe(0.03);
    expect(m.breakdown(ALL).keyValueStore).toBe(0.09);
  });

  it('charges invalidation paths beyond the 1,000 free ones, free tier or not', () => {
    const m = new CostMeter();
    m.addInvalidationPaths(1000);
    expect(m.breakdown(ALL).invalidations).toBe(0);
    m.addInvalidationPaths(500);
    expect(m.breakdown(ALL).invalidations).toBe(2.5);
    expect(m.breakdown({ priceClass: 'PriceClass_All', freeTier: true }).invalidations).toBe(2.5);
  });

  it('prices Origin Shield by the shield region and data to origin by the PoP region', () => {
    const m = new CostMeter();
    for (let i = 0; i < 10_000; i++) m.addShieldRequest(PricingRegion.SouthAmerica);
    for (let i = 0; i < 10_000; i++) m.addShieldRequest(PricingRegion.UnitedStates);
    m.addRequest(PricingRegion.India, true, 0, GB);
    m.addKvsReads(1_000_000);
    const c = m.breakdown(ALL);
    expect(c.originShield).toBe(0.0235);
    expect(c.dataTransferToOrigin).toBe(0.16);
    expect(c.keyValueStore).toBe(0.03);
    // the price class moves the proxy bytes (served by an Indian PoP) but not the shield requests
    const pc100 = m.breakdown({ priceClass: 'PriceClass_100', freeTier: false });
    expect(pc100.dataTransferToOrigin).toBe(0.02);
    expect(pc100.originShield).toBe(0.0235);
  });

  it('reset() starts a new month', () => {
    const m = new CostMeter();
    m.addRequest(0, true, GB, 0);
    m.addInvalidationPaths(5000);
    m.reset();
    expect(m.breakdown(ALL).total).toBe(0);
  });
});

describe('pricing helpers', () => {
  it('walks all seven tiers for very large volumes', () => {
    const us = DATA_TRANSFER_TIERS.pricePerGb[PricingRegion.UnitedStates];
    const sixPb = 6 * 1024 * 1024;
    const expected =
      1024 * (10 * 0.085 + 40 * 0.08 + 100 * 0.06 + 350 * 0.04 + 524 * 0.03 + 4096 * 0.025 + 1024 * 0.02);
    expect(tieredCost(sixPb, us)).toBeCloseTo(expected, 6);
    expect(tieredCost(0, us)).toBe(0);
  });

  it('billingRegion keeps regions in the class and moves the others to the cheapest', () => {
    expect(billingRegion(PricingRegion.Japan, 'PriceClass_200')).toBe(PricingRegion.Japan);
    expect(billingRegion(PricingRegion.Australia, 'PriceClass_200')).toBe(PricingRegion.UnitedStates);
    expect(billingRegion(PricingRegion.SouthAmerica, 'PriceClass_100')).toBe(PricingRegion.UnitedStates);
    expect(() => billingRegion(9, 'PriceClass_All')).toThrow(/Pricing region 9 does not exist/);
  });
});
