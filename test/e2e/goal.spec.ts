import { expect, test, type Page } from '@playwright/test';
import { bomb, cheer, follow, gift, like, streak, type User } from '../helpers/protocol';
import { traffic } from '../bench/browser/gifts';
import type { FeedServer } from '../servers/feedServer';
import { closeServersAfterEach, feedServer } from './localServers';
import { countAnimationFrames } from './animationFrames';
import { freshSession } from './freshSession';

/**
 * The goal page (issue 15) as viewers see it, fed by Giftglow's own protocol from a local server:
 * it counts what the board counts (streaks once, bombs once, duplicates never), likes by likeCount,
 * follows once per user; it survives reloads, celebrates a reached goal once, and rolls over.
 */

closeServersAfterEach();

const MIA: User = { id: '1001', login: 'mia', name: 'Mia' };
const LEO: User = { id: '1002', login: 'leo', name: 'Leo' };
const KAI: User = { id: '1003', login: 'kai', name: 'Kai' };

// Each test has its own browser storage: one session name serves them all.
const session = freshSession;

async function open(page: Page, server: FeedServer, params: string, clients = 1) {
  await page.goto(`overlays/goal.html?source=ws&ws=${server.url}&session=${session()}${params}`);
  await expect(page.locator('html')).toHaveAttribute('data-feed', 'live');
  await server.waitForClients(clients);
}

function send(server: FeedServer, ...frames: unknown[]) {
  for (const frame of frames) server.send(JSON.stringify(frame));
}

const bar = (page: Page) => page.locator('.gg-goal');

test('a points goal counts a streak once, a bomb once and a duplicate never, like the board', async ({
  page,
}) => {
  const server = await feedServer();
  await open(page, server, '&goal=5000&goaltitle=Giveaway');
  const b = bomb(LEO, 4);
  const lion = gift(KAI, 1000);
  send(server, ...streak(MIA, 1, [1, 5, 12]), b.header, ...b.parts, lion, lion, cheer(LEO, 100));
  await expect(bar(page)).toHaveAttribute('data-value', String(12 + 4 * 500 + 1000 + 100));
  await expect(bar(page)).toHaveAttribute('data-kind', 'points');
  await expect(bar(page)).toHaveAttribute('data-target', '5000');
  await expect(page.locator('.gg-goal-title')).toHaveText('Giveaway');
  await expect(page.locator('.gg-goal-count')).toHaveText('3,112/5,000');
  await expect(page.locator('.gg-goal-percent')).toHaveText('62%');
  await expect(page.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '3112');
});

test("a likes goal adds each like event's likeCount once, and a coins goal counts only coins", async ({
  page,
  context,
}) => {
  const server = await feedServer();
  await open(page, server, '&goal=1000&goalkind=likes');
  const coins = await context.newPage();
  await open(coins, server, '&goal=1000&goalkind=coins', 2);
  const taps = like(MIA, 15);
  send(server, taps, like(LEO, 7), taps, like(KAI, 1), cheer(LEO, 500), ...streak(MIA, 2, [3, 10]));
  await expect(bar(page)).toHaveAttribute('data-value', '23');
  await expect(page.locator('.gg-goal-title')).toHaveText('Like goal');
  await expect(bar(coins)).toHaveAttribute('data-value', '20');
});

test('a follower goal counts each user once, however often they follow', async ({ page }) => {
  const server = await feedServer();
  await open(page, server, '&goal=100&goalkind=follows');
  send(server, follow(MIA), follow(LEO), follow(MIA), follow(KAI), follow(LEO));
  await expect(bar(page)).toHaveAttribute('data-value', '3');
  await expect(page.locator('.gg-goal-percent')).toHaveText('3%');
});

test('a reload keeps every count, and a replay after it adds nothing', async ({ page }) => {
  const server = await feedServer();
  const frames = [gift(MIA, 300), like(LEO, 40), follow(KAI), ...streak(LEO, 1, [2, 9])];
  await open(page, server, '&goal=1000&goalstart=100');
  send(server, ...frames);
  await expect(bar(page)).toHaveAttribute('data-value', String(100 + 300 + 9));
  await page.reload();
  await expect(bar(page)).toHaveAttribute('data-value', String(100 + 300 + 9));
  await expect(page.locator('html')).toHaveAttribute('data-feed', 'live');
  await server.waitForClients(1);
  send(server, ...frames, gift(MIA, 1));
  await expect(bar(page)).toHaveAttribute('data-value', String(100 + 300 + 9 + 1));
  for (const [kind, value] of [
    ['likes', '40'],
    ['follows', '1'],
  ] as const) {
    await page.goto(
      `overlays/goal.html?source=ws&ws=${server.url}&session=${session()}&goal=50&goalkind=${kind}`,
    );
    await expect(bar(page)).toHaveAttribute('data-value', value);
  }
});

test('reaching the goal celebrates once, and not again after a reload', async ({ page }) => {
  const server = await feedServer();
  await open(page, server, '&goal=500');
  send(server, gift(MIA, 499));
  await expect(bar(page)).toHaveAttribute('data-percent', '99');
  await expect(bar(page)).toHaveAttribute('data-celebrations', '0');
  send(server, gift(LEO, 1));
  await expect(bar(page)).toHaveClass(/gg-goal--celebrating/);
  await expect(page.locator('.gg-goal-spark')).not.toHaveCount(0);
  await expect(bar(page)).toHaveAttribute('data-celebrations', '1');
  // Past the goal without repeat: the bar stays full and celebrates nothing more.
  send(server, gift(KAI, 250));
  await expect(bar(page)).toHaveAttribute('data-value', '750');
  await expect(bar(page)).not.toHaveClass(/gg-goal--celebrating/);
  await expect(bar(page)).toHaveAttribute('data-celebrations', '1');
  await expect(bar(page)).toHaveClass(/gg-goal--reached/);
  await expect(page.locator('.gg-goal-percent')).toHaveText('150%');
  await page.reload();
  await expect(bar(page)).toHaveAttribute('data-value', '750');
  await expect(page.locator('html')).toHaveAttribute('data-feed', 'live');
  await expect(bar(page)).toHaveAttribute('data-celebrations', '0');
  await expect(page.locator('.gg-goal-spark')).toHaveCount(0);
});

test('goalrepeat=on holds the reached goal full while it celebrates, then rolls over to the next multiple', async ({
  page,
}) => {
  const server = await feedServer();
  await open(page, server, '&goal=100&goalkind=gifts&goalrepeat=on');
  send(server, ...streak(MIA, 1, [40, 130]));
  await expect(bar(page)).toHaveAttribute('data-value', '130');
  await expect(bar(page)).toHaveAttribute('data-target', '100');
  await expect(bar(page)).toHaveAttribute('data-percent', '100');
  await expect(bar(page)).toHaveClass(/gg-goal--celebrating/);
  await expect(bar(page)).toHaveAttribute('data-target', '200', { timeout: 10_000 });
  await expect(bar(page)).toHaveAttribute('data-percent', '30');
  await expect(bar(page)).not.toHaveClass(/gg-goal--celebrating/);
  send(server, gift(LEO, 1, 75));
  await expect(bar(page)).toHaveAttribute('data-celebrations', '2');
  await expect(bar(page)).toHaveAttribute('data-target', '300', { timeout: 10_000 });
  await expect(bar(page)).toHaveAttribute('data-value', '205');
});

test('the goal page requests no animation frames at rest, after a celebration has played', async ({
  page,
}) => {
  const rafs = await countAnimationFrames(page);
  const server = await feedServer();
  await open(page, server, '&goal=10');
  send(server, gift(MIA, 4), gift(LEO, 20));
  await expect(bar(page)).toHaveAttribute('data-celebrations', '1');
  await expect(bar(page)).not.toHaveClass(/gg-goal--celebrating/, { timeout: 10_000 });
  const before = await rafs();
  await page.clock.runFor(2_000);
  expect((await rafs()) - before).toBe(0);
});

test('the alerts page with goal= shows the same bar and the same total as the goal page', async ({
  page,
  context,
}) => {
  const server = await feedServer();
  await open(page, server, '&goal=2000');
  const alerts = await context.newPage();
  await alerts.goto(
    `overlays/alerts.html?source=ws&ws=${server.url}&session=${session()}&goal=2000`,
  );
  await expect(alerts.locator('html')).toHaveAttribute('data-feed', 'live');
  await server.waitForClients(2);
  const b = bomb(KAI, 2);
  send(server, ...streak(MIA, 5, [3, 8]), ...b.parts, b.header, cheer(LEO, 99));
  for (const p of [page, alerts])
    await expect(bar(p)).toHaveAttribute('data-value', String(40 + 1000 + 99));
  // Outside the alerts' root, the inline bar takes the page's theme itself, as the goal page does.
  const inline = alerts.locator('.gg-inline-goal');
  await expect(inline).toHaveClass(/\bgg-theme-glow\b/);
  expect(await inline.evaluate((el) => el.style.getPropertyValue('--gg-scale'))).toBe('1');
});

for (const size of [
  { width: 600, height: 80 },
  { width: 1200, height: 160 },
  { width: 180, height: 600 },
]) {
  test(`fits a ${size.width}x${size.height} source, filling ${size.width > size.height ? 'across' : 'upwards'}`, async ({
    page,
  }) => {
    await page.setViewportSize(size);
    const server = await feedServer();
    await open(page, server, '&goal=1000&goaltitle=Road%20to%201k');
    send(server, gift(MIA, 600));
    await expect(bar(page)).toHaveAttribute('data-percent', '60');
    const box = (selector: string) =>
      page.locator(selector).evaluate((el) => el.getBoundingClientRect().toJSON() as DOMRect);
    for (const selector of [
      '.gg-goal',
      '.gg-goal-title',
      '.gg-goal-count',
      '.gg-goal-percent',
      '.gg-goal-track',
    ]) {
      const r = await box(selector);
      expect(r.width, selector).toBeGreaterThan(0);
      expect(r.left, selector).toBeGreaterThanOrEqual(0);
      expect(r.top, selector).toBeGreaterThanOrEqual(0);
      expect(r.right, selector).toBeLessThanOrEqual(size.width);
      expect(r.bottom, selector).toBeLessThanOrEqual(size.height);
    }
    const track = await box('.gg-goal-track');
    // Wait for the fill's transition to land on 60% of the track, along the source's long side.
    await expect
      .poll(async () => {
        const fill = await box('.gg-goal-fill');
        return size.width > size.height
          ? Math.round((fill.width / track.width) * 100)
          : Math.round((fill.height / track.height) * 100);
      })
      .toBe(60);
  });
}

test('the start page offers the goal settings and a Goal URL that carries them', async ({
  page,
  request,
}) => {
  await page.goto('./');
  await page.getByLabel('goal', { exact: true }).fill('10000');
  await page.getByLabel('goalkind').selectOption('likes');
  await page.getByLabel('goaltitle').fill('10k likes');
  await page.getByLabel('theme').selectOption('neon');
  const goal = page.getByLabel('Goal', { exact: true });
  await expect(goal).toHaveValue(
    /\/overlays\/goal\.html\?source=hub,demo&theme=neon&goal=10000&goalkind=likes&goaltitle=10k\+likes$/,
  );
  // The alerts URL leaves the goal out, so adding both sources never shows the bar twice.
  await expect(page.getByLabel('Alerts', { exact: true })).toHaveValue(
    /\/overlays\/alerts\.html\?source=hub,demo&theme=neon$/,
  );
  expect((await request.get(await goal.inputValue())).status()).toBe(200);
});

test('the goal page without goal= says so, and still shows a bar', async ({ page }) => {
  await page.goto('overlays/goal.html?source=demo&goalkind=gifts');
  await expect(page.locator('.gg-config-issues')).toContainText('goal is needed on the goal page');
  await expect(bar(page)).toHaveAttribute('data-target', '1000');
  await expect(page.locator('.gg-goal-title')).toHaveText('Gift goal');
});

test('a burst of 1,000 gifts (streaks, repeats) ends on the exact total on the goal and alerts pages', async ({
  page,
  context,
}) => {
  const server = await feedServer();
  await open(page, server, '&goal=1000000');
  const alerts = await context.newPage();
  await alerts.goto(
    `overlays/alerts.html?source=ws&ws=${server.url}&session=${session()}&goal=1000000`,
  );
  await expect(alerts.locator('html')).toHaveAttribute('data-feed', 'live');
  await server.waitForClients(2);
  const plan = traffic({
    seed: 15,
    events: 1000,
    spanMs: 0,
    gifters: 120,
    streakShare: 0.4,
    prefix: 'goal',
  });
  const total = [...plan.totals.values()].reduce((sum, value) => sum + value, 0);
  // Every tenth frame again, as a reconnecting feed replays: it must add nothing.
  const frames = plan.events.map((e) => e.frame);
  for (const frame of [...frames, ...frames.filter((_, i) => i % 10 === 0)]) server.send(frame);
  // Streaks left open finish after the streak timeout (8 s), on the session's own timer.
  for (const p of [page, alerts])
    await expect(bar(p)).toHaveAttribute('data-value', String(total), { timeout: 30_000 });
});
