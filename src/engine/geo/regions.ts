// AWS Regions as places: the metro each Region sits in (for the latency model), which Regions
// host a regional edge cache / Origin Shield, which Region an origin's hostname names, and
// where to put Origin Shield for an origin.
//
// API:
//   AWS_REGIONS: readonly AwsRegion[]           every commercial Region we place (not GovCloud/China)
//   awsRegion(code): AwsRegion | undefined      lookup by code ('eu-west-1')
//   REC_REGIONS: readonly string[]              the 12 documented REC / Origin Shield Regions
//   nearestRecRegion(lat, lon): string          the nearest of them by great-circle distance
//   isRecRegion(code): boolean
//   suggestedShieldRegion(originRegion): string | undefined
//       spec §6.2's table for the 8 Regions it lists, the Region itself when it hosts a REC,
//       otherwise the REC Region nearest by backbone distance; undefined for unknown codes.
//   regionFromOriginDomain(domain): string | undefined
//       'bucket.s3.us-west-2.amazonaws.com' -> 'us-west-2', 'bucket.s3.amazonaws.com' ->
//       'us-east-1', ELB / execute-api / Lambda URL / EC2 / Beanstalk / App Runner hostnames ->
//       the Region they name; anything else (custom domains) -> undefined.
import { PricingRegion } from '../cost/pricingRegions';
import { haversineKm } from './latency';

export interface AwsRegion {
  code: string;
  /** the metro the Region's data centres sit in */
  metro: string;
  lat: number;
  lon: number;
  /** pricing group of the Region (bills Origin Shield requests made there) */
  pricingRegion: PricingRegion;
  /** hosts a regional edge cache and can host Origin Shield (spec §6.2, §12.3) */
  rec: boolean;
}

const { UnitedStates: US, Europe: EU, MiddleEastAfrica: MEA, SouthAmerica: SA, Japan: JP } = PricingRegion;
const { Australia: AU, Asia: AS, India: IN } = PricingRegion;

type Row = [code: string, metro: string, lat: number, lon: number, pricing: PricingRegion, rec?: true];

// Metro coordinates are approximate city centres (the REC rows are data/README.md's table);
// the Region-to-metro list is AWS's public Regions page (aws.amazon.com/about-aws/global-infrastructure/regions_az/).
// prettier-ignore
const ROWS: readonly Row[] = [
  ['us-east-1', 'Northern Virginia (Ashburn)', 39.04, -77.49, US, true],
  ['us-east-2', 'Ohio (Columbus)', 39.96, -83.0, US, true],
  ['us-west-1', 'Northern California (San Jose)', 37.34, -121.89, US],
  ['us-west-2', 'Oregon (Boardman)', 45.84, -119.7, US, true],
  ['ca-central-1', 'Canada Central (Montreal)', 45.5, -73.57, US],
  ['ca-west-1', 'Canada West (Calgary)', 51.05, -114.07, US],
  ['mx-central-1', 'Mexico (Querétaro)', 20.59, -100.39, US],
  ['sa-east-1', 'São Paulo', -23.55, -46.63, SA, true],
  ['eu-west-1', 'Ireland (Dublin)', 53.35, -6.26, EU, true],
  ['eu-west-2', 'London', 51.51, -0.13, EU, true],
  ['eu-west-3', 'Paris', 48.86, 2.35, EU],
  ['eu-central-1', 'Frankfurt', 50.11, 8.68, EU, true],
  ['eu-central-2', 'Zurich', 47.37, 8.54, EU],
  ['eu-south-1', 'Milan', 45.46, 9.19, EU],
  ['eu-south-2', 'Spain (Zaragoza)', 41.65, -0.88, EU],
  ['eu-north-1', 'Stockholm', 59.33, 18.07, EU],
  ['il-central-1', 'Israel (Tel Aviv)', 32.09, 34.78, EU],
  ['me-south-1', 'Bahrain (Manama)', 26.23, 50.59, MEA],
  ['me-central-1', 'UAE (Dubai)', 25.2, 55.27, MEA],
  ['af-south-1', 'Cape Town', -33.92, 18.42, MEA],
  ['ap-south-1', 'Mumbai', 19.08, 72.88, IN, true],
  ['ap-south-2', 'Hyderabad', 17.39, 78.49, IN],
  ['ap-east-1', 'Hong Kong', 22.32, 114.17, AS],
  ['ap-east-2', 'Taipei', 25.03, 121.57, AS],
  ['ap-northeast-1', 'Tokyo', 35.68, 139.69, JP, true],
  ['ap-northeast-2', 'Seoul', 37.57, 126.98, AS, true],
  ['ap-northeast-3', 'Osaka', 34.69, 135.5, JP],
  ['ap-southeast-1', 'Singapore', 1.35, 103.82, AS, true],
  ['ap-southeast-2', 'Sydney', -33.87, 151.21, AU, true],
  ['ap-southeast-3', 'Jakarta', -6.21, 106.85, AS],
  ['ap-southeast-4', 'Melbourne', -37.81, 144.96, AU],
  ['ap-southeast-5', 'Malaysia (Kuala Lumpur)', 3.14, 101.69, AS],
  ['ap-southeast-6', 'New Zealand (Auckland)', -36.85, 174.76, AU],
  ['ap-southeast-7', 'Thailand (Bangkok)', 13.76, 100.5, AS],
];

export const AWS_REGIONS: readonly AwsRegion[] = ROWS.map(([code, metro, lat, lon, pricingRegion, rec]) => ({
  code,
  metro,
  lat,
  lon,
  pricingRegion,
  rec: rec === true,
}));

const BY_CODE = new Map<string, AwsRegion>(AWS_REGIONS.map((r) => [r.code, r]));

export function awsRegion(code: string): AwsRegion | undefined {
  return BY_CODE.get(code);
}

/** The 12 REC / Origin Shield Regions (spec §6.2, §12.3 [DOC], mid-2023). */
export const REC_REGIONS: readonly string[] = AWS_REGIONS.filter((r) => r.rec).map((r) => r.code);

export function isRecRegion(code: string): boolean {
  return BY_CODE.get(code)?.rec === true;
}

/** AWS's suggested Origin Shield Region for origins in Regions without a REC.
 * Source: docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/origin-shield.html (spec §6.2). */
export const SHIELD_REGION_FOR_ORIGIN_REGION: Readonly<Record<string, string>> = {
  'us-west-1': 'us-west-2',
  'af-south-1': 'eu-west-1',
  'ap-east-1': 'ap-southeast-1',
  'ca-central-1': 'us-east-1',
  'eu-south-1': 'eu-central-1',
  'eu-west-3': 'eu-west-2',
  'eu-north-1': 'eu-west-2',
  'me-south-1': 'ap-south-1',
};

export function suggestedShieldRegion(originRegion: string): string | undefined {
  const documented = SHIELD_REGION_FOR_ORIGIN_REGION[originRegion];
  if (documented) return documented;
  const region = BY_CODE.get(originRegion);
  if (!region) return undefined;
  if (region.rec) return region.code;
  // Not in AWS's table (newer Regions): the REC Region nearest over the backbone, as AWS advises
  // ("the Region with the lowest latency to your origin"), is the closest by distance.
  return nearestRecRegion(region.lat, region.lon);
}

/** The nearest of the 12 REC Regions by great-circle distance (spec §12.3: each PoP uses its nearest REC). */
export function nearestRecRegion(lat: number, lon: number): string {
  let best = REC_REGIONS[0];
  let bestKm = Infinity;
  for (const code of REC_REGIONS) {
    const r = BY_CODE.get(code)!;
    const km = haversineKm(lat, lon, r.lat, r.lon);
    if (km < bestKm) {
      bestKm = km;
      best = code;
    }
  }
  return best;
}

/** Hostname suffixes under which AWS service endpoints carry their Region as a label. */
const AWS_HOST_SUFFIXES = [
  '.amazonaws.com',
  '.on.aws',
  '.api.aws',
  '.elasticbeanstalk.com',
  '.awsapprunner.com',
];

/** Endpoints that name no Region but live in us-east-1 (S3's global and legacy names, EC2 classic DNS). */
const US_EAST_1_SUFFIXES = ['.s3.amazonaws.com', '.s3-external-1.amazonaws.com', '.compute-1.amazonaws.com'];

const regionFromDomainMemo = new Map<string, string | undefined>();

export function regionFromOriginDomain(domain: string): string | undefined {
  if (regionFromDomainMemo.has(domain)) return regionFromDomainMemo.get(domain);
  const result = parseRegion(domain);
  if (regionFromDomainMemo.size < 1024) regionFromDomainMemo.set(domain, result);
  return result;
}

function parseRegion(domain: string): string | undefined {
  const host = domain.trim().toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '');
  if (!AWS_HOST_SUFFIXES.some((s) => host.endsWith(s))) return undefined;
  if (host === 's3.amazonaws.com' || US_EAST_1_SUFFIXES.some((s) => host.endsWith(s))) return 'us-east-1';
  // Scan labels right to left: the Region sits next to the service suffix, while a bucket or
  // load balancer name further left may itself look like a Region ('eu-west-1.s3.us-east-2...').
  const labels = host.split('.');
  for (let i = labels.length - 1; i >= 0; i--) {
    const label = labels[i].replace(/^s3-website-|^s3-/, '');
    if (BY_CODE.has(label)) return label;
  }
  return undefined;
}
