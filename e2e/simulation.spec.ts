// The simulation clock and one-click events, driven as a person would, reading values on screen.
import { expect, readNumber, readSimSeconds, test } from './fixtures';

test('step by a chosen size, run, change speed, pause, then an origin outage shows in the counters', async ({
  page,
}) => {
  await page.goto('./');
  await expect(page.getByTestId('sim-clock')).toHaveText('00:00:00');

  // Single steps advance the clock by exactly the chosen size.
  const stepSize = page.getByRole('combobox', { name: 'Step size' });
  const step = page.getByRole('button', { name: 'Step', exact: true });
  await stepSize.selectOption({ label: '1 min' });
  await step.click();
  await expect(page.getByTestId('sim-clock')).toHaveText('00:01:00');
  await stepSize.selectOption({ label: '1 s' });
  await step.click();
  await expect(page.getByTestId('sim-clock')).toHaveText('00:01:01');

  // Run at 100x: the clock moves on its own and the achieved speed is shown.
  const speed = page.getByRole('combobox', { name: 'Simulation speed' });
  await speed.selectOption({ label: '100x' });
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect.poll(() => readSimSeconds(page), { timeout: 15_000 }).toBeGreaterThan(70);
  await expect(page.getByTestId('achieved-speed')).toHaveText(/achieved \d+(\.\d)?x/);

  // 10,000x is offered; switching while running keeps it running, faster.
  await expect(speed.locator('option', { hasText: '10,000x' })).toHaveCount(1);
  await speed.selectOption({ label: '1,000x' });
  const atSwitch = await readSimSeconds(page);
  await expect.poll(() => readSimSeconds(page), { timeout: 15_000 }).toBeGreaterThan(atSwitch + 100);

  // Pause: stepping is possible again and moves the clock by exactly one step.
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeVisible();
  await expect(step).toBeEnabled();
  const paused = await readSimSeconds(page);
  await step.click();
  await expect.poll(() => readSimSeconds(page)).toBe(paused + 1);

  // An origin outage: listed in the timeline, and the next minute shows errors or stale serving.
  const errorsBefore = await readNumber(page, 'errors-total');
  const refreshBefore = await readNumber(page, 'refresh-hits-total');
  await page.getByRole('button', { name: 'Origin outage', exact: true }).click();
  await expect(page.getByRole('list', { name: 'Event timeline' })).toContainText(
    'Origin outage assets (60 s)',
  );
  await stepSize.selectOption({ label: '1 min' });
  await step.click();
  await expect.poll(() => readSimSeconds(page)).toBe(paused + 61);
  const errorsAfter = await readNumber(page, 'errors-total');
  const refreshAfter = await readNumber(page, 'refresh-hits-total');
  expect(errorsAfter - errorsBefore + (refreshAfter - refreshBefore)).toBeGreaterThan(0);
  // The event is marked on the charts' time axis.
  await expect(page.getByTestId('results-chart')).toContainText('origin outage');
  await expect(page.getByTestId('latency-percentiles')).toHaveText(/^\d+ \/ \d+ \/ \d+ ms$/);
});
