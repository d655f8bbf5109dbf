// The built page's Content-Security-Policy allows exactly what the app needs: opening it, running
// traffic, the Monaco editor and a QuickJS test run raise no CSP violation.
import { expect, test } from './fixtures';

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

test('the CSP is on the page and the app runs under it without a violation', async ({ page }) => {
  const consoleCsp: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) consoleCsp.push(m.text());
  });
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations?.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'}`);
    });
  });
  await page.goto('./');

  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toContain("object-src 'none'");
  expect(policy).toContain("default-src 'self'");
  expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(policy).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);

  // Traffic: the worker, the canvas and the charts.
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('requests-total')).not.toHaveText('0');
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeVisible();

  // Monaco (lazy chunk, its workers and styles) and a QuickJS test run.
  const functions = page.getByRole('region', { name: 'Functions' });
  await functions.getByRole('button', { name: 'New function' }).click();
  await functions.getByRole('button', { name: /^Add security headers/ }).click();
  const pane = page.getByRole('region', { name: 'Edge function security-headers' });
  await expect(pane.locator('.monaco-editor').first()).toBeVisible();
  await pane.getByRole('button', { name: 'Test function' }).click();
  const panel = pane.getByRole('region', { name: 'Test function' });
  await panel.getByRole('button', { name: 'Run test' }).click();
  await expect(panel.getByTestId('test-status')).toHaveText('Succeeded');

  expect(await page.evaluate(() => window.__cspViolations)).toEqual([]);
  expect(consoleCsp).toEqual([]);
});
