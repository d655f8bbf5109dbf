// DistributionConfig (the API's PascalCase JSON) -> Scenario.distribution. Structural problems
// (wrong types, missing required fields, a function ARN without code) throw here with the API path;
// value rules (ranges, references, TTL order) are checked afterwards on the Scenario and renamed
// back to API paths (fieldNames.ts). Unmodeled fields go to Extras with a stable key.
import type {
  CacheBehavior,
  CustomErrorResponse,
  Distribution,
  ForwardedValues,
  FunctionAssociation,
  LambdaFunctionAssociation,
  Origin,
  OriginGroup,
} from '../../engine/scenario';
import { functionNameFromArn } from './arn';
import {
  Extras,
  fail,
  list,
  num,
  obj,
  optBool,
  optNum,
  optObj,
  optStr,
  str,
  stringList,
  type Json,
} from './read';

/** DistributionConfig fields EdgeLab simulates; every other top-level field is kept in `unmodeled`. */
export const MODELED_DISTRIBUTION_FIELDS = [
  'Aliases',
  'DefaultRootObject',
  'Origins',
  'OriginGroups',
  'DefaultCacheBehavior',
  'CacheBehaviors',
  'CustomErrorResponses',
  'Comment',
  'PriceClass',
  'Enabled',
  'Restrictions',
  'HttpVersion',
  // modelled but not simulated: edited in the side panel and written back, no effect on traffic
  'IsIPV6Enabled',
] as const;

const ORIGIN_FIELDS = [
  'Id',
  'DomainName',
  'OriginPath',
  'CustomHeaders',
  'S3OriginConfig',
  'CustomOriginConfig',
  'ConnectionAttempts',
  'ConnectionTimeout',
  'OriginShield',
  'OriginAccessControlId',
];
const CUSTOM_ORIGIN_FIELDS = [
  'HTTPPort',
  'HTTPSPort',
  'OriginProtocolPolicy',
  'OriginReadTimeout',
  'OriginKeepaliveTimeout',
  'OriginSslProtocols',
];
const BEHAVIOR_FIELDS = [
  'PathPattern',
  'TargetOriginId',
  'TrustedKeyGroups',
  'ViewerProtocolPolicy',
  'AllowedMethods',
  'Compress',
  'LambdaFunctionAssociations',
  'FunctionAssociations',
  'CachePolicyId',
  'OriginRequestPolicyId',
  'ResponseHeadersPolicyId',
  'MinTTL',
  'DefaultTTL',
  'MaxTTL',
  'ForwardedValues',
];

/** What function code the import was given, by the ARN's function name. */
export interface FunctionCatalog {
  cloudfront: ReadonlySet<string>;
  lambda: ReadonlySet<string>;
}

const DC = 'DistributionConfig';

export function importDistribution(
  dc: Json,
  ids: { id: string; domainName: string },
  functions: FunctionCatalog,
  extras: Extras,
): Distribution {
  extras.keep(dc, MODELED_DISTRIBUTION_FIELDS, '');
  const origins = list(dc, 'Origins', DC, extras, '');
  if (!origins)
    fail(
      `${DC}.Origins`,
      'is required: add { "Quantity": 1, "Items": [ { "Id": ..., "DomainName": ... } ] }',
    );
  const dcb = obj(dc.DefaultCacheBehavior, `${DC}.DefaultCacheBehavior`);
  const d: Distribution = {
    id: ids.id,
    domainName: ids.domainName,
    origins: origins.map((o, i) =>
      importOrigin(obj(o, `${DC}.Origins.Items[${i}]`), `${DC}.Origins.Items[${i}]`, extras),
    ),
    defaultCacheBehavior: importBehavior(
      dcb,
      `${DC}.DefaultCacheBehavior`,
      'DefaultCacheBehavior',
      functions,
      extras,
    ),
  };

  // Optional fields are only set when present, so the export leaves out what the import did not have.
  const aliases = stringList(dc, 'Aliases', DC, extras, '');
  if (aliases) d.aliases = aliases;
  const comment = optStr(dc, 'Comment', DC);
  if (comment !== undefined) d.comment = comment;
  const enabled = optBool(dc, 'Enabled', DC);
  if (enabled !== undefined) d.enabled = enabled;
  const priceClass = optStr(dc, 'PriceClass', DC);
  if (priceClass !== undefined) d.priceClass = priceClass as Distribution['priceClass'];
  const root = optStr(dc, 'DefaultRootObject', DC);
  if (root !== undefined) d.defaultRootObject = root;
  const httpVersion = optStr(dc, 'HttpVersion', DC);
  if (httpVersion !== undefined) d.httpVersion = httpVersion;
  const ipv6 = optBool(dc, 'IsIPV6Enabled', DC);
  if (ipv6 !== undefined) d.isIpv6Enabled = ipv6;

  const groups = list(dc, 'OriginGroups', DC, extras, '');
  if (groups)
    d.originGroups = groups.map((g, i) =>
      importOriginGroup(obj(g, `${DC}.OriginGroups.Items[${i}]`), `${DC}.OriginGroups.Items[${i}]`, extras),
    );

  const behaviors = list(dc, 'CacheBehaviors', DC, extras, '');
  if (behaviors) {
    d.cacheBehaviors = behaviors.map((b, i) => {
      const p = `${DC}.CacheBehaviors.Items[${i}]`;
      const o = obj(b, p);
      return importBehavior(o, p, `CacheBehaviors[${str(o, 'PathPattern', p)}]`, functions, extras);
    });
  }

  const errors = list(dc, 'CustomErrorResponses', DC, extras, '');
  if (errors)
    d.customErrorResponses = errors.map((e, i) =>
      importErrorResponse(
        obj(e, `${DC}.CustomErrorResponses.Items[${i}]`),
        `${DC}.CustomErrorResponses.Items[${i}]`,
        extras,
      ),
    );

  const restrictions = optObj(dc, 'Restrictions', DC);
  if (restrictions) {
    extras.keep(restrictions, ['GeoRestriction'], 'Restrictions');
    const geo = optObj(restrictions, 'GeoRestriction', `${DC}.Restrictions`);
    if (geo) {
      const gp = `${DC}.Restrictions.GeoRestriction`;
      // GeoRestriction is itself the { Quantity, Items } wrapper, beside RestrictionType.
      const items =
        stringList({ GeoRestriction: geo }, 'GeoRestriction', `${DC}.Restrictions`, extras, 'Restrictions', [
          'RestrictionType',
        ]) ?? [];
      d.geoRestriction = { restrictionType: str(geo, 'RestrictionType', gp) as 'none', items };
    }
  }
  return d;
}

function importOrigin(o: Json, p: string, extras: Extras): Origin {
  const id = str(o, 'Id', p);
  const pre = `Origins[${id}]`;
  extras.keep(o, ORIGIN_FIELDS, pre);
  const origin: Origin = { id, domainName: str(o, 'DomainName', p) };
  const path = optStr(o, 'OriginPath', p);
  if (path !== undefined) origin.originPath = path;
  const headers = list(o, 'CustomHeaders', p, extras, pre);
  if (headers) {
    origin.customHeaders = headers.map((h, i) => {
      const hp = `${p}.CustomHeaders.Items[${i}]`;
      const ho = obj(h, hp);
      const name = str(ho, 'HeaderName', hp);
      extras.keep(ho, ['HeaderName', 'HeaderValue'], `${pre}.CustomHeaders[${name}]`);
      return { headerName: name, headerValue: str(ho, 'HeaderValue', hp) };
    });
  }
  const s3 = optObj(o, 'S3OriginConfig', p);
  if (s3) {
    extras.keep(s3, ['OriginAccessIdentity'], `${pre}.S3OriginConfig`);
    origin.s3OriginConfig = {
      originAccessIdentity: optStr(s3, 'OriginAccessIdentity', `${p}.S3OriginConfig`) ?? '',
    };
  }
  const oac = optStr(o, 'OriginAccessControlId', p);
  if (oac !== undefined) origin.originAccessControlId = oac;
  const custom = optObj(o, 'CustomOriginConfig', p);
  if (custom) {
    const cp = `${p}.CustomOriginConfig`;
    const cpre = `${pre}.CustomOriginConfig`;
    extras.keep(custom, CUSTOM_ORIGIN_FIELDS, cpre);
    const c: NonNullable<Origin['customOriginConfig']> = {};
    const httpPort = optNum(custom, 'HTTPPort', cp);
    if (httpPort !== undefined) c.httpPort = httpPort;
    const httpsPort = optNum(custom, 'HTTPSPort', cp);
    if (httpsPort !== undefined) c.httpsPort = httpsPort;
    const policy = optStr(custom, 'OriginProtocolPolicy', cp);
    if (policy !== undefined) c.originProtocolPolicy = policy as 'https-only';
    const read = optNum(custom, 'OriginReadTimeout', cp);
    if (read !== undefined) c.originReadTimeout = read;
    const keepalive = optNum(custom, 'OriginKeepaliveTimeout', cp);
    if (keepalive !== undefined) c.originKeepaliveTimeout = keepalive;
    const ssl = stringList(custom, 'OriginSslProtocols', cp, extras, cpre);
    if (ssl) c.originSslProtocols = ssl;
    origin.customOriginConfig = c;
  }
  const attempts = optNum(o, 'ConnectionAttempts', p);
  if (attempts !== undefined) origin.connectionAttempts = attempts;
  const timeout = optNum(o, 'ConnectionTimeout', p);
  if (timeout !== undefined) origin.connectionTimeout = timeout;
  const shield = optObj(o, 'OriginShield', p);
  if (shield) {
    const sp = `${p}.OriginShield`;
    extras.keep(shield, ['Enabled', 'OriginShieldRegion'], `${pre}.OriginShield`);
    const enabled = optBool(shield, 'Enabled', sp);
    if (enabled === undefined) fail(`${sp}.Enabled`, 'is required: add true or false');
    const region = optStr(shield, 'OriginShieldRegion', sp);
    origin.originShield = region !== undefined ? { enabled, originShieldRegion: region } : { enabled };
  }
  return origin;
}

function importOriginGroup(g: Json, p: string, extras: Extras): OriginGroup {
  const id = str(g, 'Id', p);
  const pre = `OriginGroups[${id}]`;
  extras.keep(g, ['Id', 'FailoverCriteria', 'Members'], pre);
  const criteria = obj(g.FailoverCriteria, `${p}.FailoverCriteria`);
  extras.keep(criteria, ['StatusCodes'], `${pre}.FailoverCriteria`);
  const codes = list(criteria, 'StatusCodes', `${p}.FailoverCriteria`, extras, `${pre}.FailoverCriteria`);
  if (!codes)
    fail(
      `${p}.FailoverCriteria.StatusCodes`,
      'is required: list the status codes that trigger failover, e.g. 500, 502, 503, 504',
    );
  codes.forEach((c, i) => {
    if (typeof c !== 'number') fail(`${p}.FailoverCriteria.StatusCodes.Items[${i}]`, 'must be a number', c);
  });
  const members = list(g, 'Members', p, extras, pre);
  if (!members) fail(`${p}.Members`, 'is required: list the primary and the secondary origin ids');
  return {
    id,
    failoverCriteria: { statusCodes: codes as number[] },
    members: members.map((m, i) => {
      const mp = `${p}.Members.Items[${i}]`;
      const mo = obj(m, mp);
      const originId = str(mo, 'OriginId', mp);
      extras.keep(mo, ['OriginId'], `${pre}.Members[${originId}]`);
      return originId;
    }),
  };
}

function importBehavior(
  b: Json,
  p: string,
  pre: string,
  functions: FunctionCatalog,
  extras: Extras,
): CacheBehavior {
  extras.keep(b, BEHAVIOR_FIELDS, pre);
  const behavior: CacheBehavior = {
    targetOriginId: '',
    viewerProtocolPolicy: 'allow-all',
    allowedMethods: ['GET', 'HEAD'],
    cachedMethods: ['GET', 'HEAD'],
  };
  const pattern = optStr(b, 'PathPattern', p);
  if (pattern !== undefined) behavior.pathPattern = pattern;
  behavior.targetOriginId = str(b, 'TargetOriginId', p);
  behavior.viewerProtocolPolicy = str(b, 'ViewerProtocolPolicy', p) as CacheBehavior['viewerProtocolPolicy'];

  const allowed = optObj(b, 'AllowedMethods', p);
  if (allowed) {
    const ap = `${p}.AllowedMethods`;
    behavior.allowedMethods =
      stringList({ AllowedMethods: allowed }, 'AllowedMethods', p, extras, pre, ['CachedMethods']) ?? [];
    const cached = stringList(allowed, 'CachedMethods', ap, extras, `${pre}.AllowedMethods`);
    if (cached) behavior.cachedMethods = cached;
  }
  const compress = optBool(b, 'Compress', p);
  if (compress !== undefined) behavior.compress = compress;
  for (const [api, key] of [
    ['CachePolicyId', 'cachePolicyId'],
    ['OriginRequestPolicyId', 'originRequestPolicyId'],
    ['ResponseHeadersPolicyId', 'responseHeadersPolicyId'],
  ] as const) {
    const id = optStr(b, api, p);
    // The API prints "" for "no policy"; keep that spelling for the export, leave the field unset.
    if (id === '') extras.put(pre, api, '');
    else if (id !== undefined) behavior[key] = id;
  }

  const keyGroups = optObj(b, 'TrustedKeyGroups', p);
  if (keyGroups) {
    const kp = `${p}.TrustedKeyGroups`;
    const ids =
      stringList({ TrustedKeyGroups: keyGroups }, 'TrustedKeyGroups', p, extras, pre, ['Enabled']) ?? [];
    const enabled = optBool(keyGroups, 'Enabled', kp);
    if (enabled === true && !ids.length)
      fail(
        `${kp}.Enabled`,
        'is true but no key group is listed: add a key group id to Items or set Enabled to false',
      );
    if (enabled === false && ids.length)
      fail(`${kp}.Enabled`, 'is false but key groups are listed: set Enabled to true or remove the Items');
    behavior.trustedKeyGroups = ids;
  }

  const fas = list(b, 'FunctionAssociations', p, extras, pre);
  if (fas)
    behavior.functionAssociations = fas.map((a, i) =>
      importFunctionAssociation(
        a,
        `${p}.FunctionAssociations.Items[${i}]`,
        `${pre}.FunctionAssociations`,
        functions,
        extras,
      ),
    );
  const las = list(b, 'LambdaFunctionAssociations', p, extras, pre);
  if (las)
    behavior.lambdaFunctionAssociations = las.map((a, i) =>
      importLambdaAssociation(
        a,
        `${p}.LambdaFunctionAssociations.Items[${i}]`,
        `${pre}.LambdaFunctionAssociations`,
        functions,
        extras,
      ),
    );

  const min = optNum(b, 'MinTTL', p);
  if (min !== undefined) behavior.minTtl = min;
  const def = optNum(b, 'DefaultTTL', p);
  if (def !== undefined) behavior.defaultTtl = def;
  const max = optNum(b, 'MaxTTL', p);
  if (max !== undefined) behavior.maxTtl = max;
  const fv = optObj(b, 'ForwardedValues', p);
  if (fv)
    behavior.forwardedValues = importForwardedValues(
      fv,
      `${p}.ForwardedValues`,
      `${pre}.ForwardedValues`,
      extras,
    );
  return behavior;
}

function importFunctionAssociation(
  a: unknown,
  p: string,
  listPre: string,
  functions: FunctionCatalog,
  extras: Extras,
): FunctionAssociation {
  const o = obj(a, p);
  const eventType = str(o, 'EventType', p);
  extras.keep(o, ['FunctionARN', 'EventType'], `${listPre}[${eventType}]`);
  const arn = str(o, 'FunctionARN', p);
  const name = functionNameFromArn(arn, `${p}.FunctionARN`);
  if (!functions.cloudfront.has(name)) {
    fail(
      `${p}.FunctionARN`,
      `names CloudFront Function "${name}", which is not in Functions: add Functions["${name}"] = { code, runtime } to the import`,
    );
  }
  return { eventType: eventType as FunctionAssociation['eventType'], functionName: name, functionArn: arn };
}

function importLambdaAssociation(
  a: unknown,
  p: string,
  listPre: string,
  functions: FunctionCatalog,
  extras: Extras,
): LambdaFunctionAssociation {
  const o = obj(a, p);
  const eventType = str(o, 'EventType', p);
  extras.keep(o, ['LambdaFunctionARN', 'EventType', 'IncludeBody'], `${listPre}[${eventType}]`);
  const arn = str(o, 'LambdaFunctionARN', p);
  const name = functionNameFromArn(arn, `${p}.LambdaFunctionARN`);
  if (!functions.lambda.has(name)) {
    fail(
      `${p}.LambdaFunctionARN`,
      `names Lambda@Edge function "${name}", which is not in LambdaFunctions: add LambdaFunctions["${name}"] = { code } to the import`,
    );
  }
  const out: LambdaFunctionAssociation = {
    eventType: eventType as LambdaFunctionAssociation['eventType'],
    functionName: name,
    lambdaFunctionArn: arn,
  };
  const includeBody = optBool(o, 'IncludeBody', p);
  if (includeBody !== undefined) out.includeBody = includeBody;
  return out;
}

function importForwardedValues(fv: Json, p: string, pre: string, extras: Extras): ForwardedValues {
  extras.keep(fv, ['QueryString', 'Cookies', 'Headers', 'QueryStringCacheKeys'], pre);
  const queryString = optBool(fv, 'QueryString', p);
  if (queryString === undefined) fail(`${p}.QueryString`, 'is required: add true or false');
  const cookies = obj(fv.Cookies, `${p}.Cookies`);
  extras.keep(cookies, ['Forward', 'WhitelistedNames'], `${pre}.Cookies`);
  const out: ForwardedValues = {
    queryString,
    cookies: { forward: str(cookies, 'Forward', `${p}.Cookies`) as 'none' },
  };
  const names = stringList(cookies, 'WhitelistedNames', `${p}.Cookies`, extras, `${pre}.Cookies`);
  if (names) out.cookies.whitelistedNames = names;
  const keys = stringList(fv, 'QueryStringCacheKeys', p, extras, pre);
  if (keys) out.queryStringCacheKeys = keys;
  const headers = stringList(fv, 'Headers', p, extras, pre);
  if (headers) out.headers = headers;
  return out;
}

function importErrorResponse(e: Json, p: string, extras: Extras): CustomErrorResponse {
  const errorCode = num(e, 'ErrorCode', p);
  const pre = `CustomErrorResponses[${errorCode}]`;
  extras.keep(e, ['ErrorCode', 'ResponsePagePath', 'ResponseCode', 'ErrorCachingMinTTL'], pre);
  const out: CustomErrorResponse = { errorCode };
  const page = optStr(e, 'ResponsePagePath', p);
  if (page !== undefined) out.responsePagePath = page;
  // ResponseCode is a string in the API ("200"); the API prints "" when no page is set.
  const code = e.ResponseCode;
  if (code === '') extras.put(pre, 'ResponseCode', '');
  else if (typeof code === 'string' && /^\d{3}$/.test(code)) out.responseCode = Number(code);
  else if (typeof code === 'number') out.responseCode = code;
  else if (code !== undefined) fail(`${p}.ResponseCode`, 'must be a status code such as "200"', code);
  const ttl = optNum(e, 'ErrorCachingMinTTL', p);
  if (ttl !== undefined) out.errorCachingMinTtl = ttl;
  return out;
}
