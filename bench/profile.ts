// A focused driver for profiling and A/B checks: one workload, a fixed amount of simulated time
// (so two builds do the same work and their heaps compare), reporting requests per wall second
// and per CPU second of this process and of its main thread (steadier than wall time on a
// shared machine).
//   node --expose-gc --import tsx bench/profile.ts b 3000      workload (b), 3,000 simulated s
//   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/profile.ts b 3000
import { createEngine } from '../src/engine/index';
import { mainThreadCpuS } from './cpu';
import { workloads } from './workloads';

const id = process.argv[2] ?? 'b';
const simulatedS = Number(process.argv[3] ?? 3000);
const w = workloads().find((x) => x.id === id);
if (!w) throw new Error(`No workload "${id}": use a, b, c or d.`);
const engine = await createEngine(w.scenario);
engine.run(200_000); // warm-up: 200 simulated seconds
let n = 0;
let hits = 0;
let bytes = 0;
let origin = 0;
const wall = performance.now();
const cpu = process.cpuUsage();
const mainCpu = mainThreadCpuS();
for (let t = 0; t < simulatedS * 1000; t += 5000) {
  const s = engine.run(5000);
  n += s.requests;
  hits += s.hits;
  bytes += s.bytesToViewers;
  origin += s.originRequests;
}
const used = process.cpuUsage(cpu);
const mainCpuS = mainThreadCpuS() - mainCpu;
const wallS = (performance.now() - wall) / 1000;
const cpuS = (used.user + used.system) / 1e6;
const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
const f = (x: number) => Math.round(x).toLocaleString('en-US');
// objects held across every tier (an object shared by several tiers counts once per tier)
const inspect = (engine as { inspect?: () => { tiers: Array<{ objects: number }> } }).inspect;
const cached = inspect ? inspect.call(engine).tiers.reduce((a, t) => a + t.objects, 0) : NaN;
console.log(
  `(${id}) ${f(n)} requests: ${f(n / wallS)} req/s wall, ${f(n / cpuS)} req/CPU-s, ${f(n / mainCpuS)} req/main-thread-CPU-s, hit ${(hits / n).toFixed(3)}, heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MB with ${f(cached)} cached objects; check ${bytes}/${origin}`,
);
