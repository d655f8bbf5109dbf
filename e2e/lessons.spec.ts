// Lessons: open one by its link, do what it asks through the editors, see the goal pass,
// and find the progress still there after a reload.
import { expect } from '@playwright/test';
import { test } from './fixtures';

test('the Origin Shield lesson: link, toggle the shield, run, goal passes, progress survives a reload', async ({
  page,
}) => {
  await page.goto('./#lesson=origin-shield');
  const panel = page.getByTestId('lesson-panel');
  await expect(panel.getByRole('heading', { name: '3. Origin Shield' })).toBeVisible();
  const goal = panel.getByTestId('lesson-goal');
  await expect(goal).toContainText('Waiting');
  await expect(panel.getByTestId('lesson-progress')).toHaveText('(0 of 1 reached)');

  // Hints come one at a time.
  await panel.getByRole('button', { name: 'Show hint 1 of 3' }).click();
  await expect(panel.getByRole('button', { name: 'Show hint 2 of 3' })).toBeVisible();

  // Follow the steps: the origin's editor, Origin Shield on, Reset, Run fast.
  await page.getByRole('group', { name: /^Origin assets / }).click();
  await page.getByTestId('node-details').getByRole('checkbox', { name: 'Enable Origin Shield' }).check();
  await expect(page.getByRole('group', { name: /^Origin Shield / }).first()).toBeVisible();
  await page.getByRole('combobox', { name: 'Simulation speed' }).selectOption('1000');
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await page.getByRole('button', { name: 'Run', exact: true }).click();

  await expect(goal).toContainText('Passed', { timeout: 45_000 });
  await expect(goal).toContainText(/measured: \d+(\.\d)? \/s/);
  await expect(panel.getByTestId('lesson-progress')).toHaveText('(1 of 1 reached)');
  await expect(panel.getByText('Lesson completed')).toBeVisible();

  // The link stays in the address bar; a reload (which also stops the run) reopens the lesson with the learner's own work.
  expect(page.url()).toContain('#lesson=origin-shield');
  await page.reload();
  await expect(panel.getByRole('heading', { name: '3. Origin Shield' })).toBeVisible();
  await expect(panel.getByTestId('lesson-progress')).toHaveText('(1 of 1 reached)');
  await expect(panel.getByText('Lesson completed')).toBeVisible();
  await expect(panel.getByText('Show hint 2 of 3')).toBeVisible();
  await expect(page.getByRole('group', { name: /^Origin Shield / }).first()).toBeVisible();
});

test('the Lessons menu opens a lesson in place and an unknown lesson link says so', async ({ page }) => {
  await page.goto('./#lesson=no-such-lesson');
  await expect(page.getByText('There is no lesson "no-such-lesson"')).toBeVisible();
  await page.getByRole('button', { name: 'Lessons' }).click();
  // Every lesson, in teaching order.
  await expect(page.getByRole('list', { name: 'Lessons' }).getByRole('link')).toHaveText([
    '1. Why a CDN?',
    '2. Edge locations and regional edge caches',
    '3. Origin Shield',
    '4. Cache behaviors and path-pattern precedence',
    '5. Cache keys and the hit ratio',
    '6. TTLs and Cache-Control',
    '7. Revalidation and RefreshHit',
    '8. Invalidation vs versioned file names',
    '9. CloudFront Functions',
    '10. Lambda@Edge triggers',
    '11. Signed URLs and geo restriction',
    '12. Origin failover',
    '13. Cost optimisation',
  ]);
  await page.getByRole('link', { name: '12. Origin failover' }).click();
  const panel = page.getByTestId('lesson-panel');
  await expect(panel.getByRole('heading', { name: '12. Origin failover' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Origin group app-failover' })).toBeVisible();
  expect(page.url()).toContain('#lesson=failover');
  await panel.getByRole('button', { name: 'Close the lesson' }).click();
  await expect(panel).toBeHidden();
  expect(page.url()).not.toContain('#lesson=');
});

test('the behaviors lesson: move the specific pattern above the catch-all and both goals pass', async ({
  page,
}) => {
  await page.goto('./#lesson=behaviors');
  const panel = page.getByTestId('lesson-panel');
  await expect(
    panel.getByRole('heading', { name: '4. Cache behaviors and path-pattern precedence' }),
  ).toBeVisible();
  const goals = panel.getByTestId('lesson-goal');
  await expect(goals).toHaveCount(2);
  await expect(panel.getByTestId('lesson-progress')).toHaveText('(0 of 2 reached)');

  // Follow the steps: select /api/products* (listed second), move it up, Reset, Run fast.
  await page.getByRole('group', { name: 'Cache behavior 2: /api/products*' }).click();
  const details = page.getByTestId('node-details');
  await expect(details.getByTestId('behavior-precedence')).toHaveText('Precedence 2 of 2 (then the default)');
  await details.getByRole('button', { name: 'Move up' }).click();
  await expect(page.getByRole('group', { name: 'Cache behavior 1: /api/products*' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Cache behavior 2: /api/*' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Simulation speed' }).selectOption('1000');
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await page.getByRole('button', { name: 'Run', exact: true }).click();

  // The hit ratio goal and the request check (a real request sent through the engine) both pass.
  await expect(goals.nth(0)).toContainText('Passed', { timeout: 60_000 });
  await expect(goals.nth(1)).toContainText('Passed', { timeout: 30_000 });
  await expect(goals.nth(1)).toContainText('measured: x-cache: Hit from cloudfront');
  await expect(panel.getByTestId('lesson-progress')).toHaveText('(2 of 2 reached)');
  await expect(panel.getByText('Lesson completed')).toBeVisible();
});

test('the revalidation lesson: change the origin header in Origin content, see RefreshHit', async ({
  page,
}) => {
  await page.goto('./#lesson=revalidation');
  const panel = page.getByTestId('lesson-panel');
  await expect(panel.getByRole('heading', { name: '7. Revalidation and RefreshHit' })).toBeVisible();
  const goals = panel.getByTestId('lesson-goal');

  await page.getByRole('group', { name: /^Origin assets / }).click();
  const header = page
    .getByTestId('node-details')
    .getByRole('textbox', { name: 'Cache-Control for 10,000 objects under /assets/' });
  await expect(header).toHaveValue('no-store');
  // A typo is explained on the field and not applied.
  await header.fill('max-age=0; public');
  await header.press('Enter');
  await expect(page.getByTestId('node-details').getByRole('alert')).toHaveText(
    '"max-age=0; public" is not a Cache-Control directive: write directives such as max-age=3600, s-maxage=86400, no-store or no-cache, separated by commas.',
  );
  await header.fill('max-age=0');
  await header.press('Enter');
  await expect(page.getByTestId('node-details').getByRole('alert')).toBeHidden();

  await page.getByRole('combobox', { name: 'Simulation speed' }).selectOption('1000');
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(goals.nth(0)).toContainText('Passed', { timeout: 60_000 });
  await expect(goals.nth(1)).toContainText('Passed', { timeout: 30_000 });
  await expect(goals.nth(1)).toContainText('measured: x-cache: RefreshHit from cloudfront');
});

test('the signed URLs lesson: a trusted key group and a geo allow list refuse the right requests', async ({
  page,
}) => {
  await page.goto('./#lesson=signed-urls');
  const panel = page.getByTestId('lesson-panel');
  await expect(panel.getByRole('heading', { name: '11. Signed URLs and geo restriction' })).toBeVisible();
  const details = page.getByTestId('node-details');

  await page.getByRole('group', { name: 'Cache behavior 1: /premium/*' }).click();
  await details.getByRole('combobox', { name: 'Trusted key group' }).selectOption('premium-signers');
  await expect(details.getByText('Only signed URLs or signed cookies are served')).toBeVisible();

  await page.getByRole('group', { name: /^Distribution / }).click();
  await details.getByRole('combobox', { name: 'Geographic restriction' }).selectOption('whitelist');
  const countries = details.getByRole('textbox', { name: 'Countries' });
  await countries.fill('US, BR, DE');
  await countries.press('Enter');
  await expect(countries).toHaveValue('US, BR, DE');

  await page.getByRole('combobox', { name: 'Simulation speed' }).selectOption('1000');
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(panel.getByTestId('lesson-progress')).toHaveText('(2 of 2 reached)', { timeout: 60_000 });
  await expect(panel.getByTestId('lesson-goal').nth(1)).toContainText('measured: 403');
});
