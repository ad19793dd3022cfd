import { expect, test, type Page } from '@playwright/test';
import { LION, ROSE, ZERODY } from '../fixtures/feeds/tiktok/connector';
import { TIKTOK_PORT } from '../playwright.config';
import { startFakeTikTok, type FakeTikTok } from '../servers/fakeTikTok';
import { follow, gift, like, share, subNotify } from '../servers/tiktokMessages';
import { sessionHook } from './sessionHook';
import { freshSession } from './freshSession';

/**
 * TikTok LIVE by @username, end to end with no network: the built pages, served by `npm start`'s
 * own server (vite preview with the hub), whose hub runs the REAL tiktok-live-connector 2.5 against
 * the local fake of TikTok (test/servers/fakeTikTok.ts: its sign server and push socket, fed by the
 * library's own encoders). playwright.config.ts points the server at the fake (SIGN_API_URL,
 * GIFTGLOW_TIKTOK_LOOKUP=sign-server). Each test has a username of its own: a connection outlives
 * its last page by a grace period, and must not mix into the next test.
 */

let fake: FakeTikTok | null = null;

test.afterEach(async () => {
  await fake?.close();
  fake = null;
});

async function startFake(username: string, retryAfterS?: number): Promise<FakeTikTok> {
  fake = await startFakeTikTok({ port: TIKTOK_PORT, username, retryAfterS });
  return fake;
}

const pageUrl = (page: string, user: string, params = '') =>
  `overlays/${page}.html?source=tiktok&tiktok=@${user}&session=${freshSession()}${params}`;

const zerodyRow = (page: Page) => page.locator(`li.gg-row[data-user="tiktok:${ZERODY.userId}"]`);

async function live(page: Page): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('data-feed', 'live', { timeout: 20_000 });
}

/** The TikTok frames (`{event}`) a page received on its hub socket, by event name. */
function tiktokFramesOf(page: Page): string[] {
  const events: string[] = [];
  page.on('websocket', (ws) => {
    if (!ws.url().includes('/hub/tiktok')) return;
    ws.on('framereceived', ({ payload }) => {
      const text = typeof payload === 'string' ? payload : payload.toString();
      const match = /^\{"event":"(\w+)"/.exec(text);
      if (match?.[1]) events.push(match[1]);
    });
  });
  return events;
}

const roseSteps = (counts: number[], end: boolean, groupId: string) =>
  counts.map((repeatCount, i) =>
    gift({ gift: ROSE, repeatCount, repeatEnd: end && i === counts.length - 1, groupId }),
  );

test('a Rose streak of 30, a Lion, a follow, a like burst and a subscription reach the alerts, the board and the goal, each counted once', async ({
  browser,
}) => {
  const user = 'ggliveone';
  const tiktok = await startFake(user);
  const context = await browser.newContext();
  const board = await context.newPage();
  const alerts = await context.newPage();
  const goal = await context.newPage();
  const received = tiktokFramesOf(alerts);
  await board.goto(pageUrl('board', user));
  await alerts.goto(pageUrl('alerts', user));
  await goal.goto(pageUrl('goal', user, '&goal=100&goalkind=likes'));
  for (const page of [board, alerts, goal]) await live(page);
  // Three pages, one connection: the sign server signed once.
  expect(tiktok.signRequests).toHaveLength(1);

  tiktok.send(...roseSteps([1, 5, 12, 20, 30], true, '501'));
  tiktok.send(gift({ gift: LION }), follow(), like(15, 815), like(10, 825), subNotify(3));

  // The LIVE subscription ranks too, at tiktoksub= points (500 by default).
  await expect(zerodyRow(board)).toHaveAttribute('data-value', String(30 + 29_999 + 500));
  await expect(zerodyRow(board).locator('.gg-name')).toHaveText(ZERODY.nickname);
  await expect(alerts.locator('.gg-callout').filter({ hasText: 'Lion' })).toContainText(
    ZERODY.nickname,
  );
  await expect(alerts.locator('.gg-callout').filter({ hasText: 'TikTok sub' })).toContainText(
    ZERODY.nickname,
  );
  await expect(goal.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '25');
  await expect
    .poll(() => received)
    .toEqual(expect.arrayContaining(['gift', 'follow', 'like', 'subNotify']));
  expect((await sessionHook(board)).drops).toEqual({});
  await context.close();
});

test('a follow and a share are thanked once per user per session, even after OBS reloads the page', async ({
  page,
}) => {
  const user = 'gglivefollow';
  const tiktok = await startFake(user);
  const fan = { userId: '7001', uniqueId: 'newfan', nickname: 'New Fan' };
  const thanks = (kind: string) => page.locator('.gg-callout').filter({ hasText: kind });
  await page.goto(pageUrl('alerts', user, '&duration=30'));
  await live(page);
  // TikTok sends a follow again when a viewer unfollows and follows back: one thank-you each.
  tiktok.send(follow(), follow(), share(), share(), follow(fan));
  await expect(thanks('Follow')).toHaveCount(2);
  await expect(thanks('Follow').filter({ hasText: ZERODY.nickname })).toHaveCount(1);
  await expect(thanks('Follow').filter({ hasText: ZERODY.nickname })).toHaveAttribute(
    'data-count',
    '1',
  );
  await expect(thanks('Follow').filter({ hasText: fan.nickname })).toHaveCount(1);
  await expect(thanks('Share')).toHaveCount(1);
  await expect(thanks('Follow').first()).toHaveClass(/gg-callout--compact/);

  // OBS reloads the source: the session remembers who was thanked.
  await page.reload();
  await live(page);
  tiktok.send(follow(), share(), gift({ gift: LION }));
  await expect(page.locator('.gg-callout').filter({ hasText: 'Lion' })).toBeVisible();
  await expect(thanks('Follow')).toHaveCount(0);
  await expect(thanks('Share')).toHaveCount(0);
  expect((await sessionHook(page)).drops).toEqual({});
});

test('a dropped TikTok socket comes back, a streak across it counts once, and a replayed batch counts nothing', async ({
  page,
}) => {
  const user = 'gglivetwo';
  const tiktok = await startFake(user);
  await page.goto(pageUrl('board', user));
  await live(page);
  tiktok.send(...roseSteps([1, 5], false, '602'), gift({ gift: LION }));
  await expect(zerodyRow(page)).toHaveAttribute('data-value', String(29_999));

  // TikTok's first batch after a reconnect repeats recent messages: the same msgIds again.
  tiktok.replayOnNextSign();
  tiktok.dropSocket();
  await expect(page.locator('html')).toHaveAttribute('data-feed', 'retrying');
  await expect(page.getByRole('status')).toContainText('reconnecting to TikTok');
  await tiktok.entered(2);
  await live(page);
  tiktok.send(...roseSteps([12, 30], true, '602'));
  await expect(zerodyRow(page)).toHaveAttribute('data-value', String(29_999 + 30));
  const drops = (await sessionHook(page)).drops;
  expect(drops.duplicate).toBeGreaterThanOrEqual(3);
  expect(tiktok.signRequests).toHaveLength(2);
});

test('a sign server at its rate limit: the page says rate-limited, and the hub waits as long as it was told', async ({
  page,
}) => {
  const user = 'gglivethree';
  const tiktok = await startFake(user, 120);
  await page.goto(pageUrl('board', user, '&status=show'));
  await live(page);
  tiktok.answerSign(429);
  tiktok.dropSocket();
  await expect(page.locator('html')).toHaveAttribute('data-feed', 'retrying', { timeout: 20_000 });
  await expect(page.getByRole('status')).toContainText('rate-limited', { timeout: 20_000 });
  await expect(page.getByRole('status')).toContainText('2 min');
  const asked = tiktok.signRequests.length;
  expect(asked).toBe(2);
  // Told to come back in 120 s: nothing more is asked meanwhile, whatever the page does.
  await page.reload();
  await expect(page.getByRole('status')).toContainText('rate-limited');
  await page.waitForTimeout(3_000);
  expect(tiktok.signRequests).toHaveLength(asked);
});
