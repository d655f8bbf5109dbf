// Numbers that teach: the quotas and limits of CloudFront Functions and Lambda@Edge, and the
// modelling choices EdgeLab makes where AWS publishes no number. One table each.

import type { LambdaEventType } from '../scenario';

/**
 * CloudFront Functions quotas.
 * Source: https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cloudfront-limits.html#limits-functions
 * and .../cloudfront-function-restrictions.html (logs cut at 10 KB).
 */
export const CLOUDFRONT_FUNCTION_LIMITS = {
  /** function code size */
  maxCodeBytes: 10 * 1024,
  /** memory per function */
  maxMemoryBytes: 2 * 1024 * 1024,
  /** console output per invocation */
  maxLogBytes: 10 * 1024,
  /** URI + query string must be under this many characters (edge-functions-restrictions.html) */
  maxUriLength: 8192,
  /**
   * EdgeLab modelling choice (AWS publishes no number, only "submillisecond"): the compute
   * budget in QuickJS poll points (one per function call or loop iteration). 100% compute
   * utilization = this many; above it the invocation fails with 503 like a throttled function.
   */
  computeBudgetUnits: 20_000,
  /** EdgeLab modelling choice: simulated run time at 100% compute utilization */
  maxRunMs: 1,
  /**
   * UNCONFIRMED for CloudFront Functions: EdgeLab applies Lambda@Edge's viewer-side 40 KB
   * limit to bodies a function generates or replaces (beyond it: 502).
   */
  maxBodyBytes: 40 * 1024,
} as const;

/**
 * CloudFront KeyValueStore quotas (one store per function, runtime cloudfront-js-2.0 only).
 * Source: https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cloudfront-limits.html#limits-kvs
 * and .../kvs-with-functions-create-s3-kvp.html ("File size – 5 MB, Key size – 512 characters,
 * Value size – 1024 characters"). EdgeLab counts UTF-8 bytes, the stricter reading.
 */
export const KEY_VALUE_STORE_LIMITS = {
  /** key size */
  maxKeyBytes: 512,
  /** value size (1 KB) */
  maxValueBytes: 1024,
  /** whole store: the sum of every key and value */
  maxStoreBytes: 5 * 1024 * 1024,
  /** key value stores one function may be associated with */
  storesPerFunction: 1,
} as const;

/**
 * Lambda@Edge deployment quotas shown in the editor (EdgeLab runs code in its sandbox, so the
 * package size is a number to teach, not one it can enforce on a single file).
 * Source: https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cloudfront-limits.html#limits-lambda-at-edge
 * (spec §9.3: the origin-side memory maximum is the Lambda maximum, 3,008 MB in the 2023 docs,
 * 10,240 MB today).
 */
export const LAMBDA_EDGE_PACKAGE_LIMITS = {
  viewer: { maxPackageBytes: 1024 * 1024, maxMemoryMb: 128 },
  origin: { maxPackageBytes: 50 * 1024 * 1024, maxMemoryMb: 10_240 },
} as const;

/** Lambda@Edge quotas per trigger side.
 * Source: https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cloudfront-limits.html#limits-lambda-at-edge
 * and .../edge-functions-restrictions.html (IncludeBody truncation). */
export const LAMBDA_EDGE_LIMITS = {
  viewer: {
    timeoutMs: 5_000,
    /** generated response, headers + body */
    maxResponseBytes: 40 * 1024,
    /** request body exposed with IncludeBody is cut here */
    bodyExposedBytes: 40 * 1024,
    /** replacement body sent base64-encoded ("53.2 KB" in the quotas table) */
    maxBase64BodyBytes: Math.round(53.2 * 1024),
  },
  origin: {
    timeoutMs: 30_000,
    maxResponseBytes: 1024 * 1024,
    bodyExposedBytes: 1024 * 1024,
    /** "1.33 MB" in the quotas table */
    maxBase64BodyBytes: Math.round(1.33 * 1024 * 1024),
  },
  /**
   * EdgeLab modelling choice: simulated milliseconds per QuickJS poll point. Timeouts are
   * enforced on this simulated clock, never on the machine's: 5 s = 500,000 poll points
   * (viewer triggers), 30 s = 3,000,000 (origin triggers).
   */
  simulatedMsPerUnit: 0.01,
  /** EdgeLab modelling choice: fixed cost of a warm invocation (Lambda@Edge adds a few ms) */
  warmInvocationMs: 5,
  /** EdgeLab modelling choice: first invocation of a function at a location (Node.js cold start) */
  coldStartMs: 150,
  /** EdgeLab modelling choice: logs kept per invocation for the inspector */
  maxLogBytes: 64 * 1024,
} as const;

export function lambdaSide(eventType: LambdaEventType): 'viewer' | 'origin' {
  return eventType === 'viewer-request' || eventType === 'viewer-response' ? 'viewer' : 'origin';
}

/** The sandbox itself (QuickJS in WebAssembly): guards for the host, not CloudFront numbers. */
export const SANDBOX_LIMITS = {
  /** fixed WebAssembly memory for all functions of one runtime; it never grows past this */
  heapBytes: 64 * 1024 * 1024,
  /** QuickJS stack limit; above ~256 KB the host's own stack overflows first (toolchain notes) */
  maxStackBytes: 128 * 1024,
  /** a result larger than this is refused (502) before it is even parsed */
  maxOutputChars: 1024 * 1024,
  /** headroom over a function's memory limit for QuickJS's own per-call allocations */
  allocationSlackBytes: 256 * 1024,
  /** how often (poll points) the memory and budget checks run inside long invocations */
  checkEveryUnits: 10_000,
  /**
   * EdgeLab modelling choice: this QuickJS build cannot see allocation sizes, so held memory
   * is counted in live allocations at this assumed average size (2 MB = 32,768 allocations).
   */
  bytesPerAllocation: 64,
  /** poll points a function's top-level code may use when it is loaded */
  prepareBudgetUnits: 1_000_000,
  /** Lambda@Edge memory as enforced here (128 MB does not fit the shared heap) */
  lambdaMemoryBytes: 32 * 1024 * 1024,
} as const;

/**
 * Headers edge functions never see and may not add (502 if they do).
 * Source: https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/edge-functions-restrictions.html
 */
export const DISALLOWED_HEADERS = new Set([
  'connection',
  'expect',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'trailer',
  'upgrade',
  'x-accel-buffering',
  'x-accel-charset',
  'x-accel-limit-rate',
  'x-accel-redirect',
  'x-amzn-auth',
  'x-amzn-cf-billing',
  'x-amzn-cf-id',
  'x-amzn-cf-xff',
  'x-amzn-errortype',
  'x-amzn-fle-profile',
  'x-amzn-header-count',
  'x-amzn-header-order',
  'x-amzn-lambda-integration-tag',
  'x-amzn-requestid',
  'x-cache',
  'x-forwarded-proto',
  'x-real-ip',
]);
const DISALLOWED_PREFIXES = ['x-amz-cf-', 'x-edge-'];

export function isDisallowedHeader(name: string): boolean {
  if (DISALLOWED_HEADERS.has(name)) return true;
  for (const p of DISALLOWED_PREFIXES) if (name.startsWith(p)) return true;
  return false;
}

/** Read-only headers per event (same page): reading is fine, adding or changing them gives 502. */
export const READ_ONLY_HEADERS: Record<LambdaEventType, ReadonlySet<string>> = {
  'viewer-request': new Set(['content-length', 'host', 'transfer-encoding', 'via']),
  'origin-request': new Set([
    'accept-encoding',
    'content-length',
    'if-modified-since',
    'if-none-match',
    'if-range',
    'if-unmodified-since',
    'transfer-encoding',
    'via',
  ]),
  'origin-response': new Set(['transfer-encoding', 'via']),
  'viewer-response': new Set(['warning', 'via']),
};

/** "2 MB", "40 KB", "1.5 MB": sizes in messages. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / 1024 / 1024).toFixed(1))} MB`;
  return `${Number((bytes / 1024).toFixed(1))} KB`;
}
