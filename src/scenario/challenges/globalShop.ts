// "Design the CDN for a global e-commerce site." The shop from the global-ecommerce preset after a
// cached-cart incident made the team switch every behavior to CachingDisabled. The answer is a
// behavior per kind of content; checkout must stay uncached (a guard).
import { MANAGED } from '../presets/managedIds';
import { fromPreset } from '../lessons/base';
import type { CacheBehavior, Scenario } from '../../engine/scenario';
import type { Challenge } from './types';

/** The preset's own catalog policy (30 s, keyed on query strings and the currency cookie). */
const CATALOG_POLICY = 'edgelab-catalog-30s';

/** The cache policy each path pattern should use in the model solution ('' = the default behavior). */
const DESIGN: Record<string, string> = {
  '': MANAGED.cache.UseOriginCacheControlHeadersQueryStrings,
  '/images/*': MANAGED.cache.CachingOptimized,
  '/api/*': CATALOG_POLICY,
  '/checkout*': MANAGED.cache.CachingDisabled,
};

function withPolicies(s: Scenario, pick: (b: CacheBehavior) => string): Scenario {
  const d = s.distribution;
  return {
    ...s,
    distribution: {
      ...d,
      defaultCacheBehavior: { ...d.defaultCacheBehavior, cachePolicyId: pick(d.defaultCacheBehavior) },
      cacheBehaviors: (d.cacheBehaviors ?? []).map((b) => ({ ...b, cachePolicyId: pick(b) })),
    },
  };
}

export const globalShop: Challenge = {
  id: 'global-ecommerce',
  title: 'Design the CDN for a global e-commerce site',
  summary: 'Shoppers on every continent, 1,500 requests/s: make it fast, keep checkout uncached.',
  statement: [
    'A shop sells worldwide: 1,500 requests per second from eleven regions. Behind CloudFront are three origins ' +
      'in us-east-1: the storefront (product pages, each with its own Cache-Control), an S3 bucket of 50,000 ' +
      "product images, and an API for the catalog (prices in the shopper's currency cookie) and checkout.",
    'After an incident where a cached cart page was shown to another shopper, the team switched every ' +
      'behavior to CachingDisabled. Now every request crosses to Virginia: shoppers wait about 126 ms on ' +
      'average, and 1,477 requests per second reach the origins.',
    'Design the caching: what can be cached, for how long, keyed on what, and what must never be.',
  ],
  constraints: [
    'Mean viewer latency under 80 ms over 5 simulated minutes.',
    'Hit ratio above 60% (checkout, the cart and POSTs can never be cached, so 100% is impossible).',
    'Product images served from the edge in Sydney, São Paulo and Mumbai; the catalog API from Frankfurt.',
    'Checkout is never served from a cache.',
  ],
  goals: [
    { id: 'latency', label: 'Mean latency under 80 ms', expression: 'latencyMs < 80 after 300s' },
    { id: 'hit', label: 'Hit ratio above 60%', expression: 'hitRatio > 0.6 after 300s' },
    {
      id: 'sydney',
      label: 'Images from the Sydney edge',
      expression: 'GET /images/1.jpg from SYD -> x-cache: Hit after 300s',
    },
    {
      id: 'sao-paulo',
      label: 'Images from the São Paulo edge',
      expression: 'GET /images/1.jpg from GRU -> x-cache: Hit after 300s',
    },
    {
      id: 'mumbai',
      label: 'Images from the Mumbai edge',
      expression: 'GET /images/1.jpg from BOM -> x-cache: Hit after 300s',
    },
    {
      id: 'catalog',
      label: 'Catalog API from the Frankfurt edge',
      expression: 'GET /api/catalog/3 from FRA -> x-cache: Hit after 300s',
    },
    {
      id: 'checkout',
      label: 'Checkout never cached',
      expression: 'GET /checkout from IAD -> x-cache: Miss after 300s',
      guard: true,
    },
  ],
  hints: [
    'List the kinds of content and how each may be cached: images never change, catalog prices change ' +
      'every few seconds and depend on the currency, pages say so in their Cache-Control, checkout is personal.',
    'The behaviors are already split by path (/images/*, /api/*, /checkout*, default). Only their cache ' +
      'policies are wrong. A custom policy for the catalog already exists in the scenario (Catalog30s).',
    'Images: Managed-CachingOptimized. /api/*: Catalog30s. Default: Managed-UseOriginCacheControlHeaders-QueryStrings. ' +
      'Checkout: leave CachingDisabled. Origin Shield on the API origin helps the 30 s catalog.',
  ],
  timeLimitMinutes: 35,
  runMs: 300_000,
  scenario: () => {
    const s = fromPreset(
      'global-ecommerce',
      'Challenge: global e-commerce',
      'Every behavior on CachingDisabled after a cached-cart incident.',
    );
    const uncached = withPolicies(s, () => MANAGED.cache.CachingDisabled);
    return {
      ...uncached,
      // The Black Friday spike is a different story; keep the five minutes steady.
      events: [],
      distribution: {
        ...uncached.distribution,
        origins: uncached.distribution.origins.map(({ originShield: _shield, ...o }) => o),
      },
    };
  },
  solution: {
    steps: [
      "/images/*: Managed-CachingOptimized (a day from the origin's max-age, nothing in the key).",
      '/api/*: the custom Catalog30s policy (30 s, keyed on every query string and the currency cookie).',
      'Default (product pages): Managed-UseOriginCacheControlHeaders-QueryStrings.',
      '/checkout*: keep Managed-CachingDisabled with the AllViewer origin request policy.',
      'Origin "api": Enable Origin Shield in us-east-1. Reset and Run for 5 minutes.',
    ],
    explanation: [
      'Split by how content changes, not by origin: immutable images (long TTL, minimal key), the catalog ' +
        '(seconds, keyed on exactly what changes the answer: query strings and the currency cookie), pages ' +
        '(let the origin decide with Cache-Control), checkout and cart (personal: never cached, everything forwarded).',
      'The incident came from a key that ignored the session: the fix is to never cache personal responses ' +
        '(CachingDisabled + an origin request policy that forwards cookies), not to stop caching everything. ' +
        'Caching is opt-in per behavior, so the checkout rule cannot leak into the others.',
      'Latency: with caching, shoppers in Sydney, São Paulo and Mumbai are served by their nearest edge ' +
        '(tens of ms) instead of crossing to Virginia (150-250 ms). Mean latency falls from ~126 ms to ~60 ms; ' +
        'checkout keeps its origin round trip, which is why the mean does not go lower.',
      'Origin Shield in front of the API: a 30 s TTL means each of nine regional caches would refetch every ' +
        'catalog entry twice a minute; the shield turns that into one fetch per entry per TTL. Further: ' +
        'Lambda@Edge or a regional API copy for checkout latency, and PriceClass_All because shoppers are everywhere.',
    ],
    apply: (s) => {
      const designed = withPolicies(s, (b) => DESIGN[b.pathPattern ?? ''] ?? b.cachePolicyId ?? '');
      return {
        ...designed,
        distribution: {
          ...designed.distribution,
          origins: designed.distribution.origins.map((o) =>
            o.id === 'api' ? { ...o, originShield: { enabled: true, originShieldRegion: 'us-east-1' } } : o,
          ),
        },
      };
    },
  },
};
