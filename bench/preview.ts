// The built app served by `vite preview` and opened in Debian's Chromium, for the browser
// benchmarks (mainThread.bench.ts, soak.ts). The server runs in its own process group so that
// stop() ends npx and vite together.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium';

export interface Preview {
  url: string;
  browser: Browser;
  page: Page;
  stop(): Promise<void>;
}

async function waitForServer(url: string, port: number, dist: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`vite preview did not answer on ${url}; is port ${port} free and ${dist}/ built?`);
}

/** Serves `dist` on `port` and opens it in a 1280x720 page. */
export async function openPreview(port: number, dist: string): Promise<Preview> {
  if (!existsSync(`${dist}/index.html`))
    throw new Error(`No build in ${dist}/: run \`npx vite build\` first.`);
  const url = `http://127.0.0.1:${port}/`;
  const server = spawn(
    'npx',
    ['vite', 'preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1', '--outDir', dist],
    { stdio: 'ignore', detached: true },
  );
  const kill = () => {
    if (server.pid) process.kill(-server.pid);
  };
  try {
    await waitForServer(url, port, dist);
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(url);
    return {
      url,
      browser,
      page,
      async stop() {
        await browser.close().catch(() => undefined);
        kill();
      },
    };
  } catch (e) {
    kill();
    throw e;
  }
}
