// A simulated origin's generated catalog (SimulatedOrigin.catalog): `count` objects whose
// path, size, content type and version are all computed from the object index, so a catalog of
// millions costs no memory until objects are asked for.
//
// API:
//   buildCatalogs(scenario): Map<originId, VirtualCatalog>   one per origin with a catalog;
//       build once and share between the traffic generator and the simulated origin, so both
//       see the same interned path strings.
//   new VirtualCatalog(originId, spec, { seed, deploys? })
//   catalog.path(i): string        `${pathPrefix}${i}${extension}`, created once then reused
//   catalog.indexOf(path): number  the object index of a catalog path, or -1
//   catalog.sizeBytes(i): number   heavy-tailed (lognormal body + Pareto tail, SIZE_MODEL),
//                                  mean ~ meanSizeBytes over the catalog, fixed per object
//   catalog.contentType            spec.contentType, else from the extension
//   catalog.version(i, atMs): number   deploys of this origin at or before atMs that touched i
//   catalog.etag(i, atMs): string      quoted 32-hex ETag, changes with the version
//
// Deploy events (ScheduledEvent kind 'deploy'): `target` = origin id(s), absent = every
// origin; `paths` = CloudFront-style patterns ('*' any run of characters, '?' one character)
// limiting which objects change, absent = the whole catalog.
import { ScenarioError } from '../errors';
import type { Scenario, ScheduledEvent, SimulatedOrigin } from '../scenario';
import { hashInts, hashString, unitFromHash } from '../util/rng';

export type CatalogSpec = NonNullable<SimulatedOrigin['catalog']>;

/** Object sizes: a lognormal body with a Pareto tail. CDN object sizes are heavy-tailed, with
 * means of 25-70 KB per request in public traces (data/README.md; Berger et al., "AdaptSize",
 * NSDI 2017, for the lognormal-body/Pareto-tail shape). The exact shape is a modelling choice. */
export const SIZE_MODEL = {
  /** sigma of the lognormal body, in natural-log units */
  bodySigma: 1.0,
  /** share of objects drawn from the Pareto tail */
  tailShare: 0.05,
  /** Pareto shape; > 2 keeps the variance finite so a catalog's mean settles */
  tailAlpha: 2.5,
  /** the tail starts at this multiple of the body's median */
  tailStartMedians: 5,
  /** CloudFront's largest cacheable object, 30 GB (spec §12.4) */
  maxBytes: 30 * 2 ** 30,
} as const;

/** Body median so that the mixture's mean is meanSizeBytes. */
const MEAN_PER_MEDIAN =
  (1 - SIZE_MODEL.tailShare) * Math.exp((SIZE_MODEL.bodySigma * SIZE_MODEL.bodySigma) / 2) +
  (SIZE_MODEL.tailShare * SIZE_MODEL.tailStartMedians * SIZE_MODEL.tailAlpha) / (SIZE_MODEL.tailAlpha - 1);

/** Content types by extension (IANA media types; text/javascript per RFC 9239). */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html',
  '.htm': 'text/html',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.json': 'application/json',
  '.txt': 'text/plain',
  '.xml': 'application/xml',
  '.svg': 'image/svg+xml',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/vnd.microsoft.icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.mp4': 'video/mp4',
  '.m4s': 'video/iso.segment',
  '.ts': 'video/mp2t',
  '.m3u8': 'application/vnd.apple.mpegurl',
  '.mpd': 'application/dash+xml',
  '.mp3': 'audio/mpeg',
  '.pdf': 'application/pdf',
  '.zip': 'application/zip',
  '.wasm': 'application/wasm',
};

const CHUNK_BITS = 12;
const CHUNK = 1 << CHUNK_BITS;

interface Deploy {
  atMs: number;
  /** undefined = the whole catalog */
  match?: RegExp;
}

export class VirtualCatalog {
  readonly originId: string;
  readonly count: number;
  readonly pathPrefix: string;
  readonly extension: string;
  readonly contentType: string;
  readonly cacheControl?: string;
  readonly meanSizeBytes: number;
  private readonly seed: number;
  private readonly bodyMedian: number;
  private readonly deploys: Deploy[];
  /** interned paths in chunks of 4,096, allocated when first touched */
  private readonly chunks: (string[] | undefined)[];

  constructor(
    originId: string,
    spec: CatalogSpec,
    opts: { seed: number; deploys?: readonly ScheduledEvent[] },
  ) {
    if (!Number.isInteger(spec.count) || spec.count < 1) {
      throw new ScenarioError(
        `The catalog of origin "${originId}" needs a whole number of objects >= 1 (count is ${spec.count}).`,
        `originSimulation.${originId}.catalog.count`,
      );
    }
    if (!(spec.meanSizeBytes > 0)) {
      throw new ScenarioError(
        `The catalog of origin "${originId}" needs a positive mean object size (meanSizeBytes is ${spec.meanSizeBytes}).`,
        `originSimulation.${originId}.catalog.meanSizeBytes`,
      );
    }
    this.originId = originId;
    this.count = spec.count;
    this.pathPrefix = spec.pathPrefix;
    this.extension = spec.extension ?? '';
    this.contentType =
      spec.contentType ?? CONTENT_TYPES[this.extension.toLowerCase()] ?? 'application/octet-stream';
    this.cacheControl = spec.cacheControl;
    this.meanSizeBytes = spec.meanSizeBytes;
    this.seed = hashInts(opts.seed, hashString(originId));
    this.bodyMedian = spec.meanSizeBytes / MEAN_PER_MEDIAN;
    this.deploys = (opts.deploys ?? [])
      .filter((e) => e.kind === 'deploy' && targets(e, originId))
      .map((e) => ({
        atMs: e.atMs,
        match: e.paths && e.paths.length > 0 ? globToRegExp(e.paths) : undefined,
      }))
      .sort((a, b) => a.atMs - b.atMs);
    this.chunks = new Array<string[] | undefined>(Math.ceil(this.count / CHUNK));
  }

  path(i: number): string {
    const c = i >>> CHUNK_BITS;
    let chunk = this.chunks[c];
    if (chunk === undefined) {
      chunk = new Array<string>(CHUNK);
      this.chunks[c] = chunk;
    }
    const j = i & (CHUNK - 1);
    let p = chunk[j];
    if (p === undefined) {
      p = `${this.pathPrefix}${i}${this.extension}`;
      chunk[j] = p;
    }
    return p;
  }

  indexOf(path: string): number {
    const pre = this.pathPrefix.length;
    const end = path.length - this.extension.length;
    if (end <= pre || !path.startsWith(this.pathPrefix) || !path.endsWith(this.extension)) return -1;
    // Only the canonical decimal form is a catalog path ('/img/7.jpg', not '/img/07.jpg').
    if (path.charCodeAt(pre) === 48 /* '0' */ && end - pre > 1) return -1;
    let i = 0;
    for (let k = pre; k < end; k++) {
      const d = path.charCodeAt(k) - 48;
      if (d < 0 || d > 9) return -1;
      i = i * 10 + d;
      if (i >= this.count) return -1;
    }
    return i;
  }

  sizeBytes(i: number): number {
    const u = unitFromHash(hashInts(this.seed, i));
    const m = SIZE_MODEL;
    let x: number;
    if (u < m.tailShare) {
      // Pareto by inversion on the tail's own uniform
      const v = u / m.tailShare;
      x = (m.tailStartMedians * this.bodyMedian) / Math.pow(1 - v, 1 / m.tailAlpha);
    } else {
      // lognormal by Box-Muller, with a second independent hash for the angle
      const v = (u - m.tailShare) / (1 - m.tailShare);
      const w = unitFromHash(hashInts(this.seed ^ 0x5bd1e995, i));
      const z = Math.sqrt(-2 * Math.log(1 - v)) * Math.cos(2 * Math.PI * w);
      x = this.bodyMedian * Math.exp(m.bodySigma * z);
    }
    return Math.min(m.maxBytes, Math.max(1, Math.round(x)));
  }

  /** A deploy scheduled while running (SimEngine.schedule); other kinds and origins are ignored. */
  addDeploy(e: ScheduledEvent): void {
    if (e.kind !== 'deploy' || !targets(e, this.originId)) return;
    this.deploys.push({
      atMs: e.atMs,
      match: e.paths && e.paths.length > 0 ? globToRegExp(e.paths) : undefined,
    });
    this.deploys.sort((a, b) => a.atMs - b.atMs);
  }

  version(i: number, atMs: number): number {
    let v = 0;
    for (const d of this.deploys) {
      if (d.atMs > atMs) break;
      if (d.match === undefined || d.match.test(this.path(i))) v++;
    }
    return v;
  }

  etag(i: number, atMs: number): string {
    const h = hashInts(this.seed, i);
    const v = this.version(i, atMs);
    return `"${hex8(h)}${hex8(hashInts(h, v))}${hex8(hashInts(v, h))}${hex8(hashInts(h ^ v, i))}"`;
  }
}

function hex8(x: number): string {
  return (x >>> 0).toString(16).padStart(8, '0');
}

function targets(e: ScheduledEvent, originId: string): boolean {
  if (e.target === undefined) return true;
  return typeof e.target === 'string' ? e.target === originId : e.target.includes(originId);
}

/** CloudFront path-pattern syntax: '*' matches any run of characters (including '/'), '?' one. */
function globToRegExp(patterns: readonly string[]): RegExp {
  const parts = patterns.map((p) => {
    const rooted = p.startsWith('/') || p.startsWith('*') ? p : `/${p}`;
    return rooted
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.');
  });
  return new RegExp(`^(?:${parts.join('|')})$`);
}

/** One VirtualCatalog per origin with a catalog, seeded from the scenario. */
export function buildCatalogs(scenario: Scenario): Map<string, VirtualCatalog> {
  const catalogs = new Map<string, VirtualCatalog>();
  for (const [originId, sim] of Object.entries(scenario.originSimulation ?? {})) {
    if (sim.catalog) {
      catalogs.set(
        originId,
        new VirtualCatalog(originId, sim.catalog, { seed: scenario.seed, deploys: scenario.events }),
      );
    }
  }
  return catalogs;
}
