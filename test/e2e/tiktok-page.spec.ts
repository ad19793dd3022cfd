import { readFileSync } from 'node:fs';
import { expect, test, type Page, type WebSocketRoute } from '@playwright/test';
import { heartbeatFrame } from '../../src/wire/heartbeat';
import { tiktokStatusFrame, type TikTokStatus } from '../../src/wire/tiktokLive';
import { freshSession } from './freshSession';

/**
 * TikTok by @username, the page side: the start page's first section (the field, the URLs it
 * makes, the reason for a bad name, the LIVE check, the "no hub" wording) and an overlay with
 * source=tiktok. The hub's /hub/tiktok socket is played by Playwright (routeWebSocket): the real
 * hub route has its own spec.
 */

const frames = JSON.parse(
  readFileSync(new URL('../fixtures/feeds/tiktok/frames.json', import.meta.url), 'utf8'),
) as Record<string, unknown[]>;

const ZERODY = 'tiktok:6813181309701719620';

function status(username: string, state: TikTokStatus['state'], detail = ''): string {
  return tiktokStatusFrame({ username, state, detail });
}

/** Plays the hub's TikTok socket; resolves each socket the page opens, with its URL. */
async function fakeTikTokHub(page: Page) {
  const opened: WebSocketRoute[] = [];
  await page.routeWebSocket(/\/hub\/tiktok\?/, (ws) => {
    opened.push(ws);
  });
  return {
    opened,
    latest: async () => {
      await expect.poll(() => opened.length).toBeGreaterThan(0);
      return opened.at(-1) as WebSocketRoute;
    },
  };
}

const alertsUrl = (page: Page) => page.getByLabel('Alerts', { exact: true });
const username = (page: Page) => page.getByLabel('Your TikTok @username');

test.describe('the start page leads with where gifts come from', () => {
  test('comes first, above the OBS steps, with the parameter names in small print', async ({
    page,
  }) => {
    await page.goto('./');
    const headings = await page.getByRole('heading', { level: 2 }).allTextContents();
    expect(headings.slice(0, 2)).toEqual(['Where do your gifts come from?', 'Add it to OBS']);
    const tiktok = page.locator('[data-platform="tiktok"]');
    await expect(tiktok.locator('code', { hasText: 'source=tiktok' })).toBeVisible();
    await expect(tiktok.locator('code', { hasText: /^tiktok=$/ })).toBeVisible();
    await expect(alertsUrl(page)).toHaveValue(/\?source=hub,demo$/);
  });

  test('a TikTok @username makes source=tiktok&tiktok=<name>, and clearing it gives the demo back', async ({
    page,
  }) => {
    await fakeTikTokHub(page);
    await page.goto('./');
    await username(page).fill('@GiftGlow.Fan');
    await expect(alertsUrl(page)).toHaveValue(
      /\/overlays\/alerts\.html\?source=tiktok,hub&tiktok=giftglow\.fan$/,
    );
    await expect(page.getByLabel('Board', { exact: true })).toHaveValue(
      /board\.html\?source=tiktok,hub&tiktok=giftglow\.fan$/,
    );
    await page.getByLabel('Your Twitch channel').fill('GiftGlow_Test');
    await expect(alertsUrl(page)).toHaveValue(
      /\?source=tiktok,twitch,hub&tiktok=giftglow\.fan&channel=giftglow_test$/,
    );
    await username(page).fill('');
    await page.getByLabel('Your Twitch channel').fill('');
    await expect(alertsUrl(page)).toHaveValue(/\?source=hub,demo$/);
  });

  test('says why a username is wrong, inline, and keeps it out of the URLs', async ({ page }) => {
    await page.goto('./');
    await username(page).fill('giftglow.');
    const why = page.locator('[data-check="tiktok-name"]');
    await expect(why).toHaveText('a TikTok username never ends with a period.');
    await username(page).fill('gift glow');
    await expect(why).toHaveText('a TikTok username has only letters, digits, _ and ..');
    await expect(alertsUrl(page)).not.toHaveValue(/tiktok=/);
    await expect(page.getByRole('alert')).toContainText('tiktok');
    await expect(page.locator('[data-check="tiktok-live"]')).toHaveCount(0);
  });

  test('TikFinity is the alternative: source=tikfinity in place of the username, and back', async ({
    page,
  }) => {
    await fakeTikTokHub(page);
    await page.goto('./');
    await username(page).fill('giftglow');
    await expect(alertsUrl(page)).toHaveValue(/\?source=tiktok,hub&tiktok=giftglow$/);
    await page.getByRole('radio', { name: 'Through the TikFinity app instead' }).check();
    await expect(alertsUrl(page)).toHaveValue(/\?source=tikfinity,hub$/);
    await expect(page.locator('[data-check="tikfinity"]')).toBeVisible();
    await expect(page.locator('[data-platform="tiktok"]')).toContainText('18+ LIVE');
    await page.getByRole('radio', { name: /By my @username/ }).check();
    await expect(alertsUrl(page)).toHaveValue(/\?source=tiktok,hub&tiktok=giftglow$/);
  });

  test("the LIVE check asks the hub's TikTok socket and shows its state in words", async ({
    page,
  }) => {
    const hub = await fakeTikTokHub(page);
    await page.goto('./');
    await username(page).fill('@GiftGlow');
    const check = page.locator('[data-check="tiktok-live"]');
    await expect(check).toContainText('Asking the hub about @giftglow');
    const socket = await hub.latest();
    expect(new URL(socket.url()).searchParams.get('user')).toBe('giftglow');
    expect(new URL(socket.url()).pathname).toBe('/hub/tiktok');
    socket.send(heartbeatFrame(15_000));
    socket.send(status('giftglow', 'not-live', 'checking again in 3 min'));
    await expect(check).toHaveAttribute('data-state', 'not-live');
    await expect(check).toContainText('@giftglow: not LIVE right now: checking again in 3 min');
    socket.send(status('giftglow', 'sign-unreachable', 'Euler Stream does not answer'));
    await expect(check).toContainText('the sign server does not answer');
    await expect(check).toContainText('TikFinity works meanwhile');
    socket.send(status('giftglow', 'live'));
    await expect(check).toHaveAttribute('data-state', 'live');
    // Only the name that stayed: one socket, opened after the typing paused.
    expect(hub.opened).toHaveLength(1);
  });

  test('says so when no hub serves the page', async ({ page }) => {
    await page.route('**/hub/status', (route) => route.fulfill({ status: 404, body: 'Not Found' }));
    const hub = await fakeTikTokHub(page);
    await page.goto('./');
    await username(page).fill('giftglow');
    const check = page.locator('[data-check="tiktok-live"]');
    await expect(check).toHaveAttribute('data-state', 'no-hub');
    await expect(check).toContainText('No hub here: TikTok by username needs npm start');
    expect(hub.opened).toHaveLength(0);
  });
});

test.describe('source=tiktok on an overlay', () => {
  test('is connecting until the hub says live, then counts the LIVE gifts', async ({ page }) => {
    const hub = await fakeTikTokHub(page);
    await page.goto(`overlays/board.html?source=tiktok&tiktok=@GiftGlow&session=${freshSession()}`);
    const socket = await hub.latest();
    expect(new URL(socket.url()).searchParams.get('user')).toBe('giftglow');
    await expect(page.locator('html')).toHaveAttribute('data-feed', 'connecting');
    await expect(page.getByRole('status')).toContainText('reaching TikTok through the hub');
    socket.send(status('giftglow', 'not-live', 'checking again in 3 min'));
    await expect(page.locator('html')).toHaveAttribute('data-feed', 'offline');
    await expect(page.getByRole('status')).toContainText(
      'not LIVE right now: checking again in 3 min',
    );
    socket.send(status('giftglow', 'live'));
    await expect(page.locator('html')).toHaveAttribute('data-feed', 'live');
    for (const frame of [...(frames.roseStreak ?? []), ...(frames.lion ?? [])]) {
      socket.send(JSON.stringify(frame));
    }
    await expect(page.locator(`li.gg-row[data-user="${ZERODY}"]`)).toHaveAttribute(
      'data-value',
      String(3 + 29_999),
    );
  });

  test('names the missing username', async ({ page }) => {
    await page.goto(`overlays/board.html?source=tiktok&session=${freshSession()}`);
    await expect(page.locator('.gg-config-issues')).toContainText('tiktok is needed');
  });
});
