// The over-broad cache policy lessons and challenges start from: CachingOptimized's TTLs
// (1 s / 1 day / 1 year) and compression, with every query string in the key.
import { keyOnNothing } from '../engine/policies/managed';
import type { CachePolicyConfig } from '../engine/scenario';

/** `over` changes other settings too (e.g. cookies in the key). */
export function allQueryStringsPolicy(
  name: string,
  comment: string,
  over: Partial<CachePolicyConfig> = {},
): CachePolicyConfig {
  return {
    name,
    comment,
    minTtl: 1,
    defaultTtl: 86_400,
    maxTtl: 31_536_000,
    ...keyOnNothing(),
    queryStringBehavior: 'all',
    enableAcceptEncodingGzip: true,
    enableAcceptEncodingBrotli: true,
    ...over,
  };
}
