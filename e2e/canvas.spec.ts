// Building a CDN on the canvas as a person does: drag from the palette, edit in the side panel,
// reorder behaviors, delete and undo.
import type { Page } from '@playwright/test';
import { expect, readNumber, readSimSeconds, test } from './fixtures';

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
  await expect(page.getByTestId('node-details')).toContainText('Edits apply to a running simulation at once');
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

test('editing a TTL while traffic runs applies at once: the counters and the clock carry on', async ({
  page,
}) => {
  await page.goto('./');
  await page.getByRole('combobox', { name: 'Simulation speed' }).selectOption({ label: '100x' });
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect.poll(() => readNumber(page, 'requests-total'), { timeout: 15_000 }).toBeGreaterThan(1000);

  await page.getByRole('button', { name: 'Add Cache behavior' }).click();
  const panel = page.getByTestId('node-details');
  await panel
    .getByRole('combobox', { name: 'Cache policy' })
    .selectOption({ label: 'Legacy cache settings (TTLs)' });
  const requestsBefore = await readNumber(page, 'requests-total');
  const clockBefore = await readSimSeconds(page);
  const defaultTtl = panel.getByRole('textbox', { name: 'Default TTL' });
  await defaultTtl.fill('60');
  await defaultTtl.press('Enter');
  await expect(page.getByRole('group', { name: 'Cache behavior 1: path-1/*' })).toContainText(
    'legacy TTL 60s',
  );

  // Every reading after the edit is at least the one before it: never back to 0.
  const seen: number[] = [];
  await expect
    .poll(
      async () => {
        const n = await readNumber(page, 'requests-total');
        seen.push(n);
        return n;
      },
      { timeout: 15_000 },
    )
    .toBeGreaterThan(requestsBefore + 1000);
  expect(Math.min(...seen)).toBeGreaterThanOrEqual(requestsBefore);
  expect(await readSimSeconds(page)).toBeGreaterThan(clockBefore);
  // applied without Reset: no "press Reset" note, still running
  await expect(page.getByText('Scenario edited: press Reset to run the new version')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
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

/** How many pixels of the particles' canvas are painted (a particle covers a few dozen). */
async function paintedPixels(page: Page): Promise<number> {
  return page.getByTestId('particle-canvas').evaluate((canvas: HTMLCanvasElement) => {
    const data = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data;
    let painted = 0;
    if (data) for (let i = 3; i < data.length; i += 4) if (data[i] > 0) painted++;
    return painted;
  });
}

/** The percentage a figure shows ("93.1%" -> 93.1); NaN while it shows '–'. */
async function percentOf(page: Page, testId: string): Promise<number> {
  return Number.parseFloat((await page.getByTestId(testId).textContent()) ?? '');
}

test('run traffic: particles travel with a legend that counts them, and the badges change', async ({
  page,
}, testInfo) => {
  await page.goto('./');
  const summary = page.getByTestId('particle-summary');
  await expect(summary).toHaveText('No requests shown');
  await expect(page.getByTestId('badge-pop:NRT')).toHaveCount(0);
  const nrt = page.getByTestId('node-pop-NRT');
  const idleBox = await nrt.boundingBox();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  // The sentence screen readers get, e.g. "12 requests shown: 9 Hit, 3 Miss".
  await expect(summary).toHaveText(/^\d+ requests? shown: \d+ (Hit|RefreshHit|Miss|Error|Generated)/);
  await expect(page.getByTestId('badge-pop:NRT')).toContainText('req');
  await expect(page.getByTestId('badge-distribution')).toContainText('hit');
  // The badge had its place already: the node did not grow, so the graph did not shift.
  expect(await nrt.boundingBox()).toEqual(idleBox);
  // The particles are drawn on one canvas over the graph: its pixels are painted.
  await expect.poll(() => paintedPixels(page)).toBeGreaterThan(0);
  await testInfo.attach('canvas mid-simulation', {
    body: await page.getByTestId('canvas-drop-zone').screenshot(),
    contentType: 'image/png',
  });
  // Paused, the particles stay where they are and no more are counted in.
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeVisible();
  const shown = await summary.textContent();
  await page.getByRole('button', { name: 'Fit view', exact: true }).click();
  await expect(summary).toHaveText(shown ?? '');
});

test('an invalidation travels as a wave to every cache and the hit ratio dips', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('combobox', { name: 'Simulation speed' }).selectOption('100');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  // Caches warm up first.
  await expect.poll(() => percentOf(page, 'hit-ratio-now'), { timeout: 20_000 }).toBeGreaterThan(60);
  const warm = await percentOf(page, 'hit-ratio-now');
  await page.getByRole('textbox', { name: 'Paths to invalidate' }).fill('/*');
  await page.getByRole('button', { name: 'Invalidate' }).click();
  await expect(page.getByTestId('invalidation-wave')).toBeAttached();
  await expect(
    page.getByRole('status').filter({ hasText: 'Invalidation travelling to every cache' }),
  ).toBeVisible();
  await expect.poll(() => percentOf(page, 'hit-ratio-now'), { timeout: 20_000 }).toBeLessThan(warm - 20);
  await expect(page.getByTestId('particle-summary')).toHaveText(/\d+ Miss/);
});

test('click a paused particle or a node to see what happened, then inspect a request like it', async ({
  page,
}) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('particle-summary')).toHaveText(/requests? shown/);
  await expect.poll(() => paintedPixels(page)).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeVisible();

  // Paused particles stay put (the canvas lists where it drew them), so one can be clicked: one
  // on an edge, not over a node.
  const canvas = page.getByTestId('particle-canvas');
  await expect(canvas).toHaveAttribute('data-points', /\d+,\d+/);
  const point = await canvas.evaluate((c: HTMLCanvasElement) => {
    const box = c.getBoundingClientRect();
    for (const p of (c.dataset.points ?? '').split(' ')) {
      const [px, py] = p.split(',').map(Number);
      const x = box.x + px;
      const y = box.y + py;
      const under = document.elementFromPoint(x, y);
      if (under && !under.closest('.react-flow__node, .react-flow__panel')) return { x, y };
    }
    return null;
  });
  expect(point).not.toBeNull();
  if (point) await page.mouse.click(point.x, point.y);
  const trace = page.getByTestId('sample-trace');
  await expect(trace).toContainText(/^(Hit|RefreshHit|Miss|Error|Generated) · \d{3}/);
  await expect(trace).toContainText(/Tiers\s*edge location [A-Z]{3}/);
  await page.getByRole('button', { name: 'Close the trace' }).click();
  await expect(trace).toHaveCount(0);

  // A node: the latest sampled request through it, still there while paused (the report Pause
  // sends covers only the moment since the last batch, often not one request).
  await page.getByRole('group', { name: 'Edge location NRT (Tokyo)' }).click();
  await page.getByRole('button', { name: 'Show a recent request through here' }).click();
  const nodeTrace = page.getByTestId('node-details').getByTestId('sample-trace');
  await expect(nodeTrace).toContainText('PoPNRT');
  await expect(nodeTrace).toContainText('Viewersasia');
  await nodeTrace.getByRole('button', { name: 'Inspect a request like this' }).click();
  const form = page.getByRole('form', { name: 'Compose a request' });
  await expect(form.getByRole('textbox', { name: 'URL' })).toHaveValue(
    /^https:\/\/d111111abcdef8\.cloudfront\.net\/./,
  );
  await expect(form.getByRole('combobox', { name: 'Edge location' })).toHaveValue('NRT');
  await expect(form.getByRole('textbox', { name: 'Viewer country' })).toHaveValue('JP');
});

test('a node move is one undoable step', async ({ page }) => {
  await page.goto('./');
  const nrt = page.getByRole('group', { name: 'Edge location NRT (Tokyo)' });
  const before = await nrt.boundingBox();
  expect(before).not.toBeNull();
  if (!before) return;
  await page.mouse.move(before.x + 30, before.y + 10);
  await page.mouse.down();
  await page.mouse.move(before.x + 60, before.y + 40, { steps: 5 });
  await page.mouse.move(before.x + 90, before.y + 70, { steps: 5 });
  await page.mouse.up();
  const toolbar = page.getByRole('toolbar', { name: 'Canvas' });
  await expect(toolbar.getByRole('button', { name: 'Undo' })).toHaveAttribute(
    'title',
    'Undo: Move Edge location NRT (Tokyo) (Ctrl+Z)',
  );
  await expect.poll(async () => ((await nrt.boundingBox())?.x ?? 0) - before.x).toBeGreaterThan(30);
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('canvas-toast')).toContainText('Undone: Move Edge location NRT (Tokyo)');
  await expect.poll(async () => Math.round((await nrt.boundingBox())?.x ?? 0)).toBe(Math.round(before.x));
  // One step: a second undo has nothing of the drag left to take back.
  await expect(toolbar.getByRole('button', { name: 'Undo' })).toBeDisabled();
});

test('copy and paste a node with Ctrl+C / Ctrl+V; a PoP is refused with the reason', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('group', { name: /^Origin assets / }).click();
  await page.keyboard.press('Control+c');
  await expect(page.getByTestId('canvas-toast')).toContainText('Copied origin assets: Ctrl+V pastes a copy.');
  await page.keyboard.press('Control+v');
  await expect(page.getByRole('group', { name: /^Origin assets-copy / })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Origin assets-copy' })).toBeVisible();
  await page.getByRole('group', { name: 'Edge location NRT (Tokyo)' }).click();
  await page.keyboard.press('Control+c');
  await expect(page.getByTestId('canvas-toast')).toContainText(
    'An edge location is a real place and is on the canvas once: add another one from the palette.',
  );
});

test('copy and paste with the toolbar buttons; after Fit view the legend and toolbar cover no node', async ({
  page,
}) => {
  await page.goto('./');
  const toolbar = page.getByRole('toolbar', { name: 'Canvas' });
  await expect(toolbar.getByRole('button', { name: 'Copy' })).toBeDisabled();
  await expect(toolbar.getByRole('button', { name: 'Paste' })).toBeDisabled();
  await page.getByRole('group', { name: /^Origin assets / }).click();
  await toolbar.getByRole('button', { name: 'Copy' }).click();
  await expect(page.getByTestId('canvas-toast')).toContainText('Copied origin assets');
  await toolbar.getByRole('button', { name: 'Paste a copy of origin assets' }).click();
  await expect(page.getByRole('group', { name: /^Origin assets-copy / })).toBeVisible();

  await toolbar.getByRole('button', { name: 'Fit view' }).click();
  const covers = [await page.locator('.particle-legend').boundingBox(), await toolbar.boundingBox()];
  const nodes = page.locator('.react-flow__node');
  const count = await nodes.count();
  expect(count).toBeGreaterThan(5);
  const overlaps: string[] = [];
  for (let i = 0; i < count; i++) {
    const n = await nodes.nth(i).boundingBox();
    for (const c of covers) {
      if (!n || !c) continue;
      const apart =
        n.x >= c.x + c.width || c.x >= n.x + n.width || n.y >= c.y + c.height || c.y >= n.y + n.height;
      if (!apart) overlaps.push((await nodes.nth(i).getAttribute('aria-label')) ?? `node ${i}`);
    }
  }
  expect(overlaps).toEqual([]);
});

test('drag a behavior to a new precedence in the side panel', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'Add Cache behavior' }).click();
  await page.getByRole('button', { name: 'Add Cache behavior' }).click();
  await page.getByRole('group', { name: /^Distribution / }).click();
  const order = page.getByTestId('behavior-order');
  await order.getByTestId('behavior-row-1').dragTo(order.getByTestId('behavior-row-0'));
  await expect(order.getByRole('listitem')).toHaveText([
    '1.path-2/* → assets↑↓',
    '2.path-1/* → assets↑↓',
    '–Default (*) → assets',
  ]);
  await expect(page.getByRole('group', { name: 'Cache behavior 1: path-2/*' })).toBeVisible();
});

test('distribution settings and a viewer region share in the side panel', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('group', { name: /^Distribution / }).click();
  const panel = page.getByTestId('node-details');
  await panel
    .getByRole('combobox', { name: 'Price class' })
    .selectOption({ label: 'North America and Europe only' });
  await expect(panel.getByRole('definition').filter({ hasText: 'PriceClass_100' })).toBeVisible();
  const ipv6 = panel.getByRole('checkbox', { name: 'IPv6 (IsIPV6Enabled)' });
  await expect(ipv6).not.toBeChecked();
  await ipv6.check();
  await expect(ipv6).toBeChecked();
  await expect(panel).toContainText('does not tell IPv4 viewers from IPv6 ones');
  const root = panel.getByRole('textbox', { name: 'Default root object' });
  await root.fill('/index.html');
  await expect(panel.getByRole('alert')).toHaveText(
    `Enter the object name without the leading '/' (e.g. "index.html").`,
  );
  await root.fill('index.html');
  await root.press('Enter');
  await expect(panel.getByRole('alert')).toHaveCount(0);
  await panel.getByRole('combobox', { name: 'Geographic restriction' }).selectOption('blacklist');
  const countries = panel.getByRole('textbox', { name: 'Countries' });
  await countries.fill('RU, XYZ');
  await expect(panel.getByRole('alert')).toHaveText(
    '"XYZ" is not a two-letter country code such as US or JP.',
  );
  await countries.fill('RU');
  await countries.press('Enter');
  await expect(panel.getByRole('alert')).toHaveCount(0);

  await page.getByRole('group', { name: 'Viewer region Asia' }).click();
  const share = panel.getByRole('textbox', { name: 'Share of traffic (%)' });
  await expect(share).toHaveValue('20');
  await share.fill('35');
  await share.press('Enter');
  await expect(page.getByRole('group', { name: 'Viewer region Asia' })).toContainText('JP · 35% of traffic');
});

test('dark and light themes: follows the system first, then the toggle, kept after a reload', async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('./');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const toggle = page.getByRole('toolbar', { name: 'Canvas' }).getByRole('button', { name: 'Dark theme' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('body')).toHaveCSS('background-color', 'rgb(13, 17, 23)');
  await toggle.click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await expect(page.locator('body')).toHaveCSS('background-color', 'rgb(246, 248, 250)');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
});
