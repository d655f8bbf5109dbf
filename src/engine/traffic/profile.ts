// The traffic model's numbers, each in one named table with where it comes from. Most are
// modelling choices (the scenario overrides them); none is a CloudFront fact.
import type { ViewerRegion } from '../scenario';

/** Defaults for TrafficProfile fields the scenario leaves out. */
export const TRAFFIC_DEFAULTS = {
  /** Breslau et al., "Web Caching and Zipf-like Distributions", INFOCOM 1999: alpha 0.6-1.0 */
  zipfAlpha: 0.8,
  methodMix: { GET: 1 } as Readonly<Record<string, number>>,
  httpsShare: 1,
  cacheBustingShare: 0,
  varyingCookieShare: 0,
  varyingHeaderShare: 0,
  /** share of viewers on mobile networks when a region does not say; StatCounter GlobalStats
   * (2024) puts mobile at ~60% of web page views worldwide */
  mobileShare: 0.6,
} as const;

/** Diurnal modulation by each region's local time: rate x (1 + amplitude x cos(2 pi (h - peak) / 24)).
 * Averages to 1 over a day, so requestsPerSecond stays the daily mean. Web traffic peaks in the
 * evening and bottoms out before dawn (e.g. Wikimedia's and DE-CIX's public traffic graphs);
 * amplitude and peak hour are modelling choices. */
export const DAY_CURVE = {
  amplitude: 0.5,
  peakLocalHour: 20,
} as const;

/** Spike / ddos events without a factor or duration. */
export const EVENT_DEFAULTS = {
  spikeFactor: 5,
  ddosFactor: 50,
  durationMs: 60_000,
} as const;

/** The extra requests of a ddos event: GETs over the same catalog, half of them with a unique
 * query string, as cache-busting floods do (a modelling choice). */
export const DDOS_TRAFFIC = {
  cacheBustingShare: 0.5,
} as const;

/** What "a varying cookie" and "a varying header" mean in generated requests. */
export const VARIATION = {
  /** a session cookie from a population of users: a cache key with it is nearly per-user */
  cookieName: 'session',
  cookieValues: 10_000,
  /** a header a cache policy might add to the key */
  headerName: 'accept-language',
  headerValues: ['en-US', 'en-GB', 'de-DE', 'fr-FR', 'es-ES', 'ja-JP', 'pt-BR', 'zh-CN'] as readonly string[],
  /** query-string parameter of cache-busting requests: '?cb=<n>' */
  cacheBustingParam: 'cb',
} as const;

/** Viewer regions used when a scenario has no `viewers` field at all (an empty array means no
 * viewers, hence no traffic). Weights follow the rough split of internet users and CDN demand
 * by continent (ITU "Facts and Figures" 2023 for users); a modelling choice. */
export const DEFAULT_VIEWER_REGIONS: readonly ViewerRegion[] = [
  {
    id: 'na-east',
    name: 'North America East',
    lat: 40.71,
    lon: -74.01,
    country: 'US',
    weight: 14,
    utcOffset: -5,
  },
  {
    id: 'na-west',
    name: 'North America West',
    lat: 37.77,
    lon: -122.42,
    country: 'US',
    weight: 8,
    utcOffset: -8,
  },
  {
    id: 'south-america',
    name: 'South America',
    lat: -23.55,
    lon: -46.63,
    country: 'BR',
    weight: 7,
    utcOffset: -3,
  },
  {
    id: 'europe-west',
    name: 'Western Europe',
    lat: 51.51,
    lon: -0.13,
    country: 'GB',
    weight: 10,
    utcOffset: 0,
  },
  {
    id: 'europe-central',
    name: 'Central Europe',
    lat: 50.11,
    lon: 8.68,
    country: 'DE',
    weight: 10,
    utcOffset: 1,
  },
  { id: 'middle-east', name: 'Middle East', lat: 25.2, lon: 55.27, country: 'AE', weight: 4, utcOffset: 4 },
  { id: 'africa', name: 'Africa', lat: 6.52, lon: 3.38, country: 'NG', weight: 4, utcOffset: 1 },
  { id: 'india', name: 'India', lat: 19.08, lon: 72.88, country: 'IN', weight: 10, utcOffset: 5.5 },
  { id: 'east-asia', name: 'East Asia', lat: 35.68, lon: 139.69, country: 'JP', weight: 10, utcOffset: 9 },
  {
    id: 'southeast-asia',
    name: 'Southeast Asia',
    lat: 1.35,
    lon: 103.82,
    country: 'SG',
    weight: 8,
    utcOffset: 8,
  },
  { id: 'oceania', name: 'Oceania', lat: -33.87, lon: 151.21, country: 'AU', weight: 3, utcOffset: 10 },
];
