// Accessibility: axe-core (through @axe-core/playwright) finds no serious or critical WCAG 2.1 A/AA
// violation on the main views, and the palette, the canvas selection and the side panel work by
// keyboard alone.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** Runs axe on the page (or one region of it) and lists the serious and critical violations. */
async function seriousViolations(page: Page, include?: string): Promise<string[]> {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  if (include) builder = builder.include(include);
  const { violations } = await builder.analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('the canvas with a node selected, its side panel and every dashboard tab pass axe', async ({ page }) => {
  await page.goto('./');
  // Ten simulated seconds of traffic so the charts draw lines, legends and axes.
  await page.getByRole('button', { name: 'Step 10 s' }).click();
  await expect(page.getByTestId('sim-clock')).toHaveText('00:00:10');
  await page.getByRole('group', { name: /^Distribution / }).click();
  await expect(page.getByTestId('node-details').getByRole('heading').first()).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Traffic' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel').locator('.recharts-wrapper').first()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  for (const name of ['Logs', 'Cost', 'Latency']) {
    await page.getByRole('tab', { name }).click();
    await expect(page.getByRole('tab', { name })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('tabpanel').locator('.dash__loading')).toHaveCount(0);
    expect(await seriousViolations(page, '.app__bottom'), `${name} tab`).toEqual([]);
  }
});

test('in the dark theme the main view and every dashboard tab pass axe', async ({ page }) => {
  await page.goto('./');
  const toggle = page.getByRole('toolbar', { name: 'Canvas' }).getByRole('button', { name: 'Dark theme' });
  await toggle.click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByRole('button', { name: 'Step 10 s' }).click();
  await expect(page.getByTestId('sim-clock')).toHaveText('00:00:10');
  await page.getByRole('group', { name: /^Distribution / }).click();
  await expect(page.getByTestId('node-details').getByRole('heading').first()).toBeVisible();
  await expect(page.getByRole('tabpanel').locator('.recharts-wrapper').first()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  for (const name of ['Logs', 'Cost', 'Latency']) {
    await page.getByRole('tab', { name }).click();
    await expect(page.getByRole('tab', { name })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('tabpanel').locator('.dash__loading')).toHaveCount(0);
    expect(await seriousViolations(page, '.app__bottom'), `${name} tab (dark)`).toEqual([]);
  }
});

test('in the dark theme the lesson and challenge panels, the share dialog and the function editor pass axe', async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('./#lesson=origin-shield');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(
    page.getByTestId('lesson-panel').getByRole('heading', { name: '3. Origin Shield' }),
  ).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await page.goto('./#challenge=origin-overload');
  await expect(
    page.getByTestId('challenge-panel').getByRole('heading', { name: 'Origin overloaded despite the CDN' }),
  ).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole('button', { name: 'Share' }).click();
  await expect(page.getByRole('dialog', { name: 'Share this scenario' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');

  const functions = page.getByRole('region', { name: 'Functions' });
  await functions.getByRole('button', { name: 'New function' }).click();
  await functions.getByRole('button', { name: /^Add security headers/ }).click();
  const pane = page.getByRole('region', { name: 'Edge function security-headers' });
  await expect(pane.locator('.monaco-editor.vs-dark')).toBeVisible();
  await pane.getByRole('button', { name: 'Test function' }).click();
  await expect(pane.getByRole('region', { name: 'Test function' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the request inspector with a result, and the share dialog, pass axe', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'Inspect request' }).click();
  const inspector = page.getByRole('region', { name: 'Request inspector' });
  await inspector.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.getByTestId('inspector-x-cache')).toHaveText('Miss');
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole('button', { name: 'Share' }).click();
  await expect(page.getByRole('dialog', { name: 'Share this scenario' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the function editor with its test panel passes axe', async ({ page }) => {
  await page.goto('./');
  const functions = page.getByRole('region', { name: 'Functions' });
  await functions.getByRole('button', { name: 'New function' }).click();
  await functions.getByRole('button', { name: /^Add security headers/ }).click();
  const pane = page.getByRole('region', { name: 'Edge function security-headers' });
  await expect(pane.getByTestId('function-size')).toContainText('/ 10,240 bytes');
  await pane.getByRole('button', { name: 'Test function' }).click();
  await expect(pane.getByRole('region', { name: 'Test function' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('an open lesson passes axe', async ({ page }) => {
  await page.goto('./#lesson=origin-shield');
  await expect(
    page.getByTestId('lesson-panel').getByRole('heading', { name: /^\d+\. Origin Shield$/ }),
  ).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('keyboard only: add from the palette, select a node, edit it in the side panel', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('group', { name: /^Distribution / })).toBeVisible();

  // Palette: Tab reaches "+ Add" for a cache behavior; Enter adds one and selects it.
  const add = page.getByRole('button', { name: 'Add Cache behavior' });
  await tabUntilFocused(page, add);
  await page.keyboard.press('Enter');
  const behavior = page.getByRole('group', { name: 'Cache behavior 1: path-1/*' });
  await expect(behavior).toBeVisible();

  // Canvas: Tab to the distribution node, Enter selects it and the side panel follows.
  const distribution = page.getByRole('group', { name: /^Distribution / });
  await tabUntilFocused(page, distribution);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('node-details').getByRole('heading', { level: 2 }).first()).toContainText(
    'Distribution',
  );

  // Back to the behavior, select it, then edit its path pattern from the keyboard.
  await tabUntilFocused(page, behavior);
  await page.keyboard.press('Enter');
  const pattern = page.getByTestId('node-details').getByRole('textbox', { name: 'Path pattern' });
  await tabUntilFocused(page, pattern);
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('img/*');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('group', { name: 'Cache behavior 1: img/*' })).toBeVisible();
});

/** Presses Tab (or Shift+Tab) until `target` has focus, as a keyboard user would; fails after 80 presses. */
async function tabUntilFocused(page: Page, target: ReturnType<Page['locator']>, key = 'Tab'): Promise<void> {
  for (let i = 0; i < 80; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(key);
  }
  throw new Error(`${key} never reached ${target.toString()}`);
}
