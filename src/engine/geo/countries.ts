// Where a viewer known only by its country sits: the capital (Tel Aviv for Israel, where
// embassies and the population centre are), rounded to 0.01 degrees. Covers every country with
// a CloudFront edge location in edgeLocations.ts plus other large or well-connected ones
// (141 in all). A modelling choice: a capital is where most national networks peer; for
// big countries a viewer region (Scenario.viewers) with explicit coordinates is more precise.
//
// API:
//   COUNTRIES: readonly CountryLocation[]
//   countryLocation(code): CountryLocation | undefined   ISO 3166-1 alpha-2, any case
//   countryName(code): string | undefined
//
// Sources: capitals as listed by the CIA World Factbook; coordinates rounded from each city's
// Wikipedia/GeoNames entry.

export interface CountryLocation {
  /** ISO 3166-1 alpha-2 */
  code: string;
  name: string;
  /** the city a viewer known only by country is placed in */
  place: string;
  lat: number;
  lon: number;
}

type Row = [code: string, name: string, place: string, lat: number, lon: number];

// prettier-ignore
const ROWS: readonly Row[] = [
  ['AE', 'United Arab Emirates', 'Abu Dhabi', 24.45, 54.38],
  ['AR', 'Argentina', 'Buenos Aires', -34.6, -58.38],
  ['AT', 'Austria', 'Vienna', 48.21, 16.37],
  ['AU', 'Australia', 'Canberra', -35.28, 149.13],
  ['BE', 'Belgium', 'Brussels', 50.85, 4.35],
  ['BG', 'Bulgaria', 'Sofia', 42.7, 23.32],
  ['BH', 'Bahrain', 'Manama', 26.23, 50.59],
  ['BR', 'Brazil', 'Brasília', -15.79, -47.88],
  ['CA', 'Canada', 'Ottawa', 45.42, -75.7],
  ['CH', 'Switzerland', 'Bern', 46.95, 7.45],
  ['CL', 'Chile', 'Santiago', -33.45, -70.67],
  ['CN', 'China', 'Beijing', 39.9, 116.41],
  ['CO', 'Colombia', 'Bogotá', 4.71, -74.07],
  ['CZ', 'Czechia', 'Prague', 50.08, 14.44],
  ['DE', 'Germany', 'Berlin', 52.52, 13.4],
  ['DK', 'Denmark', 'Copenhagen', 55.68, 12.57],
  ['EG', 'Egypt', 'Cairo', 30.04, 31.24],
  ['ES', 'Spain', 'Madrid', 40.42, -3.7],
  ['FI', 'Finland', 'Helsinki', 60.17, 24.94],
  ['FR', 'France', 'Paris', 48.86, 2.35],
  ['GB', 'United Kingdom', 'London', 51.51, -0.13],
  ['GR', 'Greece', 'Athens', 37.98, 23.73],
  ['HK', 'Hong Kong', 'Hong Kong', 22.32, 114.17],
  ['HR', 'Croatia', 'Zagreb', 45.81, 15.98],
  ['HU', 'Hungary', 'Budapest', 47.5, 19.04],
  ['ID', 'Indonesia', 'Jakarta', -6.21, 106.85],
  ['IE', 'Ireland', 'Dublin', 53.35, -6.26],
  ['IL', 'Israel', 'Tel Aviv', 32.09, 34.78],
  ['IN', 'India', 'New Delhi', 28.61, 77.21],
  ['IT', 'Italy', 'Rome', 41.9, 12.5],
  ['JP', 'Japan', 'Tokyo', 35.68, 139.69],
  ['KE', 'Kenya', 'Nairobi', -1.29, 36.82],
  ['KR', 'South Korea', 'Seoul', 37.57, 126.98],
  ['MX', 'Mexico', 'Mexico City', 19.43, -99.13],
  ['MY', 'Malaysia', 'Kuala Lumpur', 3.14, 101.69],
  ['NG', 'Nigeria', 'Abuja', 9.08, 7.4],
  ['NL', 'Netherlands', 'Amsterdam', 52.37, 4.9],
  ['NO', 'Norway', 'Oslo', 59.91, 10.75],
  ['NZ', 'New Zealand', 'Wellington', -41.29, 174.78],
  ['OM', 'Oman', 'Muscat', 23.59, 58.41],
  ['PE', 'Peru', 'Lima', -12.05, -77.04],
  ['PH', 'Philippines', 'Manila', 14.6, 120.98],
  ['PL', 'Poland', 'Warsaw', 52.23, 21.01],
  ['PT', 'Portugal', 'Lisbon', 38.72, -9.14],
  ['QA', 'Qatar', 'Doha', 25.29, 51.53],
  ['RO', 'Romania', 'Bucharest', 44.43, 26.1],
  ['SA', 'Saudi Arabia', 'Riyadh', 24.71, 46.68],
  ['SE', 'Sweden', 'Stockholm', 59.33, 18.07],
  ['SG', 'Singapore', 'Singapore', 1.29, 103.85],
  ['TH', 'Thailand', 'Bangkok', 13.76, 100.5],
  ['TR', 'Türkiye', 'Ankara', 39.93, 32.86],
  ['TW', 'Taiwan', 'Taipei', 25.03, 121.57],
  ['US', 'United States', 'Washington, D.C.', 38.91, -77.04],
  ['VE', 'Venezuela', 'Caracas', 10.49, -66.88],
  ['VN', 'Vietnam', 'Hanoi', 21.03, 105.85],
  ['ZA', 'South Africa', 'Pretoria', -25.75, 28.19],
  ['RU', 'Russia', 'Moscow', 55.76, 37.62],
  ['UA', 'Ukraine', 'Kyiv', 50.45, 30.52],
  ['BY', 'Belarus', 'Minsk', 53.9, 27.57],
  ['KZ', 'Kazakhstan', 'Astana', 51.17, 71.45],
  ['UZ', 'Uzbekistan', 'Tashkent', 41.3, 69.24],
  ['KG', 'Kyrgyzstan', 'Bishkek', 42.87, 74.59],
  ['TJ', 'Tajikistan', 'Dushanbe', 38.56, 68.79],
  ['TM', 'Turkmenistan', 'Ashgabat', 37.96, 58.33],
  ['PK', 'Pakistan', 'Islamabad', 33.68, 73.05],
  ['BD', 'Bangladesh', 'Dhaka', 23.81, 90.41],
  ['LK', 'Sri Lanka', 'Colombo', 6.93, 79.86],
  ['NP', 'Nepal', 'Kathmandu', 27.72, 85.32],
  ['BT', 'Bhutan', 'Thimphu', 27.47, 89.64],
  ['MV', 'Maldives', 'Malé', 4.18, 73.51],
  ['MM', 'Myanmar', 'Naypyidaw', 19.76, 96.08],
  ['KH', 'Cambodia', 'Phnom Penh', 11.56, 104.92],
  ['LA', 'Laos', 'Vientiane', 17.98, 102.63],
  ['MN', 'Mongolia', 'Ulaanbaatar', 47.89, 106.91],
  ['BN', 'Brunei', 'Bandar Seri Begawan', 4.9, 114.94],
  ['MO', 'Macao', 'Macao', 22.2, 113.54],
  ['IR', 'Iran', 'Tehran', 35.69, 51.39],
  ['IQ', 'Iraq', 'Baghdad', 33.31, 44.36],
  ['JO', 'Jordan', 'Amman', 31.95, 35.93],
  ['LB', 'Lebanon', 'Beirut', 33.89, 35.5],
  ['SY', 'Syria', 'Damascus', 33.51, 36.29],
  ['KW', 'Kuwait', 'Kuwait City', 29.38, 47.99],
  ['YE', 'Yemen', 'Sanaa', 15.37, 44.19],
  ['AF', 'Afghanistan', 'Kabul', 34.56, 69.21],
  ['AZ', 'Azerbaijan', 'Baku', 40.41, 49.87],
  ['GE', 'Georgia', 'Tbilisi', 41.72, 44.78],
  ['AM', 'Armenia', 'Yerevan', 40.18, 44.51],
  ['CY', 'Cyprus', 'Nicosia', 35.19, 33.38],
  ['MT', 'Malta', 'Valletta', 35.9, 14.51],
  ['IS', 'Iceland', 'Reykjavík', 64.15, -21.94],
  ['LU', 'Luxembourg', 'Luxembourg', 49.61, 6.13],
  ['SK', 'Slovakia', 'Bratislava', 48.15, 17.11],
  ['SI', 'Slovenia', 'Ljubljana', 46.06, 14.51],
  ['RS', 'Serbia', 'Belgrade', 44.79, 20.45],
  ['BA', 'Bosnia and Herzegovina', 'Sarajevo', 43.86, 18.41],
  ['ME', 'Montenegro', 'Podgorica', 42.43, 19.26],
  ['MK', 'North Macedonia', 'Skopje', 42.0, 21.43],
  ['AL', 'Albania', 'Tirana', 41.33, 19.82],
  ['MD', 'Moldova', 'Chișinău', 47.01, 28.86],
  ['LT', 'Lithuania', 'Vilnius', 54.69, 25.28],
  ['LV', 'Latvia', 'Riga', 56.95, 24.11],
  ['EE', 'Estonia', 'Tallinn', 59.44, 24.75],
  ['MA', 'Morocco', 'Rabat', 34.02, -6.83],
  ['DZ', 'Algeria', 'Algiers', 36.75, 3.06],
  ['TN', 'Tunisia', 'Tunis', 36.81, 10.18],
  ['LY', 'Libya', 'Tripoli', 32.89, 13.19],
  ['SD', 'Sudan', 'Khartoum', 15.5, 32.56],
  ['ET', 'Ethiopia', 'Addis Ababa', 9.03, 38.74],
  ['TZ', 'Tanzania', 'Dodoma', -6.16, 35.75],
  ['UG', 'Uganda', 'Kampala', 0.35, 32.58],
  ['RW', 'Rwanda', 'Kigali', -1.94, 30.06],
  ['GH', 'Ghana', 'Accra', 5.6, -0.19],
  ['CI', 'Côte d\'Ivoire', 'Yamoussoukro', 6.83, -5.29],
  ['SN', 'Senegal', 'Dakar', 14.72, -17.47],
  ['CM', 'Cameroon', 'Yaoundé', 3.85, 11.5],
  ['AO', 'Angola', 'Luanda', -8.84, 13.23],
  ['CD', 'DR Congo', 'Kinshasa', -4.44, 15.27],
  ['ZM', 'Zambia', 'Lusaka', -15.39, 28.32],
  ['ZW', 'Zimbabwe', 'Harare', -17.83, 31.05],
  ['MZ', 'Mozambique', 'Maputo', -25.97, 32.57],
  ['MG', 'Madagascar', 'Antananarivo', -18.88, 47.51],
  ['BW', 'Botswana', 'Gaborone', -24.63, 25.92],
  ['NA', 'Namibia', 'Windhoek', -22.56, 17.08],
  ['MU', 'Mauritius', 'Port Louis', -20.16, 57.5],
  ['CU', 'Cuba', 'Havana', 23.11, -82.37],
  ['DO', 'Dominican Republic', 'Santo Domingo', 18.49, -69.93],
  ['JM', 'Jamaica', 'Kingston', 18.02, -76.8],
  ['PR', 'Puerto Rico', 'San Juan', 18.47, -66.11],
  ['GT', 'Guatemala', 'Guatemala City', 14.63, -90.51],
  ['HN', 'Honduras', 'Tegucigalpa', 14.07, -87.19],
  ['SV', 'El Salvador', 'San Salvador', 13.69, -89.22],
  ['NI', 'Nicaragua', 'Managua', 12.11, -86.24],
  ['CR', 'Costa Rica', 'San José', 9.93, -84.08],
  ['PA', 'Panama', 'Panama City', 8.98, -79.52],
  ['EC', 'Ecuador', 'Quito', -0.18, -78.47],
  ['BO', 'Bolivia', 'La Paz', -16.5, -68.15],
  ['PY', 'Paraguay', 'Asunción', -25.26, -57.58],
  ['UY', 'Uruguay', 'Montevideo', -34.9, -56.16],
  ['TT', 'Trinidad and Tobago', 'Port of Spain', 10.65, -61.52],
  ['PG', 'Papua New Guinea', 'Port Moresby', -9.44, 147.18],
  ['FJ', 'Fiji', 'Suva', -18.14, 178.44],
];

export const COUNTRIES: readonly CountryLocation[] = ROWS.map(([code, name, place, lat, lon]) => ({
  code,
  name,
  place,
  lat,
  lon,
}));

const BY_CODE = new Map<string, CountryLocation>(COUNTRIES.map((c) => [c.code, c]));

export function countryLocation(code: string): CountryLocation | undefined {
  return BY_CODE.get(code) ?? BY_CODE.get(code.toUpperCase());
}

export function countryName(code: string): string | undefined {
  return countryLocation(code)?.name;
}
