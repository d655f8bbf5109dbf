// Deterministic identifiers CloudFront would make: X-Amz-Cf-Id request ids, the hex host in
// Via, invalidation ids. Each kind draws from its own seeded stream, so adding requests never
// shifts the traffic or origin randomness (no Math.random in the engine).
import { createRng, type Rng } from '../util/rng';
import type { RequestCtx } from './model';

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const HEX = '0123456789abcdef';
const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

export class IdSource {
  private readonly requests: Rng;
  private readonly invalidations: Rng;
  private readonly bytes = new Uint8Array(40);

  constructor(seed: number) {
    const root = createRng(seed);
    this.requests = root.fork('request-ids');
    this.invalidations = root.fork('invalidation-ids');
  }

  /** 40 random bytes in URL-safe base64: 54 characters + '==' like real X-Amz-Cf-Id values
   * (spec §2.4: ^[A-Za-z0-9_-]{54}==$). */
  requestId(): string {
    const b = this.bytes;
    for (let i = 0; i < 40; i += 4) {
      const w = this.requests.int(0x1_0000_0000);
      b[i] = w >>> 24;
      b[i + 1] = (w >>> 16) & 255;
      b[i + 2] = (w >>> 8) & 255;
      b[i + 3] = w & 255;
    }
    let out = '';
    for (let i = 0; i < 39; i += 3) {
      const n = (b[i] << 16) | (b[i + 1] << 8) | b[i + 2];
      out += B64URL[n >>> 18] + B64URL[(n >>> 12) & 63] + B64URL[(n >>> 6) & 63] + B64URL[n & 63];
    }
    const last = b[39];
    return out + B64URL[last >>> 2] + B64URL[(last & 3) << 4] + '==';
  }

  /** The 32-hex-character edge server name in Via ('<hex>.cloudfront.net'). */
  viaHost(): string {
    let out = '';
    for (let i = 0; i < 4; i++) {
      const w = this.requests.int(0x1_0000_0000);
      for (let s = 28; s >= 0; s -= 4) out += HEX[(w >>> s) & 15];
    }
    return out + '.cloudfront.net';
  }

  /** 'I' + 13 upper-case letters and digits, like real invalidation ids. */
  invalidationId(): string {
    let out = 'I';
    for (let i = 0; i < 13; i++) out += UPPER_ALNUM[this.invalidations.int(UPPER_ALNUM.length)];
    return out;
  }
}

/** Gives the request its X-Amz-Cf-Id and Via value if it has none yet. run() calls this only
 * when something needs them (an origin request, a function), so hits cost no id. */
export function ensureRequestIds(ctx: RequestCtx, ids: IdSource): void {
  if (ctx.requestId !== '') return;
  ctx.requestId = ids.requestId();
  // Via names the protocol CloudFront received (spec §2.4): 1.1 or 2.0.
  ctx.via = `${ctx.httpVersion === '2.0' || ctx.httpVersion === '3.0' ? '2.0' : '1.1'} ${ids.viaHost()} (CloudFront)`;
}
