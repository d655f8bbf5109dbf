// Scenarios from and to real CloudFront JSON (a contract: tests outside the repo call it).
//
//   fromCloudFront({ DistributionConfig, Id?, DomainName?, Functions?, LambdaFunctions?, CachePolicies?,
//                    OriginRequestPolicies?, ResponseHeadersPolicies?, PublicKeys?, KeyGroups? }): Scenario
//   toCloudFront(scenario): the same shape back.
//
// The distribution maps field for field (camelCase, arrays for { Quantity, Items }); everything the
// JSON does not carry (PoPs, viewers, traffic, layout, simulated origins) comes from the default
// scenario. Fields EdgeLab does not simulate (Logging, ViewerCertificate, WebACLId, ...) are kept in
// scenario.unmodeled and written back, so toCloudFront(fromCloudFront(x)) keeps every field of x.
// Modelling choices: a managed policy given by name is stored (and exported) by its real id; custom
// policy configs keep only the fields EdgeLab models.
import { ScenarioError } from '../engine/errors';
import { functionStoreData } from '../engine/functions/kvs';
import {
  MANAGED_CACHE_POLICIES,
  MANAGED_ORIGIN_REQUEST_POLICIES,
  MANAGED_RESPONSE_HEADERS_POLICIES,
  findManagedByName,
} from '../engine/policies/managed';
import {
  SCENARIO_VERSION,
  type CacheBehavior,
  type EdgeFunction,
  type Scenario,
  type SimulatedOrigin,
} from '../engine/scenario';
import { exportDistribution } from './cloudfrontJson/exportDistribution';
import { cloudFrontPath } from './cloudfrontJson/fieldNames';
import { importDistribution } from './cloudfrontJson/importDistribution';
import {
  cachePolicyFromApi,
  cachePolicyToApi,
  originRequestPolicyFromApi,
  originRequestPolicyToApi,
  responseHeadersPolicyFromApi,
  responseHeadersPolicyToApi,
} from './cloudfrontJson/policies';
import { Extras, fail, isJsonObject, obj, optStr, str, type Json } from './cloudfrontJson/read';
import { issuesToError } from './issues';
import {
  DEFAULT_DISTRIBUTION_ID,
  DEFAULT_DOMAIN_NAME,
  DEFAULT_POPS,
  DEFAULT_RECS,
  cloneDefaultScenario,
  defaultLayout,
} from './presets/default';
import { checkScenario } from './schema';

export interface CloudFrontFunctionCode {
  code: string;
  runtime?: 'cloudfront-js-1.0' | 'cloudfront-js-2.0';
  /** EdgeLab extension: KeyValueStore contents (runtime 2.0) */
  kvs?: Record<string, string>;
}

export interface CloudFrontInput {
  DistributionConfig: object;
  Id?: string;
  DomainName?: string;
  Functions?: Record<string, CloudFrontFunctionCode>;
  LambdaFunctions?: Record<string, { code: string }>;
  CachePolicies?: Record<string, object>;
  OriginRequestPolicies?: Record<string, object>;
  ResponseHeadersPolicies?: Record<string, object>;
  PublicKeys?: Record<string, string>;
  KeyGroups?: Record<string, string[]>;
}

export interface CloudFrontOutput {
  DistributionConfig: Record<string, unknown>;
  Id: string;
  DomainName: string;
  Functions?: Record<string, CloudFrontFunctionCode>;
  LambdaFunctions?: Record<string, { code: string }>;
  CachePolicies?: Record<string, object>;
  OriginRequestPolicies?: Record<string, object>;
  ResponseHeadersPolicies?: Record<string, object>;
  PublicKeys?: Record<string, string>;
  KeyGroups?: Record<string, string[]>;
}

/** A simulated origin for each imported origin: the default scenario's catalog, served from '/'. */
function simulatedOriginFor(): SimulatedOrigin {
  return {
    processingMs: 20,
    catalog: { count: 10_000, pathPrefix: '/', meanSizeBytes: 50_000, cacheControl: 'max-age=3600' },
  };
}

function readRecord(input: Json, key: string): Json | undefined {
  return input[key] === undefined ? undefined : obj(input[key], key);
}

function importFunctions(input: Json): EdgeFunction[] | undefined {
  const cf = readRecord(input, 'Functions');
  const lambda = readRecord(input, 'LambdaFunctions');
  if (!cf && !lambda) return undefined;
  const out: EdgeFunction[] = [];
  for (const [name, raw] of Object.entries(cf ?? {})) {
    const p = `Functions[${JSON.stringify(name)}]`;
    const f = obj(raw, p);
    const runtime = optStr(f, 'runtime', p);
    const fn: EdgeFunction = { name, kind: 'cloudfront-function', code: str(f, 'code', p) };
    if (runtime !== undefined) fn.runtime = runtime as EdgeFunction['runtime'];
    if (f.kvs !== undefined) fn.kvs = obj(f.kvs, `${p}.kvs`) as Record<string, string>;
    out.push(fn);
  }
  for (const [name, raw] of Object.entries(lambda ?? {})) {
    const p = `LambdaFunctions[${JSON.stringify(name)}]`;
    if (cf?.[name] !== undefined)
      fail(p, `has the same name as a CloudFront Function in Functions: rename one of them`);
    out.push({ name, kind: 'lambda-edge', code: str(obj(raw, p), 'code', p) });
  }
  return out;
}

/** Custom policies by id; ids of managed policies are skipped (CloudFront's own definition wins). */
function importPolicies<T>(
  input: Json,
  key: string,
  managed: Readonly<Record<string, unknown>>,
  read: (raw: unknown, path: string) => T,
): Record<string, T> | undefined {
  const rec = readRecord(input, key);
  if (!rec) return undefined;
  const out: Record<string, T> = {};
  for (const [id, raw] of Object.entries(rec))
    if (!managed[id]) out[id] = read(raw, `${key}[${JSON.stringify(id)}]`);
  return out;
}

/** A managed policy written by name ('CachingOptimized' or 'Managed-CachingOptimized') becomes its id. */
function resolveManagedNames(b: CacheBehavior): void {
  const byName = <T extends { name: string }>(table: Readonly<Record<string, T>>, id: string | undefined) =>
    id === undefined || table[id] ? id : (findManagedByName(table, id) ?? id);
  b.cachePolicyId = byName(MANAGED_CACHE_POLICIES, b.cachePolicyId);
  b.originRequestPolicyId = byName(MANAGED_ORIGIN_REQUEST_POLICIES, b.originRequestPolicyId);
  b.responseHeadersPolicyId = byName(MANAGED_RESPONSE_HEADERS_POLICIES, b.responseHeadersPolicyId);
  for (const k of ['cachePolicyId', 'originRequestPolicyId', 'responseHeadersPolicyId'] as const) {
    if (b[k] === undefined) delete b[k];
  }
}

/** A scenario from CloudFront JSON. Throws ScenarioError naming the API field and what to fix. */
export function fromCloudFront(input: CloudFrontInput): Scenario {
  const root = obj(input, '(input)');
  const dc = obj(root.DistributionConfig, 'DistributionConfig');
  const id = optStr(root, 'Id', '(input)') ?? DEFAULT_DISTRIBUTION_ID;
  const domainName = optStr(root, 'DomainName', '(input)') ?? DEFAULT_DOMAIN_NAME;

  const functions = importFunctions(root);
  const catalog = {
    cloudfront: new Set((functions ?? []).filter((f) => f.kind === 'cloudfront-function').map((f) => f.name)),
    lambda: new Set((functions ?? []).filter((f) => f.kind === 'lambda-edge').map((f) => f.name)),
  };
  const extras = new Extras();
  const distribution = importDistribution(dc, { id, domainName }, catalog, extras);
  [distribution.defaultCacheBehavior, ...(distribution.cacheBehaviors ?? [])].forEach(resolveManagedNames);

  const defaults = cloneDefaultScenario();
  const originIds = distribution.origins.map((o) => o.id);
  const scenario: Scenario = {
    version: SCENARIO_VERSION,
    name: (distribution.comment || `Distribution ${id}`).slice(0, 200),
    description: `Imported from CloudFront JSON (distribution ${id}).`,
    seed: defaults.seed,
    distribution,
  };
  const cachePolicies = importPolicies(root, 'CachePolicies', MANAGED_CACHE_POLICIES, cachePolicyFromApi);
  if (cachePolicies) scenario.cachePolicies = cachePolicies;
  const orps = importPolicies(
    root,
    'OriginRequestPolicies',
    MANAGED_ORIGIN_REQUEST_POLICIES,
    originRequestPolicyFromApi,
  );
  if (orps) scenario.originRequestPolicies = orps;
  const rhps = importPolicies(
    root,
    'ResponseHeadersPolicies',
    MANAGED_RESPONSE_HEADERS_POLICIES,
    responseHeadersPolicyFromApi,
  );
  if (rhps) scenario.responseHeadersPolicies = rhps;
  const publicKeys = readRecord(root, 'PublicKeys');
  if (publicKeys) scenario.publicKeys = publicKeys as Record<string, string>;
  const keyGroups = readRecord(root, 'KeyGroups');
  if (keyGroups) scenario.keyGroups = keyGroups as Record<string, string[]>;
  if (functions) scenario.functions = functions;

  scenario.originSimulation = Object.fromEntries(originIds.map((o) => [o, simulatedOriginFor()]));
  scenario.topology = defaults.topology;
  scenario.viewers = defaults.viewers;
  scenario.traffic = defaults.traffic;
  scenario.events = [];
  scenario.layout = defaultLayout(
    defaults.viewers,
    DEFAULT_POPS,
    DEFAULT_RECS,
    originIds,
    (distribution.originGroups ?? []).map((g) => g.id),
  );
  scenario.unmodeled = extras.fields;

  const checked = checkScenario(scenario);
  if (!checked.scenario) throw issuesToError(checked.issues, (path) => cloudFrontPath(path, scenario));
  return checked.scenario;
}

/** The scenario as CloudFront JSON: DistributionConfig plus the function code and custom policies it uses. */
export function toCloudFront(scenario: Scenario): CloudFrontOutput {
  const d = scenario.distribution;
  const dc = exportDistribution(d, scenario.unmodeled);
  if (scenario.unmodeled === undefined) {
    // Not imported: add what CreateDistribution requires so the output can be used as is.
    const required: Json = {
      CallerReference: `edgelab-${d.id}-${scenario.seed}`,
      Comment: d.comment ?? scenario.name,
      Enabled: d.enabled ?? true,
    };
    for (const [k, v] of Object.entries(required)) if (!(k in dc)) dc[k] = v;
  }
  const out: CloudFrontOutput = { Id: d.id, DomainName: d.domainName, DistributionConfig: dc };
  if (scenario.functions) {
    const cf = scenario.functions.filter((f) => f.kind === 'cloudfront-function');
    const lambda = scenario.functions.filter((f) => f.kind === 'lambda-edge');
    if (cf.length || !lambda.length) {
      out.Functions = Object.fromEntries(
        cf.map((f) => {
          // a shared store goes out as each function's own copy (the extension has no store list)
          const kvs = functionStoreData(f, scenario.keyValueStores);
          return [
            f.name,
            { code: f.code, ...(f.runtime ? { runtime: f.runtime } : {}), ...(kvs ? { kvs } : {}) },
          ];
        }),
      );
    }
    if (lambda.length)
      out.LambdaFunctions = Object.fromEntries(lambda.map((f) => [f.name, { code: f.code }]));
  }
  const mapValues = <T>(rec: Record<string, T>, f: (v: T) => object) =>
    Object.fromEntries(Object.entries(rec).map(([k, v]) => [k, f(v)]));
  if (scenario.cachePolicies) out.CachePolicies = mapValues(scenario.cachePolicies, cachePolicyToApi);
  if (scenario.originRequestPolicies)
    out.OriginRequestPolicies = mapValues(scenario.originRequestPolicies, originRequestPolicyToApi);
  if (scenario.responseHeadersPolicies) {
    out.ResponseHeadersPolicies = mapValues(scenario.responseHeadersPolicies, responseHeadersPolicyToApi);
  }
  if (scenario.publicKeys) out.PublicKeys = { ...scenario.publicKeys };
  if (scenario.keyGroups)
    out.KeyGroups = Object.fromEntries(Object.entries(scenario.keyGroups).map(([k, v]) => [k, [...v]]));
  return out;
}

/**
 * For the UI's import box: accepts the output of `aws cloudfront get-distribution-config`
 * ({ ETag, DistributionConfig }), of `get-distribution` ({ Distribution: { Id, DomainName,
 * DistributionConfig } }), a bare DistributionConfig, or the fromCloudFront input; as an object or JSON text.
 */
export function importCloudFrontJson(json: unknown): Scenario {
  let value = json;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch (e) {
      throw new ScenarioError(
        `(input): this is not valid JSON (${(e as Error).message}); paste the whole output of aws cloudfront get-distribution-config`,
      );
    }
  }
  if (!isJsonObject(value)) {
    throw new ScenarioError(
      '(input): expected a JSON object such as the output of aws cloudfront get-distribution-config',
    );
  }
  if (isJsonObject(value.Distribution)) {
    const { Distribution, ...extras } = value;
    const dist = Distribution as Json;
    const withIds: Json = {
      ...extras,
      DistributionConfig: obj(dist.DistributionConfig, 'Distribution.DistributionConfig'),
    };
    if (dist.Id !== undefined) withIds.Id = dist.Id;
    if (dist.DomainName !== undefined) withIds.DomainName = dist.DomainName;
    return fromCloudFront(withIds as unknown as CloudFrontInput);
  }
  if (isJsonObject(value.DistributionConfig)) return fromCloudFront(value as unknown as CloudFrontInput);
  if ('Origins' in value && 'DefaultCacheBehavior' in value)
    return fromCloudFront({ DistributionConfig: value });
  if ('distribution' in value && 'version' in value) {
    throw new ScenarioError(
      '(input): this is an EdgeLab scenario, not CloudFront JSON: open it as a scenario file instead',
    );
  }
  throw new ScenarioError(
    '(input): this is not a CloudFront distribution: paste the output of aws cloudfront get-distribution-config ' +
      '({ "ETag", "DistributionConfig" }), of get-distribution ({ "Distribution" }), or a DistributionConfig with Origins and DefaultCacheBehavior',
  );
}

/**
 * The CloudFront fields an imported scenario keeps but does not simulate, for the "kept, not simulated"
 * list, e.g. 'ViewerCertificate', 'Origins[api].ResponseCompletionTimeout'. Fields that are switched off
 * or empty (SmoothStreaming false, Logging disabled, WebACLId "", TrustedSigners with no signers) change
 * nothing and are left out.
 */
export function listUnmodeledFields(scenario: Scenario): string[] {
  return Object.entries(scenario.unmodeled ?? {})
    .filter(([, v]) => isInEffect(v))
    .map(([k]) => k);
}

function isInEffect(v: unknown): boolean {
  if (v === '' || v === false || v === null || v === undefined) return false;
  if (Array.isArray(v)) return v.length > 0;
  if (isJsonObject(v)) {
    if (v.Enabled === false) return false;
    if (
      v.Quantity === 0 &&
      Object.keys(v).every((k) => k === 'Quantity' || k === 'Items' || !isInEffect(v[k]))
    )
      return false;
  }
  return true;
}
