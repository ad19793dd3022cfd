import { expect, test, type Page } from '@playwright/test';
import { bomb, cheer, gift, streak, type User } from '../helpers/protocol';
import { startFeedServer, type FeedServer } from '../servers/feedServer';
import { countAnimationFrames } from './animationFrames';
import { sessionHook } from './sessionHook';
import { freshSession } from './freshSession';

/**
 * The board page as a streamer's viewers see it, fed by Giftglow's own protocol from a local server:
 * exact totals (streaks, bombs, duplicates), rank order and its tie-break, reloads, hidden users and
 * hostile names.
 */

let server: FeedServer;

test.beforeEach(async () => {
  server = await startFeedServer();
});
test.afterEach(async () => {
  await server.close();
});

const MIA: User = { id: '1001', login: 'mia', name: 'Mia ✨' };
const LEO: User = { id: '1002', login: 'leo', name: 'Leo' };
const KAI: User = { id: '1003', login: 'kai', name: 'Kai' };

function boardUrl(params = '') {
  return `overlays/board.html?source=ws&ws=${server.url}&session=${freshSession()}${params}`;
}

function send(...frames: unknown[]) {
  for (const frame of frames) server.send(JSON.stringify(frame));
}

async function open(page: Page, params = '') {
  await page.goto(boardUrl(params));
  await expect(page.locator('html')).toHaveAttribute('data-feed', 'live');
  await server.waitForClients(1);
}

const rows = (page: Page) => page.locator('.gg-board li.gg-row');
const row = (page: Page, user: User, platform = 'tiktok') =>
  page.locator(`li.gg-row[data-user="${platform}:${user.id}"]`);

test('counts a finished Rose streak once, with its last cumulative count', async ({ page }) => {
  await open(page);
  send(...streak(MIA, 1, [1, 4, 9, 12]));
  await expect(row(page, MIA)).toHaveAttribute('data-value', '12');
  await expect(row(page, MIA).locator('.gg-name')).toHaveText('Mia ✨');
  await expect(row(page, MIA).locator('.gg-value')).toHaveText('12');
});

test('counts a gift bomb once whether its header comes first or last', async ({ page }) => {
  await open(page);
  const first = bomb(LEO, 5);
  send(first.header, ...first.parts);
  const last = bomb(KAI, 3);
  send(...last.parts, last.header);
  await expect(row(page, LEO, 'twitch')).toHaveAttribute('data-value', String(5 * 500));
  await expect(row(page, KAI, 'twitch')).toHaveAttribute('data-value', String(3 * 500));
});

test('counts an event delivered twice only once, and says so in the log and on __giftglow', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await open(page);
  const lion = gift(MIA, 29999);
  const bits = cheer(LEO, 100);
  send(lion, bits, lion, bits, lion);
  await expect(row(page, MIA)).toHaveAttribute('data-value', '29999');
  await expect(row(page, LEO, 'twitch')).toHaveAttribute('data-value', '100');
  await expect.poll(async () => (await sessionHook(page)).drops).toEqual({ duplicate: 3 });
  expect((await sessionHook(page)).gifters).toBe(2);
  // The log holds back repeats of one problem for a minute: one line says it.
  expect(errors).toContain('[giftglow] session: dropped a delivery (duplicate)');
});

test('ranks by total, breaks a tie by who got there first, and lets an overtake through', async ({
  page,
}) => {
  await open(page);
  send(gift(MIA, 100));
  await expect(row(page, MIA)).toHaveAttribute('data-rank', '1');
  send(gift(LEO, 100));
  await expect(row(page, LEO)).toHaveAttribute('data-value', '100');
  await expect(rows(page).locator('.gg-name')).toHaveText(['Mia ✨', 'Leo']);
  send(gift(LEO, 1));
  await expect(rows(page).locator('.gg-name')).toHaveText(['Leo', 'Mia ✨']);
  await expect(rows(page).first()).toHaveClass(/gg-row--changed/);
});

test('shows only the top N, in rank order', async ({ page }) => {
  await open(page, '&top=3');
  const users = Array.from({ length: 6 }, (_, i) => ({
    id: `20${i}`,
    login: `u${i}`,
    name: `User ${i}`,
  }));
  send(...users.map((u, i) => gift(u, (i + 1) * 10)));
  await expect(rows(page)).toHaveCount(3);
  await expect(rows(page).locator('.gg-name')).toHaveText(['User 5', 'User 4', 'User 3']);
  await expect(rows(page).locator('.gg-value')).toHaveText(['60', '50', '40']);
});

test('restores the same board after a reload, and a replay after it changes nothing', async ({
  page,
}) => {
  await open(page);
  const frames = [gift(MIA, 500), ...streak(LEO, 5, [2, 7]), cheer(KAI, 250)];
  send(...frames);
  await expect(rows(page)).toHaveCount(3);
  const before = await rows(page).evaluateAll((els) =>
    els.map((el) => [el.dataset.user, el.dataset.value]),
  );
  await page.reload();
  await expect(rows(page)).toHaveCount(3);
  expect(
    await rows(page).evaluateAll((els) => els.map((el) => [el.dataset.user, el.dataset.value])),
  ).toEqual(before);
  await expect(page.locator('html')).toHaveAttribute('data-feed', 'live');
  await server.waitForClients(1);
  // A feed that replays recent events on reconnect (TikTok's connector does) must not add them again.
  send(...frames, gift(MIA, 1));
  await expect(row(page, MIA)).toHaveAttribute('data-value', '501');
  expect(
    await rows(page).evaluateAll((els) => els.map((el) => [el.dataset.user, el.dataset.value])),
  ).toEqual(before.map(([user, value]) => [user, user === `tiktok:${MIA.id}` ? '501' : value]));
});

test('keeps hidden users off the board while counting everyone else', async ({ page }) => {
  await open(page, '&hide=leo');
  send(gift(LEO, 1000), gift(MIA, 10));
  await expect(row(page, MIA)).toHaveAttribute('data-value', '10');
  await expect(rows(page)).toHaveCount(1);
  await expect(row(page, LEO)).toHaveCount(0);
});

test('renders hostile names as plain text, bounded and without invisible tricks', async ({
  page,
}) => {
  await open(page);
  const evil: User = { id: '666', login: 'evil', name: '<img src=x onerror="window.__pwned=1">' };
  const bidi: User = { id: '667', login: 'bidi', name: '\u202Eevil\u202C\u200B' };
  const long: User = { id: '668', login: 'long', name: 'W'.repeat(300) };
  send(gift(evil, 30), gift(bidi, 20), gift(long, 10));
  await expect(rows(page)).toHaveCount(3);
  // Shown as the characters it is made of (truncated like any long name), never as an element.
  await expect(row(page, evil).locator('.gg-name')).toHaveText(/^<img src=x onerror="win/);
  await expect(page.locator('.gg-board img')).toHaveCount(0);
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(row(page, bidi).locator('.gg-name')).toHaveText('evil');
  const longName = (await row(page, long).locator('.gg-name').textContent()) ?? '';
  expect(longName.length).toBeLessThan(60);
  expect(longName.endsWith('…')).toBe(true);
  // The row stays one line inside the board, whatever the name.
  const box = await row(page, long).boundingBox();
  const board = await page.locator('.gg-board').boundingBox();
  expect(box && board && box.x + box.width <= board.x + board.width + 1).toBe(true);
});

test('keeps the board and the alerts page in step when they run as two OBS sources', async ({
  page,
  context,
}) => {
  await open(page);
  const alerts = await context.newPage();
  await alerts.goto(
    `overlays/alerts.html?source=ws&ws=${server.url}&session=${freshSession()}&board=on`,
  );
  await expect(alerts.locator('html')).toHaveAttribute('data-feed', 'live');
  await server.waitForClients(2);
  send(gift(MIA, 300), ...streak(LEO, 1, [3, 6]));
  for (const p of [page, alerts]) {
    await expect(row(p, MIA)).toHaveAttribute('data-value', '300');
    await expect(row(p, LEO)).toHaveAttribute('data-value', '6');
  }
});

test('requests no animation frames at rest, after an overtake has played', async ({ page }) => {
  const rafs = await countAnimationFrames(page);
  await open(page);
  send(gift(MIA, 10), gift(LEO, 20), gift(MIA, 30));
  await expect(rows(page).locator('.gg-name')).toHaveText(['Mia ✨', 'Leo']);
  // The highlight fades after a few seconds; then nothing on the page may ask for frames.
  await expect(page.locator('.gg-row--changed')).toHaveCount(0, { timeout: 10_000 });
  const before = await rafs();
  await page.clock.runFor(2_000);
  expect((await rafs()) - before).toBe(0);
});

for (const [theme, size] of [
  ['neon', { width: 420, height: 760 }],
  ['candy', { width: 800, height: 300 }],
  ['minimal', { width: 1400, height: 110 }],
] as const) {
  test(`keeps every row inside the ${theme} board at ${size.width}x${size.height}`, async ({
    page,
  }) => {
    await page.setViewportSize(size);
    await open(page, `&theme=${theme}`);
    send(...[MIA, LEO, KAI].map((u, i) => gift(u, 1000 * (i + 1))));
    await expect(rows(page)).toHaveCount(3);
    await expect(page.locator('html')).toHaveClass(new RegExp(`gg-theme-${theme}`));
    const board = await page.locator('.gg-board').boundingBox();
    for (const box of await rows(page).evaluateAll((els) =>
      els.map((el) => el.getBoundingClientRect().toJSON()),
    )) {
      expect(box.right).toBeLessThanOrEqual((board?.x ?? 0) + (board?.width ?? 0) + 1);
      expect(box.bottom).toBeLessThanOrEqual(size.height);
    }
  });
}
