// Edge compression (spec §4.5, ServingCompressedFiles): when CloudFront gzips or brotli-encodes
// an origin response, and how large the result is in EdgeLab's model.

/** Content types CloudFront compresses (ServingCompressedFiles, "File types that CloudFront compresses"). */
export const COMPRESSIBLE_TYPES: ReadonlySet<string> = new Set([
  'application/dash+xml',
  'application/eot',
  'application/font',
  'application/font-sfnt',
  'application/javascript',
  'application/json',
  'application/opentype',
  'application/otf',
  'application/pkcs7-mime',
  'application/protobuf',
  'application/rss+xml',
  'application/truetype',
  'application/ttf',
  'application/vnd.apple.mpegurl',
  'application/vnd.mapbox-vector-tile',
  'application/vnd.ms-fontobject',
  'application/xhtml+xml',
  'application/xml',
  'application/x-font-opentype',
  'application/x-font-truetype',
  'application/x-font-ttf',
  'application/x-httpd-cgi',
  'application/x-javascript',
  'application/x-mpegurl',
  'application/x-opentype',
  'application/x-otf',
  'application/x-perl',
  'application/x-ttf',
  'font/eot',
  'font/opentype',
  'font/otf',
  'font/ttf',
  'image/svg+xml',
  'text/css',
  'text/csv',
  'text/html',
  'text/javascript',
  'text/js',
  'text/plain',
  'text/richtext',
  'text/tab-separated-values',
  'text/xml',
  'text/x-component',
  'text/x-java-source',
  'text/x-script',
  'vnd.apple.mpegurl',
]);

/** Size window for compression, bytes (ServingCompressedFiles: 1,000 to 10,000,000). */
export const COMPRESSION_SIZE_LIMITS = { minBytes: 1_000, maxBytes: 10_000_000 } as const;
/** Statuses CloudFront compresses (spec §4.5 rule 6). */
export const COMPRESSIBLE_STATUSES: ReadonlySet<number> = new Set([200, 403, 404]);

/** 'text/html; charset=utf-8' -> 'text/html' (parameters dropped before matching: spec §4.5 INF). */
export function mediaType(contentType: string | undefined): string {
  if (!contentType) return '';
  const semi = contentType.indexOf(';');
  return (semi < 0 ? contentType : contentType.slice(0, semi)).trim().toLowerCase();
}

export interface EncodingChoiceInput {
  /** the behavior's Compress setting */
  compress: boolean;
  /** the viewer's Accept-Encoding; pass the normalized key value (normalizeAcceptEncoding)
   * when the cache policy enables gzip/br, so a format the policy leaves out is not chosen */
  viewerAcceptEncoding?: string;
  httpVersion: string;
  /** the cache policy lists Accept-Encoding as an ordinary header */
  policyListsAcceptEncoding: boolean;
  status: number;
  contentType?: string;
  /** the origin's Content-Encoding, any value */
  contentEncoding?: string;
  contentLength?: number;
  hasBody: boolean;
}

/** The encoding CloudFront applies, or null when it serves the response as the origin sent it.
 * Brotli wins when the viewer accepts both (spec §4.5 rule 1). */
export function chooseEncoding(i: EncodingChoiceInput): 'br' | 'gzip' | null {
  if (!i.compress || i.httpVersion === '1.0' || i.policyListsAcceptEncoding) return null;
  if (!i.hasBody || !COMPRESSIBLE_STATUSES.has(i.status)) return null;
  if (i.contentEncoding !== undefined) return null;
  const len = i.contentLength;
  if (
    len === undefined ||
    !Number.isInteger(len) ||
    len < COMPRESSION_SIZE_LIMITS.minBytes ||
    len > COMPRESSION_SIZE_LIMITS.maxBytes
  ) {
    return null;
  }
  if (!COMPRESSIBLE_TYPES.has(mediaType(i.contentType))) return null;
  if (!i.viewerAcceptEncoding) return null;
  let gzip = false;
  for (const part of i.viewerAcceptEncoding.split(',')) {
    const semi = part.indexOf(';');
    const t = (semi < 0 ? part : part.slice(0, semi)).trim().toLowerCase();
    if (t === 'br') return 'br';
    if (t === 'gzip') gzip = true;
  }
  return gzip ? 'gzip' : null;
}

/**
 * Compressed size as a share of the original: a MODEL, not a measurement. Typical ratios for
 * text assets at CDN compression levels (e.g. web.dev "Minify and compress network payloads":
 * gzip removes ~70%, Brotli a few percent more); fonts and binary formats compress less.
 */
export const COMPRESSION_RATIOS = {
  text: { br: 0.25, gzip: 0.3 },
  font: { br: 0.6, gzip: 0.65 },
  other: { br: 0.7, gzip: 0.75 },
} as const;

function ratioClass(contentType: string | undefined): keyof typeof COMPRESSION_RATIOS {
  const t = mediaType(contentType);
  if (
    t.startsWith('font/') ||
    t.includes('font') ||
    t.endsWith('ttf') ||
    t.endsWith('otf') ||
    t.endsWith('eot')
  ) {
    return 'font';
  }
  if (
    t.startsWith('text/') ||
    t.includes('json') ||
    t.includes('xml') ||
    t.includes('javascript') ||
    t.includes('mpegurl')
  ) {
    return 'text';
  }
  return 'other';
}

/** Modelled size in bytes of `bytes` after compression (at least 1 byte for a non-empty body). */
export function compressedSize(bytes: number, encoding: 'br' | 'gzip', contentType?: string): number {
  if (bytes <= 0) return 0;
  return Math.max(1, Math.ceil(bytes * COMPRESSION_RATIOS[ratioClass(contentType)][encoding]));
}

/** The ETag CloudFront sends with a compressed body: a strong ETag becomes weak ('W/' prefix),
 * a weak one is kept, and one that does not begin with '"' or 'W/' is removed (spec §2.2). */
export function weakenEtag(etag: string | undefined): string | undefined {
  if (etag === undefined) return undefined;
  const e = etag.trim();
  if (e.startsWith('W/')) return e;
  if (e.startsWith('"')) return 'W/' + e;
  return undefined;
}
