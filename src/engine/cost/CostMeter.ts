// Counts what a simulation would be billed for and prices it on demand. The per-request calls
// take numbers only and write into fixed typed arrays: no allocation, no string keys, so the
// pipeline can call them for every simulated request.
//
// API:
//   const meter = new CostMeter();
//   meter.addRequest(pricingRegion, https, bytesOut, proxyBytesToOrigin)
//       one viewer request served by a PoP in `pricingRegion` (PricingRegion id): a request
//       charge (HTTP or HTTPS), `bytesOut` bytes to the viewer, and `proxyBytesToOrigin`
//       request-body bytes sent to the origin (PUT/POST/PATCH...; 0 otherwise).
//       A redirect and the request that follows it are two calls (spec §11.3).
//   meter.addShieldRequest(pricingRegion)          one request through Origin Shield as an extra
//       layer, priced by the shield Region's pricing region (geo/regions.ts AwsRegion.pricingRegion).
//       Call it only when the shield is not the PoP's own REC (spec §6.2).
//   meter.addFunctionInvocation('cloudfront' | 'lambda', durationMs, memoryMb)
//       Lambda@Edge duration is rounded up to the next 1 ms and billed per GB-second of
//       memoryMb; CloudFront Functions are billed per invocation only.
//   meter.addKvsReads(n)                           KeyValueStore reads: one per get / exists / meta
//       call of a CloudFront Function, a result-cache replay included (sim/functionHooks.ts)
//   meter.addInvalidationPaths(n)                  paths submitted (a wildcard path counts 1)
//   meter.breakdown({ priceClass, freeTier }): CostBreakdown
//       USD by item, every item always present (stable keys for charts), plus `total`:
//       'dataTransfer.<region>' x 8, 'requests.http', 'requests.https', 'originShield',
//       'dataTransferToOrigin', 'functions.cloudfront', 'functions.lambda', 'keyValueStore',
//       'invalidations'. Data transfer tiers apply to each region's cumulative bytes; the whole
//       simulation is one billing month. Traffic served from a region outside the price class
//       is billed at the class's cheapest rates (spec §11.5). With freeTier, the monthly
//       allowance is shared among regions in proportion to their use.
//   meter.reset()
import type { PriceClass } from '../scenario';
import type { CostBreakdown } from '../types';
import {
  billingRegion,
  BYTES_PER_GB,
  DATA_TO_ORIGIN_PRICE_PER_GB,
  DATA_TRANSFER_TIERS,
  FREE_TIER,
  ORIGIN_SHIELD_PRICE_PER_10K,
  REQUEST_PRICE_PER_10K,
  tieredCost,
  UNIT_PRICES,
} from './pricing';
import { PRICING_REGION_COUNT, PRICING_REGION_KEYS } from './pricingRegions';

export interface CostOptions {
  priceClass: PriceClass;
  /** apply the always-free monthly allowance (the 1,000 free invalidation paths always apply) */
  freeTier: boolean;
}

const N = PRICING_REGION_COUNT;

export class CostMeter {
  private readonly bytesOut = new Float64Array(N);
  private readonly httpRequests = new Float64Array(N);
  private readonly httpsRequests = new Float64Array(N);
  private readonly bytesToOrigin = new Float64Array(N);
  private readonly shieldRequests = new Float64Array(N);
  private cloudFrontInvocations = 0;
  private lambdaRequests = 0;
  private lambdaGbSeconds = 0;
  private kvsReads = 0;
  private invalidationPaths = 0;

  addRequest(pricingRegion: number, https: boolean, bytesOut: number, proxyBytesToOrigin: number): void {
    if (https) this.httpsRequests[pricingRegion]++;
    else this.httpRequests[pricingRegion]++;
    this.bytesOut[pricingRegion] += bytesOut;
    this.bytesToOrigin[pricingRegion] += proxyBytesToOrigin;
  }

  addShieldRequest(pricingRegion: number): void {
    this.shieldRequests[pricingRegion]++;
  }

  addFunctionInvocation(kind: 'cloudfront' | 'lambda', durationMs: number, memoryMb: number): void {
    if (kind === 'cloudfront') {
      this.cloudFrontInvocations++;
      return;
    }
    this.lambdaRequests++;
    // Lambda@Edge bills duration in 1 ms increments, per GB (1,024 MB) of configured memory.
    this.lambdaGbSeconds += (Math.ceil(durationMs) / 1000) * (memoryMb / 1024);
  }

  addKvsReads(n: number): void {
    this.kvsReads += n;
  }

  addInvalidationPaths(n: number): void {
    this.invalidationPaths += n;
  }

  reset(): void {
    for (const a of [
      this.bytesOut,
      this.httpRequests,
      this.httpsRequests,
      this.bytesToOrigin,
      this.shieldRequests,
    ]) {
      a.fill(0);
    }
    this.cloudFrontInvocations = 0;
    this.lambdaRequests = 0;
    this.lambdaGbSeconds = 0;
    this.kvsReads = 0;
    this.invalidationPaths = 0;
  }

  breakdown(opts: CostOptions): CostBreakdown {
    const { priceClass, freeTier } = opts;
    // Move usage from regions outside the price class to the region whose rates apply.
    const gb = new Float64Array(N);
    const http = new Float64Array(N);
    const https = new Float64Array(N);
    const originGb = new Float64Array(N);
    for (let r = 0; r < N; r++) {
      const b = billingRegion(r, priceClass);
      gb[b] += this.bytesOut[r] / BYTES_PER_GB;
      http[b] += this.httpRequests[r];
      https[b] += this.httpsRequests[r];
      originGb[b] += this.bytesToOrigin[r] / BYTES_PER_GB;
    }
    if (freeTier) {
      shareAllowance(FREE_TIER.dataTransferGb, [gb]);
      shareAllowance(FREE_TIER.requests, [http, https]);
    }

    const items: Record<string, number> = {};
    let total = 0;
    const put = (name: string, usd: number) => {
      items[name] = roundUsd(usd);
      total += usd;
    };
    for (let r = 0; r < N; r++) {
      put(`dataTransfer.${PRICING_REGION_KEYS[r]}`, tieredCost(gb[r], DATA_TRANSFER_TIERS.pricePerGb[r]));
    }
    let httpUsd = 0;
    let httpsUsd = 0;
    let shieldUsd = 0;
    let originUsd = 0;
    for (let r = 0; r < N; r++) {
      httpUsd += (http[r] / 10_000) * REQUEST_PRICE_PER_10K.http[r];
      httpsUsd += (https[r] / 10_000) * REQUEST_PRICE_PER_10K.https[r];
      // Shield requests are billed where the shield is; the price class does not move them.
      shieldUsd += (this.shieldRequests[r] / 10_000) * ORIGIN_SHIELD_PRICE_PER_10K[r];
      originUsd += originGb[r] * DATA_TO_ORIGIN_PRICE_PER_GB[r];
    }
    put('requests.http', httpUsd);
    put('requests.https', httpsUsd);
    put('originShield', shieldUsd);
    put('dataTransferToOrigin', originUsd);

    const cfBillable = freeTier
      ? Math.max(0, this.cloudFrontInvocations - FREE_TIER.cloudFrontFunctionInvocations)
      : this.cloudFrontInvocations;
    put('functions.cloudfront', cfBillable * UNIT_PRICES.cloudFrontFunctionInvocation);
    put(
      'functions.lambda',
      this.lambdaRequests * UNIT_PRICES.lambdaRequest + this.lambdaGbSeconds * UNIT_PRICES.lambdaGbSecond,
    );
    const kvsBillable = freeTier ? Math.max(0, this.kvsReads - FREE_TIER.kvsReads) : this.kvsReads;
    put('keyValueStore', kvsBillable * UNIT_PRICES.kvsRead);
    put(
      'invalidations',
      Math.max(0, this.invalidationPaths - UNIT_PRICES.freeInvalidationPaths) * UNIT_PRICES.invalidationPath,
    );
    return { ...items, total: roundUsd(total) };
  }
}

/** Subtracts a free allowance from usage buckets, each bucket in proportion to its share. */
function shareAllowance(allowance: number, buckets: Float64Array[]): void {
  let used = 0;
  for (const b of buckets) for (let i = 0; i < b.length; i++) used += b[i];
  if (used <= 0) return;
  const keep = Math.max(0, used - allowance) / used;
  for (const b of buckets) for (let i = 0; i < b.length; i++) b[i] *= keep;
}

/** Prices are kept to a billionth of a dollar so sums read cleanly (no 0.30000000000000004). */
function roundUsd(usd: number): number {
  return Math.round(usd * 1e9) / 1e9;
}
