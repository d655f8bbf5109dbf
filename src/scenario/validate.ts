// Rules that span fields, run after the schema: references between ids, CloudFront's method sets,
// TTL order, origin groups, function syntax. Each returns issues (path + what to fix), never throws,
// so the UI can show them all. The engine (createEngine / normalize) re-checks what it relies on.
import {
  MANAGED_CACHE_POLICIES,
  MANAGED_ORIGIN_REQUEST_POLICIES,
  MANAGED_RESPONSE_HEADERS_POLICIES,
} from '../engine/policies/managed';
import { awsRegion, edgeLocation } from '../engine/geo';
import type { CacheBehavior, Scenario } from '../engine/scenario';
import { assertionIssues } from './assertionRules';
import { checkFunctionSyntax } from './functionSyntax';
import { issue, type Issue, type PathSegment } from './issues';
import {
  ALLOWED_METHOD_SETS,
  CACHED_METHOD_SETS,
  DEFAULT_ROOT_OBJECT_CHARS,
  FAILOVER_STATUS_CODES,
  FUNCTION_NAME,
  HTTP_METHODS,
  LEGACY_TTL_DEFAULTS,
  MAX_CLOUDFRONT_FUNCTION_CODE_BYTES,
  MAX_KEY_GROUPS_PER_BEHAVIOR,
  MAX_PATH_PATTERN_LENGTH,
  ORIGIN_SHIELD_REGIONS,
  PATH_PATTERN_CHARS,
} from './limits';
import { quotaIssues } from './quotas';

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && new Set(a).size === a.length && b.every((m) => a.includes(m));
const showSets = (sets: readonly (readonly string[])[]) => sets.map((s) => `[${s.join(', ')}]`).join(' or ');

export function validateScenario(s: Scenario): Issue[] {
  const out: Issue[] = [];
  checkDistribution(s, out);
  checkPolicies(s, out);
  checkFunctions(s, out);
  checkSimulation(s, out);
  out.push(...quotaIssues(s), ...assertionIssues(s));
  return out;
}

function checkDistribution(s: Scenario, out: Issue[]): void {
  const d = s.distribution;
  const base: PathSegment[] = ['distribution'];
  const originIds = new Set<string>();
  d.origins.forEach((o, i) => {
    const p = [...base, 'origins', i];
    if (originIds.has(o.id))
      out.push(issue([...p, 'id'], 'is used by another origin: give each origin its own id', o.id));
    originIds.add(o.id);
    if (o.s3OriginConfig && o.customOriginConfig) {
      out.push(
        issue(
          p,
          'has both an S3 origin config and a custom origin config: keep the one that matches the origin',
        ),
      );
    }
    if (o.originPath && (!o.originPath.startsWith('/') || o.originPath.endsWith('/'))) {
      out.push(
        issue(
          [...p, 'originPath'],
          "must start with '/' and must not end with '/', e.g. '/production'",
          o.originPath,
        ),
      );
    }
    if (o.region !== undefined && !awsRegion(o.region)) {
      out.push(
        issue(
          [...p, 'region'],
          "is not an AWS region EdgeLab knows: use a code such as 'us-east-1' or 'eu-west-1'",
          o.region,
        ),
      );
    }
    const shield = o.originShield;
    if (shield?.enabled && !shield.originShieldRegion) {
      out.push(
        issue(
          [...p, 'originShield', 'originShieldRegion'],
          'is required when Origin Shield is enabled: pick the region closest to the origin',
        ),
      );
    }
    if (
      shield?.originShieldRegion &&
      !(ORIGIN_SHIELD_REGIONS as readonly string[]).includes(shield.originShieldRegion)
    ) {
      out.push(
        issue(
          [...p, 'originShield', 'originShieldRegion'],
          `must be one of the Origin Shield regions: ${ORIGIN_SHIELD_REGIONS.join(', ')}`,
          shield.originShieldRegion,
        ),
      );
    }
  });

  const groupIds = new Set<string>();
  (d.originGroups ?? []).forEach((g, i) => {
    const p = [...base, 'originGroups', i];
    if (originIds.has(g.id) || groupIds.has(g.id)) {
      out.push(
        issue([...p, 'id'], 'is already used by an origin or another origin group: ids must be unique', g.id),
      );
    }
    groupIds.add(g.id);
    if (g.members.length !== 2) {
      out.push(
        issue([...p, 'members'], 'must list exactly 2 origins: the primary, then the secondary', g.members),
      );
    }
    g.members.forEach((m, j) => {
      if (!originIds.has(m))
        out.push(
          issue([...p, 'members', j], `must be the id of an origin (known: ${[...originIds].join(', ')})`, m),
        );
    });
    if (g.members.length === 2 && g.members[0] === g.members[1]) {
      out.push(
        issue(
          [...p, 'members'],
          'lists the same origin twice: the secondary must be a different origin',
          g.members,
        ),
      );
    }
    const seen = new Set<number>();
    g.failoverCriteria.statusCodes.forEach((c, j) => {
      if (!(FAILOVER_STATUS_CODES as readonly number[]).includes(c)) {
        out.push(
          issue(
            [...p, 'failoverCriteria', 'statusCodes', j],
            `must be one of ${FAILOVER_STATUS_CODES.join(', ')}`,
            c,
          ),
        );
      } else if (seen.has(c)) {
        out.push(
          issue(
            [...p, 'failoverCriteria', 'statusCodes', j],
            'is listed twice: list each status code once',
            c,
          ),
        );
      }
      seen.add(c);
    });
  });

  const targets = new Set([...originIds, ...groupIds]);
  checkBehavior(s, d.defaultCacheBehavior, [...base, 'defaultCacheBehavior'], targets, true, out);
  const patterns = new Set<string>();
  (d.cacheBehaviors ?? []).forEach((b, i) => {
    const p = [...base, 'cacheBehaviors', i];
    checkBehavior(s, b, p, targets, false, out);
    if (b.pathPattern !== undefined) {
      if (patterns.has(b.pathPattern))
        out.push(
          issue(
            [...p, 'pathPattern'],
            'is used by an earlier behavior: the later one would never match; remove or change it',
            b.pathPattern,
          ),
        );
      patterns.add(b.pathPattern);
    }
  });

  if (d.defaultRootObject) {
    const p = [...base, 'defaultRootObject'];
    if (d.defaultRootObject.startsWith('/')) {
      out.push(
        issue(p, "must not start with '/': write 'index.html', not '/index.html'", d.defaultRootObject),
      );
    } else if (d.defaultRootObject.length > 255 || !DEFAULT_ROOT_OBJECT_CHARS.test(d.defaultRootObject)) {
      out.push(
        issue(p, 'must be at most 255 characters of A-Z a-z 0-9 _ - . * $ / ~ " \' &', d.defaultRootObject),
      );
    }
  }

  const codes = new Set<number>();
  (d.customErrorResponses ?? []).forEach((r, i) => {
    const p = [...base, 'customErrorResponses', i];
    if (codes.has(r.errorCode))
      out.push(
        issue([...p, 'errorCode'], 'already has a custom error response: list each code once', r.errorCode),
      );
    codes.add(r.errorCode);
    if (r.responsePagePath && !r.responsePagePath.startsWith('/')) {
      out.push(
        issue([...p, 'responsePagePath'], "must start with '/', e.g. '/errors/404.html'", r.responsePagePath),
      );
    }
    if (r.responseCode !== undefined && !r.responsePagePath) {
      out.push(
        issue(
          [...p, 'responseCode'],
          'needs a response page path: CloudFront only changes the status when it serves a custom page',
        ),
      );
    }
  });

  const geo = d.geoRestriction;
  if (geo) {
    const p = [...base, 'geoRestriction', 'items'];
    if (geo.restrictionType === 'none' && geo.items.length)
      out.push(issue(p, "must be empty when restrictionType is 'none'", geo.items));
    if (geo.restrictionType !== 'none' && !geo.items.length) {
      out.push(
        issue(
          p,
          `must list at least one country for a ${geo.restrictionType}, or set restrictionType to 'none'`,
        ),
      );
    }
  }
}

function checkBehavior(
  s: Scenario,
  b: CacheBehavior,
  p: PathSegment[],
  targets: Set<string>,
  isDefault: boolean,
  out: Issue[],
): void {
  if (isDefault && b.pathPattern !== undefined && b.pathPattern !== '*') {
    out.push(
      issue(
        [...p, 'pathPattern'],
        "must be left out: the default behavior always matches '*'; add an ordered behavior for other paths",
        b.pathPattern,
      ),
    );
  }
  if (!isDefault) {
    if (!b.pathPattern)
      out.push(issue([...p, 'pathPattern'], "is required on an ordered behavior, e.g. '/images/*'"));
    else if (b.pathPattern.length > MAX_PATH_PATTERN_LENGTH) {
      out.push(
        issue(
          [...p, 'pathPattern'],
          `must be at most ${MAX_PATH_PATTERN_LENGTH} characters (it has ${b.pathPattern.length})`,
        ),
      );
    } else if (!PATH_PATTERN_CHARS.test(b.pathPattern)) {
      out.push(
        issue(
          [...p, 'pathPattern'],
          'may only contain A-Z a-z 0-9 _ - . * ? $ / ~ " \' @ : + &',
          b.pathPattern,
        ),
      );
    }
  }
  if (!targets.has(b.targetOriginId)) {
    out.push(
      issue(
        [...p, 'targetOriginId'],
        `must be the id of an origin or origin group (known: ${[...targets].join(', ')})`,
        b.targetOriginId,
      ),
    );
  }
  if (!ALLOWED_METHOD_SETS.some((set) => sameSet(b.allowedMethods, set))) {
    out.push(
      issue(
        [...p, 'allowedMethods'],
        `must be one of the sets ${showSets(ALLOWED_METHOD_SETS)}`,
        b.allowedMethods,
      ),
    );
  }
  if (!CACHED_METHOD_SETS.some((set) => sameSet(b.cachedMethods, set))) {
    out.push(
      issue(
        [...p, 'cachedMethods'],
        `must be one of the sets ${showSets(CACHED_METHOD_SETS)}`,
        b.cachedMethods,
      ),
    );
  } else if (b.cachedMethods.some((m) => !b.allowedMethods.includes(m))) {
    out.push(
      issue(
        [...p, 'cachedMethods'],
        'must only contain allowed methods: allow OPTIONS too, or stop caching it',
        b.cachedMethods,
      ),
    );
  }

  if (
    b.cachePolicyId !== undefined &&
    !MANAGED_CACHE_POLICIES[b.cachePolicyId] &&
    !s.cachePolicies?.[b.cachePolicyId]
  ) {
    out.push(
      issue(
        [...p, 'cachePolicyId'],
        'is not a managed cache policy id, and no custom cache policy has this id: add the policy or use a managed id',
        b.cachePolicyId,
      ),
    );
  }
  if (
    b.originRequestPolicyId !== undefined &&
    !MANAGED_ORIGIN_REQUEST_POLICIES[b.originRequestPolicyId] &&
    !s.originRequestPolicies?.[b.originRequestPolicyId]
  ) {
    out.push(
      issue(
        [...p, 'originRequestPolicyId'],
        'is not a managed origin request policy id, and no custom origin request policy has this id: add the policy or use a managed id',
        b.originRequestPolicyId,
      ),
    );
  }
  if (
    b.responseHeadersPolicyId !== undefined &&
    !MANAGED_RESPONSE_HEADERS_POLICIES[b.responseHeadersPolicyId] &&
    !s.responseHeadersPolicies?.[b.responseHeadersPolicyId]
  ) {
    out.push(
      issue(
        [...p, 'responseHeadersPolicyId'],
        'is not a managed response headers policy id, and no custom response headers policy has this id: add the policy or use a managed id',
        b.responseHeadersPolicyId,
      ),
    );
  }
  checkLegacyTtls(b, p, out);

  if ((b.trustedKeyGroups?.length ?? 0) > MAX_KEY_GROUPS_PER_BEHAVIOR) {
    out.push(
      issue([...p, 'trustedKeyGroups'], `must list at most ${MAX_KEY_GROUPS_PER_BEHAVIOR} key groups`),
    );
  }
  (b.trustedKeyGroups ?? []).forEach((g, i) => {
    if (s.keyGroups && !s.keyGroups[g])
      out.push(
        issue(
          [...p, 'trustedKeyGroups', i],
          'is not a known key group: add the key group (with its public keys) or remove it here',
          g,
        ),
      );
  });

  const byName = new Map((s.functions ?? []).map((f) => [f.name, f]));
  const events = new Set<string>();
  (b.functionAssociations ?? []).forEach((a, i) => {
    const f = byName.get(a.functionName);
    if (events.has(a.eventType))
      out.push(
        issue(
          [...p, 'functionAssociations', i, 'eventType'],
          'already has a function: one function per event type',
          a.eventType,
        ),
      );
    events.add(a.eventType);
    if (!f)
      out.push(
        issue(
          [...p, 'functionAssociations', i, 'functionName'],
          'is not a known function: add its code or remove the association',
          a.functionName,
        ),
      );
    else if (f.kind !== 'cloudfront-function')
      out.push(
        issue(
          [...p, 'functionAssociations', i, 'functionName'],
          'is a Lambda@Edge function: associate it as a Lambda@Edge function instead',
          a.functionName,
        ),
      );
  });
  const lambdaEvents = new Set<string>();
  (b.lambdaFunctionAssociations ?? []).forEach((a, i) => {
    const f = byName.get(a.functionName);
    if (lambdaEvents.has(a.eventType))
      out.push(
        issue(
          [...p, 'lambdaFunctionAssociations', i, 'eventType'],
          'already has a function: one function per event type',
          a.eventType,
        ),
      );
    lambdaEvents.add(a.eventType);
    if (!f)
      out.push(
        issue(
          [...p, 'lambdaFunctionAssociations', i, 'functionName'],
          'is not a known function: add its code or remove the association',
          a.functionName,
        ),
      );
    else if (f.kind !== 'lambda-edge')
      out.push(
        issue(
          [...p, 'lambdaFunctionAssociations', i, 'functionName'],
          'is a CloudFront Function: associate it as a CloudFront Function instead',
          a.functionName,
        ),
      );
    // Spec §8.1: CloudFront Functions and Lambda@Edge cannot share the viewer events of one behavior.
    if (a.eventType.startsWith('viewer-') && events.size) {
      out.push(
        issue(
          [...p, 'lambdaFunctionAssociations', i, 'eventType'],
          'is a viewer event, but this behavior already has a CloudFront Function: use one kind of function for viewer events',
          a.eventType,
        ),
      );
    }
  });
}

/** Legacy per-behavior TTLs must satisfy Min <= Default <= Max once CloudFront's defaults fill the gaps (spec §1.1). */
function checkLegacyTtls(b: CacheBehavior, p: PathSegment[], out: Issue[]): void {
  if (b.minTtl === undefined && b.defaultTtl === undefined && b.maxTtl === undefined) return;
  const min = b.minTtl ?? LEGACY_TTL_DEFAULTS.minTtl;
  const def = b.defaultTtl ?? Math.max(LEGACY_TTL_DEFAULTS.defaultTtl, min);
  const max = b.maxTtl ?? Math.max(LEGACY_TTL_DEFAULTS.maxTtl, def);
  checkTtlOrder(min, def, max, p, out);
}

function checkTtlOrder(min: number, def: number, max: number, p: PathSegment[], out: Issue[]): void {
  if (min > def)
    out.push(
      issue(
        [...p, 'minTtl'],
        `must not be greater than the default TTL (${def}): CloudFront requires MinTTL <= DefaultTTL <= MaxTTL`,
        min,
      ),
    );
  if (def > max)
    out.push(
      issue(
        [...p, 'defaultTtl'],
        `must not be greater than the maximum TTL (${max}): CloudFront requires MinTTL <= DefaultTTL <= MaxTTL`,
        def,
      ),
    );
}

function checkPolicies(s: Scenario, out: Issue[]): void {
  for (const [id, c] of Object.entries(s.cachePolicies ?? {})) {
    checkTtlOrder(c.minTtl, c.defaultTtl, c.maxTtl, ['cachePolicies', id], out);
    if (c.headerBehavior === 'whitelist' && !c.headers.length) {
      out.push(
        issue(
          ['cachePolicies', id, 'headers'],
          "must list at least one header when headerBehavior is 'whitelist'",
        ),
      );
    }
  }
  for (const [id, c] of Object.entries(s.originRequestPolicies ?? {})) {
    // CloudFront refuses Authorization in an origin request policy: it can only reach the origin
    // through the cache policy, i.e. as part of the cache key (DeveloperGuide, origin request policies).
    const i = c.headers.findIndex((h) => h.toLowerCase() === 'authorization');
    if (
      i >= 0 &&
      (c.headerBehavior === 'whitelist' || c.headerBehavior === 'allViewerAndWhitelistCloudFront')
    ) {
      out.push(
        issue(
          ['originRequestPolicies', id, 'headers', i],
          'cannot be forwarded by an origin request policy: add Authorization to the cache policy headers instead (it then becomes part of the cache key)',
        ),
      );
    }
  }
  for (const [id, ids] of Object.entries(s.keyGroups ?? {})) {
    ids.forEach((k, i) => {
      if (s.publicKeys && !s.publicKeys[k])
        out.push(issue(['keyGroups', id, i], 'is not a known public key id: add the public key (PEM)', k));
    });
  }
}

function checkFunctions(s: Scenario, out: Issue[]): void {
  const names = new Set<string>();
  (s.functions ?? []).forEach((f, i) => {
    const p: PathSegment[] = ['functions', i];
    if (!FUNCTION_NAME.test(f.name))
      out.push(issue([...p, 'name'], 'must be 1-64 characters of A-Z a-z 0-9 - _', f.name));
    if (names.has(f.name))
      out.push(issue([...p, 'name'], 'is used by another function: function names must be unique', f.name));
    names.add(f.name);
    if (f.kind === 'lambda-edge' && f.runtime) {
      out.push(
        issue(
          [...p, 'runtime'],
          'only applies to CloudFront Functions: remove it for a Lambda@Edge function',
          f.runtime,
        ),
      );
    }
    if (f.kind === 'cloudfront-function') {
      const bytes = utf8Length(f.code);
      if (bytes > MAX_CLOUDFRONT_FUNCTION_CODE_BYTES) {
        out.push(
          issue(
            [...p, 'code'],
            `is ${bytes} bytes; CloudFront Functions allow at most ${MAX_CLOUDFRONT_FUNCTION_CODE_BYTES} (10 KB): make it smaller`,
          ),
        );
        return;
      }
    }
    const problem = checkFunctionSyntax(
      f.code,
      f.kind === 'lambda-edge' ? 'lambda-edge' : (f.runtime ?? 'cloudfront-js-2.0'),
    );
    if (problem) out.push(issue([...p, 'code'], problem));
  });
}

function checkSimulation(s: Scenario, out: Issue[]): void {
  const originIds = new Set(s.distribution.origins.map((o) => o.id));
  for (const id of Object.keys(s.originSimulation ?? {})) {
    if (!originIds.has(id))
      out.push(
        issue(
          ['originSimulation', id],
          'does not match any origin id: rename it to an origin id or remove it',
        ),
      );
  }
  const viewerIds = new Set<string>();
  (s.viewers ?? []).forEach((v, i) => {
    if (viewerIds.has(v.id))
      out.push(issue(['viewers', i, 'id'], 'is used by another viewer region: ids must be unique', v.id));
    viewerIds.add(v.id);
  });
  if (s.viewers?.length && !s.viewers.some((v) => v.weight > 0)) {
    out.push(issue(['viewers'], 'all weights are 0: give at least one viewer region a weight above 0'));
  }
  (s.topology?.pops ?? []).forEach((pop, i) => {
    if (!/^[A-Z]{3}(\d{1,3}(-[A-Z]\d{1,2})?)?$/.test(pop)) {
      out.push(
        issue(['topology', 'pops', i], "must be an edge-location code such as 'NRT' or 'NRT51-C1'", pop),
      );
    } else if (!edgeLocation(pop.slice(0, 3))) {
      out.push(
        issue(
          ['topology', 'pops', i],
          `is not a CloudFront edge location EdgeLab knows (the first three letters, '${pop.slice(0, 3)}', name no location)`,
          pop,
        ),
      );
    }
  });
  const mix = s.traffic?.methodMix;
  if (mix) {
    for (const m of Object.keys(mix)) {
      if (!(HTTP_METHODS as readonly string[]).includes(m)) {
        out.push(
          issue(
            ['traffic', 'methodMix', m],
            `is not a method CloudFront accepts: use ${HTTP_METHODS.join(', ')}`,
          ),
        );
      }
    }
    if (Object.keys(mix).length && !Object.values(mix).some((w) => w > 0)) {
      out.push(
        issue(['traffic', 'methodMix'], 'all weights are 0: give at least one method a weight above 0'),
      );
    }
  }
  (s.events ?? []).forEach((e, i) => {
    const p: PathSegment[] = ['events', i];
    if (e.kind === 'invalidation') {
      if (!e.paths?.length)
        out.push(issue([...p, 'paths'], "must list the paths to invalidate, e.g. ['/index.html']"));
      e.paths?.forEach((path, j) => {
        if (!path.startsWith('/')) out.push(issue([...p, 'paths', j], "must start with '/'", path));
      });
    }
    if (
      (e.kind === 'origin-outage' || e.kind === 'origin-slowdown') &&
      typeof e.target === 'string' &&
      !originIds.has(e.target)
    ) {
      out.push(
        issue([...p, 'target'], `must be an origin id (known: ${[...originIds].join(', ')})`, e.target),
      );
    }
  });
}

/** UTF-8 byte length without TextEncoder (not in the engine layer's ES2023 lib). */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      bytes += 4; // a surrogate pair is one 4-byte code point
      i++;
    } else bytes += 3;
  }
  return bytes;
}
