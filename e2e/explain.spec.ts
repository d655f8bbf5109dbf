// Seeing and explaining: the configuration lint in its list and on the canvas, and the world map.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** Serious and critical WCAG 2.1 A/AA violations inside the bottom panel. */
async function panelViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .include('.app__bottom')
    .analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('a shadowed behavior gets a lint warning in the Lint tab and on its canvas node', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'Add Cache behavior' }).click();
  await page.getByRole('button', { name: 'Add Cache behavior' }).click();
  await expect(page.getByRole('group', { name: 'Cache behavior 2: path-2/*' })).toBeVisible();
  await expect(page.getByTestId('lint-count')).toHaveCount(0);

  // The new behavior is selected: give it a pattern the first one already covers.
  const pattern = page.getByTestId('node-details').getByRole('textbox', { name: 'Path pattern' });
  await pattern.fill('path-1/*.jpg');
  await pattern.press('Enter');
  await expect(page.getByRole('group', { name: 'Cache behavior 2: path-1/*.jpg' })).toBeVisible();

  const message =
    'Behavior 2 (path-1/*.jpg) can never match: the earlier pattern "path-1/*" matches every path ' +
    '"path-1/*.jpg" matches, and CloudFront uses the first match.';
  const marker = page.getByTestId('lint-marker-behavior-1');
  await expect(marker).toBeVisible();
  await expect(marker).toHaveAttribute('title', new RegExp(`^${escape(message)}`));

  await page.getByRole('tab', { name: /Lint/ }).click();
  await expect(page.getByTestId('lint-count')).toHaveText('1');
  const finding = page.getByRole('list', { name: 'Configuration findings' }).getByRole('button');
  await expect(finding).toHaveCount(1);
  await expect(finding).toContainText('⚠ Warning');
  await expect(finding).toContainText(message);

  // Choosing the finding selects the behavior it points at.
  await page.getByRole('group', { name: 'Cache behavior 1: path-1/*' }).click();
  await expect(pattern).toHaveValue('path-1/*');
  await finding.click();
  await expect(pattern).toHaveValue('path-1/*.jpg');

  expect(await panelViolations(page)).toEqual([]);

  // Fixing the pattern clears the warning everywhere.
  await pattern.fill('path-2/*');
  await pattern.press('Enter');
  await expect(page.getByTestId('lint-empty')).toBeVisible();
  await expect(marker).toHaveCount(0);
});

test('the world map draws arcs from viewers to edge locations while traffic runs', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('tab', { name: 'Map' }).click();
  const arcs = page.getByTestId('map-arcs');
  await expect(arcs).toContainText('Arcs: 0 viewer -> edge, 0 edge -> origin');
  await expect(page.getByRole('list', { name: 'Map legend' })).toContainText('Edge location');

  await page.getByRole('button', { name: 'Run', exact: true }).click();
  // The default scenario's six viewer regions each reach their nearest edge location; cold caches
  // send misses on to the origin.
  await expect(arcs).toContainText(/Arcs: [1-9]\d* viewer -> edge, [1-9]\d* edge -> origin/);
  await expect(page.getByRole('img', { name: /World map of \d+ places\. Arcs: [1-9]/ })).toBeVisible();
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  // Paused, the last batch's arcs stay on the map.
  await expect(arcs).toContainText(/Arcs: [1-9]\d* viewer -> edge/);
  expect(await panelViolations(page)).toEqual([]);
});

test('the Caches tab charts hit ratio per PoP and cache fill per tier, in a chosen time window', async ({
  page,
}) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'Step 10 s' }).click();
  await expect(page.getByTestId('sim-clock')).toHaveText('00:00:10');
  await page.getByRole('tab', { name: 'Caches' }).click();
  const popChart = page.getByTestId('pop-hit-chart');
  await expect(popChart.locator('.recharts-legend-wrapper')).toContainText('All PoPs %');
  await expect(page.getByTestId('tier-fill-chart').locator('.recharts-legend-wrapper')).toContainText(
    'Regional edge caches',
  );
  await page.getByRole('combobox', { name: 'PoPs shown' }).selectOption({ label: 'Busiest 5' });
  await page.getByRole('combobox', { name: 'Time window' }).selectOption({ label: 'Last 1 min' });
  await expect(popChart.locator('.recharts-legend-wrapper')).toContainText('All PoPs %');
  expect(await panelViolations(page)).toEqual([]);
  // The window applies to the Traffic charts too.
  await page.getByRole('tab', { name: 'Traffic' }).click();
  await expect(page.getByRole('combobox', { name: 'Time window' })).toHaveValue('1m');
  await expect(page.getByTestId('live-chart').locator('.recharts-legend-wrapper')).toContainText(
    'Hit ratio %',
  );
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
