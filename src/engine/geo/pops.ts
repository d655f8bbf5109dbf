// Edge PoPs: their codes, which one serves a viewer, and which regional edge cache serves a PoP.
//
// API:
//   resolvePopCode(prefixOrCode: string, seed?: number): string
//       'NRT' -> 'NRT51-C1'. A full code ('LHR5-P3', or a log-style 'DFW3') is returned as is
//       (upper-cased). For a prefix: the code observed in real responses when spec §12.1 lists
//       one (IAD66-C1, NRT51-C1, ...); otherwise '<P>50-C1', or with a seed a deterministic
//       '<P><50-69>-<C|P><1-3>' derived from (prefix, seed). Throws ScenarioError on an unknown
//       prefix or a malformed code.
//   popPrefix(code): string                     'NRT51-C1' -> 'NRT' (no validation)
//   popLocation(prefixOrCode): EdgeLocation     throws ScenarioError when unknown
//   nearestPop(lat, lon, pops: readonly string[], priceClass?): string
//       the element of `pops` (prefixes or full codes; empty = GLOBAL_POP_PREFIXES) with the
//       lowest viewer latency, which is the shortest great-circle distance since every PoP is
//       reached over the same kind of path (latency.ts). PoPs outside the price class are
//       skipped unless none qualifies (spec §11.5). Throws ScenarioError naming topology.pops
//       for an unknown entry. Preparation is cached per `pops` array (keep the array).
//   nearestRecRegion(lat, lon): string           the nearest of the 12 REC regions (spec §12.3; from regions.ts)
//   recRegionOfPop(prefixOrCode): string         nearestRecRegion at the PoP, memoized
//   pricingRegionOf(prefixOrCode): PricingRegion  the PoP's pricing region id (cost/pricingRegions.ts)
import { ScenarioError } from '../errors';
import type { PriceClass } from '../scenario';
import { PRICE_CLASS_REGIONS, type PricingRegion } from '../cost/pricingRegions';
import { hashInts, hashString } from '../util/rng';
import { edgeLocation, GLOBAL_POP_PREFIXES, type EdgeLocation } from './edgeLocations';
import { haversineKm } from './latency';
import { nearestRecRegion } from './regions';

export { nearestRecRegion };

/** x-amz-cf-pop values seen in real responses (spec §12.1 [OBS]); a prefix resolves to these first,
 * so a US viewer lands on 'IAD66-C1' as in the worked examples. */
export const OBSERVED_POP_CODES: Readonly<Record<string, string>> = {
  NRT: 'NRT51-C1',
  PHX: 'PHX50-C2',
  LHR: 'LHR50-C1',
  HEL: 'HEL50-C1',
  IAD: 'IAD66-C1',
  EWR: 'EWR52-C2',
  CMH: 'CMH68-P2',
  CDG: 'CDG50-P2',
  LAX: 'LAX54-P11',
  LOS: 'LOS50-P3',
  YUL: 'YUL62-P2',
  FRA: 'FRA56-P5',
};

/** `^[A-Z]{3}\d{1,3}-[A-Z]\d{1,2}$` (spec §12.1), with the suffix optional for log-style codes ('DFW3'). */
const FULL_CODE = /^[A-Z]{3}\d{1,3}(?:-[A-Z]\d{1,2})?$/;
const PREFIX = /^[A-Z]{3}$/;

const codeMemo = new Map<string, string>();

export function popPrefix(code: string): string {
  return code.slice(0, 3).toUpperCase();
}

function unknownPop(code: string, field?: string): ScenarioError {
  return new ScenarioError(
    `Unknown edge location "${code}". Use a 3-letter prefix from the edge-location table ` +
      `(for example "NRT", "IAD", "FRA") or a full code such as "NRT51-C1".`,
    field,
  );
}

export function popLocation(prefixOrCode: string): EdgeLocation {
  const loc = edgeLocation(popPrefix(prefixOrCode));
  if (!loc) throw unknownPop(prefixOrCode);
  return loc;
}

export function resolvePopCode(prefixOrCode: string, seed?: number): string {
  const key = seed === undefined ? prefixOrCode : `${prefixOrCode}|${seed}`;
  const memo = codeMemo.get(key);
  if (memo !== undefined) return memo;
  const code = prefixOrCode.trim().toUpperCase();
  let result: string;
  if (FULL_CODE.test(code)) {
    popLocation(code);
    result = code;
  } else if (PREFIX.test(code)) {
    popLocation(code);
    result = OBSERVED_POP_CODES[code] ?? syntheticCode(code, seed);
  } else {
    throw new ScenarioError(
      `"${prefixOrCode}" is not an edge-location code. Write a 3-letter prefix ("NRT") or a code like "NRT51-C1".`,
    );
  }
  if (codeMemo.size < 4096) codeMemo.set(key, result);
  return result;
}

function syntheticCode(prefix: string, seed: number | undefined): string {
  if (seed === undefined) return `${prefix}50-C1`;
  const h = hashInts(seed, hashString(prefix));
  const site = 50 + (h % 20);
  const kind = (h >>> 8) & 1 ? 'P' : 'C';
  const unit = 1 + ((h >>> 9) % 3);
  return `${prefix}${site}-${kind}${unit}`;
}

/** Coordinates and pricing regions of a `pops` list, laid out for a tight nearest-PoP loop. */
interface PreparedPops {
  lat: Float64Array;
  lon: Float64Array;
  region: Uint8Array;
}

const prepared = new WeakMap<readonly string[], PreparedPops>();

function prepare(pops: readonly string[]): PreparedPops {
  let p = prepared.get(pops);
  if (p) return p;
  const n = pops.length;
  p = { lat: new Float64Array(n), lon: new Float64Array(n), region: new Uint8Array(n) };
  for (let i = 0; i < n; i++) {
    const loc = edgeLocation(popPrefix(pops[i]));
    if (!loc) throw unknownPop(pops[i], 'topology.pops');
    p.lat[i] = loc.lat;
    p.lon[i] = loc.lon;
    p.region[i] = loc.pricingRegion;
  }
  prepared.set(pops, p);
  return p;
}

export function nearestPop(
  lat: number,
  lon: number,
  pops: readonly string[],
  priceClass: PriceClass = 'PriceClass_All',
): string {
  const list = pops.length > 0 ? pops : GLOBAL_POP_PREFIXES;
  const p = prepare(list);
  const allowed = PRICE_CLASS_REGIONS[priceClass];
  let best = -1;
  let bestKm = Infinity;
  for (let i = 0; i < list.length; i++) {
    if (!allowed.includes(p.region[i] as PricingRegion)) continue;
    const km = haversineKm(lat, lon, p.lat[i], p.lon[i]);
    if (km < bestKm) {
      bestKm = km;
      best = i;
    }
  }
  if (best < 0) {
    // No PoP in play belongs to the price class: CloudFront still serves the viewer (spec §11.5).
    for (let i = 0; i < list.length; i++) {
      const km = haversineKm(lat, lon, p.lat[i], p.lon[i]);
      if (km < bestKm) {
        bestKm = km;
        best = i;
      }
    }
  }
  return list[best];
}

const recMemo = new Map<string, string>();

export function recRegionOfPop(prefixOrCode: string): string {
  const prefix = popPrefix(prefixOrCode);
  let rec = recMemo.get(prefix);
  if (rec === undefined) {
    const loc = popLocation(prefix);
    rec = nearestRecRegion(loc.lat, loc.lon);
    recMemo.set(prefix, rec);
  }
  return rec;
}

export function pricingRegionOf(prefixOrCode: string): PricingRegion {
  return popLocation(prefixOrCode).pricingRegion;
}
