// `npm run bench`: how fast the engine simulates, and how much memory it holds, on four
// workloads, next to a bare Map-based LRU over the same kind of keys in this same process.
//
// For each workload: createEngine(scenario), a warm-up run, then engine.run() in slices of
// simulated time until MEASURE_MS of wall time has passed. Printed per workload:
//   engine req/s   simulated requests per wall-clock second during the measured slices
//   req/CPU-s      the same per second of this process's main-thread CPU (Linux; steadier than
//                  wall time when other processes share the machine)
//   fn inv/s       edge-function invocations per wall-clock second (workload d)
//   heap MB        heapUsed after a forced gc, with the engine still alive
//   hit ratio      hits / requests of the measured slices
//   LRU req/s      the bare O(1) LRU's rate over 1M keys of the same traffic, and its hit ratio
//   Map LRU req/s  the naive Map-order LRU on the same keys (pathological eviction: see lru.ts)
// Then, for the standard workload (b), the worker's simulation loop at maximum speed next to
// bare run() calls, alternating in short rounds (see workerLoop.ts), printed as
// "worker loop: N req/s = X% of run()" (issue 5's target: at least 80%).
// `npm run bench` bundles this file first (scripts/bench.mjs), as the app's build bundles the
// worker; the whole run takes ~1-2 min.
import { createEngine } from '../src/engine/index';
import type { Scenario } from '../src/engine/scenario';
import type { Engine, EngineOptions } from '../src/engine/types';
import { mainThreadCpuS } from './cpu';
import { keyTrace, runLru, runMapLru } from './lru';
import { workloads, type Workload } from './workloads';
import { measureWorkerLoop } from './workerLoop';

const WARMUP_MS = 3_000;
const MEASURE_MS = 12_000;
const SLICE_SIMULATED_MS = 5_000;
const LRU_KEYS = 1_000_000;
/** the worker-loop comparison: warm-up, then rounds of loop / run() of this many wall ms each */
const WORKER_LOOP = { warmupMs: 3_000, roundMs: 2_000, rounds: 4 } as const;

type CreateEngine = (scenario: Scenario, options?: EngineOptions) => Promise<Engine>;

interface Row {
  workload: Workload;
  engineRate?: number;
  engineCpuRate?: number;
  fnRate?: number;
  heapMb?: number;
  hitRatio?: number;
  simulatedS?: number;
  note?: string;
  lruRate: number;
  lruHitRatio: number;
  mapLruRate: number;
}

const gc = (globalThis as { gc?: () => void }).gc;

function heapMb(): number {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

async function loadEngine(): Promise<CreateEngine | string> {
  return Promise.resolve(createEngine as CreateEngine);
}

function sum(record: Record<string, number>): number {
  let s = 0;
  for (const v of Object.values(record)) s += v;
  return s;
}

async function measureEngine(createEngine: CreateEngine, w: Workload, row: Row): Promise<void> {
  const engine = await createEngine(w.scenario);
  if (typeof engine.run !== 'function') {
    row.note = 'engine.run() is missing';
    return;
  }
  let wall = performance.now();
  while (performance.now() - wall < WARMUP_MS) engine.run(SLICE_SIMULATED_MS);
  const before = engine.stats();
  const fnBefore = sum(before.functionInvocations);
  const t0 = engine.now();
  let requests = 0;
  let hits = 0;
  const cpu = mainThreadCpuS();
  wall = performance.now();
  let elapsed = 0;
  while (elapsed < MEASURE_MS) {
    const s = engine.run(SLICE_SIMULATED_MS);
    requests += s.requests;
    hits += s.hits;
    elapsed = performance.now() - wall;
  }
  const after = engine.stats();
  row.engineRate = requests / (elapsed / 1000);
  const cpuS = mainThreadCpuS() - cpu;
  if (cpuS > 0) row.engineCpuRate = requests / cpuS;
  row.fnRate = (sum(after.functionInvocations) - fnBefore) / (elapsed / 1000);
  row.hitRatio = requests > 0 ? hits / requests : 0;
  row.simulatedS = (engine.now() - t0) / 1000;
  row.heapMb = heapMb();
  // keep the engine reachable until the heap was measured
  if (engine.now() < 0) console.log(engine);
}

const fmt = (x: number | undefined, digits = 0) =>
  x === undefined
    ? '—'
    : x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

function printTable(rows: Row[]): void {
  const header = [
    'workload',
    'engine req/s',
    'req/CPU-s',
    'fn inv/s',
    'heap MB',
    'hit ratio',
    'LRU req/s',
    'LRU hit',
    'Map LRU req/s',
    'engine/LRU',
  ];
  const lines = rows.map((r) => [
    `(${r.workload.id}) ${r.workload.title}`,
    fmt(r.engineRate),
    fmt(r.engineCpuRate),
    r.fnRate ? fmt(r.fnRate) : '—',
    fmt(r.heapMb, 1),
    r.hitRatio === undefined ? '—' : fmt(r.hitRatio, 3),
    fmt(r.lruRate),
    fmt(r.lruHitRatio, 3),
    fmt(r.mapLruRate),
    r.engineRate === undefined ? '—' : `${fmt((100 * r.engineRate) / r.lruRate, 2)}%`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const render = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(render(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const l of lines) console.log(render(l));
  const notes = [...new Set(rows.filter((r) => r.note).map((r) => r.note!))];
  for (const note of notes) {
    const ids = rows.filter((r) => r.note === note).map((r) => `(${r.workload.id})`);
    console.log(`${ids.join(' ')} ${note}`);
  }
}

async function main(): Promise<void> {
  if (!gc) console.log('note: run with --expose-gc (npm run bench does) for heap figures after gc');
  const createEngine = await loadEngine();
  const rows: Row[] = [];
  const startedAt = performance.now();
  for (const w of workloads()) {
    const trace = keyTrace(w.scenario, LRU_KEYS, w.keyHasVariations);
    const edgeCapacity = w.scenario.topology?.capacityBytes?.edge ?? 2 ** 30;
    const lru = runLru(trace, edgeCapacity);
    const mapLru = runMapLru(trace, edgeCapacity);
    const row: Row = { workload: w, lruRate: lru.rate, lruHitRatio: lru.hitRatio, mapLruRate: mapLru.rate };
    if (typeof createEngine === 'string') row.note = `engine not measured: ${createEngine}`;
    else {
      try {
        await measureEngine(createEngine, w, row);
      } catch (e) {
        row.note = `engine failed: ${(e as Error).message.split('\n')[0]}`;
      }
    }
    rows.push(row);
    console.log(`done (${w.id}) in ${fmt((performance.now() - startedAt) / 1000, 1)} s`);
  }
  console.log('');
  printTable(rows);
  console.log(
    `\nNode ${process.version}; LRU: Map key -> slot + typed-array links (O(1)), byte-bounded at the workload's edge capacity, ${fmt(LRU_KEYS)} keys; ` +
      `engine: ${fmt(MEASURE_MS / 1000)} s measured after a ${fmt(WARMUP_MS / 1000)} s warm-up.\n` +
      'Engine hit ratio counts a hit at any tier (edge, REC, shield); the LRU is a single edge-sized cache.',
  );
  if (typeof createEngine !== 'string') await printWorkerLoop();
}

async function printWorkerLoop(): Promise<void> {
  const w = workloads().find((x) => x.id === 'b')!;
  try {
    const f = await measureWorkerLoop(w.scenario, WORKER_LOOP);
    const pct = (a: number, b: number) => `${fmt((100 * a) / b, 1)}%`;
    console.log(
      `\nworker loop: ${fmt(f.loopRate)} req/s = ${pct(f.loopRate, f.runRate)} of run() (${fmt(f.runRate)} req/s in the same rounds), workload (b) at 10,000x, ${f.batches} batches` +
        (Number.isFinite(f.loopCpuRate)
          ? `\n  per main-thread CPU second: ${fmt(f.loopCpuRate)} vs ${fmt(f.runCpuRate)} req = ${pct(f.loopCpuRate, f.runCpuRate)} (steadier on a shared machine)`
          : ''),
    );
  } catch (e) {
    console.log(`\nworker loop not measured: ${(e as Error).message.split('\n')[0]}`);
  }
}

await main();
