// The plain-words vocabulary of scenario checks: metric names as people say them ("hit ratio",
// "cost per month", "origin requests/s") and edge locations by city ("from Tokyo"), beside the
// camelCase names and PoP codes the language started with (both keep working).
import { EDGE_LOCATIONS, type EdgeLocation } from '../engine/geo';
import type { MetricName } from './assertionTypes';

/** How each metric reads in plain words (help text, error messages); the first alias of each. */
export const METRIC_WORDS: Readonly<Record<MetricName, string>> = {
  hitRatio: 'hit ratio',
  offload: 'offload',
  requests: 'requests',
  requestsPerSecond: 'requests per second',
  hits: 'hits',
  misses: 'misses',
  refreshHits: 'refresh hits',
  errors: 'errors',
  generated: 'generated',
  originRequests: 'origin requests',
  originRequestsPerSecond: 'origin requests per second',
  bytesToViewers: 'bytes to viewers',
  bytesFromOrigins: 'bytes from origins',
  originBytesPerSecond: 'origin bytes per second',
  latencyMs: 'latency',
  cost: 'cost',
  costPerMonth: 'cost per month',
  simTime: 'sim time',
};

/** Other ways to say a metric, beyond its camelCase name and METRIC_WORDS ('hitRate' stays an error). */
const MORE_ALIASES: Readonly<Record<string, MetricName>> = {
  'cache hit ratio': 'hitRatio',
  'cache hit rate': 'hitRatio', // CloudWatch's CacheHitRate
  'origin offload': 'offload',
  'viewer requests': 'requests',
  'viewer requests per second': 'requestsPerSecond',
  'cache hits': 'hits',
  'cache misses': 'misses',
  'origin fetches': 'originRequests',
  'origin bytes': 'bytesFromOrigins',
  'bytes from origins per second': 'originBytesPerSecond',
  'mean latency': 'latencyMs',
  'average latency': 'latencyMs',
  'total cost': 'cost',
  'monthly cost': 'costPerMonth',
  'simulated time': 'simTime',
};

/** Lower case, no spaces, '_' or '-': "Hit ratio", "hit_ratio" and "hitRatio" read the same. */
function squash(words: string): string {
  return words.toLowerCase().replace(/[\s_-]+/g, '');
}

const BY_SQUASHED = new Map<string, MetricName>();
for (const name of Object.keys(METRIC_WORDS) as MetricName[]) {
  BY_SQUASHED.set(squash(name), name);
  BY_SQUASHED.set(squash(METRIC_WORDS[name]), name);
}
for (const [words, name] of Object.entries(MORE_ALIASES)) BY_SQUASHED.set(squash(words), name);

/** The metric a phrase names ("hit ratio", "Origin requests/s", "costPerMonth"), or undefined. */
export function metricByName(phrase: string): MetricName | undefined {
  const perSecond = phrase
    .trim()
    .replace(/\s*(\/\s*s|\/\s*sec|\/\s*second|per\s+s|per\s+sec)$/i, ' per second');
  return BY_SQUASHED.get(squash(perSecond));
}

/** A count's per-second form: a threshold written "100/s" switches to it. */
export const RATE_OF: Readonly<Partial<Record<MetricName, MetricName>>> = {
  requests: 'requestsPerSecond',
  originRequests: 'originRequestsPerSecond',
  bytesFromOrigins: 'originBytesPerSecond',
};

export const RATE_METRICS: ReadonlySet<MetricName> = new Set(Object.values(RATE_OF));

// ---- edge locations by code or city

/** A PoP code as in x-amz-cf-pop ('NRT51-C1'), a log-style code ('DFW3') or a 3-letter prefix. */
const POP_CODE = /^[A-Z]{3}(?:\d{1,3}(?:-[A-Z]\d{1,2})?)?$/;

/** Lower case without accents: "São Paulo" reads as "sao paulo". */
function plain(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

const label = (e: EdgeLocation): string => `${e.city} (${e.code})`;

export type LocationMatch =
  { kind: 'found'; code: string } | { kind: 'ambiguous'; candidates: string[] } | { kind: 'none' };

/** An edge-location code (any case) or the exact city name ("Tokyo" -> NRT). */
function exactLocation(text: string): LocationMatch {
  const code = text.toUpperCase();
  if (POP_CODE.test(code) && EDGE_LOCATIONS.some((e) => e.code === code.slice(0, 3))) {
    return { kind: 'found', code };
  }
  const p = plain(text);
  const city = EDGE_LOCATIONS.find((e) => plain(e.city) === p);
  if (city) return { kind: 'found', code: city.code };
  const inCountry = EDGE_LOCATIONS.filter((e) => plain(e.country) === p);
  if (inCountry.length === 1) return { kind: 'found', code: inCountry[0].code };
  if (inCountry.length > 1) return { kind: 'ambiguous', candidates: inCountry.map(label) };
  return { kind: 'none' };
}

/** The first words of a city name ("Frankfurt" for "Frankfurt am Main"), when only one city fits. */
function cityStartingWith(text: string): LocationMatch {
  const p = plain(text);
  const fits = EDGE_LOCATIONS.filter((e) => plain(e.city).startsWith(`${p} `));
  if (fits.length === 1) return { kind: 'found', code: fits[0].code };
  return fits.length > 1 ? { kind: 'ambiguous', candidates: fits.map(label) } : { kind: 'none' };
}

/**
 * Reads an edge location from the start of `words` (the text after "from"), trying the longest
 * run of words first so "New York" wins over "New". Returns how many words it used.
 */
export function readLocation(words: readonly string[]): { match: LocationMatch; used: number } {
  const max = Math.min(words.length, 4);
  let ambiguous: { match: LocationMatch; used: number } | null = null;
  for (const find of [exactLocation, cityStartingWith]) {
    for (let n = max; n >= 1; n--) {
      const match = find(words.slice(0, n).join(' '));
      if (match.kind === 'found') return { match, used: n };
      if (match.kind === 'ambiguous' && !ambiguous) ambiguous = { match, used: n };
    }
  }
  return ambiguous ?? { match: { kind: 'none' }, used: 0 };
}

/** Edit distance, for "did you mean": city names are short, so the quadratic table is fine. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length];
}

/** Up to five edge locations whose city, country or code is close to `text`, closest first. */
export function closeLocations(text: string): string[] {
  const p = plain(text);
  if (p === '') return [];
  const scored = EDGE_LOCATIONS.map((e) => {
    const city = plain(e.city);
    const d = Math.min(
      distance(p, city),
      distance(p, e.code.toLowerCase()),
      city.startsWith(p) || p.startsWith(city) ? 1 : Infinity,
      plain(e.country).startsWith(p) ? 2 : Infinity,
    );
    return { e, d };
  }).filter((x) => x.d <= Math.max(1, Math.floor(p.length / 3)));
  scored.sort((a, b) => a.d - b.d);
  return scored.slice(0, 5).map((x) => label(x.e));
}
