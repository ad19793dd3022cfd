import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { WebSocket } from 'ws';
import { PORT } from '../playwright.config';
import { freshSession } from './freshSession';
import { hubToken, testLion } from './hubToken';

/**
 * The local event hub of `npm start` (the same vite preview server e2e runs): test alerts from the
 * start page reach overlays opened on its URLs, and nobody else may send.
 */

const ORIGIN = `http://localhost:${PORT}`;

async function overlaysListening(start: Page, count: number): Promise<void> {
  await expect(start.locator('.hub[data-overlays]')).toHaveAttribute(
    'data-overlays',
    String(count),
    {
      timeout: 15_000,
    },
  );
}

/**
 * The start page set to the hub alone (no demo gifts) with the board inside the alerts page (to
 * see what it counts), `more` settings on top, and its Alerts URL opened as an OBS source would.
 */
async function overlayFromStartPage(
  page: Page,
  context: BrowserContext,
  more?: () => Promise<void>,
): Promise<{ url: string; obs: Page }> {
  await page.goto('./');
  await page.getByRole('checkbox', { name: 'demo' }).uncheck();
  await page.getByRole('switch', { name: 'board' }).check();
  await more?.();
  const url = await page.getByLabel('Alerts', { exact: true }).inputValue();
  const obs = await context.newPage();
  // A session of this test's own: the server keeps every session (issue 24), `default` included.
  await obs.goto(`${url}&session=${freshSession()}`);
  await expect(obs.locator('html')).toHaveAttribute('data-feed', 'live');
  await overlaysListening(page, 1);
  return { url, obs };
}

test('a test Lion from the start page is celebrated on the alerts URL, and its board stays empty', async ({
  page,
  context,
}) => {
  const { url, obs } = await overlayFromStartPage(page, context);
  expect(url).toMatch(/\?source=hub&board=on$/);

  await page.getByRole('button', { name: 'Test Lion' }).click();
  const callout = obs.locator('.gg-callout', { hasText: 'Leo Test' });
  await expect(callout).toBeVisible({ timeout: 15_000 });
  await expect(callout).toContainText('Lion');
  await expect(page.getByText('Lion sent to 1 overlay.')).toBeVisible();
  await expect(obs.locator('.gg-board .gg-row')).toHaveCount(0);
  await expect(obs.locator('.gg-board')).toContainText('The first gift tops the board');
});

test('a test from a rehearsal session (counttests=on) is counted on the board', async ({
  page,
  context,
}) => {
  const { url, obs } = await overlayFromStartPage(page, context, () =>
    page.getByRole('checkbox', { name: /Count tests on the board/ }).check(),
  );
  expect(url).toContain('counttests=on');
  await page.getByRole('button', { name: 'Test Lion' }).click();
  await expect(obs.locator('.gg-board .gg-row')).toHaveCount(1, { timeout: 15_000 });
  await expect(obs.locator('.gg-board .gg-row')).toContainText('Leo Test');
});

test('two overlays both receive a test, and a hostile name stays text', async ({
  page,
  context,
}) => {
  const overlays = [await context.newPage(), await context.newPage()];
  for (const overlay of overlays) {
    await overlay.goto('overlays/alerts.html?source=hub&session=e2e-two');
    await expect(overlay.locator('html')).toHaveAttribute('data-feed', 'live');
  }
  await page.goto('./');
  await overlaysListening(page, 2);
  await page.getByRole('button', { name: 'Test Hostile name' }).click();
  for (const overlay of overlays) {
    const name = overlay.locator('.gg-callout .gg-name').first();
    // Shown as text (shortened by the name rules), never as markup.
    await expect(name).toContainText('<img src=x', { timeout: 15_000 });
    await expect(overlay.locator('.gg-callout img')).toHaveCount(0);
  }
});

test('a Rose streak test climbs on the overlay, then ends', async ({ page, context }) => {
  const obs = await context.newPage();
  await obs.goto('overlays/alerts.html?source=hub&session=e2e-rose');
  await expect(obs.locator('html')).toHaveAttribute('data-feed', 'live');
  await page.goto('./');
  await overlaysListening(page, 1);
  await page.getByRole('button', { name: 'Test Rose streak' }).click();
  await expect(obs.locator('.gg-callout[data-count="20"]')).toBeVisible({ timeout: 15_000 });
});

test('the hub refuses a POST from another site, without the token, or with a bad frame', async ({
  request,
  page,
}) => {
  await page.goto('overlays/alerts.html?source=hub&session=e2e-refused');
  await expect(page.locator('html')).toHaveAttribute('data-feed', 'live');
  const token = hubToken();
  const refused = async (): Promise<Record<string, number>> =>
    (await (await request.get('hub/status')).json()).refused;
  const before = await refused();
  const post = (headers: Record<string, string>, data: unknown) =>
    request.post('hub/events', { headers, data: JSON.stringify(data) });

  const foreign = await post(
    { Origin: 'https://evil.test', Authorization: `Bearer ${token}` },
    testLion('e2e-foreign'),
  );
  expect(foreign.status()).toBe(403);
  expect(await foreign.json()).toMatchObject({ refused: 'foreign-origin' });
  expect(foreign.headers()['access-control-allow-origin']).toBeUndefined();

  const tokenless = await post({ Origin: ORIGIN }, testLion('e2e-tokenless'));
  expect(tokenless.status()).toBe(401);

  const bad = await post({ Authorization: `Bearer ${token}` }, { v: 1, type: 'gift', id: 'x' });
  expect(bad.status()).toBe(400);
  expect(await bad.json()).toMatchObject({ refused: 'bad-shape' });

  // Each refusal is counted by its reason.
  const after = await refused();
  for (const reason of ['foreign-origin', 'no-token', 'bad-shape'])
    expect((after[reason] ?? 0) - (before[reason] ?? 0)).toBe(1);
  // Nothing refused ever reached the overlay.
  await expect(page.locator('.gg-callout')).toHaveCount(0);

  // And a good one, from a local tool (no Origin), does.
  const good = await post({ Authorization: `Bearer ${token}` }, testLion('e2e-good'));
  expect(good.status()).toBe(202);
  await expect(page.locator('.gg-callout', { hasText: 'Leo Test' })).toBeVisible({
    timeout: 15_000,
  });
});

test('the hub refuses a WebSocket from another site, and gives its token to no one but the start page', async ({
  request,
}) => {
  const status = await new Promise<number>((resolve) => {
    const ws = new WebSocket(`ws://localhost:${PORT}/hub`, { origin: 'https://evil.test' });
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('open', () => resolve(101));
    ws.on('error', () => resolve(-1));
  });
  expect(status).toBe(403);
  const crossSite = await request.get('hub/token', { headers: { 'Sec-Fetch-Site': 'cross-site' } });
  expect(crossSite.status()).toBe(403);
  const tool = await request.get('hub/token');
  expect(tool.status()).toBe(403);
});
