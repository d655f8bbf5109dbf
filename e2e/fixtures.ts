// Every e2e test runs under two guards, checked after the test body:
// - the browser console shows no errors (console 'error' messages and uncaught page errors);
// - not one request leaves localhost (pages, workers and all: the app is fully local).
import { expect, test as base, type Page } from '@playwright/test';

export function isLocalUrl(url: string): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:')) return true;
  try {
    const { hostname } = new URL(url);
    return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
  } catch {
    return false;
  }
}

export const test = base.extend<{ guards: { consoleErrors: string[]; externalRequests: string[] } }>({
  guards: [
    async ({ context, page }, use) => {
      const consoleErrors: string[] = [];
      const externalRequests: string[] = [];
      page.on('console', (msg) => {
        if (msg.type() === 'error') consoleErrors.push(`${msg.text()} (${msg.location().url})`);
      });
      page.on('pageerror', (err) => consoleErrors.push(`uncaught: ${err.message}`));
      context.on('request', (req) => {
        if (!isLocalUrl(req.url())) externalRequests.push(req.url());
      });
      // Anything non-local is also refused, so a stray fetch cannot hang a test.
      await context.route(
        (url) => !isLocalUrl(url.href),
        (route) => route.abort('blockedbyclient'),
      );
      await use({ consoleErrors, externalRequests });
      expect(consoleErrors, 'the browser console showed errors').toEqual([]);
      expect(externalRequests, 'requests left localhost').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** The number a counter shows ("12,345" -> 12345, "87.3%" -> 87.3). */
export async function readNumber(page: Page, testId: string): Promise<number> {
  const text = (await page.getByTestId(testId).textContent()) ?? '';
  return Number(text.replace(/[,%\s]/g, ''));
}

/** Simulated clock "hh:mm:ss" in seconds. */
export async function readSimSeconds(page: Page): Promise<number> {
  const text = (await page.getByTestId('sim-clock').textContent()) ?? '';
  const [h, m, s] = text.split(':').map(Number);
  return h * 3600 + m * 60 + s;
}
