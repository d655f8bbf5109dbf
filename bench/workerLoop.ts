// The worker's simulation loop at maximum speed (issue 5: "within 80% of the engine's own run()
// rate"), measured in Node without a real Worker: the worker's own api (createApi: engine,
// SimulationLoop, metrics, node tallies, the access log's sample tap) with performance.now and
// setImmediate / setTimeout as its clock and timer, and every batch structured-cloned as
// postMessage would. Next to it, a bare engine.run() loop on a second engine of the same scenario.
// The two alternate in short rounds, so load from other processes hits both alike.
import type { Scenario } from '../src/engine/scenario';
import { createEngine } from '../src/engine/index';
import type { SimBatch } from '../src/worker/protocol';
import { createApi } from '../src/worker/api';
import { mainThreadCpuS } from './cpu';

export interface WorkerLoopFigures {
  /** simulated requests per wall second through the worker loop at 10,000x */
  loopRate: number;
  /** simulated requests per wall second of bare engine.run() calls */
  runRate: number;
  /** the same per second of main-thread CPU (steadier on a shared machine; NaN off Linux) */
  loopCpuRate: number;
  runCpuRate: number;
  batches: number;
}

/** The fastest speed the UI offers (SPEEDS in simulationLoop.ts): far beyond what the engine sustains. */
const MAX_SPEED = 10_000;
/** run() chunk of the bare loop, simulated ms (as engine.bench.ts; the worker loop sizes its own) */
const RUN_CHUNK_MS = 5_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function measureWorkerLoop(
  scenario: Scenario,
  opts: { warmupMs: number; roundMs: number; rounds: number },
): Promise<WorkerLoopFigures> {
  const api = createApi({
    now: () => performance.now(),
    schedule: (fn, delayMs) => {
      if (delayMs > 0) setTimeout(fn, delayMs);
      else setImmediate(fn);
    },
  });
  let last: SimBatch | null = null;
  let batches = 0;
  api.subscribe((b) => {
    last = structuredClone(b); // what postMessage does to every batch
    batches++;
  });
  const loaded = await api.load(scenario);
  if (!loaded.ok) throw new Error(`worker api could not load the scenario: ${loaded.message}`);
  const engine = await createEngine(scenario);
  const requestsSoFar = (): number => (last as SimBatch | null)?.stats.requests ?? 0;

  // Warm-up: both caches fill and the JIT settles.
  await api.play(MAX_SPEED);
  await sleep(opts.warmupMs);
  await api.pause();
  let t = performance.now();
  while (performance.now() - t < opts.warmupMs) engine.run(RUN_CHUNK_MS);

  let loopRequests = 0;
  let loopMs = 0;
  let runRequests = 0;
  let runMs = 0;
  let loopCpu = 0;
  let runCpu = 0;
  batches = 0;
  for (let r = 0; r < opts.rounds; r++) {
    const before = requestsSoFar();
    let cpu = mainThreadCpuS();
    t = performance.now();
    await api.play(MAX_SPEED);
    await sleep(opts.roundMs);
    await api.pause(); // emits a final batch with the counters up to date
    loopMs += performance.now() - t;
    loopCpu += mainThreadCpuS() - cpu;
    loopRequests += requestsSoFar() - before;

    cpu = mainThreadCpuS();
    t = performance.now();
    while (performance.now() - t < opts.roundMs) runRequests += engine.run(RUN_CHUNK_MS).requests;
    runMs += performance.now() - t;
    runCpu += mainThreadCpuS() - cpu;
  }
  return {
    loopRate: loopRequests / (loopMs / 1000),
    runRate: runRequests / (runMs / 1000),
    loopCpuRate: loopRequests / loopCpu,
    runCpuRate: runRequests / runCpu,
    batches,
  };
}
