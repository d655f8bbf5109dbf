// The foundation slice, driven as a person would: open the app, see the topology, press Run,
// watch the numbers move, open the function editor and type.
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, readNumber, readSimSeconds, test } from './fixtures';

const DEFAULT_POPS: [code: string, city: string][] = [
  ['IAD', 'Washington'],
  ['SFO', 'San Francisco'],
  ['GRU', 'Sao Paulo'],
  ['LHR', 'London'],
  ['FRA', 'Frankfurt am Main'],
  ['NRT', 'Tokyo'],
  ['SIN', 'Singapore'],
  ['SYD', 'Sydney'],
];

const SCREENSHOT = fileURLToPath(new URL('../docs/screenshot.png', import.meta.url));

test('the page opens with the default scenario drawn on the canvas', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { name: 'EdgeLab', level: 1 })).toBeVisible();
  for (const [code, city] of DEFAULT_POPS) {
    await expect(page.getByRole('group', { name: `Edge location ${code} (${city})` })).toBeVisible();
  }
  await expect(page.getByRole('group', { name: 'Viewer region Europe' })).toBeVisible();
  await expect(page.getByRole('group', { name: /^Regional edge cache us-east-1 / })).toBeVisible();
  await expect(page.getByRole('group', { name: /^Origin assets / })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Distribution d111111abcdef8.cloudfront.net' })).toBeVisible();
  // Nothing has run yet.
  await expect(page.getByTestId('requests-total')).toHaveText('0');
  await expect(page.getByTestId('hit-ratio')).toHaveText('–');
  await expect(page.getByTestId('sim-clock')).toHaveText('00:00:00');

  // Selecting a node shows its details.
  await page.getByRole('group', { name: 'Edge location NRT (Tokyo)' }).click();
  await expect(page.getByTestId('node-details')).toContainText('ap-northeast-1');
});

test('Run fires traffic: the counters and the chart move, the hit ratio becomes non-zero', async ({
  page,
}) => {
  await page.goto('./');
  // Before any traffic the chart says what to do and draws nothing.
  const liveChart = page.getByTestId('live-chart');
  await expect(liveChart).toContainText('Press Run to fire simulated traffic.');
  // (the chart is there once the page is first idle, drawn but hidden)
  const plot = liveChart.locator('svg[role="application"]');
  await expect(plot).toHaveCount(1);
  await expect(plot).toBeHidden();
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();

  await expect.poll(() => readNumber(page, 'requests-total')).toBeGreaterThan(0);
  await expect.poll(() => readNumber(page, 'hit-ratio')).toBeGreaterThan(0);
  await expect(page.getByTestId('hit-ratio')).toHaveText(/^\d{1,3}\.\d%$/);
  const firstRequests = await readNumber(page, 'requests-total');
  const firstClock = await readSimSeconds(page);
  await expect.poll(() => readNumber(page, 'requests-total')).toBeGreaterThan(firstRequests);
  await expect.poll(() => readSimSeconds(page)).toBeGreaterThan(firstClock);
  expect(await readNumber(page, 'origin-requests')).toBeGreaterThan(0);

  // The chart draws both series, as lines through several points, and the prompt is gone.
  await expect(plot).toBeVisible();
  await expect(liveChart).not.toContainText('Press Run');
  const curves = liveChart.locator('.recharts-line path.recharts-curve');
  await expect(curves).toHaveCount(2);
  for (const curve of await curves.all()) await expect(curve).toHaveAttribute('d', /L.*L/);
  // The time axis' labels read as clock times and never overlap (the data's end gets no label).
  const labels = liveChart.locator('.recharts-xAxis-tick-labels text');
  await expect(labels.first()).toHaveText(/^\d{2}:\d{2}:\d{2}$/);
  const boxes = await labels.evaluateAll((els) =>
    els.map((e) => e.getBoundingClientRect()).map((r) => [r.left, r.right]),
  );
  for (let i = 1; i < boxes.length; i++) expect(boxes[i][0]).toBeGreaterThan(boxes[i - 1][1]);
  // Badges on the canvas come from the same run.
  await expect(page.getByTestId('badge-distribution')).toContainText('req');
  await expect(page.getByTestId('badge-origin:assets')).toContainText('req');

  // A faster run for the README screenshot.
  await page.getByRole('combobox', { name: 'Simulation speed' }).selectOption('100');
  await expect.poll(() => readSimSeconds(page), { timeout: 20_000 }).toBeGreaterThan(90);
  // Taken while traffic runs with particles on the edges (the legend counts those on screen).
  await expect(page.getByTestId('particle-summary')).toHaveText(/^[1-9]\d* requests? shown: /);
  await page.screenshot({ path: SCREENSHOT });
  // The README embeds it: keep the file light.
  expect(statSync(SCREENSHOT).size).toBeLessThan(250_000);

  // Pause keeps what was drawn and stops the clock.
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('button', { name: 'Run' })).toBeVisible();
  const pausedClock = await readSimSeconds(page);
  const pausedRequests = await readNumber(page, 'requests-total');
  await page.waitForTimeout(600);
  expect(await readSimSeconds(page)).toBe(pausedClock);
  expect(await readNumber(page, 'requests-total')).toBe(pausedRequests);
  await expect(page.locator('[data-testid="live-chart"] .recharts-line path.recharts-curve')).toHaveCount(2);

  // Reset starts again from zero.
  await page.getByRole('button', { name: 'Reset' }).click();
  await expect(page.getByTestId('requests-total')).toHaveText('0');
  await expect(page.getByTestId('sim-clock')).toHaveText('00:00:00');
});

test('the edge-function editor opens and accepts typing', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'New function' }).click();
  await page.getByRole('button', { name: /^Add security headers/ }).click();
  const pane = page.getByRole('region', { name: 'Edge function security-headers' });
  await expect(pane).toBeVisible();
  const lines = pane.locator('.monaco-editor .view-lines');
  await expect(lines).toContainText('strict-transport-security', { timeout: 30_000 });

  await lines.click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('// typed_in_e2e_marker');
  await expect(lines).toContainText('typed_in_e2e_marker');
  // The JavaScript language service runs in its own worker, served from this origin.
  await expect
    .poll(() =>
      page
        .workers()
        .some((w) => w.url().includes('/assets/ts.worker') && w.url().startsWith('http://127.0.0.1')),
    )
    .toBe(true);

  // The text lives in the scenario, not only in the editor: close, reopen, still there.
  await pane.getByRole('button', { name: 'Close editor' }).click();
  await expect(pane).toBeHidden();
  await page.getByRole('button', { name: 'Edit function security-headers' }).click();
  await expect(page.locator('.monaco-editor .view-lines')).toContainText('typed_in_e2e_marker');
});

test('the same build served from a sub-path loads and runs', async ({ page }) => {
  await page.goto('http://127.0.0.1:4174/edgelab/');
  await expect(page.getByRole('group', { name: 'Edge location NRT (Tokyo)' })).toBeVisible();
  await page.getByRole('button', { name: 'Run' }).click();
  await expect.poll(() => readNumber(page, 'requests-total')).toBeGreaterThan(0);
  await expect.poll(() => readNumber(page, 'hit-ratio')).toBeGreaterThan(0);
});
