// One KeyValueStore shared by two CloudFront Functions (issue 4), driven as a person would: create
// a shared store in one function and add a key, attach the store to a second function, and the
// second function's test panel reads the key.
import { expect, test } from './fixtures';

test('a shared KeyValueStore: create it in one function, attach it in another, test there', async ({
  page,
}) => {
  await page.goto('./');
  const functions = page.getByRole('region', { name: 'Functions' });
  await functions.getByRole('button', { name: 'New function' }).click();
  await functions.getByRole('button', { name: /^Redirects from a KeyValueStore/ }).click();

  const first = page.getByRole('region', { name: 'Edge function kvs-redirects' });
  await first.getByRole('button', { name: 'KeyValueStore', exact: true }).click();
  const kvs = page.getByRole('region', { name: 'KeyValueStore' });
  await kvs.getByRole('textbox', { name: 'New shared store name' }).fill('site-redirects');
  await kvs.getByRole('button', { name: 'Create shared store' }).click();
  await expect(kvs.getByTestId('kvs-message')).toHaveText(
    'Created the shared store “site-redirects”. Other functions can now pick it.',
  );
  await expect(kvs.getByTestId('kvs-shared-note')).toHaveText(
    'Shared store “site-redirects”, used by kvs-redirects. An edit here is seen by every function using it.',
  );
  await kvs.getByRole('textbox', { name: 'Key', exact: true }).fill('/old-page');
  await kvs.getByRole('textbox', { name: 'Value', exact: true }).fill('/new-page');
  await kvs.getByRole('button', { name: 'Add key' }).click();
  await expect(kvs.getByRole('table')).toContainText('/old-page/new-page');

  // A second function from the same template starts without a store; it picks the shared one.
  await functions.getByRole('button', { name: 'New function' }).click();
  await functions.getByRole('button', { name: /^Redirects from a KeyValueStore/ }).click();
  const second = page.getByRole('region', { name: 'Edge function kvs-redirects-2' });
  // the editor keeps its side panels open from one function to the next: open it only if closed
  const toggle = second.getByRole('button', { name: /^(Hide KeyValueStore|KeyValueStore( \(\d+\))?)$/ });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await second
    .getByRole('combobox', { name: 'Associated store' })
    .selectOption({ label: 'site-redirects (shared, 1 key)' });
  await expect(kvs.getByTestId('kvs-message')).toHaveText(
    'Associated with the shared store “site-redirects”. Press Reset to run it.',
  );
  await expect(kvs.getByTestId('kvs-shared-note')).toHaveText(
    'Shared store “site-redirects”, used by kvs-redirects, kvs-redirects-2. An edit here is seen by every function using it.',
  );
  await expect(kvs.getByRole('table')).toContainText('/old-page/new-page');

  // The second function reads the key through cf.kvs() in its test panel.
  await second.getByRole('button', { name: 'Test function' }).click();
  const panel = second.getByRole('region', { name: 'Test function' });
  await panel.getByRole('textbox', { name: 'URI' }).fill('/old-page');
  await panel.getByRole('button', { name: 'Run test' }).click();
  await expect(panel.getByTestId('test-status')).toHaveText('Succeeded');
  await expect(panel.getByTestId('test-output')).toContainText('"statusCode": 301');
  await expect(panel.getByTestId('test-output')).toContainText('"value": "/new-page"');
  await expect(panel.getByTestId('test-utilization')).toContainText('1 KeyValueStore read (billed per read)');
});
