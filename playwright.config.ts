// End-to-end tests against the BUILT app (run `npx vite build` first; the test script does).
// Browser: Debian's Chromium (never a downloaded one). Two preview servers: the site root and a
// sub-path, since the build uses base './' and must work from any path.
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './e2e/chromium';

export default defineConfig({
  testDir: './e2e',
  // 2 shared cores: one test at a time keeps timings honest.
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  retries: 0,
  reporter: [['list']],
  outputDir: 'node_modules/.playwright-results',
  use: {
    baseURL: 'http://127.0.0.1:4173/',
    viewport: { width: 1280, height: 720 },
    browserName: 'chromium',
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
    serviceWorkers: 'block',
    trace: 'off',
    screenshot: 'only-on-failure',
  },
  webServer: [
    {
      command: 'npx vite preview --port 4173 --strictPort --host 127.0.0.1',
      url: 'http://127.0.0.1:4173/',
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command: 'npx vite preview --port 4174 --strictPort --host 127.0.0.1 --base /edgelab/',
      url: 'http://127.0.0.1:4174/edgelab/',
      reuseExistingServer: false,
      timeout: 60_000,
    },
  ],
});
