// Lessons: open one by its link, do what it asks through the editors, see the goal pass,
// and find the progress still there after a reload.
import { expect } from '@playwright/test';
import { test } from './fixtures';

test('the Origin Shield lesson: link, toggle the shield, run, goal passes, progress survives a reload', async ({
  page,
}) => {
  await page.goto('./#lesson=origin-shield');
  const panel = page.getByTestId('lesson-panel');
  await expect(panel.getByRole('heading', { name: '2. Origin Shield' })).toBeVisible();
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
  await expect(panel.getByRole('heading', { name: '2. Origin Shield' })).toBeVisible();
  await expect(panel.getByTestId('lesson-progress')).toHaveText('(1 of 1 reached)');
  await expect(panel.getByText('Lesson completed')).toBeVisible();
  await expect(panel.getByText('Show hint 2 of 3')).toBeVisible();
  await expect(page.getByRole('group', { name: /^Origin Shield / }).first()).toBeVisible();
});

test('the Lessons menu opens a lesson in place and an unknown lesson link says so', async ({ page }) => {
  await page.goto('./#lesson=no-such-lesson');
  await expect(page.getByText('There is no lesson "no-such-lesson"')).toBeVisible();
  await page.getByRole('button', { name: 'Lessons' }).click();
  await page.getByRole('link', { name: '6. Origin failover' }).click();
  const panel = page.getByTestId('lesson-panel');
  await expect(panel.getByRole('heading', { name: '6. Origin failover' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Origin group app-failover' })).toBeVisible();
  expect(page.url()).toContain('#lesson=failover');
  await panel.getByRole('button', { name: 'Close the lesson' }).click();
  await expect(panel).toBeHidden();
  expect(page.url()).not.toContain('#lesson=');
});
