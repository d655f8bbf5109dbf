// Loads QuickJS (WebAssembly, synchronous variant) with a FIXED-size memory and finds two
// counters inside it that make limits deterministic and cheap:
//
// - the context's interrupt counter: QuickJS decrements it at every function call and loop
//   back-edge ("poll point") and calls our interrupt handler at zero. Reading and setting it
//   gives an exact, machine-independent CPU measure per invocation (the handler alone only
//   fires every 10,000 poll points).
// - the runtime's live-allocation count: this emscripten build of QuickJS cannot see
//   allocation sizes (malloc_usable_size is 0), so JS_SetMemoryLimit does not cap memory;
//   the count tells us cheaply when an exact (slow) memory measurement is worth taking.
//
// Both are found by calibration (a known workload, then a search of the struct) instead of
// hard-coded offsets, and each is verified; if either is not found we fall back to coarse
// tick counting / periodic measurement and say so in the runtime's diagnostics.

import { newQuickJSWASMModuleFromVariant, newVariant } from 'quickjs-emscripten-core';
import type {
  CustomizeVariantOptions,
  QuickJSContext,
  QuickJSHandle,
  QuickJSRuntime,
  QuickJSWASMModule,
} from 'quickjs-emscripten-core';
import releaseSyncVariant from '@jitl/quickjs-wasmfile-release-sync';
import { SANDBOX_LIMITS } from './limits';

/** QuickJS's JS_INTERRUPT_COUNTER_INIT: poll points between two interrupt-handler calls. */
export const POLL_POINTS_PER_TICK = 10_000;
const WASM_PAGE = 65_536;

interface WasmMemoryLike {
  readonly buffer: ArrayBuffer;
}
interface WasmApi {
  Memory: new (d: { initial: number; maximum: number }) => WasmMemoryLike;
}
// The engine's tsconfig has no DOM/WebAssembly typings; reach the global without declaring one.
const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

export interface QuickJSHost {
  module: QuickJSWASMModule;
  /** int32 view of the wasm memory (re-created if the buffer was ever replaced) */
  heap(): Int32Array;
  /** word offset of interrupt_counter from a context pointer, when calibration found it */
  counterWord?: number;
  /** word offset of the live-allocation count from a runtime pointer */
  allocWord?: number;
  diagnostics: string[];
}

export function contextPointer(ctx: QuickJSContext): number {
  return (ctx as unknown as { ctx: { value: number } }).ctx.value;
}
export function runtimePointer(rt: QuickJSRuntime): number {
  return (rt as unknown as { rt: { value: number } }).rt.value;
}

export async function loadQuickJS(wasmLocation?: string): Promise<QuickJSHost> {
  const pages = Math.ceil(SANDBOX_LIMITS.heapBytes / WASM_PAGE);
  // initial = maximum: the sandbox heap never grows, so a memory bomb fails inside QuickJS
  // ("out of memory") instead of taking memory from the page or the worker.
  const memory = new wasm.Memory({ initial: pages, maximum: pages });
  // the engine build has no WebAssembly typings: the memory is the real thing, typed loosely
  const wasmMemory = memory as unknown as CustomizeVariantOptions['wasmMemory'];
  const variant = newVariant(
    releaseSyncVariant,
    wasmLocation ? { wasmMemory, wasmLocation } : { wasmMemory },
  );
  const module = await newQuickJSWASMModuleFromVariant(variant);
  let view = new Int32Array(memory.buffer);
  const heap = () => {
    if (view.buffer !== memory.buffer) view = new Int32Array(memory.buffer);
    return view;
  };
  const host: QuickJSHost = { module, heap, diagnostics: [] };
  calibrate(host);
  return host;
}

function calibrate(host: QuickJSHost): void {
  const rt = host.module.newRuntime();
  const ctx = rt.newContext();
  let ticks = 0;
  rt.setInterruptHandler(() => {
    ticks++;
    return false;
  });
  const loop = ctx.evalCode('(function (n) { for (var i = 0; i < n; i++) {} })').unwrap();
  try {
    host.counterWord = findInterruptCounter(host, ctx, loop, () => ticks);
    if (host.counterWord === undefined)
      host.diagnostics.push('interrupt counter not found: CPU measured in 10,000-point ticks');
    host.allocWord = findAllocationCount(host, rt, ctx);
    if (host.allocWord === undefined)
      host.diagnostics.push('allocation counter not found: memory measured every invocation');
  } finally {
    loop.dispose();
    ctx.dispose();
    rt.dispose();
  }
}

function findInterruptCounter(
  host: QuickJSHost,
  ctx: QuickJSContext,
  loop: QuickJSHandle,
  ticks: () => number,
): number | undefined {
  const base = contextPointer(ctx) >> 2;
  const WORDS = 160;
  const run = (n: number): number[] => {
    const h = host.heap();
    const before = Array.from(h.subarray(base, base + WORDS));
    const t0 = ticks();
    const arg = ctx.newNumber(n);
    ctx.callFunction(loop, ctx.undefined, arg).unwrap().dispose();
    arg.dispose();
    const dt = ticks() - t0;
    const after = host.heap().subarray(base, base + WORDS);
    return before.map((b, i) => b - after[i] + POLL_POINTS_PER_TICK * dt);
  };
  const d1 = run(100);
  const d2 = run(300);
  const d3 = run(1300);
  const found: number[] = [];
  for (let i = 0; i < WORDS; i++) {
    const step = d2[i] - d1[i];
    const v = host.heap()[base + i];
    if (step > 0 && d3[i] - d2[i] === 5 * step && d1[i] > 0 && v > 0 && v <= POLL_POINTS_PER_TICK)
      found.push(i);
  }
  if (found.length !== 1) return undefined;
  // verify: a counter set to 50 must make the next 100-iteration loop reach the handler
  const word = found[0];
  host.heap()[base + word] = 50;
  const t0 = ticks();
  run(100);
  return ticks() > t0 ? word : undefined;
}

function findAllocationCount(host: QuickJSHost, rt: QuickJSRuntime, ctx: QuickJSContext): number | undefined {
  const base = runtimePointer(rt) >> 2;
  const WORDS = 32;
  const A = 123_456_789;
  const B = 987_654_321;
  rt.setMemoryLimit(A);
  const withA = Array.from(host.heap().subarray(base, base + WORDS));
  rt.setMemoryLimit(B);
  const withB = host.heap().subarray(base, base + WORDS);
  let limitWord = -1;
  for (let i = 0; i < WORDS; i++) if (withA[i] === A && withB[i] === B) limitWord = i;
  rt.setMemoryLimit(-1);
  // JSMallocState is { malloc_count, malloc_size, malloc_limit, opaque }
  if (limitWord < 2) return undefined;
  const word = limitWord - 2;
  const before = host.heap()[base + word];
  const r = ctx.evalCode('globalThis.__calib = []; for (var i = 0; i < 1000; i++) __calib.push({ i: i }); 0');
  r.unwrap().dispose();
  const grown = host.heap()[base + word] - before;
  ctx.evalCode('delete globalThis.__calib').unwrap().dispose();
  return grown >= 1000 && grown < 5000 ? word : undefined;
}
