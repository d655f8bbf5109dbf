// One QuickJS runtime + context per edge function, created at prepare(); the function's
// code is compiled once and every invocation is one call into the bridge with a string in
// and a string out. This module owns the limits that need QuickJS internals: the CPU budget
// (exact poll-point counting through the calibrated interrupt counter), the memory checks
// and the recreation of a sandbox that was left in a bad state.

import type { QuickJSContext, QuickJSHandle, QuickJSRuntime } from 'quickjs-emscripten-core';
import { hostHash } from './hashes';
import type { EdgeRequest } from '../http/model';
import type { Reply } from './wire';
import { formatBytes, SANDBOX_LIMITS } from './limits';
import { BRIDGE_FUNCTIONS, PRELUDE_SOURCE, type BridgeFunction, type PreludeConfig } from './prelude';
import { POLL_POINTS_PER_TICK, contextPointer, runtimePointer, type QuickJSHost } from './quickjsHost';

export interface SandboxSpec {
  config: PreludeConfig;
  /** the user's code, already checked and rewritten (sourceCheck.ts) */
  source: string;
  /** budget for top-level code, in poll points */
  loadBudget: number;
  /** memory the function may hold beyond the empty sandbox, in bytes */
  memoryLimitBytes: number;
}

export type CallResult =
  /** handlerUnits: the poll points of the user's handler alone (CloudFront Functions), without
   *  the bridge's event building and result encoding; compute utilization reports these */
  /** parsed: the reply already split (fast path); request: already decoded (fast path) */
  | { ok: true; reply: string; units: number; handlerUnits?: number; parsed?: Reply; request?: EdgeRequest }
  /** cpu / memory: over a limit (503); output: a result too large to accept (502); crash: the sandbox failed (503) */
  | { ok: false; limit: 'cpu' | 'memory' | 'output' | 'crash'; message: string; units: number };

/** Thrown by load(): the code could not be loaded; the message says why. */
export class SandboxLoadError extends Error {}

export class Sandbox {
  private rt: QuickJSRuntime | undefined;
  private ctx: QuickJSContext | undefined;
  private fns = new Map<BridgeFunction, QuickJSHandle>();
  private counterIndex = -1;
  private allocIndex = -1;
  // budget state of the call in flight
  private active = false;
  private budget = 0;
  private consumed = 0;
  private segment = 0;
  private stop: 'cpu' | 'memory' | undefined;
  /** units at the bridge's first and last hostMark() of the call in flight (-1: none) */
  private markFirst = -1;
  private markLast = -1;
  private failure: string | undefined;
  // memory accounting: live QuickJS allocations above the empty sandbox (see load())
  private baselineAllocations = 0;
  private allocationCap = 0;

  constructor(
    private readonly host: QuickJSHost,
    private readonly spec: SandboxSpec,
  ) {}

  /** Creates the runtime, runs the prelude and the user's top-level code. */
  load(): void {
    const rt = this.host.module.newRuntime();
    this.rt = rt;
    rt.setMaxStackSize(SANDBOX_LIMITS.maxStackBytes);
    rt.setInterruptHandler(() => this.onInterrupt());
    const ctx = rt.newContext();
    this.ctx = ctx;
    if (this.host.counterWord !== undefined)
      this.counterIndex = (contextPointer(ctx) >> 2) + this.host.counterWord;
    if (this.host.allocWord !== undefined) this.allocIndex = (runtimePointer(rt) >> 2) + this.host.allocWord;

    const hash = ctx.newFunction('hostHash', (alg, key, data, enc) => {
      try {
        const k = ctx.typeof(key) === 'string' ? ctx.getString(key) : null;
        return ctx.newString('=' + hostHash(ctx.getString(alg), k, ctx.getString(data), ctx.getString(enc)));
      } catch (e) {
        return ctx.newString('!' + (e instanceof Error ? e.message : String(e)));
      }
    });
    const mark = ctx.newFunction('hostMark', () => {
      const at = this.unitsUsed();
      if (this.markFirst < 0) this.markFirst = at;
      this.markLast = at;
    });
    const prelude = ctx.evalCode(PRELUDE_SOURCE, 'edgelab-prelude.js').unwrap();
    const cfgJson = ctx.newString(JSON.stringify(this.spec.config));
    const bridge = ctx.callFunction(prelude, ctx.undefined, cfgJson, hash, mark).unwrap();
    cfgJson.dispose();
    prelude.dispose();
    hash.dispose();
    mark.dispose();
    for (const name of BRIDGE_FUNCTIONS) this.fns.set(name, ctx.getProp(bridge, name));
    bridge.dispose();
    // Memory, as far as this QuickJS build lets us see it (it cannot tell allocation sizes):
    // - the limit refuses any single allocation above the function's memory (QuickJS counts
    //   8 bytes per live allocation plus the size being asked for);
    // - the function may hold memoryLimitBytes / bytesPerAllocation live allocations above
    //   the empty sandbox (baseline taken before the user's code, so its data counts);
    // - the fixed-size WebAssembly heap is the hard cap behind both.
    this.baselineAllocations = this.allocIndex >= 0 ? this.host.heap()[this.allocIndex] : 0;
    this.allocationCap = Math.floor(this.spec.memoryLimitBytes / SANDBOX_LIMITS.bytesPerAllocation);
    rt.setMemoryLimit(
      this.spec.memoryLimitBytes + this.baselineAllocations * 8 + SANDBOX_LIMITS.allocationSlackBytes,
    );

    this.begin(this.spec.loadBudget);
    try {
      const compiled = ctx.evalCode(this.spec.source, this.spec.config.file, {
        type: 'global',
        strict: this.spec.config.kind === 'cff',
      });
      if (compiled.error)
        throw new SandboxLoadError(`failed while loading: ${this.loadErrorMessage(compiled.error)}`);
      const target = compiled.value;
      let handler = target;
      if (this.spec.config.kind === 'cff') {
        target.dispose();
        const lookup = ctx.evalCode("typeof handler === 'function' ? handler : undefined").unwrap();
        handler = lookup;
      }
      const bound = ctx.callFunction(
        this.fn(this.spec.config.kind === 'cff' ? 'bindCff' : 'loadLambda'),
        ctx.undefined,
        handler,
      );
      handler.dispose();
      if (bound.error)
        throw new SandboxLoadError(`failed while loading: ${this.loadErrorMessage(bound.error)}`);
      const status = ctx.getString(bound.value);
      bound.value.dispose();
      if (status !== 'ok') {
        throw new SandboxLoadError(
          this.spec.config.kind === 'cff'
            ? 'defines no handler: write `function handler(event) { ... }` at the top level'
            : 'exports no handler: set `exports.handler = async (event, context) => { ... }`',
        );
      }
      if (rt.hasPendingJob()) this.runJobs();
    } finally {
      this.active = false;
    }
    if (this.overMemory()) {
      throw new SandboxLoadError(
        `holds more data after its top-level code runs than its ${formatBytes(this.spec.memoryLimitBytes)} memory limit allows`,
      );
    }
  }

  /** Calls one bridge function with string arguments, within `budget` poll points. */
  call(name: BridgeFunction, args: string[], budget: number): CallResult {
    const ctx = this.ctx;
    if (!ctx) return { ok: false, limit: 'crash', message: 'the sandbox is not loaded', units: 0 };
    this.begin(budget);
    try {
      let reply = this.invoke(ctx, this.fn(name), args);
      if (reply === 'pend' && this.stop === undefined) {
        this.runJobs();
        if (this.stop === undefined) reply = this.invoke(ctx, this.fn('settle'), []);
      }
      // work the handler left queued (a promise it did not await) finishes in this invocation
      if (this.stop === undefined && this.rt?.hasPendingJob()) this.runJobs();
      const units = this.unitsUsed();
      if (this.stop) return this.limitResult(this.stop, units);
      if (reply !== undefined && reply.length > SANDBOX_LIMITS.maxOutputChars) {
        return {
          ok: false,
          limit: 'output',
          message: `returned ${Math.round(reply.length / 1024).toLocaleString('en-US')} KB of output; the limit is ${SANDBOX_LIMITS.maxOutputChars / 1024 / 1024} MB`,
          units,
        };
      }
      if (reply === undefined) {
        return {
          ok: false,
          limit: 'crash',
          message: `the sandbox failed: ${this.failure ?? 'no result'}`,
          units,
        };
      }
      if (this.overMemory()) return this.limitResult('memory', units);
      return this.markFirst >= 0
        ? { ok: true, reply, units, handlerUnits: this.markLast - this.markFirst }
        : { ok: true, reply, units };
    } finally {
      this.active = false;
    }
  }

  /** Jobs still queued (an async handler stopped mid-way): they must not run in the next call. */
  hasPendingWork(): boolean {
    return this.rt?.hasPendingJob() ?? false;
  }

  /** After a limit error the function's globals may hold the garbage: start afresh. */
  reload(): void {
    this.dispose();
    this.load();
  }

  dispose(): void {
    for (const h of this.fns.values()) if (h.alive) h.dispose();
    this.fns.clear();
    try {
      this.ctx?.dispose();
      this.rt?.dispose();
    } catch {
      // a runtime that hit out-of-memory inside QuickJS may refuse a clean free; the whole
      // fixed-size heap is reclaimed with the module, so dropping the reference is safe
    }
    this.ctx = undefined;
    this.rt = undefined;
  }

  private fn(name: BridgeFunction): QuickJSHandle {
    const h = this.fns.get(name);
    if (!h) throw new Error(`bridge function ${name} missing`);
    return h;
  }

  private invoke(ctx: QuickJSContext, fn: QuickJSHandle, args: string[]): string | undefined {
    const handles = args.map((a) => ctx.newString(a));
    const r = ctx.callFunction(fn, ctx.undefined, ...handles);
    for (const h of handles) h.dispose();
    if (r.error) {
      // only the interrupt (uncatchable) or an internal failure of the bridge gets here
      const message = describeError(ctx, r.error, this.spec.config.file);
      r.error.dispose();
      if (this.stop === undefined && /out of memory/i.test(message)) this.stop = 'memory';
      else if (this.stop === undefined) this.failure = message;
      return undefined;
    }
    const s = ctx.typeof(r.value) === 'string' ? ctx.getString(r.value) : undefined;
    r.value.dispose();
    return s;
  }

  private runJobs(): void {
    const rt = this.rt;
    if (!rt) return;
    while (rt.hasPendingJob() && this.stop === undefined) {
      const res = rt.executePendingJobs(-1);
      if (res.error) {
        // a job threw outside any promise (rare: the bridge's own callbacks never throw)
        res.error.dispose();
        if (this.stop === undefined && !this.active) break;
      }
    }
  }

  private begin(budget: number): void {
    this.active = true;
    this.stop = undefined;
    this.failure = undefined;
    this.markFirst = -1;
    this.markLast = -1;
    this.budget = budget;
    this.consumed = 0;
    this.segment = Math.min(budget, SANDBOX_LIMITS.checkEveryUnits);
    if (this.counterIndex >= 0) this.host.heap()[this.counterIndex] = this.segment;
    else this.segment = POLL_POINTS_PER_TICK; // uncalibrated: the counter runs on its own
  }

  private unitsUsed(): number {
    if (this.counterIndex < 0) return this.consumed;
    const left = this.host.heap()[this.counterIndex];
    return this.consumed + Math.max(0, this.segment - left);
  }

  private onInterrupt(): boolean {
    if (!this.active) return false;
    this.consumed += this.segment;
    if (this.overMemory()) {
      this.stop = 'memory';
      return true;
    }
    if (this.consumed >= this.budget) {
      this.stop = 'cpu';
      return true;
    }
    if (this.counterIndex >= 0) {
      this.segment = Math.min(this.budget - this.consumed, SANDBOX_LIMITS.checkEveryUnits);
      this.host.heap()[this.counterIndex] = this.segment;
    }
    return false;
  }

  /** Cheap (one memory read), so it runs after every call and at every interrupt tick. */
  private overMemory(): boolean {
    return (
      this.allocIndex >= 0 &&
      this.host.heap()[this.allocIndex] - this.baselineAllocations > this.allocationCap
    );
  }

  private limitResult(limit: 'cpu' | 'memory', units: number): CallResult {
    const message =
      limit === 'cpu'
        ? `ran past its compute budget (${this.budget.toLocaleString('en-US')} poll points) and was stopped`
        : `went over its ${formatBytes(this.spec.memoryLimitBytes)} memory limit and was stopped`;
    return { ok: false, limit, message, units };
  }

  private loadErrorMessage(err: QuickJSHandle): string {
    // every handle must be disposed: a leaked one makes QuickJS abort when the runtime is freed
    const msg = describeError(this.ctx as QuickJSContext, err, this.spec.config.file);
    err.dispose();
    if (this.stop === 'cpu') return 'top-level code ran past its compute budget (an endless loop?)';
    if (this.stop === 'memory')
      return `top-level code went over the ${formatBytes(this.spec.memoryLimitBytes)} memory limit`;
    return msg;
  }
}

/** "Name: message (line N)", N being the first frame in the user's own file. */
function describeError(ctx: QuickJSContext, err: QuickJSHandle, file: string): string {
  try {
    const v: unknown = ctx.dump(err);
    if (v && typeof v === 'object') {
      const o = v as { name?: unknown; message?: unknown; stack?: unknown };
      const at = typeof o.stack === 'string' ? o.stack.indexOf(`${file}:`) : -1;
      const line = at >= 0 ? /^:(\d+)/.exec((o.stack as string).slice(at + file.length)) : null;
      return `${String(o.name ?? 'Error')}: ${String(o.message ?? '')}${line ? ` (line ${line[1]})` : ''}`;
    }
    return String(v);
  } catch {
    return 'an error that cannot be printed';
  }
}
