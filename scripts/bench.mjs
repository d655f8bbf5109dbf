// `npm run bench`: the engine and edge-function benchmarks, then the bundle budget.
// The benchmarks run BUNDLED code (esbuild, as `vite build` bundles the worker), not tsx's
// on-the-fly transform: tsx keeps function names by wrapping every closure it creates in a
// helper call, which the shipped worker never pays and which distorts closure-heavy hot paths
// (the edge-function fast path most of all). Output goes to .tmp/bench (git-ignored).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';

const ENTRIES = ['bench/engine.bench.ts', 'bench/functions.bench.ts'];

await build({
  entryPoints: ENTRIES,
  outdir: '.tmp/bench',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external', // quickjs and the rest load from node_modules, as in tests
  logLevel: 'warning',
});

function run(args) {
  const r = spawnSync(process.execPath, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
run(['--expose-gc', '.tmp/bench/engine.bench.mjs']);
run(['.tmp/bench/functions.bench.mjs']);
run(['scripts/budget.mjs']);
