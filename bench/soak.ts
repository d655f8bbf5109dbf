// Soak test (issue 10; not part of `npm test`): the BUILT app runs a max-speed simulation with the
// canvas and the live charts open for SOAK_MINUTES of wall time (default 30) while this script
// samples, every SOAK_SAMPLE_SECONDS (default 30): the page's and the simulation worker's JS heap
// after a forced GC (CDP Runtime.getHeapUsage, so only what is still referenced counts), long tasks
// (PerformanceObserver, > 50 ms, each with the scripts it ran: bench/longFrames.ts) and frames per
// second. It prints a table and a verdict: memory is flat when, after the warm-up (the first 20 % of
// samples, at least one), the mean of the last third of the samples is within 10 % of the mean of
// the first third. A trend, not the single highest sample: one sample can catch a batch or a chart
// redraw in flight even after a forced GC.
// The forced GCs cost responsiveness after them too (measured: 5 min at 10,000x counted 7 long tasks
// here and 1 with the GCs left out; likely cause: a forced GC lets V8 drop compiled code, so the
// next chart redraws run slower). Judge responsiveness with bench/mainThread.bench.ts.
//   npx vite build && npm run soak                 (SOAK_MINUTES=5 for a shorter run)
//   SOAK_DIST=/some/copy/of/dist                   (serve another build; default dist/)
import type { CDPSession } from '@playwright/test';
import { INSTALL_LONG_FRAMES, TAKE_LONG_FRAMES } from './longFrames';
import { openPreview } from './preview';

const PORT = 4198;
const MINUTES = Number(process.env.SOAK_MINUTES ?? 30);
const SAMPLE_SECONDS = Number(process.env.SOAK_SAMPLE_SECONDS ?? 30);
const DIST = process.env.SOAK_DIST ?? 'dist';
/** The criterion: memory stays within 10 % after warm-up. */
const FLAT_TOLERANCE = 0.1;
const WARMUP_SHARE = 0.2;
const MAX_SPEED = '10000';

// A string, not a function: tsx would wrap named functions in a `__name` helper the page lacks.
const INSTALL_PROBES = `
  window.__soak = { longCount: 0, longTotal: 0, longMax: 0, frames: 0, t0: performance.now() };
  new PerformanceObserver((list) => {
    const s = window.__soak;
    for (const e of list.getEntries()) {
      s.longCount++;
      s.longTotal += e.duration;
      s.longMax = Math.max(s.longMax, e.duration);
    }
  }).observe({ type: 'longtask' });
  const tick = () => { window.__soak.frames++; requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
`;
/** Reads the interval's figures. */
const READ_PROBES = `(() => {
  const s = window.__soak;
  return { ...s, secs: (performance.now() - s.t0) / 1000,
    clock: document.querySelector('[data-testid="sim-clock"]')?.textContent ?? '',
    requests: document.querySelector('[data-testid="requests-total"]')?.textContent ?? '' };
})()`;
/** Starts the next interval: after the sample's own forced GC, which is a long task of ours. */
const RESET_PROBES = `Object.assign(window.__soak, { longCount: 0, longTotal: 0, longMax: 0, frames: 0, t0: performance.now() })`;

interface Probe {
  longCount: number;
  longTotal: number;
  longMax: number;
  frames: number;
  secs: number;
  clock: string;
  requests: string;
}
interface Sample extends Probe {
  minute: number;
  pageMb: number;
  workerMb: number;
  evalMs: number;
}

/**
 * The simulation worker's heap through the browser's CDP session: attach to the worker target
 * (non-flat, so messages go through Target.sendMessageToTarget) and ask for GC + heap usage.
 */
class WorkerHeap {
  private nextId = 1;
  private pending = new Map<number, (result: unknown) => void>();
  private constructor(
    private readonly cdp: CDPSession,
    private readonly sessionId: string,
  ) {
    cdp.on('Target.receivedMessageFromTarget', (e: { sessionId: string; message: string }) => {
      if (e.sessionId !== this.sessionId) return;
      const msg = JSON.parse(e.message) as { id?: number; result?: unknown };
      if (msg.id !== undefined) this.pending.get(msg.id)?.(msg.result);
    });
  }

  static async attach(cdp: CDPSession, urlPart: string): Promise<WorkerHeap> {
    for (let i = 0; i < 50; i++) {
      const { targetInfos } = (await cdp.send('Target.getTargets')) as {
        targetInfos: { targetId: string; type: string; url: string }[];
      };
      const worker = targetInfos.find((t) => t.type === 'worker' && t.url.includes(urlPart));
      if (worker) {
        const { sessionId } = (await cdp.send('Target.attachToTarget', {
          targetId: worker.targetId,
          flatten: false,
        })) as { sessionId: string };
        return new WorkerHeap(cdp, sessionId);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`no worker whose URL contains "${urlPart}" appeared`);
  }

  private call(method: string): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      void this.cdp.send('Target.sendMessageToTarget', {
        sessionId: this.sessionId,
        message: JSON.stringify({ id, method }),
      });
    });
  }

  async usedMb(): Promise<number> {
    await this.call('HeapProfiler.collectGarbage');
    const { usedSize } = (await this.call('Runtime.getHeapUsage')) as { usedSize: number };
    return usedSize / 1024 / 1024;
  }
}

const pct = (v: number, base: number) => `${v >= base ? '+' : ''}${(((v - base) / base) * 100).toFixed(1)}%`;

function verdict(samples: Sample[]): boolean {
  const warm = Math.max(1, Math.ceil(samples.length * WARMUP_SHARE));
  const after = samples.slice(warm);
  if (after.length < 2) {
    console.log('\nVerdict: too few samples after warm-up to judge; run longer (SOAK_MINUTES).');
    return false;
  }
  let flat = true;
  const third = Math.max(1, Math.floor(after.length / 3));
  const mean = (xs: Sample[], key: 'pageMb' | 'workerMb') => xs.reduce((t, s) => t + s[key], 0) / xs.length;
  for (const key of ['pageMb', 'workerMb'] as const) {
    const early = mean(after.slice(0, third), key);
    const late = mean(after.slice(-third), key);
    const max = Math.max(...after.map((s) => s[key]));
    const ok = late <= early * (1 + FLAT_TOLERANCE);
    flat &&= ok;
    console.log(
      `${key === 'pageMb' ? 'page  ' : 'worker'} heap after warm-up: mean of the first third ${early.toFixed(1)} MB, ` +
        `of the last third ${late.toFixed(1)} MB (${pct(late, early)}), highest sample ${max.toFixed(1)} MB ` +
        `(${pct(max, early)})  ${ok ? 'flat' : 'GROWING'}`,
    );
  }
  const longest = Math.max(...samples.map((s) => s.longMax));
  const fps = samples.map((s) => s.frames / s.secs);
  console.log(
    `responsiveness: longest task ${longest.toFixed(0)} ms, fps min ${Math.min(...fps).toFixed(1)} ` +
      `/ median ${fps.sort((a, b) => a - b)[Math.floor(fps.length / 2)].toFixed(1)}, ` +
      `slowest page round trip ${Math.max(...samples.map((s) => s.evalMs)).toFixed(0)} ms`,
  );
  console.log(
    `\nVerdict: memory ${flat ? 'FLAT' : 'NOT FLAT'} within ${FLAT_TOLERANCE * 100}% after warm-up.`,
  );
  return flat;
}

async function main(): Promise<void> {
  const { browser, page, stop } = await openPreview(PORT, DIST);
  const samples: Sample[] = [];
  try {
    await page.locator('.react-flow__node').first().waitFor();
    const pageCdp = await page.context().newCDPSession(page);
    const browserCdp = await browser.newBrowserCDPSession();
    await page.getByLabel('Simulation speed').selectOption(MAX_SPEED);
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.getByRole('button', { name: 'Pause', exact: true }).waitFor();
    const worker = await WorkerHeap.attach(browserCdp, 'engine.worker');
    await page.evaluate(INSTALL_PROBES);
    await page.evaluate(INSTALL_LONG_FRAMES);

    console.log(
      `Soak: ${MINUTES} min at ${MAX_SPEED}x, canvas and Traffic charts open, a sample every ${SAMPLE_SECONDS} s`,
    );
    console.log(
      'minute  page MB  worker MB  long tasks  long ms  longest ms   fps  round trip ms  sim clock  requests',
    );
    const started = Date.now();
    const end = started + MINUTES * 60_000;
    while (Date.now() < end) {
      await page.waitForTimeout(Math.min(SAMPLE_SECONDS * 1000, Math.max(0, end - Date.now())));
      const t0 = performance.now();
      const probe = (await page.evaluate(READ_PROBES)) as Probe;
      const evalMs = performance.now() - t0;
      const longFrames = (await page.evaluate(TAKE_LONG_FRAMES)) as [number, string][];
      await pageCdp.send('HeapProfiler.collectGarbage');
      const { usedSize } = await pageCdp.send('Runtime.getHeapUsage');
      const s: Sample = {
        ...probe,
        minute: (Date.now() - started) / 60_000,
        pageMb: usedSize / 1024 / 1024,
        workerMb: await worker.usedMb(),
        evalMs,
      };
      // let the observer report the forced GC's long task, then leave it out of the next interval
      await page.waitForTimeout(250);
      await page.evaluate(RESET_PROBES);
      await page.evaluate(TAKE_LONG_FRAMES);
      samples.push(s);
      console.log(
        [
          s.minute.toFixed(1).padStart(6),
          s.pageMb.toFixed(1).padStart(8),
          s.workerMb.toFixed(1).padStart(10),
          String(s.longCount).padStart(11),
          s.longTotal.toFixed(0).padStart(8),
          s.longMax.toFixed(0).padStart(11),
          (s.frames / s.secs).toFixed(1).padStart(5),
          s.evalMs.toFixed(0).padStart(14),
          s.clock.padStart(10),
          s.requests.padStart(10),
        ].join(' '),
      );
      for (const [, text] of longFrames) console.log(`        long task: ${text}`);
    }
  } finally {
    await stop();
  }
  if (!verdict(samples)) process.exitCode = 1;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
