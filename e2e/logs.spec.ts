// Access logs, cost and latency dashboards, driven as a person would: step traffic, open Logs,
// filter, export CloudFront's log file, then read the Cost and Latency tabs.
import { readFile } from 'node:fs/promises';
import { expect, readNumber, test } from './fixtures';

test('the Logs tab filters sampled traffic and exports a CloudFront log file; Cost and Latency show figures', async ({
  page,
}) => {
  await page.goto('./');
  // Step (not Run): a fixed span of simulated traffic, the same on a fast or a loaded machine.
  await page.getByRole('button', { name: 'Step 10 s' }).click();
  await expect(page.getByTestId('sim-clock')).toHaveText('00:00:10');
  expect(await readNumber(page, 'requests-total')).toBeGreaterThan(100);

  await page.getByRole('tab', { name: 'Logs' }).click();
  await expect(page.getByRole('tab', { name: 'Logs' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('logs-summary')).toContainText('matching records');

  // Only hits: every row shown names the Hit result.
  await page.getByLabel('Result').selectOption('Hit');
  await page.getByLabel('Status').selectOption('2xx');
  const resultCells = page.locator('[data-testid="logs-table"] tbody tr td:nth-child(8)');
  await expect(resultCells.first()).toHaveText('Hit');
  await expect(page.getByTestId('logs-summary')).toContainText('matching records');
  const texts = await resultCells.allTextContents();
  expect(texts.length).toBeGreaterThan(0);
  expect(new Set(texts)).toEqual(new Set(['Hit']));

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export log (TSV)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('edgelab-access-log.log');
  const lines = (await readFile(await download.path(), 'utf8')).split('\n');
  expect(lines[0]).toBe('#Version: 1.0');
  expect(lines[1]).toMatch(
    /^#Fields: date time x-edge-location sc-bytes c-ip cs-method cs\(Host\) cs-uri-stem sc-status /,
  );
  expect(lines[1].split(' ')).toHaveLength(34);
  const row = lines[2].split('\t');
  expect(row).toHaveLength(33);
  expect(row[0]).toMatch(/^2024-01-01$/);
  expect(row[1]).toMatch(/^\d\d:\d\d:\d\d$/);
  expect(row[6]).toBe('d111111abcdef8.cloudfront.net');
  expect(row[8]).toMatch(/^2\d\d$/);
  expect(row[13]).toBe('Hit');

  await page.getByRole('tab', { name: 'Cost' }).click();
  await expect(page.getByTestId('cost-total')).toHaveText(/^\$\d/);
  await expect(page.getByTestId('cost-total')).not.toHaveText('$0.00');
  await expect(page.getByText('Projection: per month at this rate')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Cost by item, largest first' })).toContainText(
    'HTTPS requests',
  );

  // Arrow keys move between tabs.
  await page.getByRole('tab', { name: 'Cost' }).press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Latency' })).toBeFocused();
  await expect(page.getByTestId('latency-caption')).toContainText(/from a sample of [\d,]+ requests/);
  await expect(page.getByRole('rowheader').first()).toBeVisible();
});
