// Checks in plain words, as the issue writes them: typed into the Checks panel, explained when a
// city is misspelt, and passing after Run on the static website preset.
import { expect, test } from './fixtures';

test('checks written in plain words pass after Run', async ({ page }) => {
  await page.goto('./');
  const toggle = page.getByRole('button', { name: /^Scenario/ });
  await toggle.click();
  await page
    .getByRole('region', { name: 'Scenario menu' })
    .getByRole('button', { name: /^Static website on S3/ })
    .click();
  await expect(page.getByTitle('Scenario', { exact: true })).toHaveText(
    'Static website (SPA on S3 with OAC)',
  );
  if ((await toggle.getAttribute('aria-expanded')) === 'true') await page.keyboard.press('Escape');

  const panel = page.getByTestId('checks-panel');
  await panel.getByText('Add a check').click();
  const expression = panel.getByRole('textbox', { name: 'Check', exact: true });
  await expect(expression).toHaveAttribute('placeholder', 'hit ratio > 85% after 10 min');

  // A misspelt city is named with the column and the closest edge locations.
  await expression.fill('GET /index.html from Tokio -> X-Cache: Hit');
  await expect(panel.getByRole('alert')).toHaveText(
    'Cannot read "GET /index.html from Tokio -> X-Cache: Hit" at column 22: "Tokio" is not an edge location; close matches: Tokyo (NRT).',
  );
  await expect(panel.getByRole('button', { name: 'Add check' })).toBeDisabled();

  await expression.fill('hit ratio > 50% after 1 min');
  await panel.getByRole('button', { name: 'Add check' }).click();
  await expression.fill('GET /index.html from Tokyo -> X-Cache: Hit');
  await panel.getByRole('button', { name: 'Add check' }).click();
  const rows = panel.getByTestId('check');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('press Run to measure');

  await page.getByRole('combobox', { name: 'Simulation speed' }).selectOption('10');
  await page.getByRole('button', { name: 'Run', exact: true }).click();

  await expect(rows.nth(0).getByTestId('check-verdict')).toHaveText('Pass', { timeout: 40_000 });
  await expect(rows.nth(0).getByTestId('check-measured')).toHaveText(/^measured: \d+\.\d%$/);
  await expect(rows.nth(1).getByTestId('check-verdict')).toHaveText('Pass', { timeout: 30_000 });
  await expect(rows.nth(1).getByTestId('check-measured')).toHaveText(
    'measured: x-cache: Hit from cloudfront',
  );
  await expect(panel.getByTestId('checks-count')).toHaveText('(2 of 2 passing)');
  await page.getByRole('button', { name: 'Pause' }).click();
});
