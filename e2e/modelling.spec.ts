// The "How EdgeLab models CloudFront" page is reachable from the app and lists the modelling choices.
import { expect, test } from './fixtures';

test('the modelling page opens from the side panel and lists the settings for unconfirmed points', async ({
  page,
}) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'How it models CloudFront' }).click();
  const dialog = page.getByRole('dialog', { name: 'How EdgeLab models CloudFront' });
  await expect(dialog).toBeVisible();
  await expect(
    dialog.getByRole('heading', { name: 'Settings for the points AWS leaves open' }),
  ).toBeVisible();
  await expect(dialog).toContainText('refreshWith200XCache');
  await expect(dialog.getByRole('heading', { name: 'Edge functions' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
});
