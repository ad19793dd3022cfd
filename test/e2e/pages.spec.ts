import { expect, test } from '@playwright/test';

/** The start page and what every overlay page does with its URL. */

test('the start page explains OBS setup and builds checked overlay URLs', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { name: 'Giftglow', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Add it to OBS' })).toBeVisible();
  const alerts = page.getByLabel('Alerts', { exact: true });
  await expect(alerts).toHaveValue(/\/overlays\/alerts\.html\?source=hub,demo$/);
  await page.getByLabel('theme').selectOption('neon');
  await page.getByLabel('top', { exact: true }).fill('3');
  await expect(alerts).toHaveValue(/\/overlays\/alerts\.html\?source=hub,demo&theme=neon&top=3$/);
  await expect(page.getByLabel('Board', { exact: true })).toHaveValue(
    /\/overlays\/board\.html\?source=hub,demo&theme=neon&top=3$/,
  );
  await page.getByLabel('rate value').fill('9999');
  await expect(page.getByRole('alert')).toContainText('rate');
  // A bad value never reaches the URL: it falls back to the default.
  await expect(alerts).not.toHaveValue(/rate=/);
});

test('the start page links to pages that exist', async ({ page, request }) => {
  await page.goto('./');
  for (const name of ['Alerts', 'Board']) {
    const url = await page.getByLabel(name, { exact: true }).inputValue();
    expect((await request.get(url)).status()).toBe(200);
  }
});

test('an overlay shows URL problems by name and keeps running on defaults', async ({ page }) => {
  await page.goto('overlays/alerts.html?source=demo&seed=3&rate=600&theme=sparkly&scale=99');
  const issues = page.locator('.gg-config-issues');
  await expect(issues).toContainText('theme');
  await expect(issues).toContainText('scale');
  await expect(page.locator('.gg-callout .gg-name').first()).toBeVisible({ timeout: 15_000 });
});

test('issues=hide keeps the problems out of the picture', async ({ page }) => {
  await page.goto('overlays/board.html?source=demo&rate=600&theme=sparkly&issues=hide');
  await expect(page.locator('html')).toHaveAttribute('data-feed', 'live');
  await expect(page.locator('.gg-config-issues')).toHaveCount(0);
});

test('the feed status badge says when a feed cannot be reached, and data-feed says it too', async ({
  page,
}) => {
  // Nothing listens on port 9 (discard): the feed retries, and the streamer can see it.
  await page.goto('overlays/board.html?source=tikfinity&tikfinity=ws://127.0.0.1:9/');
  await expect(page.locator('html')).toHaveAttribute('data-feed', /retrying|offline/);
  await expect(page.getByRole('status')).toContainText(/Reconnecting|Offline/);
});

test('status=hide hides the badge', async ({ page }) => {
  await page.goto('overlays/board.html?source=tikfinity&tikfinity=ws://127.0.0.1:9/&status=hide');
  await expect(page.locator('html')).toHaveAttribute('data-feed', /retrying|offline/);
  await expect(page.locator('.gg-status')).toHaveCount(0);
});

test('the page background is transparent before OBS injects its CSS', async ({ page }) => {
  for (const path of ['overlays/alerts.html', 'overlays/board.html', 'overlays/goal.html']) {
    await page.goto(path);
    const colours = await page.evaluate(() =>
      [document.documentElement, document.body].map((el) => getComputedStyle(el).backgroundColor),
    );
    expect(colours).toEqual(['rgba(0, 0, 0, 0)', 'rgba(0, 0, 0, 0)']);
  }
});

test('font=rounded draws callouts in the bundled Nunito, fetched from the page itself', async ({
  page,
}) => {
  const foreign: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith('http://localhost') && !request.url().startsWith('data:'))
      foreign.push(request.url());
  });
  await page.goto('overlays/alerts.html?source=demo&seed=5&rate=600&font=rounded&session=e2e-font');
  await expect(page.locator('.gg-callout .gg-name').first()).toBeVisible({ timeout: 15_000 });
  const loaded = await page.evaluate(async () => {
    await document.fonts.ready;
    return [...document.fonts].filter(
      (f) => f.family.replace(/"/g, '') === 'Nunito' && f.status === 'loaded',
    ).length;
  });
  expect(loaded).toBeGreaterThan(0);
  expect(foreign).toEqual([]);
});
