// Custom policy configs: the API's CachePolicyConfig / OriginRequestPolicyConfig /
// ResponseHeadersPolicyConfig (PascalCase, nested { Quantity, Items }) <-> the flattened configs of
// src/engine/scenario.ts. Also accepts the get-*-policy wrappers ({ ETag, CachePolicy: { Id, CachePolicyConfig } }).
import type {
  CachePolicyConfig,
  HeaderBehavior,
  ListBehavior,
  OriginRequestPolicyConfig,
  ResponseHeadersPolicyConfig,
} from '../../engine/scenario';
import { LEGACY_TTL_DEFAULTS } from '../limits';
import {
  Extras,
  fail,
  isJsonObject,
  obj,
  optBool,
  optNum,
  optObj,
  optStr,
  num,
  str,
  stringList,
  toList,
  type Json,
} from './read';

/** Unwraps { CachePolicy: { CachePolicyConfig } }, { CachePolicyConfig } or a bare config. */
export function unwrapPolicy(
  raw: unknown,
  kind: 'CachePolicy' | 'OriginRequestPolicy' | 'ResponseHeadersPolicy',
  path: string,
): { config: Json; path: string } {
  let o = obj(raw, path);
  let p = path;
  if (isJsonObject(o[kind])) [o, p] = [o[kind] as Json, `${p}.${kind}`];
  if (isJsonObject(o[`${kind}Config`])) [o, p] = [o[`${kind}Config`] as Json, `${p}.${kind}Config`];
  return { config: o, path: p };
}

// Policies are not part of the DistributionConfig round trip, so their unknown fields are not kept.
const scratch = () => new Extras();

function listConfig(
  o: Json | undefined,
  behaviorKey: string,
  listKey: string,
  path: string,
): [string, string[]] {
  if (!o) return ['none', []];
  return [str(o, behaviorKey, path), stringList(o, listKey, path, scratch(), '') ?? []];
}

/** The header / cookie / query-string lists shared by cache policies and origin request policies. */
interface KeyLists {
  headerBehavior: string;
  headers: string[];
  cookieBehavior: ListBehavior;
  cookies: string[];
  queryStringBehavior: ListBehavior;
  queryStrings: string[];
}

function keyListsFromApi(container: Json, path: string): KeyLists {
  const [headerBehavior, headers] = listConfig(
    optObj(container, 'HeadersConfig', path),
    'HeaderBehavior',
    'Headers',
    `${path}.HeadersConfig`,
  );
  const [cookieBehavior, cookies] = listConfig(
    optObj(container, 'CookiesConfig', path),
    'CookieBehavior',
    'Cookies',
    `${path}.CookiesConfig`,
  );
  const [queryStringBehavior, queryStrings] = listConfig(
    optObj(container, 'QueryStringsConfig', path),
    'QueryStringBehavior',
    'QueryStrings',
    `${path}.QueryStringsConfig`,
  );
  return {
    headerBehavior,
    headers,
    cookieBehavior: cookieBehavior as ListBehavior,
    cookies,
    queryStringBehavior: queryStringBehavior as ListBehavior,
    queryStrings,
  };
}

function listConfigToApi(behaviorKey: string, behavior: string, listKey: string, items: string[]): Json {
  return items.length ? { [behaviorKey]: behavior, [listKey]: toList(items) } : { [behaviorKey]: behavior };
}

function keyListsToApi(c: KeyLists): Json {
  return {
    HeadersConfig: listConfigToApi('HeaderBehavior', c.headerBehavior, 'Headers', c.headers),
    CookiesConfig: listConfigToApi('CookieBehavior', c.cookieBehavior, 'Cookies', c.cookies),
    QueryStringsConfig: listConfigToApi(
      'QueryStringBehavior',
      c.queryStringBehavior,
      'QueryStrings',
      c.queryStrings,
    ),
  };
}

export function cachePolicyFromApi(raw: unknown, path: string): CachePolicyConfig {
  const { config: c, path: p } = unwrapPolicy(raw, 'CachePolicy', path);
  const min = optNum(c, 'MinTTL', p) ?? LEGACY_TTL_DEFAULTS.minTtl;
  const def = optNum(c, 'DefaultTTL', p) ?? Math.max(LEGACY_TTL_DEFAULTS.defaultTtl, min);
  const max = optNum(c, 'MaxTTL', p) ?? Math.max(LEGACY_TTL_DEFAULTS.maxTtl, def);
  const pk = 'ParametersInCacheKeyAndForwardedToOrigin';
  const params = obj(c[pk], `${p}.${pk}`);
  const pp = `${p}.${pk}`;
  const lists = keyListsFromApi(params, pp);
  const comment = optStr(c, 'Comment', p);
  return {
    name: str(c, 'Name', p),
    ...(comment !== undefined ? { comment } : {}),
    minTtl: min,
    defaultTtl: def,
    maxTtl: max,
    ...lists,
    headerBehavior: lists.headerBehavior as HeaderBehavior,
    enableAcceptEncodingGzip: optBool(params, 'EnableAcceptEncodingGzip', pp) ?? false,
    enableAcceptEncodingBrotli: optBool(params, 'EnableAcceptEncodingBrotli', pp) ?? false,
  };
}

export function cachePolicyToApi(c: CachePolicyConfig): Json {
  return {
    ...(c.comment !== undefined ? { Comment: c.comment } : {}),
    Name: c.name,
    DefaultTTL: c.defaultTtl,
    MaxTTL: c.maxTtl,
    MinTTL: c.minTtl,
    ParametersInCacheKeyAndForwardedToOrigin: {
      EnableAcceptEncodingGzip: c.enableAcceptEncodingGzip,
      EnableAcceptEncodingBrotli: c.enableAcceptEncodingBrotli,
      ...keyListsToApi(c),
    },
  };
}

export function originRequestPolicyFromApi(raw: unknown, path: string): OriginRequestPolicyConfig {
  const { config: c, path: p } = unwrapPolicy(raw, 'OriginRequestPolicy', path);
  const lists = keyListsFromApi(c, p);
  const comment = optStr(c, 'Comment', p);
  return {
    name: str(c, 'Name', p),
    ...(comment !== undefined ? { comment } : {}),
    ...lists,
    headerBehavior: lists.headerBehavior as OriginRequestPolicyConfig['headerBehavior'],
  };
}

export function originRequestPolicyToApi(c: OriginRequestPolicyConfig): Json {
  return {
    ...(c.comment !== undefined ? { Comment: c.comment } : {}),
    Name: c.name,
    ...keyListsToApi(c),
  };
}

type Rhp = ResponseHeadersPolicyConfig;
type Security = NonNullable<Rhp['securityHeadersConfig']>;

/** Copies the defined entries only, so absent optional fields stay absent after a round trip. */
function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

export function responseHeadersPolicyFromApi(raw: unknown, path: string): Rhp {
  const { config: c, path: p } = unwrapPolicy(raw, 'ResponseHeadersPolicy', path);
  const x = scratch();
  const out: Rhp = { name: str(c, 'Name', p) };
  const comment = optStr(c, 'Comment', p);
  if (comment !== undefined) out.comment = comment;
  const cors = optObj(c, 'CorsConfig', p);
  if (cors) {
    const cp = `${p}.CorsConfig`;
    out.corsConfig = defined({
      accessControlAllowOrigins: stringList(cors, 'AccessControlAllowOrigins', cp, x, '') ?? [],
      accessControlAllowHeaders: stringList(cors, 'AccessControlAllowHeaders', cp, x, '') ?? [],
      accessControlAllowMethods: stringList(cors, 'AccessControlAllowMethods', cp, x, '') ?? [],
      accessControlAllowCredentials: optBool(cors, 'AccessControlAllowCredentials', cp) ?? false,
      accessControlExposeHeaders: stringList(cors, 'AccessControlExposeHeaders', cp, x, ''),
      accessControlMaxAgeSec: optNum(cors, 'AccessControlMaxAgeSec', cp),
      originOverride: optBool(cors, 'OriginOverride', cp) ?? false,
    });
  }
  const sec = optObj(c, 'SecurityHeadersConfig', p);
  if (sec) out.securityHeadersConfig = securityFromApi(sec, `${p}.SecurityHeadersConfig`);
  const timing = optObj(c, 'ServerTimingHeadersConfig', p);
  if (timing) {
    const tp = `${p}.ServerTimingHeadersConfig`;
    out.serverTimingHeaders = {
      enabled: optBool(timing, 'Enabled', tp) ?? false,
      samplingRate: optNum(timing, 'SamplingRate', tp) ?? 0,
    };
  }
  const custom = optObj(c, 'CustomHeadersConfig', p);
  if (custom) {
    const hp = `${p}.CustomHeadersConfig`;
    out.customHeaders = stringlessList(custom, hp).map((h, i) => {
      const ip = `${hp}.Items[${i}]`;
      return {
        header: str(h, 'Header', ip),
        value: str(h, 'Value', ip),
        override: optBool(h, 'Override', ip) ?? false,
      };
    });
  }
  const remove = optObj(c, 'RemoveHeadersConfig', p);
  if (remove) {
    const rp = `${p}.RemoveHeadersConfig`;
    out.removeHeaders = stringlessList(remove, rp).map((h, i) => str(h, 'Header', `${rp}.Items[${i}]`));
  }
  return out;
}

/** Items of a { Quantity, Items } list whose items are objects. */
function stringlessList(wrapper: Json, path: string): Json[] {
  const items = wrapper.Items;
  if (items === undefined) return [];
  if (!Array.isArray(items)) fail(`${path}.Items`, 'must be a list', items);
  return items.map((it, i) => obj(it, `${path}.Items[${i}]`));
}

function securityFromApi(s: Json, p: string): Security {
  const out: Security = {};
  const xss = optObj(s, 'XSSProtection', p);
  if (xss) {
    const xp = `${p}.XSSProtection`;
    out.xssProtection = defined({
      override: optBool(xss, 'Override', xp) ?? false,
      protection: optBool(xss, 'Protection', xp) ?? false,
      modeBlock: optBool(xss, 'ModeBlock', xp),
      reportUri: optStr(xss, 'ReportUri', xp),
    });
  }
  const fo = optObj(s, 'FrameOptions', p);
  if (fo) {
    out.frameOptions = {
      override: optBool(fo, 'Override', `${p}.FrameOptions`) ?? false,
      frameOption: str(fo, 'FrameOption', `${p}.FrameOptions`) as 'DENY' | 'SAMEORIGIN',
    };
  }
  const rp = optObj(s, 'ReferrerPolicy', p);
  if (rp) {
    out.referrerPolicy = {
      override: optBool(rp, 'Override', `${p}.ReferrerPolicy`) ?? false,
      referrerPolicy: str(rp, 'ReferrerPolicy', `${p}.ReferrerPolicy`),
    };
  }
  const csp = optObj(s, 'ContentSecurityPolicy', p);
  if (csp) {
    out.contentSecurityPolicy = {
      override: optBool(csp, 'Override', `${p}.ContentSecurityPolicy`) ?? false,
      contentSecurityPolicy: str(csp, 'ContentSecurityPolicy', `${p}.ContentSecurityPolicy`),
    };
  }
  const cto = optObj(s, 'ContentTypeOptions', p);
  if (cto)
    out.contentTypeOptions = { override: optBool(cto, 'Override', `${p}.ContentTypeOptions`) ?? false };
  const hsts = optObj(s, 'StrictTransportSecurity', p);
  if (hsts) {
    const hp = `${p}.StrictTransportSecurity`;
    out.strictTransportSecurity = defined({
      override: optBool(hsts, 'Override', hp) ?? false,
      accessControlMaxAgeSec: num(hsts, 'AccessControlMaxAgeSec', hp),
      includeSubdomains: optBool(hsts, 'IncludeSubdomains', hp),
      preload: optBool(hsts, 'Preload', hp),
    });
  }
  return out;
}

export function responseHeadersPolicyToApi(c: Rhp): Json {
  const out: Json = {};
  if (c.comment !== undefined) out.Comment = c.comment;
  out.Name = c.name;
  const cors = c.corsConfig;
  if (cors) {
    out.CorsConfig = defined({
      AccessControlAllowOrigins: toList(cors.accessControlAllowOrigins),
      AccessControlAllowHeaders: toList(cors.accessControlAllowHeaders),
      AccessControlAllowMethods: toList(cors.accessControlAllowMethods),
      AccessControlAllowCredentials: cors.accessControlAllowCredentials,
      AccessControlExposeHeaders: cors.accessControlExposeHeaders && toList(cors.accessControlExposeHeaders),
      AccessControlMaxAgeSec: cors.accessControlMaxAgeSec,
      OriginOverride: cors.originOverride,
    });
  }
  const s = c.securityHeadersConfig;
  if (s) {
    out.SecurityHeadersConfig = defined({
      XSSProtection:
        s.xssProtection &&
        defined({
          Override: s.xssProtection.override,
          Protection: s.xssProtection.protection,
          ModeBlock: s.xssProtection.modeBlock,
          ReportUri: s.xssProtection.reportUri,
        }),
      FrameOptions: s.frameOptions && {
        Override: s.frameOptions.override,
        FrameOption: s.frameOptions.frameOption,
      },
      ReferrerPolicy: s.referrerPolicy && {
        Override: s.referrerPolicy.override,
        ReferrerPolicy: s.referrerPolicy.referrerPolicy,
      },
      ContentSecurityPolicy: s.contentSecurityPolicy && {
        Override: s.contentSecurityPolicy.override,
        ContentSecurityPolicy: s.contentSecurityPolicy.contentSecurityPolicy,
      },
      ContentTypeOptions: s.contentTypeOptions && { Override: s.contentTypeOptions.override },
      StrictTransportSecurity:
        s.strictTransportSecurity &&
        defined({
          Override: s.strictTransportSecurity.override,
          IncludeSubdomains: s.strictTransportSecurity.includeSubdomains,
          Preload: s.strictTransportSecurity.preload,
          AccessControlMaxAgeSec: s.strictTransportSecurity.accessControlMaxAgeSec,
        }),
    });
  }
  if (c.serverTimingHeaders) {
    out.ServerTimingHeadersConfig = {
      Enabled: c.serverTimingHeaders.enabled,
      SamplingRate: c.serverTimingHeaders.samplingRate,
    };
  }
  if (c.customHeaders) {
    out.CustomHeadersConfig = toList(
      c.customHeaders.map((h) => ({ Header: h.header, Value: h.value, Override: h.override })),
    );
  }
  if (c.removeHeaders) out.RemoveHeadersConfig = toList(c.removeHeaders.map((h) => ({ Header: h })));
  return out;
}
