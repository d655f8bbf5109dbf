// The fast path for CloudFront Functions: most traffic functions (add a header, rewrite a
// URI, redirect, normalise a query string) are small, synchronous and stateless, and QuickJS
// spends ~50 µs per call on them, mostly interpreting and marshalling. Such functions are
// compiled once more, into host closures over a value model that cannot reach the host
// (machine.ts), and run in a few microseconds.
//
// The contract with QuickJS: for a function the fast path accepts, every invocation either
// produces exactly the reply string and handler poll points QuickJS would, or bails and is
// run by QuickJS. Errors, limits, console output, KeyValueStore, crypto and every construct
// the compiler refuses always go to QuickJS. fastPath.test.ts runs both on the same inputs
// and requires identical replies and units.
//
// Only functions whose results may be reused (cacheSafety.ts: no state survives between
// invocations) are accepted: a bail then re-runs the invocation from scratch, and nothing
// the fast path did can be seen by QuickJS or by the next request.

import type { Program } from 'acorn';
import type { CfSnapshot } from '../cfEncode';
import type { CallResult } from '../sandbox';
import type { FunctionContext } from '../types';
import { compileProgram, NotEligible, type CompiledProgram } from './compile';
import { directRequest } from './directRequest';
import { buildEvent, encodeResult, lazyRequest } from './event';
import { R } from './machine';

/** QuickJS's handler poll points for `return event.request` (the call itself and the marks). */
const BASE_UNITS = { sync: 4, async: 27 };

export class FastHandler {
  /** invocations answered here / handed to QuickJS */
  answered = 0;
  bailed = 0;

  private constructor(
    private readonly program: CompiledProgram,
    private readonly base: number,
  ) {}

  /** The fast handler for this code, or the reason it runs in QuickJS only. */
  static compile(ast: Program): FastHandler | string {
    try {
      const program = compileProgram(ast);
      const asyncHandler = ast.body.some(
        (s) => s.type === 'FunctionDeclaration' && s.id?.name === 'handler' && s.async,
      );
      return new FastHandler(program, asyncHandler ? BASE_UNITS.async : BASE_UNITS.sync);
    } catch (e) {
      if (e instanceof NotEligible) return e.message;
      throw e;
    }
  }

  /** The reply for one event (cfEncode.ts cffSnapshot), or undefined: run it in QuickJS. */
  call(snap: CfSnapshot, ctx: FunctionContext, seedOf: () => number): CallResult | undefined {
    R.units = 0;
    R.bytes = 0;
    R.depth = 0;
    R.ret = undefined;
    R.jumped = false;
    try {
      const event = buildEvent(snap, ctx, seedOf);
      const handler = this.program.instantiate();
      R.units = 0; // top-level code ran once at load in QuickJS: it is not this invocation's
      R.jumped = false;
      const result = handler.call([event], 1);
      const handlerUnits = this.base + R.units;
      this.answered++;
      const req = lazyRequest();
      const direct =
        snap.eventType === 'viewer-request' && req !== null && result === req
          ? directRequest(req, snap)
          : undefined;
      if (direct) {
        const parsed = { status: 'req', flags: R.flags, kvsReads: 0, logs: [], p: [] };
        return { ok: true, reply: '', units: handlerUnits, handlerUnits, parsed, request: direct };
      }
      const parsed = encodeResult(snap.eventType, result);
      return { ok: true, reply: '', units: handlerUnits, handlerUnits, parsed };
    } catch {
      // BAIL, or any host error on the way: QuickJS has the authoritative answer
      this.bailed++;
      R.ret = undefined;
      return undefined;
    }
  }
}
