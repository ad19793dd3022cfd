import { expect, test, type Page } from '@playwright/test';
import { gift, streak, cheer, bomb } from '../helpers/protocol';
import { TIKTOK_PORT } from '../playwright.config';
import { startFakeTikTok } from '../servers/fakeTikTok';
import { startFeedServer } from '../servers/feedServer';
import { stopClock } from './stoppedClock';

/**
 * The pictures in the README, made from the built pages. They land in docs/img when
 * UPDATE_SCREENSHOTS=1 (then look at them before committing); otherwise in test-results, so a
 * normal test run leaves the work tree clean. Either way the pages must show what the picture shows.
 *
 * The pages' clock stands still (stoppedClock.ts) and each test plays a set number of ms of it, so
 * a picture shows the same moment on every run; CSS animations, on the real clock, are played to
 * their end by the screenshot. With the clock stopped, the alerts' start-up GPU probe reads 0 ns and
 * picks full effects: what a real GPU shows, and what quality=high asks for where a URL says it.
 */
const into = (name: string) =>
  process.env.UPDATE_SCREENSHOTS ? `docs/img/${name}` : test.info().outputPath(name);

/** A stand-in for the game or camera behind the overlay, so a transparent page reads in a picture. */
async function backdrop(page: Page) {
  await page.addStyleTag({
    content: `html { background: radial-gradient(circle at 30% 20%, #3b2f6b, #141024 60%, #07060d) !important; }`,
  });
}

test('alerts on the demo feed, 1920x1080', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await stopClock(page);
  await page.goto(
    'overlays/alerts.html?source=demo&seed=7&rate=90&session=shot-alerts&board=on&status=hide&quality=high',
  );
  await backdrop(page);
  await expect(page.locator('html')).toHaveAttribute('data-feed', 'live');
  // The demo's first 3 s: three gifts, two of their effects still playing.
  await page.clock.runFor(3_000);
  await expect(page.locator('.gg-callout .gg-name')).toHaveCount(3);
  await page.screenshot({ path: into('alerts-demo.png'), animations: 'disabled' });
});

test('the board, horizontal and vertical', async ({ page }) => {
  const server = await startFeedServer();
  try {
    await page.setViewportSize({ width: 600, height: 400 });
    // Stopped, the clock keeps the last change highlighted in both pictures.
    await stopClock(page);
    await page.goto(
      `overlays/board.html?source=ws&ws=${server.url}&session=shot-board&title=Top%20gifters%20tonight`,
    );
    await backdrop(page);
    await expect(page.locator('html')).toHaveAttribute('data-feed', 'live');
    const b = bomb({ id: '611203908', name: 'CkPuffin' }, 5);
    for (const frame of [
      ...streak({ id: '1', name: 'Mia ✨' }, 1, [10, 99, 250]),
      gift({ id: '2', name: '李小龙' }, 29999),
      b.header,
      ...b.parts,
      cheer({ id: '3', name: 'NightOwl 🦉' }, 1500),
      gift({ id: '4', name: 'أحمد' }, 699),
    ])
      server.send(JSON.stringify(frame));
    // Gifts this close together are drawn together after the board's wait (paced.ts); the
    // highlight of the last change lasts longer than that.
    await expect
      .poll(async () => {
        await page.clock.runFor(600);
        return page.locator('li.gg-row').count();
      })
      .toBe(5);
    await page.screenshot({ path: into('board.png'), animations: 'disabled' });
    await page.setViewportSize({ width: 1600, height: 120 });
    await page.screenshot({ path: into('board-ticker.png'), animations: 'disabled' });
  } finally {
    await server.close();
  }
});

test('the start page', async ({ page, context }) => {
  await stopClock(page);
  // One overlay on the hub, so the page shows what a streamer sees with OBS running. Connected
  // before the start page opens, its first look at the hub counts it.
  const obs = await context.newPage();
  await obs.goto('overlays/alerts.html?source=hub&session=shot-start');
  await expect(obs.locator('html')).toHaveAttribute('data-feed', 'live');
  await page.setViewportSize({ width: 1440, height: 1100 });
  await page.goto('./');
  await page.getByLabel('theme').selectOption('neon');
  await page.getByLabel('accent').fill('#ff5ea8');
  await expect(page.locator('.hub[data-overlays="1"]')).toBeVisible({ timeout: 15_000 });
  // The preview reloads a moment after the last edit, then plays its demo for 4 s.
  await page.clock.runFor(1_000);
  for (const title of ['Alerts preview', 'Board preview']) {
    const frame = page.frameLocator(`iframe[title="${title}"]`);
    await expect(frame.locator('.gg-theme-neon').first()).toBeAttached(); // the reloaded page
    await expect(frame.locator('html')).toHaveAttribute('data-feed', 'live');
  }
  await page.clock.runFor(4_000);
  await page.getByRole('heading', { name: 'Your URLs' }).evaluate((el) => el.scrollIntoView());
  await page.screenshot({ path: into('start-page.png'), animations: 'disabled' });
  await page.getByRole('heading', { name: 'Settings' }).evaluate((el) => el.scrollIntoView());
  await page.clock.runFor(2_500);
  await page.screenshot({ path: into('start-page-settings.png'), animations: 'disabled' });
});

test('the start page leads with where the gifts come from: TikTok by @username, checked LIVE', async ({
  page,
}) => {
  // The hub of the e2e server signs at the local fake of TikTok (playwright.config.ts).
  const tiktok = await startFakeTikTok({ port: TIKTOK_PORT, username: 'giftglowshot' });
  try {
    await stopClock(page);
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto('./');
    await page.getByLabel('Your TikTok @username').fill('@GiftglowShot');
    await page.clock.runFor(1_500);
    const check = page.locator('[data-check="tiktok-live"]');
    await expect(check).toHaveAttribute('data-state', 'live', { timeout: 20_000 });
    await page.screenshot({ path: into('start-page-tiktok.png'), animations: 'disabled' });
  } finally {
    await tiktok.close();
  }
});

test('a test alert from the start page, in OBS', async ({ page, context }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await stopClock(page);
  await page.goto(
    'overlays/alerts.html?source=hub&session=shot-test&board=on&status=hide&quality=high',
  );
  await backdrop(page);
  await expect(page.locator('html')).toHaveAttribute('data-feed', 'live');
  const start = await context.newPage();
  await start.goto('./');
  await start.getByRole('button', { name: 'Test Lion' }).click();
  await page.clock.runFor(0); // the button sends from a timer
  await expect(page.locator('.gg-callout', { hasText: 'Leo Test' })).toBeVisible({
    timeout: 15_000,
  });
  await page.clock.runFor(1_500);
  await page.screenshot({ path: into('test-alert.png'), animations: 'disabled' });
});
