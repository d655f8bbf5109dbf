// One-click events (issue 5), pressed as a person does while traffic runs: each lands on the event
// timeline and as a marker on the charts, and its effect shows where a person reads it.
import type { Page } from '@playwright/test';
import { expect, readNumber, readSimSeconds, test } from './fixtures';

async function stepBy(page: Page, label: '10 s' | '1 min') {
  const before = await readSimSeconds(page);
  await page.getByRole('combobox', { name: 'Step size' }).selectOption({ label });
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect.poll(() => readSimSeconds(page)).toBe(before + (label === '10 s' ? 10 : 60));
}

/** The edge location of the newest sampled request from the selected viewer region. */
async function recentPop(page: Page): Promise<string> {
  await page.getByRole('button', { name: /^Show a (recent|newer) request through here$/ }).click();
  const trace = page.getByTestId('sample-trace');
  await expect(trace).toBeVisible();
  return (await trace.locator('dt:text-is("PoP") + dd').textContent()) ?? '';
}

test('traffic spike, DDoS, PoP outage and deploy: on the timeline, on the charts, and their effect', async ({
  page,
}) => {
  // The deploy's effect needs an hour of simulated time (the cached copies' max-age): at the engine's
  // speed on a loaded 2-core machine that alone can take close to a minute of wall time.
  test.setTimeout(180_000);
  await page.goto('./');
  const timeline = page.getByRole('list', { name: 'Event timeline' });
  const chart = page.getByTestId('results-chart');
  const rps = () => readNumber(page, 'requests-per-second');

  // Run at 10x (the 60 s spike then lasts 6 s of wall time) and read the normal rate (the default
  // scenario: 200 requests/s).
  await page.getByRole('combobox', { name: 'Simulation speed' }).selectOption({ label: '10x' });
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect.poll(() => readSimSeconds(page), { timeout: 15_000 }).toBeGreaterThan(3);
  await expect.poll(rps).toBeGreaterThan(0);
  const normal = await rps();
  expect(normal).toBeLessThan(400);

  // Traffic spike x5 while running: requests/s rise.
  await page.getByRole('button', { name: 'Traffic spike x5' }).click();
  await expect(timeline).toContainText('Traffic spike x5 (60 s)');
  await expect.poll(rps, { intervals: [100], timeout: 15_000 }).toBeGreaterThan(normal * 3);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeVisible();
  await expect(chart).toContainText('spike');

  // A DDoS burst from Europe (a quarter of the traffic, x50): requests/s rise far above the spike.
  await stepBy(page, '1 min');
  await page.getByRole('combobox', { name: 'DDoS source region' }).selectOption({ label: 'Europe' });
  await page.getByRole('button', { name: 'DDoS burst' }).click();
  await expect(timeline).toContainText('DDoS from eu x50 (60 s)');
  await stepBy(page, '10 s');
  expect(await rps()).toBeGreaterThan(normal * 8);
  await expect(chart).toContainText('DDoS');

  // PoP outage: Oceania's viewers are served by SYD, then by the next nearest edge location.
  await stepBy(page, '1 min');
  await page.getByRole('group', { name: 'Viewer region Oceania' }).click();
  expect(await recentPop(page)).toMatch(/^SYD/);
  await page.getByRole('combobox', { name: 'Edge location to take down' }).selectOption('SYD');
  await page.getByRole('button', { name: 'PoP outage' }).click();
  await expect(timeline).toContainText('PoP outage SYD (60 s)');
  await stepBy(page, '10 s');
  expect(await recentPop(page)).toMatch(/^(SIN|NRT)\d/);
  await expect(chart).toContainText('PoP outage');

  // Deploy: new ETags at the origin. Once the cached copies (max-age 1 h) expire, every revalidation
  // brings a changed object: misses and refreshes go to the origin.
  await stepBy(page, '1 min');
  const originBefore = await readNumber(page, 'origin-requests');
  const refreshBefore = await readNumber(page, 'refresh-hits-total');
  const deployedAt = await readSimSeconds(page);
  await page.getByRole('button', { name: 'Deploy' }).click();
  await expect(timeline).toContainText('Deploy (new ETags at every origin)');
  await page.getByRole('combobox', { name: 'Simulation speed' }).selectOption({ label: '10,000x' });
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect.poll(() => readSimSeconds(page), { timeout: 120_000 }).toBeGreaterThan(deployedAt + 3_700);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  expect(await readNumber(page, 'origin-requests')).toBeGreaterThan(originBefore);
  expect(await readNumber(page, 'refresh-hits-total')).toBeGreaterThan(refreshBefore);
  await expect(chart).toContainText('deploy');
});
