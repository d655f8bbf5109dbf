// CloudFront edge locations by their 3-letter prefix (the IATA-style start of an x-amz-cf-pop
// value such as 'NRT51-C1'): city, country, coordinates and pricing region.
//
// Generated once from /work/shared/data/aws-edge-locations.csv (107 rows), which comes from
// github.com/tobilg/aws-edge-locations (data as of 2025-05), MIT licence: see the notice in
// ./aws-edge-locations.LICENSE, which must stay next to this table.
//
// Corrections to the source (data/README.md):
// - BLA: "Barcelona, Spain" carried Barcelona, Venezuela's coordinates and country code VE;
//   fixed to El Prat (41.2971 N, 2.0785 E), ES.
// - HKG: labelled "China"; CloudFront prices Hong Kong in the Asia group.
// - JED (Middle East), TLV (Europe & Israel), ICN (Asia) had no pricing region.
// - Country names: "Great Britain" -> "United Kingdom", "Kingdom of Saudi Arabia" ->
//   "Saudi Arabia", HKG -> "Hong Kong"; DOH city "Qatar" -> "Doha".
//
// The CSV's pricing-region labels map to our ids once, here:
//   "United States, Mexico, & Canada" -> UnitedStates     "Europe" -> Europe
//   "Middle East", "Africa"           -> MiddleEastAfrica  "South America" -> SouthAmerica
//   "Japan" -> Japan   "Australia & New Zealand" -> Australia   "India" -> India
//   "Hong Kong, Indonesia, ... & Thailand" -> Asia
//   "China" -> Asia (modelling choice: mainland China is priced separately, in CNY, by the
//   China regions; these PoPs are flagged mainlandChina and are not used by a global
//   distribution unless the topology names them, see pops.ts).
import { PricingRegion } from '../cost/pricingRegions';

const {
  UnitedStates: US,
  Europe: EU,
  MiddleEastAfrica: MEA,
  SouthAmerica: SA,
  Japan: JP,
  Australia: AU,
  Asia: AS,
  India: IN,
} = PricingRegion;

export interface EdgeLocation {
  /** 3-letter prefix, e.g. 'NRT' */
  code: string;
  city: string;
  country: string;
  /** ISO 3166-1 alpha-2 */
  countryCode: string;
  lat: number;
  lon: number;
  pricingRegion: PricingRegion;
  /** served by CloudFront's separate China network, not by global distributions */
  mainlandChina?: true;
}

type Row = [
  code: string,
  city: string,
  country: string,
  countryCode: string,
  lat: number,
  lon: number,
  region: PricingRegion,
  mainlandChina?: true,
];

// prettier-ignore
const ROWS: readonly Row[] = [
  ['ATL', 'Atlanta', 'United States', 'US', 33.6367, -84.4281, US],
  ['BOS', 'Boston', 'United States', 'US', 42.3643, -71.0052, US],
  ['ORD', 'Chicago', 'United States', 'US', 41.9786, -87.9047, US],
  ['CMH', 'Columbus', 'United States', 'US', 39.998, -82.8919, US],
  ['DFW', 'Dallas', 'United States', 'US', 32.8968, -97.038, US],
  ['DEN', 'Denver', 'United States', 'US', 39.8617, -104.673, US],
  ['DTW', 'Detroit', 'United States', 'US', 42.2124, -83.3534, US],
  ['IAH', 'Houston', 'United States', 'US', 29.9844, -95.3414, US],
  ['MCI', 'Kansas City', 'United States', 'US', 39.2976, -94.7139, US],
  ['LAX', 'Los Angeles', 'United States', 'US', 33.9425, -118.408, US],
  ['MIA', 'Miami', 'United States', 'US', 25.7932, -80.2906, US],
  ['MSP', 'Minneapolis', 'United States', 'US', 44.882, -93.2218, US],
  ['YUL', 'Montreal', 'Canada', 'CA', 45.4706, -73.7408, US],
  ['BNA', 'Nashville', 'United States', 'US', 36.1245, -86.6782, US],
  ['JFK', 'New York', 'United States', 'US', 40.6394, -73.7793, US],
  ['EWR', 'Newark', 'United States', 'US', 40.6925, -74.1687, US],
  ['PHL', 'Philadelphia', 'United States', 'US', 39.8719, -75.2411, US],
  ['PHX', 'Phoenix', 'United States', 'US', 33.4353, -112.0059, US],
  ['PIT', 'Pittsburgh', 'United States', 'US', 40.4915, -80.2329, US],
  ['HIO', 'Portland', 'United States', 'US', 45.5404, -122.9498, US],
  ['QRO', 'Queretaro', 'Mexico', 'MX', 20.6173, -100.186, US],
  ['SLC', 'Salt Lake City', 'United States', 'US', 40.7857, -111.9797, US],
  ['SFO', 'San Francisco', 'United States', 'US', 37.619, -122.375, US],
  ['SEA', 'Seattle', 'United States', 'US', 47.4489, -122.3094, US],
  ['TPA', 'Tampa', 'United States', 'US', 27.9755, -82.5332, US],
  ['YTO', 'Toronto', 'Canada', 'CA', 43.6772, -79.6306, US],
  ['YVR', 'Vancouver', 'Canada', 'CA', 49.1939, -123.184, US],
  ['IAD', 'Washington', 'United States', 'US', 38.9445, -77.4558, US],
  ['BOG', 'Bogota', 'Colombia', 'CO', 4.7016, -74.1469, SA],
  ['EZE', 'Buenos Aires', 'Argentina', 'AR', -34.8222, -58.5358, SA],
  ['FOR', 'Fortaleza', 'Brazil', 'BR', -3.7763, -38.5326, SA],
  ['LIM', 'Lima', 'Peru', 'PE', -12.0219, -77.1143, SA],
  ['GIG', 'Rio de Janeiro', 'Brazil', 'BR', -22.81, -43.2506, SA],
  ['SCL', 'Santiago', 'Chile', 'CL', -33.393, -70.7858, SA],
  ['GRU', 'Sao Paulo', 'Brazil', 'BR', -23.4356, -46.4731, SA],
  ['AMS', 'Amsterdam', 'Netherlands', 'NL', 52.3086, 4.7639, EU],
  ['ATH', 'Athens', 'Greece', 'GR', 37.9364, 23.9445, EU],
  ['BLA', 'Barcelona', 'Spain', 'ES', 41.2971, 2.0785, EU],
  ['TXL', 'Berlin', 'Germany', 'DE', 52.5597, 13.2878, EU],
  ['BRU', 'Brussels', 'Belgium', 'BE', 50.9014, 4.4844, EU],
  ['OTP', 'Bucharest', 'Romania', 'RO', 44.5711, 26.085, EU],
  ['BUD', 'Budapest', 'Hungary', 'HU', 47.4298, 19.2611, EU],
  ['CPH', 'Copenhagen', 'Denmark', 'DK', 55.6179, 12.656, EU],
  ['DUB', 'Dublin', 'Ireland', 'IE', 53.4287, -6.2621, EU],
  ['DUS', 'Dusseldorf', 'Germany', 'DE', 51.2895, 6.7668, EU],
  ['FRA', 'Frankfurt am Main', 'Germany', 'DE', 50.0365, 8.5613, EU],
  ['HAM', 'Hamburg', 'Germany', 'DE', 53.6304, 9.9882, EU],
  ['HEL', 'Helsinki', 'Finland', 'FI', 60.3172, 24.9633, EU],
  ['LIS', 'Lisbon', 'Portugal', 'PT', 38.7813, -9.1359, EU],
  ['LHR', 'London', 'United Kingdom', 'GB', 51.4775, -0.4614, EU],
  ['MAD', 'Madrid', 'Spain', 'ES', 40.4719, -3.5626, EU],
  ['MAN', 'Manchester', 'United Kingdom', 'GB', 53.3494, -2.2795, EU],
  ['MRS', 'Marseille', 'France', 'FR', 43.4393, 5.2214, EU],
  ['MXP', 'Milan', 'Italy', 'IT', 45.6306, 8.7281, EU],
  ['MUC', 'Munich', 'Germany', 'DE', 48.3538, 11.7861, EU],
  ['OSL', 'Oslo', 'Norway', 'NO', 60.1939, 11.1004, EU],
  ['PMO', 'Palermo', 'Italy', 'IT', 38.176, 13.091, EU],
  ['CDG', 'Paris', 'France', 'FR', 49.0128, 2.55, EU],
  ['PRG', 'Prague', 'Czech Republic', 'CZ', 50.1008, 14.26, EU],
  ['FCO', 'Rome', 'Italy', 'IT', 41.8003, 12.2389, EU],
  ['SOF', 'Sofia', 'Bulgaria', 'BG', 42.6967, 23.4114, EU],
  ['ARN', 'Stockholm', 'Sweden', 'SE', 59.6519, 17.9186, EU],
  ['VIE', 'Vienna', 'Austria', 'AT', 48.1103, 16.5697, EU],
  ['WAW', 'Warsaw', 'Poland', 'PL', 52.1658, 20.9672, EU],
  ['ZAG', 'Zagreb', 'Croatia', 'HR', 45.7429, 16.0688, EU],
  ['ZRH', 'Zurich', 'Switzerland', 'CH', 47.4581, 8.5481, EU],
  ['DXB', 'Dubai', 'United Arab Emirates', 'AE', 25.2528, 55.3644, MEA],
  ['FJR', 'Fujairah', 'United Arab Emirates', 'AE', 25.1122, 56.3242, MEA],
  ['IST', 'Istanbul', 'Turkey', 'TR', 41.2622, 28.7278, EU],
  ['JED', 'Jeddah', 'Saudi Arabia', 'SA', 21.6796, 39.1565, MEA],
  ['BAH', 'Manama', 'Bahrain', 'BH', 26.2673, 50.6376, MEA],
  ['MCT', 'Muscat', 'Oman', 'OM', 23.5933, 58.2844, MEA],
  ['DOH', 'Doha', 'Qatar', 'QA', 25.2731, 51.6081, MEA],
  ['TLV', 'Tel Aviv', 'Israel', 'IL', 32.0114, 34.8867, EU],
  ['CAI', 'Cairo', 'Egypt', 'EG', 30.1115, 31.3967, MEA],
  ['CPT', 'Cape Town', 'South Africa', 'ZA', -33.9648, 18.6017, MEA],
  ['JNB', 'Johannesburg', 'South Africa', 'ZA', -26.1392, 28.246, MEA],
  ['LOS', 'Lagos', 'Nigeria', 'NG', 6.5774, 3.3212, MEA],
  ['NBO', 'Nairobi', 'Kenya', 'KE', -1.3192, 36.9278, MEA],
  ['BKK', 'Bangkok', 'Thailand', 'TH', 13.69, 100.7501, AS],
  ['PEK', 'Beijing', 'China', 'CN', 40.0801, 116.585, AS, true],
  ['BLR', 'Bengaluru', 'India', 'IN', 13.1989, 77.7056, IN],
  ['MAA', 'Chennai', 'India', 'IN', 12.99, 80.1693, IN],
  ['DEL', 'New Delhi', 'India', 'IN', 28.5556, 77.0952, IN],
  ['HAN', 'Hanoi', 'Vietnam', 'VN', 21.2212, 105.807, AS],
  ['SGN', 'Ho Chi Minh City', 'Vietnam', 'VN', 10.8188, 106.652, AS],
  ['HKG', 'Hong Kong', 'Hong Kong', 'HK', 22.3089, 113.915, AS],
  ['HYD', 'Hyderabad', 'India', 'IN', 17.2313, 78.4299, IN],
  ['CGK', 'Jakarta', 'Indonesia', 'ID', -6.1256, 106.656, AS],
  ['CCU', 'Kolkata', 'India', 'IN', 22.6547, 88.4467, IN],
  ['KUL', 'Kuala Lumpur', 'Malaysia', 'MY', 2.7456, 101.71, AS],
  ['MNL', 'Manila', 'Philippines', 'PH', 14.5086, 121.02, AS],
  ['BOM', 'Mumbai', 'India', 'IN', 19.0887, 72.8679, IN],
  ['KIX', 'Osaka', 'Japan', 'JP', 34.4273, 135.244, JP],
  ['PNQ', 'Pune', 'India', 'IN', 18.5821, 73.9197, IN],
  ['ICN', 'Seoul', 'South Korea', 'KR', 37.4691, 126.451, AS],
  ['PVG', 'Shanghai', 'China', 'CN', 31.1434, 121.805, AS, true],
  ['SZX', 'Shenzhen', 'China', 'CN', 22.6393, 113.811, AS, true],
  ['SIN', 'Singapore', 'Singapore', 'SG', 1.3502, 103.994, AS],
  ['TPE', 'Taoyuan', 'Taiwan', 'TW', 25.0777, 121.233, AS],
  ['NRT', 'Tokyo', 'Japan', 'JP', 35.7647, 140.386, JP],
  ['ZHY', 'Zhongwei', 'China', 'CN', 37.5728, 105.1544, AS, true],
  ['AKL', 'Auckland', 'New Zealand', 'NZ', -37.012, 174.7863, AU],
  ['BNE', 'Brisbane', 'Australia', 'AU', -27.3842, 153.117, AU],
  ['MEL', 'Melbourne', 'Australia', 'AU', -37.6733, 144.843, AU],
  ['PER', 'Perth', 'Australia', 'AU', -31.9403, 115.967, AU],
  ['SYD', 'Sydney', 'Australia', 'AU', -33.9461, 151.177, AU],
];

export const EDGE_LOCATIONS: readonly EdgeLocation[] = ROWS.map(
  ([code, city, country, countryCode, lat, lon, pricingRegion, mainlandChina]): EdgeLocation =>
    mainlandChina
      ? { code, city, country, countryCode, lat, lon, pricingRegion, mainlandChina }
      : { code, city, country, countryCode, lat, lon, pricingRegion },
);

const BY_CODE = new Map<string, EdgeLocation>(EDGE_LOCATIONS.map((e) => [e.code, e]));

/** The edge location for a 3-letter prefix (upper case), or undefined. */
export function edgeLocation(prefix: string): EdgeLocation | undefined {
  return BY_CODE.get(prefix);
}

/** Every prefix in the table, in table order. */
export const ALL_POP_PREFIXES: readonly string[] = EDGE_LOCATIONS.map((e) => e.code);

/** The prefixes a global distribution uses when the topology names none (mainland China excluded). */
export const GLOBAL_POP_PREFIXES: readonly string[] = EDGE_LOCATIONS.filter((e) => !e.mainlandChina).map(
  (e) => e.code,
);
