import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { SIGN_KEY_FILE } from '../playwright.config';

/**
 * The optional sign key on the start page, through the real hub of the e2e server (which keeps it
 * under test-results/, GIFTGLOW_SIGN_KEY_FILE): saved, said to be set, never shown back, never in
 * a URL, and forgotten again so no other spec signs with it.
 */

const KEY = 'euler_ZTJlX3NpZ25fa2V5X25ldmVyX3Nob3du';
const path = resolve(import.meta.dirname, '../..', SIGN_KEY_FILE);

const disclosure = (page: Page) => page.locator('[data-check="sign-key"]');
const field = (page: Page) => page.getByLabel('Your Euler Stream key');

async function opened(page: Page) {
  await page.goto('./');
  await expect(disclosure(page)).toHaveAttribute('data-key', /^(none|file)$/, { timeout: 15_000 });
  await disclosure(page).locator('summary').click();
}

test.afterEach(async ({ request }) => {
  // Whatever happened above, the server signs without a key again.
  const { token } = (await (
    await request.get('hub/token', { headers: { 'Sec-Fetch-Site': 'same-origin' } })
  ).json()) as { token: string };
  await request.post('hub/tiktok/key', {
    headers: { Authorization: `Bearer ${token}` },
    data: { key: null },
  });
});

test('a key saved on the start page is kept by the hub, and never shown back or put in a URL', async ({
  page,
}) => {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await opened(page);
  await expect(disclosure(page)).toContainText("Raises the sign server's rate limit");
  await expect(field(page)).toHaveAttribute('type', 'password');

  await field(page).fill('two words');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(disclosure(page)).toContainText('Not saved: a sign key is one word');

  await field(page).fill(KEY);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(disclosure(page)).toHaveAttribute('data-key', 'file');
  await expect(disclosure(page)).toContainText('A key is set (from this page).');
  await expect(field(page)).toHaveValue('');
  expect(readFileSync(path, 'utf8')).toBe(`${KEY}\n`);
  expect(statSync(path).mode & 0o777).toBe(0o600);

  const status = await (await page.request.get('hub/status')).text();
  expect(JSON.parse(status)).toMatchObject({ signKey: 'file' });
  expect(status).not.toContain(KEY);
  await page.reload();
  await expect(disclosure(page)).toHaveAttribute('data-key', 'file');
  await expect(disclosure(page)).toContainText('A key is set (from this page).');
  expect(await page.content()).not.toContain(KEY);
  expect(requests.filter((url) => url.includes(KEY) || url.includes('euler_'))).toEqual([]);
  expect(await page.getByLabel('Alerts', { exact: true }).inputValue()).not.toContain('euler');

  await disclosure(page).locator('summary').click();
  await page.getByRole('button', { name: 'Forget' }).click();
  await expect(disclosure(page)).toHaveAttribute('data-key', 'none');
  await expect(disclosure(page)).toContainText('No key: free, rate-limited.');
  expect(existsSync(path)).toBe(false);
});

test('says a key needs npm start where no hub serves the page', async ({ page }) => {
  await page.route('**/hub/status', (route) => route.fulfill({ status: 404, body: 'Not Found' }));
  await page.goto('./');
  await disclosure(page).locator('summary').click();
  await expect(disclosure(page)).toHaveAttribute('data-key', 'no-hub');
  await expect(disclosure(page)).toContainText('Saving a key needs npm start');
  await expect(field(page)).toHaveCount(0);
});
