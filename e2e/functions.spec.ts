// Edge functions, driven as a person would: create one from the security-headers template, test it
// in the panel, attach it to the default behavior's viewer-response, and see its header on a real
// request through the simulated CDN.
import { expect, test } from './fixtures';

test('security headers: template, test panel, attach, then the header on a request', async ({ page }) => {
  await page.goto('./');
  const functions = page.getByRole('region', { name: 'Functions' });
  await functions.getByRole('button', { name: 'New function' }).click();
  await functions.getByRole('button', { name: /^Add security headers/ }).click();

  const pane = page.getByRole('region', { name: 'Edge function security-headers' });
  await expect(pane).toBeVisible();
  await expect(pane.getByTestId('function-size')).toContainText('/ 10,240 bytes');

  // Test it on a viewer-response event built from the request form.
  await pane.getByRole('button', { name: 'Test function' }).click();
  const panel = pane.getByRole('region', { name: 'Test function' });
  await expect(panel.getByRole('combobox', { name: 'Event type' })).toHaveValue('viewer-response');
  await panel.getByRole('textbox', { name: 'URI' }).fill('/about.html');
  await panel.getByRole('button', { name: 'Run test' }).click();
  await expect(panel.getByTestId('test-status')).toHaveText('Succeeded');
  await expect(panel.getByTestId('test-output')).toContainText('"x-frame-options": {');
  await expect(panel.getByTestId('test-diff')).toContainText('+       "value": "DENY"');
  await expect(panel.getByTestId('test-utilization')).toContainText('Compute utilization');
  // The test event is saved with the scenario.
  await panel.getByRole('textbox', { name: 'Test event name' }).fill('about-page');
  await panel.getByRole('button', { name: 'Save test event' }).click();
  await expect(panel.getByRole('list', { name: 'Saved test events' })).toContainText(
    'about-page (viewer-response)',
  );

  // Attach it (again) to the default behavior's viewer-response: detach first, then attach.
  await pane.getByRole('button', { name: 'Close editor' }).click();
  await functions
    .getByRole('button', { name: 'Detach security-headers from Default (*) viewer-response' })
    .click();
  await functions
    .getByRole('combobox', { name: 'Event type to attach security-headers to' })
    .selectOption('viewer-response');
  await functions.getByRole('button', { name: 'Attach' }).click();
  await expect(functions.getByRole('status')).toHaveText(
    'Attached to Default (*) viewer-response. Press Reset to run it.',
  );
  // A second CloudFront Function on the same event is refused with the reason.
  await functions.getByRole('button', { name: 'Attach' }).click();
  await expect(functions.getByRole('status')).toHaveText(
    'security-headers is already on viewer-response of this behavior.',
  );

  await page.getByRole('button', { name: 'Reset' }).click();
  await page.getByRole('button', { name: 'Run' }).click();
  // Once traffic flows through the new engine, pause: the inspector's request needs no background load.
  await expect(page.getByTestId('requests-total')).not.toHaveText('0');
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('button', { name: 'Run' })).toBeVisible();

  await page.getByRole('button', { name: 'Inspect request' }).click();
  const inspector = page.getByRole('region', { name: 'Request inspector' });
  await inspector.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.getByTestId('inspector-status')).toHaveText('HTTP/2 200 OK');
  await expect(page.getByTestId('inspector-header-x-frame-options')).toContainText('DENY');
  await expect(page.getByTestId('inspector-header-strict-transport-security')).toContainText(
    'max-age=63072000; includeSubDomains; preload',
  );
});

test('KeyValueStore: create a store, add a key, and the test panel reads it', async ({ page }) => {
  await page.goto('./');
  const functions = page.getByRole('region', { name: 'Functions' });
  await functions.getByRole('button', { name: 'New function' }).click();
  await functions.getByRole('button', { name: /^Redirects from a KeyValueStore/ }).click();

  const pane = page.getByRole('region', { name: 'Edge function kvs-redirects' });
  await pane.getByRole('button', { name: 'KeyValueStore', exact: true }).click();
  const kvs = pane.getByRole('region', { name: 'KeyValueStore' });
  await expect(kvs).toContainText('key ≤ 512 bytes · value ≤ 1 KB · store ≤ 5 MB');
  await kvs.getByRole('button', { name: 'Create KeyValueStore' }).click();
  await expect(kvs.getByTestId('kvs-message')).toHaveText(
    'Store created and associated with this function. Add a key.',
  );

  // A value over CloudFront's 1 KB quota is refused with the reason; nothing is stored.
  await kvs.getByRole('textbox', { name: 'Key', exact: true }).fill('/old-page');
  await kvs.getByRole('textbox', { name: 'Value', exact: true }).fill('x'.repeat(1025));
  await expect(kvs).toContainText('value 1,025 / 1,024 bytes (too long)');
  await kvs.getByRole('button', { name: 'Add key' }).click();
  await expect(kvs.getByRole('alert')).toHaveText(
    'Value is 1,025 bytes; KeyValueStore values are at most 1 KB (1,024 bytes). Shorten it or split it over several keys.',
  );

  await kvs.getByRole('textbox', { name: 'Value', exact: true }).fill('/new-page');
  await kvs.getByRole('button', { name: 'Add key' }).click();
  await expect(kvs.getByTestId('kvs-message')).toHaveText(
    'Added key “/old-page”. The test panel reads it now; press Reset to run it.',
  );
  await expect(kvs.getByRole('table')).toContainText('/old-page/new-page');
  await expect(kvs.getByTestId('kvs-usage')).toContainText('1 key');

  // The function reads the key through cf.kvs() in the test panel.
  await pane.getByRole('button', { name: 'Test function' }).click();
  const panel = pane.getByRole('region', { name: 'Test function' });
  await panel.getByRole('textbox', { name: 'URI' }).fill('/old-page');
  await panel.getByRole('button', { name: 'Run test' }).click();
  await expect(panel.getByTestId('test-status')).toHaveText('Succeeded');
  await expect(panel.getByTestId('test-output')).toContainText('"statusCode": 301');
  await expect(panel.getByTestId('test-output')).toContainText('"value": "/new-page"');
});
