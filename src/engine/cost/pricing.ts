// CloudFront on-demand prices in USD (spec §11), one named table per charge, each with its
// source and confidence label. Arrays indexed by PricingRegion id (pricingRegions.ts):
//   [unitedStates, europe, middleEastAfrica, southAmerica, japan, australia, asia, india]
//
// Units: a GB is 2^30 bytes and a TB is 1,024 GB, as AWS bills data transfer
// (a modelling choice: the pricing page does not define them; the tier edges "Next 524 TB",
// 10 + 40 + 100 + 350 + 524 = 1,024 TB = 1 PB, only add up in binary units).
//
// API:
//   DATA_TRANSFER_TIERS            per-GB price of each tier by region
//   REQUEST_PRICE_PER_10K          { http, https } by region
//   ORIGIN_SHIELD_PRICE_PER_10K    by the Origin Shield Region's pricing region
//   DATA_TO_ORIGIN_PRICE_PER_GB    by the PoP's pricing region
//   UNIT_PRICES                    Functions, KeyValueStore, Lambda@Edge, invalidation paths
//   FREE_TIER                      the always-free monthly allowance
//   tieredCost(gb, pricesPerTier): number     USD for `gb` of one region's monthly traffic
//   billingRegion(region, priceClass): PricingRegion
//       the region whose rates apply: itself when the price class includes it, else the
//       cheapest region of the class (spec §11.5 [DOC])
import type { PriceClass } from '../scenario';
import { PRICE_CLASS_REGIONS, PRICING_REGION_COUNT, type PricingRegion } from './pricingRegions';

export const BYTES_PER_GB = 2 ** 30;
export const GB_PER_TB = 1024;

/** Data transfer out to the internet, per GB, tiered per region each month.
 * Source: aws.amazon.com/cloudfront/pricing (spec §11.2) [DOC]. */
export const DATA_TRANSFER_TIERS: {
  /** upper edge of each tier in GB of the month's cumulative traffic (the last is open) */
  readonly upToGb: readonly number[];
  /** per-region prices, one per tier */
  readonly pricePerGb: readonly (readonly number[])[];
} = {
  upToGb: [10, 50, 150, 500, 1024, 5120, Infinity].map((tb) => tb * GB_PER_TB),
  pricePerGb: [
    /* unitedStates     */ [0.085, 0.08, 0.06, 0.04, 0.03, 0.025, 0.02],
    /* europe           */ [0.085, 0.08, 0.06, 0.04, 0.03, 0.025, 0.02],
    /* middleEastAfrica */ [0.11, 0.105, 0.09, 0.08, 0.06, 0.05, 0.04],
    /* southAmerica     */ [0.11, 0.105, 0.09, 0.08, 0.06, 0.05, 0.04],
    /* japan            */ [0.114, 0.089, 0.086, 0.084, 0.08, 0.07, 0.06],
    /* australia        */ [0.114, 0.098, 0.094, 0.092, 0.09, 0.085, 0.08],
    /* asia             */ [0.12, 0.1, 0.095, 0.09, 0.08, 0.07, 0.06],
    /* india            */ [0.109, 0.085, 0.082, 0.08, 0.078, 0.075, 0.072],
  ],
};

/** HTTP and HTTPS requests, per 10,000, by region (proxy methods are billed the same).
 * Source: spec §11.3. United States: secondary sources agree; every other region [UNCONFIRMED]. */
export const REQUEST_PRICE_PER_10K: { readonly http: readonly number[]; readonly https: readonly number[] } =
  {
    //      US      EU      MEA     SA      JP      AU      Asia    India
    http: [0.0075, 0.009, 0.009, 0.016, 0.009, 0.009, 0.009, 0.009],
    https: [0.01, 0.012, 0.012, 0.022, 0.012, 0.0125, 0.012, 0.012],
  };

/** Origin Shield, per 10,000 requests that go through it as an extra layer, by the pricing
 * region of the shield's AWS Region. Source: spec §11.4 (model [DOC], rates [UNCONFIRMED]). */
export const ORIGIN_SHIELD_PRICE_PER_10K: readonly number[] = [
  0.0075, 0.009, 0.009, 0.016, 0.009, 0.009, 0.009, 0.009,
];

/** Regional data transfer out to the origin (proxy-method bodies), per GB, by the PoP's region.
 * Source: spec §11.3 [UNCONFIRMED]: US/EU 0.020; Japan/Asia/Middle East 0.060; Australia 0.080;
 * South America 0.125; India 0.160. */
export const DATA_TO_ORIGIN_PRICE_PER_GB: readonly number[] = [
  0.02, 0.02, 0.06, 0.125, 0.06, 0.08, 0.06, 0.16,
];

/** Source: spec §11.4 (confidence per line). */
export const UNIT_PRICES = {
  /** CloudFront Functions, per invocation ($0.10 per 1M) [secondary: cur.vantage.sh billing codes] */
  cloudFrontFunctionInvocation: 0.1 / 1e6,
  /** KeyValueStore, per read ($0.03 per 1M) [UNCONFIRMED: aws.amazon.com/cloudfront/pricing]. A read
   * is one call of a helper method (get / exists / meta: "three helper methods to read values from
   * the key value store", DeveloperGuide/functions-custom-methods.html), counted in the sandbox. */
  kvsRead: 0.03 / 1e6,
  /** Lambda@Edge, per request ($0.60 per 1M) [secondary] */
  lambdaRequest: 0.6 / 1e6,
  /** Lambda@Edge duration, per GB-second, billed in 1 ms increments [secondary; no free tier] */
  lambdaGbSecond: 0.00005001,
  /** invalidation paths beyond the free ones, per path; a wildcard path counts as one [DOC] */
  invalidationPath: 0.005,
  /** invalidation paths free each month, always (not part of the optional free tier) [DOC] */
  freeInvalidationPaths: 1000,
} as const;

/** Always-free monthly allowance (spec §11.1 [DOC: pricing page excerpt]). Applied only when
 * the freeTier setting is on. */
export const FREE_TIER = {
  dataTransferGb: 1 * GB_PER_TB,
  /** HTTP and HTTPS requests together */
  requests: 10_000_000,
  cloudFrontFunctionInvocations: 2_000_000,
  kvsReads: 2_000_000,
} as const;

/** USD for `gb` gigabytes of one region's month, walking the tiers. */
export function tieredCost(gb: number, pricesPerTier: readonly number[]): number {
  let cost = 0;
  let lower = 0;
  const edges = DATA_TRANSFER_TIERS.upToGb;
  for (let t = 0; t < edges.length && gb > lower; t++) {
    const inTier = Math.min(gb, edges[t]) - lower;
    cost += inTier * pricesPerTier[t];
    lower = edges[t];
  }
  return cost;
}

/** Cheapest region of each price class: lowest first-tier data price, then lowest HTTPS request price. */
const CHEAPEST_IN_CLASS: Readonly<Record<PriceClass, PricingRegion>> = {
  PriceClass_All: cheapest(PRICE_CLASS_REGIONS.PriceClass_All),
  PriceClass_200: cheapest(PRICE_CLASS_REGIONS.PriceClass_200),
  PriceClass_100: cheapest(PRICE_CLASS_REGIONS.PriceClass_100),
};

function cheapest(regions: readonly PricingRegion[]): PricingRegion {
  let best = regions[0];
  for (const r of regions) {
    const d = DATA_TRANSFER_TIERS.pricePerGb[r][0] - DATA_TRANSFER_TIERS.pricePerGb[best][0];
    if (d < 0 || (d === 0 && REQUEST_PRICE_PER_10K.https[r] < REQUEST_PRICE_PER_10K.https[best])) best = r;
  }
  return best;
}

export function billingRegion(region: number, priceClass: PriceClass): PricingRegion {
  if (region < 0 || region >= PRICING_REGION_COUNT) {
    throw new RangeError(`Pricing region ${region} does not exist: use an id from PricingRegion (0-7).`);
  }
  const regions = PRICE_CLASS_REGIONS[priceClass];
  return regions.includes(region as PricingRegion)
    ? (region as PricingRegion)
    : CHEAPEST_IN_CLASS[priceClass];
}
