// Results of functions whose output provably depends only on the request (cacheSafety.ts):
// the same request (ignoring request id, clock and, unless the function read it, the viewer
// ip) gives the same answer, so the sandbox call is skipped. A run that read Date,
// Math.random or the request id is never stored. This keeps bulk simulations fast without
// changing a single number they produce.

import type { CallResult } from './sandbox';

/** A stored run: the sandbox's answer and, once decoded, what it became (see runtime.ts). */
export interface CacheEntry {
  result: CallResult;
  /** the decoded outcome, kept so that a hit skips decoding too */
  template?: unknown;
}
import { READ_DATE, READ_IP, READ_RANDOM, READ_REQUEST_ID } from './wire';

/** entries per map; the oldest go first (a teaching-scale catalog fits) */
const MAX_ENTRIES = 2048;
/** after this many lookups, a cache that almost never hits stops storing (it only costs) */
const TRIAL_LOOKUPS = 4096;
const MIN_HIT_RATE = 0.05;
const VOLATILE = READ_DATE | READ_RANDOM | READ_REQUEST_ID;

export class ResultCache {
  /** runs that did not read the viewer ip, keyed by the stable input */
  private byInput = new Map<string, CacheEntry>();
  /** runs that read the viewer ip, keyed by stable input + ip */
  private byInputAndIp = new Map<string, CacheEntry>();
  hits = 0;
  private lookups = 0;

  get(stable: string, ip: string): CacheEntry | undefined {
    this.lookups++;
    // the same stable input always takes the same path up to its first read of the ip, so
    // an entry stored without the ip can never depend on it
    const r =
      this.byInput.get(stable) ??
      (this.byInputAndIp.size ? this.byInputAndIp.get(stable + '\x1f' + ip) : undefined);
    if (r) this.hits++;
    return r;
  }

  /** `flags` is the reply's flags field: only its low bits are tested (the KeyValueStore read
   * count rides above them, wire.ts); a replay keeps the stored reads, so it bills them again. */
  store(stable: string, ip: string, entry: CacheEntry, flags: number): void {
    if (flags & VOLATILE) return;
    if (this.lookups > TRIAL_LOOKUPS && this.hits < this.lookups * MIN_HIT_RATE) return; // all-unique traffic
    if (flags & READ_IP) put(this.byInputAndIp, stable + '\x1f' + ip, entry);
    else put(this.byInput, stable, entry);
  }
}

function put(map: Map<string, CacheEntry>, key: string, value: CacheEntry): void {
  if (map.size >= MAX_ENTRIES) {
    const oldest = map.keys().next();
    if (!oldest.done) map.delete(oldest.value);
  }
  map.set(key, value);
}
