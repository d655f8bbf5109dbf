// Debian's Chromium as the e2e tests and the browser benchmarks run it (never a downloaded one).
export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  // Without these Chromium keeps trying network addresses of its own (updates, sync, field trials).
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
