// Renames a scenario field path into the CloudFront API's names, so that checks written once against
// the Scenario (schema.ts, validate.ts) report an import problem in the words of the JSON the user
// pasted: distribution.origins[0].connectionAttempts -> DistributionConfig.Origins.Items[0].ConnectionAttempts.
import type { Scenario } from '../../engine/scenario';
import { formatPath, type PathSegment } from '../issues';

/** Scenario names whose API name is not simply PascalCase. */
const SPECIAL: Record<string, string> = {
  minTtl: 'MinTTL',
  defaultTtl: 'DefaultTTL',
  maxTtl: 'MaxTTL',
  errorCachingMinTtl: 'ErrorCachingMinTTL',
  functionArn: 'FunctionARN',
  lambdaFunctionArn: 'LambdaFunctionARN',
  httpPort: 'HTTPPort',
  httpsPort: 'HTTPSPort',
  isIpv6Enabled: 'IsIPV6Enabled',
  geoRestriction: 'Restrictions.GeoRestriction',
  cachedMethods: 'AllowedMethods.CachedMethods',
  xssProtection: 'XSSProtection',
  customHeaders: 'CustomHeaders',
  // cache / origin request policy configs
  headerBehavior: 'HeadersConfig.HeaderBehavior',
  headers: 'HeadersConfig.Headers',
  cookieBehavior: 'CookiesConfig.CookieBehavior',
  cookies: 'CookiesConfig.Cookies',
  queryStringBehavior: 'QueryStringsConfig.QueryStringBehavior',
  queryStrings: 'QueryStringsConfig.QueryStrings',
};

/** Response headers policy fields whose API name ends in Config. */
const POLICY_SPECIAL: Record<string, string> = {
  customHeaders: 'CustomHeadersConfig',
  removeHeaders: 'RemoveHeadersConfig',
  serverTimingHeaders: 'ServerTimingHeadersConfig',
};

/** Fields that are { Quantity, Items } lists in the API: an index after them reads ".Items[i]". */
const LISTS = new Set([
  'aliases',
  'origins',
  'originGroups',
  'cacheBehaviors',
  'customErrorResponses',
  'customHeaders',
  'originSslProtocols',
  'statusCodes',
  'members',
  'allowedMethods',
  'cachedMethods',
  'trustedKeyGroups',
  'functionAssociations',
  'lambdaFunctionAssociations',
  'queryStringCacheKeys',
  'whitelistedNames',
  'headers',
  'cookies',
  'queryStrings',
  'accessControlAllowOrigins',
  'accessControlAllowHeaders',
  'accessControlAllowMethods',
  'accessControlExposeHeaders',
  'removeHeaders',
]);

const pascal = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function rename(segments: readonly PathSegment[], inPolicy: boolean): string {
  let out = '';
  let prev = '';
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i];
    if (typeof seg === 'number') {
      out += LISTS.has(prev) ? `.Items[${seg}]` : `[${seg}]`;
      if (prev === 'members') out += '.OriginId';
      continue;
    }
    let name = SPECIAL[seg] ?? pascal(seg);
    if (!inPolicy && (seg === 'headers' || seg === 'cookies')) name = pascal(seg); // ForwardedValues.Headers / Cookies
    if (inPolicy && POLICY_SPECIAL[seg]) name = POLICY_SPECIAL[seg];
    if (seg === 'functionName') {
      // ['lambdaFunctionAssociations', 0, 'functionName']: the list name is two steps back
      name = segments[i - 2] === 'lambdaFunctionAssociations' ? 'LambdaFunctionARN' : 'FunctionARN';
    }
    out += out ? `.${name}` : name;
    prev = seg;
  }
  return out;
}

/** The API path of a scenario field, for messages about an imported CloudFront config. */
export function cloudFrontPath(path: readonly PathSegment[], scenario?: Scenario): string {
  const [head, ...rest] = path;
  if (head === 'distribution') {
    if (rest.length === 1 && rest[0] === 'id') return 'Id';
    if (rest.length === 1 && rest[0] === 'domainName') return 'DomainName';
    return rest.length ? `DistributionConfig.${rename(rest, false)}` : 'DistributionConfig';
  }
  const policyRoot: Record<string, string> = {
    cachePolicies: 'CachePolicies',
    originRequestPolicies: 'OriginRequestPolicies',
    responseHeadersPolicies: 'ResponseHeadersPolicies',
  };
  if (typeof head === 'string' && policyRoot[head] && rest.length) {
    const [id, ...field] = rest;
    let inner = rename(field, true);
    if (
      head === 'cachePolicies' &&
      /^(HeadersConfig|CookiesConfig|QueryStringsConfig|EnableAcceptEncoding)/.test(inner)
    ) {
      inner = `ParametersInCacheKeyAndForwardedToOrigin.${inner}`;
    }
    return `${policyRoot[head]}[${JSON.stringify(String(id))}]${inner ? `.${inner}` : ''}`;
  }
  if (head === 'functions' && typeof rest[0] === 'number') {
    const f = scenario?.functions?.[rest[0]];
    if (f) {
      const root = f.kind === 'lambda-edge' ? 'LambdaFunctions' : 'Functions';
      return `${root}[${JSON.stringify(f.name)}]${rest.length > 1 ? `.${rest.slice(1).join('.')}` : ''}`;
    }
  }
  if (head === 'publicKeys' || head === 'keyGroups')
    return `${pascal(head)}${formatPath(rest).replace(/^([^[])/, '.$1')}`;
  return formatPath(path);
}
