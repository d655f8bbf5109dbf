#!/usr/bin/env node
// `npm test`: every check, in the order a failure is cheapest to find. CI runs exactly this.
// Playwright drives Debian's Chromium (/usr/bin/chromium), never a downloaded browser.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';

function ensureChromium() {
  if (existsSync(CHROMIUM)) return true;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    console.error(
      `\nEnd-to-end tests need Debian's Chromium at ${CHROMIUM}.\n` +
        'Install it with:  sudo apt-get update && sudo apt-get install -y chromium\nthen run npm test again.\n',
    );
    return false;
  }
  console.log(`Chromium is missing: installing Debian's package (apt-get install -y chromium)...`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', 'chromium']]) {
    const r = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (r.status !== 0) {
      console.error(`apt-get ${args.join(' ')} failed (exit ${r.status}).`);
      return false;
    }
  }
  return existsSync(CHROMIUM);
}

const steps = [
  ['typecheck', 'npx', ['tsc', '-b']],
  ['lint', 'npx', ['eslint', '.', '--max-warnings=0']],
  ['format', 'npx', ['prettier', '--check', '.']],
  ['unit tests', 'npx', ['vitest', 'run']],
  ['build', 'npx', ['vite', 'build']],
  // Reads the build just made (well under a second): initial JavaScript stays under its gzip budget.
  ['budget', 'node', ['scripts/budget.mjs', '--dist']],
  ['browser tests', 'npx', ['playwright', 'test']],
];

const only = process.argv.slice(2);
const results = [];
const started = Date.now();
for (const [name, cmd, args] of steps) {
  if (only.length && !only.includes(name.split(' ')[0])) continue;
  if (name === 'browser tests' && !ensureChromium()) {
    results.push([name, false, 0]);
    continue;
  }
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  results.push([name, r.status === 0, Date.now() - t0]);
}

console.log('\n=== summary');
for (const [name, ok, ms] of results)
  console.log(`${ok ? 'ok  ' : 'FAIL'}  ${name}  (${(ms / 1000).toFixed(1)} s)`);
const failed = results.filter(([, ok]) => !ok).length;
console.log(`total time ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`checks: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
