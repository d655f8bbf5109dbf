// Building a CDN on the canvas as a person does: drag from the palette, edit in the side panel,
// reorder behaviors, delete and undo.
import { expect, test } from './fixtures';

test('drag a new edge location from the palette onto the canvas and pick its code', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('group', { name: 'Edge location NRT (Tokyo)' })).toBeVisible();
  await page
    .getByTestId('palette-pop')
    .dragTo(page.getByTestId('canvas-drop-zone'), { targetPosition: { x: 200, y: 300 } });
  const dialog = page.getByRole('dialog', { name: 'Add an edge location' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('searchbox', { name: 'Search edge locations' }).fill('madrid');
  await expect(dialog.getByRole('listbox', { name: 'Edge location' })).toHaveValue('MAD');
  await dialog.getByRole('button', { name: 'Add' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('group', { name: 'Edge location MAD (Madrid)' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Edge location MAD' })).toBeVisible();
  await expect(page.getByTestId('node-details')).toContainText(
    'Edits apply to the simulation when you press Reset.',
  );
  await expect(page.getByRole('button', { name: 'Remove edge location' })).toBeVisible();
});

test('edit a behavior in the side panel: path pattern and legacy TTLs, with validation messages', async ({
  page,
}) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'Add Cache behavior' }).click();
  await expect(page.getByRole('group', { name: 'Cache behavior 1: path-1/*' })).toBeVisible();
  const panel = page.getByTestId('node-details');
  const pattern = panel.getByRole('textbox', { name: 'Path pattern' });

  await pattern.fill('img/a b.png');
  await expect(panel.getByRole('alert')).toContainText('contains " ", which CloudFront does not allow');
  await pattern.fill('images/*.jpg');
  await expect(panel.getByRole('alert')).toHaveCount(0);
  await pattern.press('Enter');
  await expect(page.getByRole('group', { name: 'Cache behavior 1: images/*.jpg' })).toBeVisible();

  await panel
    .getByRole('combobox', { name: 'Cache policy' })
    .selectOption({ label: 'Legacy cache settings (TTLs)' });
  const defaultTtl = panel.getByRole('textbox', { name: 'Default TTL' });
  await expect(defaultTtl).toHaveValue('86400');
  await defaultTtl.fill('40000000');
  await expect(panel.getByRole('alert')).toHaveText(
    'Default TTL (40000000) must not exceed Maximum TTL (31536000).',
  );
  await defaultTtl.fill('3600');
  await defaultTtl.press('Enter');
  await expect(panel.getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('group', { name: 'Cache behavior 1: images/*.jpg' })).toContainText(
    'legacy TTL 3600s',
  );
});

test('reorder two behaviors with the keyboard-reachable buttons', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'Add Cache behavior' }).click();
  await page.getByRole('button', { name: 'Add Cache behavior' }).click();
  await expect(page.getByRole('group', { name: 'Cache behavior 2: path-2/*' })).toBeVisible();
  await page.getByRole('group', { name: /^Distribution / }).click();
  const order = page.getByTestId('behavior-order');
  await expect(order.getByRole('listitem')).toHaveText([
    '1.path-1/* → assets↑↓',
    '2.path-2/* → assets↑↓',
    '–Default (*) → assets',
  ]);
  await order.getByRole('button', { name: 'Move path-2/* up' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('group', { name: 'Cache behavior 1: path-2/*' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Cache behavior 2: path-1/*' })).toBeVisible();
});

test('delete a node with the Delete key and bring it back with undo', async ({ page }) => {
  await page.goto('./');
  const nrt = page.getByRole('group', { name: 'Edge location NRT (Tokyo)' });
  await nrt.click();
  await page.keyboard.press('Delete');
  await expect(nrt).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(nrt).toBeVisible();
  await expect(page.getByTestId('canvas-toast')).toContainText('Undone: Remove edge location NRT');
  await page.getByRole('toolbar', { name: 'Canvas' }).getByRole('button', { name: 'Redo' }).click();
  await expect(nrt).toHaveCount(0);
  await page.getByRole('toolbar', { name: 'Canvas' }).getByRole('button', { name: 'Undo' }).click();
  await expect(nrt).toBeVisible();
});

test('a meaningless connection is refused with the reason next to the canvas', async ({ page }) => {
  await page.goto('./');
  // The origin cannot be deleted while the default behavior routes to it.
  await page.getByRole('group', { name: /^Origin assets / }).click();
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('canvas-toast')).toContainText(
    'Origin assets is the target of behavior Default (*): point it at another origin first.',
  );
  await expect(page.getByRole('group', { name: /^Origin assets / })).toBeVisible();
});
