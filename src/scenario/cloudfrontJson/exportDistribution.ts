// Scenario.distribution -> DistributionConfig as `aws cloudfront get-distribution-config` prints it.
// Fields the scenario leaves out stay out (so an imported config comes back as it went in), then the
// unmodeled fields are put back where they were found (Extras keys: "<owner>.<Field>").
import type { CacheBehavior, Distribution, Origin } from '../../engine/scenario';
import { cloudFrontFunctionArn, lambdaFunctionArn } from './arn';
import { toList, type Json } from './read';

/** The API's field order, used for the top level so exports read like the CLI's output. */
const TOP_LEVEL_ORDER = [
  'CallerReference',
  'Aliases',
  'DefaultRootObject',
  'Origins',
  'OriginGroups',
  'DefaultCacheBehavior',
  'CacheBehaviors',
  'CustomErrorResponses',
  'Comment',
  'Logging',
  'PriceClass',
  'Enabled',
  'ViewerCertificate',
  'Restrictions',
  'WebACLId',
  'HttpVersion',
  'IsIPV6Enabled',
  'ContinuousDeploymentPolicyId',
  'Staging',
];

/** Sets `key` only when the value is defined. */
function put(o: Json, key: string, value: unknown): void {
  if (value !== undefined) o[key] = value;
}

export function exportDistribution(d: Distribution, unmodeled: Record<string, unknown> | undefined): Json {
  // Every object that can own an unmodeled field, by its Extras prefix.
  const owners = new Map<string, Json>();
  const dc: Json = {};
  owners.set('', dc);
  const own = <T extends Json>(prefix: string, o: T): T => (owners.set(prefix, o), o);

  if (d.aliases) dc.Aliases = own('Aliases', toList(d.aliases));
  put(dc, 'DefaultRootObject', d.defaultRootObject);
  dc.Origins = own('Origins', toList(d.origins.map((o) => exportOrigin(o, own))));
  if (d.originGroups) {
    dc.OriginGroups = own(
      'OriginGroups',
      toList(
        d.originGroups.map((g) => {
          const pre = `OriginGroups[${g.id}]`;
          return own(pre, {
            Id: g.id,
            FailoverCriteria: own(`${pre}.FailoverCriteria`, {
              StatusCodes: own(`${pre}.FailoverCriteria.StatusCodes`, toList(g.failoverCriteria.statusCodes)),
            }),
            Members: own(
              `${pre}.Members`,
              toList(g.members.map((m) => own(`${pre}.Members[${m}]`, { OriginId: m }))),
            ),
          });
        }),
      ),
    );
  }
  dc.DefaultCacheBehavior = exportBehavior(d.defaultCacheBehavior, 'DefaultCacheBehavior', own);
  if (d.cacheBehaviors) {
    dc.CacheBehaviors = own(
      'CacheBehaviors',
      toList(d.cacheBehaviors.map((b) => exportBehavior(b, `CacheBehaviors[${b.pathPattern ?? ''}]`, own))),
    );
  }
  if (d.customErrorResponses) {
    dc.CustomErrorResponses = own(
      'CustomErrorResponses',
      toList(
        d.customErrorResponses.map((e) => {
          const o: Json = { ErrorCode: e.errorCode };
          put(o, 'ResponsePagePath', e.responsePagePath);
          put(o, 'ResponseCode', e.responseCode === undefined ? undefined : String(e.responseCode));
          put(o, 'ErrorCachingMinTTL', e.errorCachingMinTtl);
          return own(`CustomErrorResponses[${e.errorCode}]`, o);
        }),
      ),
    );
  }
  put(dc, 'Comment', d.comment);
  put(dc, 'PriceClass', d.priceClass);
  put(dc, 'Enabled', d.enabled);
  if (d.geoRestriction) {
    const geo = own('Restrictions.GeoRestriction', {
      RestrictionType: d.geoRestriction.restrictionType,
      ...toList(d.geoRestriction.items),
    });
    dc.Restrictions = own('Restrictions', { GeoRestriction: geo });
  }
  put(dc, 'HttpVersion', d.httpVersion);
  put(dc, 'IsIPV6Enabled', d.isIpv6Enabled);

  restoreUnmodeled(owners, unmodeled);
  return orderTopLevel(dc);
}

function exportOrigin(o: Origin, own: <T extends Json>(prefix: string, o: T) => T): Json {
  const pre = `Origins[${o.id}]`;
  const out: Json = { Id: o.id, DomainName: o.domainName };
  put(out, 'OriginPath', o.originPath);
  if (o.customHeaders) {
    out.CustomHeaders = own(
      `${pre}.CustomHeaders`,
      toList(
        o.customHeaders.map((h) =>
          own(`${pre}.CustomHeaders[${h.headerName}]`, {
            HeaderName: h.headerName,
            HeaderValue: h.headerValue,
          }),
        ),
      ),
    );
  }
  if (o.s3OriginConfig)
    out.S3OriginConfig = own(`${pre}.S3OriginConfig`, {
      OriginAccessIdentity: o.s3OriginConfig.originAccessIdentity,
    });
  if (o.customOriginConfig) {
    const c = o.customOriginConfig;
    const co: Json = own(`${pre}.CustomOriginConfig`, {});
    put(co, 'HTTPPort', c.httpPort);
    put(co, 'HTTPSPort', c.httpsPort);
    put(co, 'OriginProtocolPolicy', c.originProtocolPolicy);
    if (c.originSslProtocols)
      co.OriginSslProtocols = own(
        `${pre}.CustomOriginConfig.OriginSslProtocols`,
        toList(c.originSslProtocols),
      );
    put(co, 'OriginReadTimeout', c.originReadTimeout);
    put(co, 'OriginKeepaliveTimeout', c.originKeepaliveTimeout);
    out.CustomOriginConfig = co;
  }
  put(out, 'ConnectionAttempts', o.connectionAttempts);
  put(out, 'ConnectionTimeout', o.connectionTimeout);
  if (o.originShield) {
    const s: Json = { Enabled: o.originShield.enabled };
    put(s, 'OriginShieldRegion', o.originShield.originShieldRegion);
    out.OriginShield = own(`${pre}.OriginShield`, s);
  }
  put(out, 'OriginAccessControlId', o.originAccessControlId);
  return own(pre, out);
}

function exportBehavior(
  b: CacheBehavior,
  pre: string,
  own: <T extends Json>(prefix: string, o: T) => T,
): Json {
  const out: Json = {};
  put(out, 'PathPattern', b.pathPattern);
  out.TargetOriginId = b.targetOriginId;
  if (b.trustedKeyGroups) {
    out.TrustedKeyGroups = own(`${pre}.TrustedKeyGroups`, {
      Enabled: b.trustedKeyGroups.length > 0,
      ...toList(b.trustedKeyGroups),
    });
  }
  out.ViewerProtocolPolicy = b.viewerProtocolPolicy;
  out.AllowedMethods = own(`${pre}.AllowedMethods`, {
    ...toList(b.allowedMethods),
    CachedMethods: own(`${pre}.AllowedMethods.CachedMethods`, toList(b.cachedMethods)),
  });
  put(out, 'Compress', b.compress);
  if (b.lambdaFunctionAssociations) {
    out.LambdaFunctionAssociations = own(
      `${pre}.LambdaFunctionAssociations`,
      toList(
        b.lambdaFunctionAssociations.map((a) => {
          const o: Json = {
            LambdaFunctionARN: a.lambdaFunctionArn ?? lambdaFunctionArn(a.functionName),
            EventType: a.eventType,
          };
          put(o, 'IncludeBody', a.includeBody);
          return own(`${pre}.LambdaFunctionAssociations[${a.eventType}]`, o);
        }),
      ),
    );
  }
  if (b.functionAssociations) {
    out.FunctionAssociations = own(
      `${pre}.FunctionAssociations`,
      toList(
        b.functionAssociations.map((a) =>
          own(`${pre}.FunctionAssociations[${a.eventType}]`, {
            FunctionARN: a.functionArn ?? cloudFrontFunctionArn(a.functionName),
            EventType: a.eventType,
          }),
        ),
      ),
    );
  }
  put(out, 'CachePolicyId', b.cachePolicyId);
  put(out, 'OriginRequestPolicyId', b.originRequestPolicyId);
  put(out, 'ResponseHeadersPolicyId', b.responseHeadersPolicyId);
  if (b.forwardedValues) {
    const fv = b.forwardedValues;
    const cookies: Json = { Forward: fv.cookies.forward };
    if (fv.cookies.whitelistedNames)
      cookies.WhitelistedNames = own(
        `${pre}.ForwardedValues.Cookies.WhitelistedNames`,
        toList(fv.cookies.whitelistedNames),
      );
    const o: Json = { QueryString: fv.queryString, Cookies: own(`${pre}.ForwardedValues.Cookies`, cookies) };
    if (fv.headers) o.Headers = own(`${pre}.ForwardedValues.Headers`, toList(fv.headers));
    if (fv.queryStringCacheKeys)
      o.QueryStringCacheKeys = own(
        `${pre}.ForwardedValues.QueryStringCacheKeys`,
        toList(fv.queryStringCacheKeys),
      );
    out.ForwardedValues = own(`${pre}.ForwardedValues`, o);
  }
  put(out, 'MinTTL', b.minTtl);
  put(out, 'DefaultTTL', b.defaultTtl);
  put(out, 'MaxTTL', b.maxTtl);
  return own(pre, out);
}

/** Puts each kept field back into its owner, unless the scenario now sets that field itself. */
function restoreUnmodeled(owners: Map<string, Json>, unmodeled: Record<string, unknown> | undefined): void {
  for (const [key, value] of Object.entries(unmodeled ?? {})) {
    const dot = key.lastIndexOf('.');
    // Field names are PascalCase words, so the last '.' always separates owner and field,
    // even when an owner's id or path pattern contains dots.
    const owner = owners.get(dot < 0 ? '' : key.slice(0, dot));
    const field = key.slice(dot + 1);
    if (owner && !(field in owner)) owner[field] = structuredCopy(value);
  }
}

function structuredCopy(v: unknown): unknown {
  return v === undefined ? undefined : JSON.parse(JSON.stringify(v));
}

function orderTopLevel(dc: Json): Json {
  const out: Json = {};
  for (const k of TOP_LEVEL_ORDER) if (k in dc) out[k] = dc[k];
  for (const k of Object.keys(dc)) if (!(k in out)) out[k] = dc[k];
  return out;
}
