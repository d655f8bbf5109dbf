// Network latency from geography: round-trip time grows with great-circle distance, stretched
// by how far real paths wander from the straight line, plus the viewer's last mile.
//
// API:
//   greatCircleKm(a: LatLon, b: LatLon): number          haversine on a 6,371 km sphere
//   rttMs(km, { stretch?, accessMs? }): number           2 * stretch * km / 200 + accessMs
//                                                          (defaults: viewer stretch 2.1, no access)
//   latencyMs(from: LatLon, to: LatLon, kind: PathKind): number
//       one round trip between two places; kind picks stretch and last mile:
//       'viewer-fixed' (2.1x + 10 ms), 'viewer-mobile' (2.1x + 35 ms), 'backbone' (1.4x, 0 ms)
//   LATENCY_MODEL: every constant, with its source.
//
// All results are RTTs in ms and are deterministic; a caller that wants jitter draws it from
// the seeded rng (e.g. within LATENCY_MODEL.fixedAccessRangeMs).

export interface LatLon {
  lat: number;
  lon: number;
}

export type PathKind = 'viewer-fixed' | 'viewer-mobile' | 'backbone';

/** Source: Bozkurt et al., "Dissecting Latency in the Internet's Fiber Infrastructure"
 * (arXiv:1811.10737), as summarised in /work/shared/data/README.md. */
export const LATENCY_MODEL = {
  /** light in fibre covers ~200 km per ms one way (refractive index ~1.5) */
  fibreKmPerMs: 200,
  /** real internet paths from viewers are ~2.1x the great-circle distance */
  viewerStretch: 2.1,
  /** well-built backbone routes between AWS sites are 1.3-1.5x; midpoint */
  backboneStretch: 1.4,
  /** fixed-line last mile (DSL, cable, fibre): 5-15 ms; we use the midpoint */
  fixedAccessMs: 10,
  fixedAccessRangeMs: [5, 15] as const,
  /** mobile last mile (4G/5G): 20-50 ms; we use the midpoint */
  mobileAccessMs: 35,
  mobileAccessRangeMs: [20, 50] as const,
  /** mean Earth radius (IUGG) for the haversine formula */
  earthRadiusKm: 6371,
} as const;

const DEG = Math.PI / 180;

/** Great-circle distance in km (haversine). */
export function greatCircleKm(a: LatLon, b: LatLon): number {
  return haversineKm(a.lat, a.lon, b.lat, b.lon);
}

/** Same as greatCircleKm, on raw numbers (no object needed in hot loops). */
export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = (lat2 - lat1) * DEG;
  const dLon = (lon2 - lon1) * DEG;
  const s1 = Math.sin(dLat / 2);
  const s2 = Math.sin(dLon / 2);
  const h = s1 * s1 + Math.cos(lat1 * DEG) * Math.cos(lat2 * DEG) * s2 * s2;
  return 2 * LATENCY_MODEL.earthRadiusKm * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Round-trip time for a path of `km` great-circle kilometres. */
export function rttMs(km: number, opts?: { stretch?: number; accessMs?: number }): number {
  const stretch = opts?.stretch ?? LATENCY_MODEL.viewerStretch;
  const access = opts?.accessMs ?? 0;
  return (2 * stretch * km) / LATENCY_MODEL.fibreKmPerMs + access;
}

/** One round trip between two places for the given kind of path. */
export function latencyMs(from: LatLon, to: LatLon, kind: PathKind): number {
  const km = greatCircleKm(from, to);
  switch (kind) {
    case 'viewer-fixed':
      return rttMs(km, { stretch: LATENCY_MODEL.viewerStretch, accessMs: LATENCY_MODEL.fixedAccessMs });
    case 'viewer-mobile':
      return rttMs(km, { stretch: LATENCY_MODEL.viewerStretch, accessMs: LATENCY_MODEL.mobileAccessMs });
    case 'backbone':
      return rttMs(km, { stretch: LATENCY_MODEL.backboneStretch, accessMs: 0 });
  }
}
