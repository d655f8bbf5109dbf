// The topology a scenario puts in play, as the canvas draws it and the badges count it: viewer
// regions, the edge locations (PoPs) they reach, each PoP's regional edge cache, and the origins.
// Pure: built from the scenario plus the engine's geo tables (no CDN behaviour is decided here;
// the choices mirror the spec: viewer -> lowest-latency PoP, PoP -> nearest REC region, §6.1/§12.3).
import {
  awsRegion,
  edgeLocation,
  GLOBAL_POP_PREFIXES,
  nearestPop,
  recRegionOfPop,
  regionFromOriginDomain,
  suggestedShieldRegion,
} from '../engine/geo';
import type { Scenario } from '../engine/scenario';

export interface ViewerView {
  id: string;
  name: string;
  country: string;
  weight: number;
  /** the PoP prefix this region's viewers reach; undefined when no PoP is known */
  pop?: string;
}

export interface PopView {
  /** 3-letter prefix */
  code: string;
  city: string;
  country: string;
  /** REC region code */
  rec?: string;
}

export interface RecView {
  region: string;
  metro: string;
}

export interface OriginView {
  id: string;
  domainName: string;
  kind: 'S3' | 'custom';
  region?: string;
  shieldRegion?: string;
}

export interface TopologyView {
  viewers: ViewerView[];
  pops: PopView[];
  recs: RecView[];
  origins: OriginView[];
  regionalEdgeCaches: boolean;
}

/** The engine's PoP -> REC mapping; undefined (drawn as unknown) for a code the engine rejects. */
export function nearestRecRegion(popPrefix: string): string | undefined {
  try {
    return recRegionOfPop(popPrefix);
  } catch {
    return undefined;
  }
}

function popPrefixes(scenario: Scenario): string[] {
  const listed = scenario.topology?.pops ?? [];
  const source = listed.length > 0 ? listed : GLOBAL_POP_PREFIXES;
  const seen = new Set<string>();
  for (const p of source) seen.add(p.slice(0, 3).toUpperCase());
  return [...seen];
}

/** REC region of a PoP when the scenario uses regional edge caches. */
export function recOfPop(scenario: Scenario, popPrefix: string): string | undefined {
  return scenario.topology?.regionalEdgeCaches === false ? undefined : nearestRecRegion(popPrefix);
}

export function describeTopology(scenario: Scenario): TopologyView {
  const regionalEdgeCaches = scenario.topology?.regionalEdgeCaches !== false;
  const pops: PopView[] = popPrefixes(scenario).map((code) => {
    const loc = edgeLocation(code);
    return {
      code,
      city: loc?.city ?? 'unknown location',
      country: loc?.country ?? '',
      rec: regionalEdgeCaches ? nearestRecRegion(code) : undefined,
    };
  });

  const known = pops.filter((p) => edgeLocation(p.code)).map((p) => p.code);
  const priceClass = scenario.distribution.priceClass;
  const viewers: ViewerView[] = (scenario.viewers ?? []).map((v) => ({
    id: v.id,
    name: v.name,
    country: v.country,
    weight: v.weight,
    // The engine's own choice: lowest-latency PoP the price class allows (spec §6.1, §11.5).
    pop: known.length > 0 ? nearestPop(v.lat, v.lon, known, priceClass) : undefined,
  }));

  const recRegions = [...new Set(pops.map((p) => p.rec).filter((r): r is string => r !== undefined))];
  const recs: RecView[] = recRegions.map((region) => ({ region, metro: awsRegion(region)?.metro ?? region }));

  const origins: OriginView[] = scenario.distribution.origins.map((o) => {
    const region = o.region ?? regionFromOriginDomain(o.domainName);
    return {
      id: o.id,
      domainName: o.domainName,
      kind: o.s3OriginConfig || o.originAccessControlId ? 'S3' : 'custom',
      region,
      shieldRegion: o.originShield?.enabled
        ? (o.originShield.originShieldRegion ?? (region ? suggestedShieldRegion(region) : undefined))
        : undefined,
    };
  });

  return { viewers, pops, recs, origins, regionalEdgeCaches };
}
