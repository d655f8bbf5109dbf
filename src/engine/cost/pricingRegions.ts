// CloudFront's eight pricing regions (the columns of the price tables, spec §11.2) as small
// integer ids, so the per-request hot path indexes typed arrays instead of hashing strings;
// and the price classes (spec §11.5), which are made of exactly these groups.
//
// API:
//   PricingRegion.UnitedStates ... PricingRegion.India   ids 0..7 (PRICING_REGION_COUNT = 8)
//   PRICING_REGION_KEYS[id]       camelCase key used in cost items ('dataTransfer.unitedStates')
//   PRICING_REGION_NAMES[id]      the pricing page's column title
//   PRICE_CLASS_REGIONS[priceClass]   the regions a price class serves from
//   inPriceClass(region, priceClass): boolean
import type { PriceClass } from '../scenario';

export const PricingRegion = {
  UnitedStates: 0,
  Europe: 1,
  MiddleEastAfrica: 2,
  SouthAmerica: 3,
  Japan: 4,
  Australia: 5,
  Asia: 6,
  India: 7,
} as const;
export type PricingRegion = (typeof PricingRegion)[keyof typeof PricingRegion];

export const PRICING_REGION_COUNT = 8;

export const PRICING_REGION_KEYS: readonly string[] = [
  'unitedStates',
  'europe',
  'middleEastAfrica',
  'southAmerica',
  'japan',
  'australia',
  'asia',
  'india',
];

/** Column titles of aws.amazon.com/cloudfront/pricing (spec §11.2). */
export const PRICING_REGION_NAMES: readonly string[] = [
  'United States, Mexico, & Canada',
  'Europe, Israel & Türkiye',
  'South Africa, Kenya, Nigeria & Middle East',
  'South America',
  'Japan',
  'Australia & New Zealand',
  'Hong Kong, Indonesia, Malaysia, Philippines, Singapore, South Korea, Taiwan, Thailand & Vietnam',
  'India',
];

/** Which pricing regions each price class serves from.
 * Source: docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/PriceClass.html (spec §11.5, [DOC] 2023). */
export const PRICE_CLASS_REGIONS: Readonly<Record<PriceClass, readonly PricingRegion[]>> = {
  PriceClass_All: [0, 1, 2, 3, 4, 5, 6, 7],
  PriceClass_200: [
    PricingRegion.UnitedStates,
    PricingRegion.Europe,
    PricingRegion.MiddleEastAfrica,
    PricingRegion.Japan,
    PricingRegion.Asia,
    PricingRegion.India,
  ],
  PriceClass_100: [PricingRegion.UnitedStates, PricingRegion.Europe],
};

export function inPriceClass(region: number, priceClass: PriceClass): boolean {
  return PRICE_CLASS_REGIONS[priceClass].includes(region as PricingRegion);
}
