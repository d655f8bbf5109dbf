// Main-thread responsiveness while a simulation runs (not a test: prints figures).
// Serves the BUILT app (`npx vite build` first) with `vite preview` on port 4199, opens it in
// Debian's Chromium, presses Run at each speed for a while and reports, per speed: the long tasks
// (PerformanceObserver 'longtask': tasks over 50 ms) with their count, total, longest and start
// times (ms after Run), frames per second (requestAnimationFrame count) and the longest gap between
// two frames, what each long task ran (bench/longFrames.ts), and the main thread's busy share from
// Chrome's own counters (CDP Performance.getMetrics: TaskDuration, of which ScriptDuration and
// Layout+RecalcStyle). Target from issue 5: over 60 s at max speed, no long task over 50 ms and
// >= 50 fps.
// The machine's load average is printed too: on a shared 2-core machine it moves the figures.
//   npx tsx bench/mainThread.bench.ts            (BENCH_DIST=/some/copy/of/dist to serve another build)
//   BENCH_SECONDS=60 BENCH_SPEEDS=10000          (defaults; e.g. BENCH_SPEEDS=100,10000)
import { loadavg } from 'node:os';
import { INSTALL_LONG_FRAMES, TAKE_LONG_FRAMES } from './longFrames';
import { openPreview } from './preview';

const PORT = 4199;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const SPEEDS = (process.env.BENCH_SPEEDS ?? '10000').split(',').map(Number);
const DIST = process.env.BENCH_DIST ?? 'dist';

interface Probe {
  longTotal: number;
  longMax: number;
  longCount: number;
  frames: number;
  /** longest gap between two animation frames, ms */
  worstFrame: number;
  secs: number;
  clock: string;
  /** each long task: start (ms after Run) + duration */
  tasks: string[];
}

// A string, not a function: tsx would wrap named functions in a `__name` helper the page lacks.
const INSTALL_PROBES = `
  const fresh = { longTotal: 0, longMax: 0, longCount: 0, frames: 0, worstFrame: 0, last: 0, t0: performance.now(), tasks: [] };
  if (!window.__bench) {
    // Installed once per page; later speeds only reset the figures (no double counting).
    new PerformanceObserver((list) => {
      const b = window.__bench;
      for (const e of list.getEntries()) {
        if (e.startTime < b.t0) continue;
        b.longTotal += e.duration;
        b.longMax = Math.max(b.longMax, e.duration);
        b.longCount++;
        b.tasks.push(Math.round(e.startTime - b.t0) + 'ms+' + Math.round(e.duration));
      }
    }).observe({ type: 'longtask' });
    const tick = (now) => {
      const b = window.__bench;
      if (b.last > 0) b.worstFrame = Math.max(b.worstFrame, now - b.last);
      b.last = now;
      b.frames++;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }
  window.__bench = fresh;
`;

async function main(): Promise<void> {
  const { page, stop } = await openPreview(PORT, DIST);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const counters = async () => {
    const { metrics } = (await cdp.send('Performance.getMetrics')) as {
      metrics: { name: string; value: number }[];
    };
    const m = new Map(metrics.map((x) => [x.name, x.value]));
    const v = (name: string) => m.get(name) ?? 0;
    return {
      task: v('TaskDuration'),
      script: v('ScriptDuration'),
      layout: v('LayoutDuration') + v('RecalcStyleDuration'),
    };
  };
  try {
    await page.getByRole('button', { name: 'Run', exact: true }).waitFor();
    await page.evaluate(INSTALL_LONG_FRAMES);
    const load = () => loadavg()[0].toFixed(2);
    console.log(`load average (1 min) at start: ${load()}`);
    console.log(`speed    seconds  long tasks  total long ms  longest ms  fps   worst frame ms  sim clock`);
    for (const speed of SPEEDS) {
      await page.getByLabel('Simulation speed').selectOption(String(speed));
      await page.getByRole('button', { name: 'Reset', exact: true }).click();
      await page.getByRole('button', { name: 'Run', exact: true }).waitFor();
      await page.evaluate(INSTALL_PROBES);
      await page.evaluate(TAKE_LONG_FRAMES);
      const before = await counters();
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      await page.waitForTimeout(SECONDS * 1000);
      const after = await counters();
      const t = performance.now();
      await page.getByRole('button', { name: 'Pause', exact: true }).click();
      await page.getByRole('button', { name: 'Run', exact: true }).waitFor();
      const pauseMs = performance.now() - t;
      const r: Probe = await page.evaluate(`({
        ...window.__bench,
        secs: (performance.now() - window.__bench.t0) / 1000,
        clock: document.querySelector('[data-testid="sim-clock"]')?.textContent ?? '',
      })`);
      console.log(
        [
          `${speed}x`.padEnd(8),
          r.secs.toFixed(1).padStart(7),
          String(r.longCount).padStart(11),
          r.longTotal.toFixed(0).padStart(14),
          r.longMax.toFixed(0).padStart(11),
          (r.frames / r.secs).toFixed(1).padStart(5),
          r.worstFrame.toFixed(0).padStart(15),
          `  ${r.clock}  (Pause answered in ${pauseMs.toFixed(0)} ms; load ${load()})`,
        ].join(' '),
      );
      console.log(`         long tasks (start ms after Run + duration ms): ${r.tasks.join(', ') || 'none'}`);
      const t0: number = await page.evaluate('window.__bench.t0');
      for (const [at, text] of (await page.evaluate(TAKE_LONG_FRAMES)) as [number, string][])
        console.log(`           at ${Math.round(at - t0)} ms: ${text}`);
      // counters are seconds of main-thread time; as a share of the wall time measured
      const share = (k: 'task' | 'script' | 'layout') =>
        `${((100 * (after[k] - before[k])) / SECONDS).toFixed(1)}%`;
      console.log(
        `         main thread busy ${share('task')} (script ${share('script')}, style+layout ${share('layout')})`,
      );
    }
  } finally {
    await stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
