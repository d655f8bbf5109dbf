// The request inspector, driven as a person would: send a request, read Miss then Hit with a
// growing Age as the simulated clock moves, and see why a changed query parameter misses.
import { expect, test } from './fixtures';

const DOMAIN = 'https://d111111abcdef8.cloudfront.net';

test('the same request twice: Miss, then Hit with a growing Age; the history shows each one again', async ({
  page,
}) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'Inspect request' }).click();
  const inspector = page.getByRole('region', { name: 'Request inspector' });
  await expect(inspector.getByRole('textbox', { name: 'URL' })).toHaveValue(`${DOMAIN}/assets/1`);

  await inspector.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.getByTestId('inspector-x-cache')).toHaveText('Miss');
  await expect(page.getByTestId('inspector-status')).toHaveText('HTTP/2 200 OK');
  await expect(page.getByTestId('inspector-header-x-cache')).toHaveText('X-Cache:Miss from cloudfront');
  await expect(page.getByTestId('inspector-header-x-amz-cf-pop')).toContainText('X-Amz-Cf-Pop:IAD');
  await expect(page.getByTestId('inspector-explanation')).toContainText(
    'First request for this cache key at edge location IAD',
  );
  await expect(page.getByTestId('inspector-trace').getByRole('row', { name: /^Edge cache/ })).toContainText(
    'miss',
  );

  // Ten simulated seconds later the copy is served from the edge, ten seconds old.
  await inspector.getByRole('button', { name: 'Advance the clock 10 seconds' }).click();
  await expect(page.getByTestId('inspector-clock')).toHaveText('00:00:10');
  await inspector.getByRole('button', { name: 'Resend' }).click();
  await expect(page.getByTestId('inspector-x-cache')).toHaveText('Hit');
  await expect(page.getByTestId('inspector-header-age')).toHaveText('Age:10');
  await expect(page.getByTestId('inspector-explanation')).toHaveCount(0);

  await inspector.getByRole('button', { name: 'Advance the clock 10 seconds' }).click();
  await expect(page.getByTestId('inspector-clock')).toHaveText('00:00:20');
  await inspector.getByRole('button', { name: 'Resend' }).click();
  await expect(page.getByTestId('inspector-header-age')).toHaveText('Age:20');

  // Newest first; choosing the first request shows its Miss again.
  const history = page.getByTestId('inspector-history').getByRole('button');
  await expect(history).toHaveText([
    /^#3 GET \/assets\/1 — 200 Hit t=20\.0 s$/,
    /^#2 GET \/assets\/1 — 200 Hit t=10\.0 s$/,
    /^#1 GET \/assets\/1 — 200 Miss t=0\.0 s$/,
  ]);
  await history.nth(2).click();
  await expect(page.getByTestId('inspector-x-cache')).toHaveText('Miss');
  await expect(page.getByTestId('inspector-header-age')).toHaveCount(0);
});

test('a different whitelisted query parameter misses, and the explanation names it', async ({ page }) => {
  await page.goto('./');
  // The API preset's /api/products* behavior keys on the query strings `page` and `category`.
  await page.getByRole('button', { name: 'Scenario ▾' }).click();
  await page.getByRole('button', { name: /^API acceleration/ }).click();
  await page.getByRole('button', { name: 'Inspect request' }).click();
  const inspector = page.getByRole('region', { name: 'Request inspector' });
  const url = inspector.getByRole('textbox', { name: 'URL' });
  await expect(url).toHaveValue(`${DOMAIN}/api/products/1`);

  await url.fill(`${DOMAIN}/api/products/1?page=1`);
  await inspector.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.getByTestId('inspector-history').getByRole('button')).toHaveCount(1);
  await expect(page.getByTestId('inspector-x-cache')).toHaveText('Miss');

  await url.fill(`${DOMAIN}/api/products/1?page=2`);
  await inspector.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.getByTestId('inspector-history').getByRole('button')).toHaveCount(2);
  await expect(page.getByTestId('inspector-x-cache')).toHaveText('Miss');
  await expect(page.getByTestId('inspector-explanation')).toContainText(
    'the query parameter `page` differs: 1 vs 2',
  );

  // A parameter outside the key changes nothing: the page=1 copy is served.
  await url.fill(`${DOMAIN}/api/products/1?page=1&utm_source=mail`);
  await inspector.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.getByTestId('inspector-history').getByRole('button')).toHaveCount(3);
  await expect(page.getByTestId('inspector-x-cache')).toHaveText('Hit');
});
