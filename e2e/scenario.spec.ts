// Scenarios in the UI: share by link, a broken link, CloudFront import through the file picker,
// presets from the menu and "Restore previous scenario".
import type { Browser, Page } from '@playwright/test';
import { fullConfig } from '../src/scenario/fixtures/cloudfrontConfigs';
import { expect, isLocalUrl, test } from './fixtures';

/** aria-labels of every node on the canvas, sorted: "the same canvas". */
async function canvasNodes(page: Page): Promise<string[]> {
  await expect(page.getByRole('group', { name: /^Distribution / })).toBeVisible();
  const labels = await page
    .locator('.react-flow__node [aria-label], .react-flow__node[aria-label]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
  return labels.sort();
}

async function stepTenSeconds(page: Page): Promise<Record<string, string>> {
  await page.getByRole('button', { name: 'Step 10 s' }).click();
  await expect(page.getByTestId('sim-clock')).toHaveText('00:00:10');
  const read = async (id: string) => (await page.getByTestId(id).textContent()) ?? '';
  return {
    requests: await read('requests-total'),
    hitRatio: await read('hit-ratio'),
    origin: await read('origin-requests'),
    errors: await read('errors-total'),
    bytes: await read('bytes-to-viewers'),
  };
}

async function openMenu(page: Page) {
  const toggle = page.getByRole('button', { name: /^Scenario/ });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  return page.getByRole('region', { name: 'Scenario menu' });
}

async function rename(page: Page, name: string) {
  const menu = await openMenu(page);
  await menu.getByLabel('Scenario name').fill(name);
  await page.keyboard.press('Escape');
  await expect(page.getByTitle('Scenario', { exact: true })).toHaveText(name);
}

/** A second, separate browser profile (no shared storage), under the same guards as the fixture. */
async function freshPage(browser: Browser, baseURL: string | undefined) {
  const context = await browser.newContext({ baseURL });
  const errors: string[] = [];
  await context.route(
    (url) => !isLocalUrl(url.href),
    (route) => {
      errors.push(`external request ${route.request().url()}`);
      return route.abort('blockedbyclient');
    },
  );
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  return { context, page, errors };
}

test('a shared link opens the same scenario and gives the same numbers', async ({
  page,
  browser,
  baseURL,
}) => {
  await page.goto('./');
  await rename(page, 'Shared by e2e');
  const nodes = await canvasNodes(page);
  const numbers = await stepTenSeconds(page);
  expect(Number(numbers.requests.replace(/,/g, ''))).toBeGreaterThan(0);

  await page.getByRole('button', { name: 'Share' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this scenario' });
  await expect(dialog).toBeVisible();
  const link = await dialog.getByLabel('Link to this scenario').inputValue();
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#s=2\.[A-Za-z0-9_-]+$/);
  await expect(dialog.getByTestId('share-length')).toContainText(
    `${link.length.toLocaleString('en-US')} characters`,
  );
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await dialog.getByRole('button', { name: 'Copy link' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Copied to the clipboard.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  await dialog.getByRole('button', { name: 'Close' }).click();

  const fresh = await freshPage(browser, baseURL);
  try {
    await fresh.page.goto(link);
    await expect(fresh.page.getByTitle('Scenario', { exact: true })).toHaveText('Shared by e2e');
    await expect(
      fresh.page.getByRole('status').filter({ hasText: 'Opened the shared scenario "Shared by e2e"' }),
    ).toBeVisible();
    expect(await canvasNodes(fresh.page)).toEqual(nodes);
    expect(await stepTenSeconds(fresh.page)).toEqual(numbers);
    // The opened link became this browser's autosaved work: a reload keeps it (and does not replay the link).
    await fresh.page.reload();
    await expect(fresh.page.getByTitle('Scenario', { exact: true })).toHaveText('Shared by e2e');
    expect(new URL(fresh.page.url()).hash).toBe('');
    expect(fresh.errors).toEqual([]);
  } finally {
    await fresh.context.close();
  }
});

test('a broken link explains itself and leaves the previous work intact', async ({ page }) => {
  await page.goto('./');
  await rename(page, 'My renamed work');
  // Autosave is debounced: wait until it is in storage.
  await expect
    .poll(() =>
      page.evaluate(() => localStorage.getItem('edgelab:v1:autosave')?.includes('My renamed work') ?? false),
    )
    .toBe(true);

  await page.goto('about:blank');
  await page.goto('./#s=1.eNqrVkrLz1eyUkpKLFKqBQBlbm9rZW4');
  const alert = page.getByRole('alert').filter({ hasText: 'This link is damaged' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('You are looking at your own last work instead; nothing was changed.');
  await expect(page.getByTitle('Scenario', { exact: true })).toHaveText('My renamed work');
  // The broken link is gone from the address bar, so a reload does not repeat the error.
  expect(new URL(page.url()).hash).toBe('');
  await alert.getByRole('button', { name: 'Dismiss message' }).click();
  await expect(alert).toBeHidden();
});

test('importing CloudFront JSON draws its origins and lists what is kept, not simulated', async ({
  page,
}) => {
  await page.goto('./');
  await expect(page.getByRole('group', { name: /^Origin assets / })).toBeVisible();
  await page.getByTestId('scenario-file-input').setInputFiles({
    name: 'distribution.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(fullConfig)),
  });
  const notice = page
    .getByRole('status')
    .filter({ hasText: 'Imported the CloudFront distribution from "distribution.json"' });
  await expect(notice).toBeVisible();
  for (const id of ['web', 'api-east', 'api-west', 'media']) {
    await expect(page.getByRole('group', { name: new RegExp(`^Origin ${id} `) })).toBeVisible();
  }
  await expect(page.getByRole('group', { name: /^Origin assets / })).toBeHidden();
  await notice.getByText(/CloudFront field\(s\) kept, not simulated/).click();
  await expect(notice.getByRole('list', { name: 'CloudFront fields kept, not simulated' })).toContainText(
    'ViewerCertificate',
  );

  // A file that is not a distribution: the error names the problem, the imported work stays.
  await page.getByTestId('scenario-file-input').setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"DistributionConfig": {"Origins": 5}}'),
  });
  const alert = page.getByRole('alert').filter({ hasText: 'Could not import "broken.json"' });
  await expect(alert).toContainText('Origins');
  await expect(alert).toContainText('Your current scenario is unchanged.');
  await expect(page.getByRole('group', { name: /^Origin web / })).toBeVisible();
});

test('a preset loads from the menu and the previous scenario comes back in one click', async ({ page }) => {
  await page.goto('./');
  await rename(page, 'Before the preset');
  const menu = await openMenu(page);
  await menu.getByRole('button', { name: /^HLS live video/ }).click();
  await expect(page.getByTitle('Scenario', { exact: true })).toHaveText('HLS live video');
  await expect(page.getByRole('group', { name: /^Origin Shield / }).first()).toBeVisible();

  await page.getByRole('status').getByRole('button', { name: 'Restore previous scenario' }).click();
  await expect(page.getByTitle('Scenario', { exact: true })).toHaveText('Before the preset');

  // Save as…, then open it again from the list after another preset.
  const menu2 = await openMenu(page);
  await menu2.getByLabel('Name to save under').fill('kept copy');
  await menu2.getByRole('button', { name: 'Save as…' }).click();
  await menu2.getByRole('button', { name: /^Static website on S3/ }).click();
  await expect(page.getByTitle('Scenario', { exact: true })).not.toHaveText('Before the preset');
  const menu3 = await openMenu(page);
  await menu3.getByRole('button', { name: 'Open saved scenario kept copy' }).click();
  await expect(page.getByTitle('Scenario', { exact: true })).toHaveText('Before the preset');
});

test('scenario checks: validated as typed, judged live, edited, and carried in the share link', async ({
  page,
  browser,
  baseURL,
}) => {
  await page.goto('./');
  const panel = page.getByTestId('checks-panel');
  await panel.getByText('Add a check').click();
  const expression = panel.getByRole('textbox', { name: 'Check', exact: true });

  // A typo is named on the field, with the column, and cannot be added.
  await expression.fill('hitRatio >> 80%');
  await expect(panel.getByRole('alert')).toHaveText(
    'Cannot read "hitRatio >> 80%" at column 11: expected a number, found "> 80%".',
  );
  await expect(panel.getByRole('button', { name: 'Add check' })).toBeDisabled();
  await expression.fill('requests > 100');
  await panel.getByRole('textbox', { name: 'Name (optional)' }).fill('Traffic flows');
  await panel.getByRole('button', { name: 'Add check' }).click();
  await expression.fill('errors > 0');
  await panel.getByRole('button', { name: 'Add check' }).click();

  const rows = panel.getByTestId('check');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('Pending: Traffic flows');
  await expect(rows.nth(0)).toContainText('press Run to measure');

  // Live verdicts with the measured value.
  await page.getByRole('button', { name: 'Step 10 s' }).click();
  await expect(page.getByTestId('sim-clock')).toHaveText('00:00:10');
  const requests = await page.getByTestId('requests-total').textContent();
  await expect(rows.nth(0).getByTestId('check-verdict')).toHaveText('Pass');
  await expect(rows.nth(0).getByTestId('check-measured')).toHaveText(`measured: ${requests}`);
  await expect(rows.nth(1).getByTestId('check-verdict')).toHaveText('Fail');
  await expect(rows.nth(1).getByTestId('check-measured')).toHaveText('measured: 0');
  await expect(panel.getByTestId('checks-count')).toHaveText('(1 of 2 passing)');

  // Edit one, delete the other.
  await panel.getByRole('button', { name: 'Edit check Traffic flows' }).click();
  await rows.nth(0).getByRole('textbox', { name: 'Check', exact: true }).fill('requests > 1000000');
  await rows.nth(0).getByRole('button', { name: 'Save' }).click();
  await expect(rows.nth(0).getByTestId('check-verdict')).toHaveText('Fail');
  await panel.getByRole('button', { name: 'Delete check errors > 0' }).click();
  await expect(rows).toHaveCount(1);

  // The link carries the check.
  await page.getByRole('button', { name: 'Share' }).click();
  const link = await page.getByLabel('Link to this scenario').inputValue();
  const fresh = await freshPage(browser, baseURL);
  try {
    await fresh.page.goto(link);
    const shared = fresh.page.getByTestId('check');
    await expect(shared).toHaveCount(1);
    await expect(shared).toContainText('Traffic flows');
    await expect(shared).toContainText('requests > 1000000');
    expect(fresh.errors).toEqual([]);
  } finally {
    await fresh.context.close();
  }
});

test('a combined link opens the shared scenario with the lesson beside it, and shares both again', async ({
  page,
  browser,
  baseURL,
}) => {
  await page.goto('./');
  await rename(page, 'Teacher variant');
  await page.getByRole('button', { name: 'Share' }).click();
  const link = await page.getByLabel('Link to this scenario').inputValue();

  const fresh = await freshPage(browser, baseURL);
  try {
    await fresh.page.goto(`${link}&lesson=ttls`);
    await expect(fresh.page.getByTitle('Scenario', { exact: true })).toHaveText('Teacher variant');
    await expect(fresh.page.getByTestId('lesson-panel')).toBeVisible();
    // The scenario part is now the autosaved work; the lesson part stays for a reload.
    await expect.poll(() => new URL(fresh.page.url()).hash).toBe('#lesson=ttls');
    await fresh.page.reload();
    await expect(fresh.page.getByTestId('lesson-panel')).toBeVisible();
    await expect(fresh.page.getByTitle('Scenario', { exact: true })).toHaveText('Teacher variant');
    await fresh.page.getByRole('button', { name: 'Share' }).click();
    const again = await fresh.page.getByLabel('Link to this scenario').inputValue();
    expect(again).toMatch(/#s=2\.[A-Za-z0-9_-]+&lesson=ttls$/);
    expect(fresh.errors).toEqual([]);
  } finally {
    await fresh.context.close();
  }
});
