// Test helper (not shipped code paths): a resolved cache policy with P(0/86400/31536000) and
// nothing in the key, overridable per test.
import type { CachePolicyConfig } from '../scenario';
import type { ResolvedCachePolicy } from './policy';

export function testPolicy(over: Partial<CachePolicyConfig> = {}): ResolvedCachePolicy {
  const cfg: CachePolicyConfig = {
    name: 'P',
    minTtl: 0,
    defaultTtl: 86_400,
    maxTtl: 31_536_000,
    headerBehavior: 'none',
    headers: [],
    cookieBehavior: 'none',
    cookies: [],
    queryStringBehavior: 'none',
    queryStrings: [],
    enableAcceptEncodingGzip: false,
    enableAcceptEncodingBrotli: false,
    ...over,
  };
  const headers = cfg.headers.map((h) => h.toLowerCase());
  return {
    ...cfg,
    headers,
    legacy: false,
    headerNames: new Set(cfg.headerBehavior === 'whitelist' ? headers : []),
    cookieNames: new Set(cfg.cookies),
    queryNames: new Set(cfg.queryStrings),
    cachingDisabled: cfg.maxTtl === 0,
  };
}
