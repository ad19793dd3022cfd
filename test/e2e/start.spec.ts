import { expect, test } from '@playwright/test';
import { PARAM_NAMES, PARAMS } from '../../src/core/config/config';
import { groupParams } from '../../src/ui/start/groupParams';
import { closeServersAfterEach, feedServer } from './localServers';

/** The start page: real controls from the parameter table, a live preview, the feed check. */

closeServersAfterEach();

test('choosing a theme in a select changes the URL and the preview, without reloading the page', async ({
  page,
}) => {
  await page.goto('./');
  await page.evaluate(() => ((window as unknown as { __same: boolean }).__same = true));
  const alerts = page.getByLabel('Alerts', { exact: true });
  await expect(alerts).toHaveValue(/\/overlays\/alerts\.html\?source=hub,demo$/);
  await page.getByLabel('theme').selectOption('neon');
  await expect(alerts).toHaveValue(/\?source=hub,demo&theme=neon$/);
  await expect(page.getByLabel('Board', { exact: true })).toHaveValue(
    /board\.html\?source=hub,demo&theme=neon$/,
  );
  const preview = page.locator('iframe[title="Alerts preview"]');
  await expect(preview).toHaveAttribute('src', /theme=neon/);
  await expect(preview).toHaveAttribute('src', /session=start-page-preview/);
  await expect(
    page.frameLocator('iframe[title="Board preview"]').locator('.gg-theme-neon'),
  ).toHaveCount(1);
  // The page itself was never reloaded: only the preview frames were.
  expect(await page.evaluate(() => (window as unknown as { __same?: boolean }).__same)).toBe(true);
});

test('every parameter gets a control, with its default shown and its error inline', async ({
  page,
}) => {
  await page.goto('./');
  for (const name of PARAM_NAMES)
    await expect(page.locator(`[name="${name}"]`).first()).toBeAttached();
  await expect(page.getByLabel('theme')).toHaveJSProperty('tagName', 'SELECT');
  await expect(page.getByRole('switch', { name: 'sound' })).toBeVisible();
  await expect(page.getByLabel('accent')).toHaveAttribute('type', 'color');
  await expect(page.getByLabel('top', { exact: true })).toHaveAttribute('type', 'range');
  await expect(page.getByLabel('top', { exact: true })).toHaveAttribute('max', '20');
  const groups = await page
    .locator('[data-group]')
    .evaluateAll((els) => els.map((el) => el.getAttribute('data-group')));
  // The order itself is held by the unit test of groupParams; here, the page shows it.
  expect(groups).toEqual(groupParams(PARAMS).map((group) => group.name));

  await page.getByLabel('top', { exact: true }).fill('3');
  await expect(page.getByLabel('Alerts', { exact: true })).toHaveValue(/top=3$/);
  await page.getByLabel('template').fill('');
  await page.getByLabel('title', { exact: true }).fill('x'.repeat(80));
  const title = page.locator('.control', { has: page.getByLabel('title', { exact: true }) });
  await expect(title.locator('.error')).toContainText('title must be text of up to 60 characters');
  await expect(page.getByRole('alert')).toContainText('title');
  await expect(page.getByLabel('Alerts', { exact: true })).not.toHaveValue(/title=/);
});

test('a Fresh board makes a new session name, and 9:16 turns the preview tall', async ({
  page,
}) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'Fresh board' }).click();
  await expect(page.getByLabel('Alerts', { exact: true })).toHaveValue(
    /session=stream-\d{4}-\d\d-\d\d-\d{4}/,
  );
  await page.getByRole('radio', { name: /9:16/ }).check();
  const frame = page.locator('iframe[title="Alerts preview"]');
  await expect(frame).toHaveCSS('height', '1920px');
});

test('the feed check says whether TikFinity answers, and whether a Twitch channel is valid', async ({
  page,
}) => {
  const tikfinity = await feedServer();
  await page.goto('./');
  await page.getByRole('checkbox', { name: 'tikfinity' }).check();
  await page.getByRole('textbox', { name: 'tikfinity' }).fill(tikfinity.url);
  await expect(page.locator('[data-check="tikfinity"]')).toHaveAttribute('data-state', 'connected');
  await page.getByRole('textbox', { name: 'tikfinity' }).fill('ws://127.0.0.1:9/');
  await expect(page.locator('[data-check="tikfinity"]')).toHaveAttribute('data-state', 'nothing');
  await expect(page.locator('[data-check="tikfinity"]')).toContainText('Nothing listening');

  await page.getByRole('checkbox', { name: 'twitch' }).check();
  await page.getByLabel('channel', { exact: true }).fill('not a channel!');
  await expect(page.locator('[data-check="twitch"]')).toHaveAttribute('data-state', 'bad');
  await page.getByLabel('channel', { exact: true }).fill('giftglow_test');
  await expect(page.locator('[data-check="twitch"]')).toContainText('#giftglow_test');
});
