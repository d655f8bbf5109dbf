// Interview challenges: open one by its link, read the problem, take a hint, make the fix in the
// side panel, run, see the goals pass and the result card, then open the result link elsewhere.
import { expect } from '@playwright/test';
import { test } from './fixtures';

test('origin-overload: link, hint, fix through the UI, goals pass, the result link opens read-only', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('./#challenge=origin-overload');
  const panel = page.getByTestId('challenge-panel');
  await expect(panel.getByRole('heading', { name: 'Origin overloaded despite the CDN' })).toBeVisible();
  await expect(panel).toContainText('their servers fall over above 60 requests per second');
  await expect(panel.getByTestId('challenge-progress')).toHaveText('(0 of 2 passing)');

  // The timer is optional and counts down from the suggested 20 minutes.
  await expect(panel.getByTestId('challenge-timer')).toHaveText('Suggested time: 20 min');
  await panel.getByRole('button', { name: 'Start timer' }).click();
  await expect(panel.getByTestId('challenge-timer')).toContainText(/^(20:00|19:\d\d) left$/);

  await panel.getByRole('button', { name: 'Show hint 1 of 3' }).click();
  await expect(panel.getByTestId('challenge-hints-used')).toHaveText('(1 of 3 used)');
  await expect(panel.getByText('Send the same path twice from one PoP')).toBeVisible();

  // The fix, through the side panel: no query strings in the key, and Origin Shield.
  await page.getByRole('group', { name: 'Default cache behavior (*)' }).click();
  await page
    .getByTestId('node-details')
    .getByRole('combobox', { name: 'Cache policy' })
    .selectOption({ label: 'Managed-CachingOptimized' });
  await page.getByRole('group', { name: /^Origin assets / }).click();
  await page.getByTestId('node-details').getByRole('checkbox', { name: 'Enable Origin Shield' }).check();
  await page.getByRole('combobox', { name: 'Simulation speed' }).selectOption('1000');
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await page.getByRole('button', { name: 'Run', exact: true }).click();

  await expect(panel.getByTestId('challenge-progress')).toHaveText('(2 of 2 passing)', { timeout: 45_000 });
  const result = panel.getByTestId('challenge-result');
  await expect(result.getByRole('heading')).toHaveText('✓ Solved: every goal passes');
  await expect(result.getByTestId('result-hints')).toHaveText('1 of 3');
  await expect(result.getByTestId('result-solution')).toHaveText('not viewed');
  await expect(result.getByTestId('result-time')).toContainText('(timer)');
  await expect(result).toContainText('self-reported');

  await result.getByRole('button', { name: 'Copy result link' }).click();
  await expect(result.getByRole('status')).toHaveText('Copied.');
  const link = await result.getByRole('textbox', { name: 'Result link' }).inputValue();
  expect(link).toMatch(/#challenge=origin-overload&result=1\.[A-Za-z0-9_-]+$/);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);

  // Someone else opens the link: the result, read-only, marked self-reported.
  const other = await context.newPage();
  await other.goto(link);
  const shared = other.getByTestId('challenge-result');
  await expect(shared.getByRole('heading')).toHaveText('Shared result');
  expect(other.url()).toContain('#challenge=origin-overload&result=1.');
  await expect(shared.getByTestId('result-hints')).toHaveText('1 of 3');
  await expect(shared.getByTestId('result-solution')).toHaveText('not viewed');
  await expect(shared).toContainText('A result link is self-reported');
  await expect(other.getByRole('button', { name: 'Copy result link' })).toHaveCount(0);
  await expect(other.getByRole('button', { name: 'Try this challenge yourself' })).toBeVisible();

  // An edited link says so instead of showing made-up numbers.
  const payload = link.slice(link.indexOf('result=1.') + 'result=1.'.length);
  const edited = link.replace(
    payload,
    payload.slice(0, 10) + (payload[10] === 'A' ? 'B' : 'A') + payload.slice(11),
  );
  await other.goto(edited);
  await expect(other.getByTestId('challenge-panel').getByRole('alert')).toContainText(
    'This result link is damaged or was edited',
  );
  await other.close();
});

test('the Challenges menu opens a challenge; the model solution asks first and is recorded', async ({
  page,
}) => {
  await page.goto('./#challenge=no-such-challenge');
  await expect(page.getByText('There is no challenge "no-such-challenge"')).toBeVisible();
  await page.getByRole('button', { name: 'Challenges' }).click();
  await page.getByRole('link', { name: /^Cut the monthly bill by 30%/ }).click();
  const panel = page.getByTestId('challenge-panel');
  await expect(panel.getByRole('heading', { name: 'Cut the monthly bill by 30%' })).toBeVisible();
  expect(page.url()).toContain('#challenge=cut-the-bill');

  await panel.getByRole('button', { name: 'Show model solution' }).click();
  await expect(panel.getByText('Viewing the model solution is recorded in your result.')).toBeVisible();
  await panel.getByRole('button', { name: 'Cancel' }).click();
  await expect(panel.getByRole('heading', { name: 'Model solution' })).toHaveCount(0);
  await panel.getByRole('button', { name: 'Show model solution' }).click();
  await panel.getByRole('button', { name: 'Yes, show the solution' }).click();
  await expect(panel.getByRole('heading', { name: 'Model solution' })).toBeVisible();
  await panel.getByRole('button', { name: 'Apply the model solution' }).click();

  await page.getByRole('combobox', { name: 'Simulation speed' }).selectOption('1000');
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(panel.getByTestId('challenge-progress')).toHaveText('(2 of 2 passing)', { timeout: 45_000 });
  await expect(panel.getByTestId('result-solution')).toHaveText('viewed');
  await expect(panel.getByTestId('result-time')).toContainText('(since the challenge was opened)');

  // Progress survives a reload; closing removes the link from the address bar.
  await page.reload();
  await expect(panel.getByRole('heading', { name: 'Cut the monthly bill by 30%' })).toBeVisible();
  await expect(panel.getByTestId('result-solution')).toHaveText('viewed');
  await panel.getByRole('button', { name: 'Close the challenge' }).click();
  await expect(panel).toBeHidden();
  expect(page.url()).not.toContain('#challenge=');
  await page.getByRole('button', { name: 'Challenges' }).click();
  await expect(page.getByRole('link', { name: /^Cut the monthly bill by 30%/ })).toContainText('✓ solved');
});
