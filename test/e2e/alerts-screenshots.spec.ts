import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { startFeedServer, type FeedServer } from '../servers/feedServer';
import { gift, hook, openAlerts } from './alertsFeed';
import { stopClock } from './stoppedClock';

/**
 * Pictures of each effect tier and each theme for the README, over a dark "stream" backdrop (the
 * page itself is transparent). Run with UPDATE_SCREENSHOTS=1; look at them before committing.
 * The page's clock stands still until a picture is due (stoppedClock.ts), so each shows its effect
 * the same number of ms after the gift on every run.
 */
test.skip(!process.env.UPDATE_SCREENSHOTS, 'set UPDATE_SCREENSHOTS=1 to refresh docs/img');

const BACKDROP = `html { background:
  radial-gradient(ellipse at 20% 80%, #2b3a55 0%, transparent 55%),
  radial-gradient(ellipse at 85% 20%, #3d2346 0%, transparent 50%),
  linear-gradient(160deg, #141824, #0c0f16) !important; }`;

const ROSE = { giftId: '5655', giftName: 'Rose', coins: 1 };
const CORGI = { giftId: '6267', giftName: 'Corgi', coins: 299 };
const GALAXY = { giftId: '5886', giftName: 'Galaxy', coins: 1000 };
const LION = { giftId: '6369', giftName: 'Lion', coins: 29999 };

let server: FeedServer;
test.beforeEach(async ({ page }) => {
  server = await startFeedServer();
  await stopClock(page);
});
test.afterEach(async () => {
  await server.close();
});

/** The effects `ms` into their animation; the callouts (CSS, on the real clock) as they end up. */
async function shoot(page: Page, file: string, ms: number): Promise<void> {
  await expect.poll(async () => (await hook(page)).running).toBe(true);
  await page.clock.runFor(ms);
  await page.screenshot({ path: `docs/img/${file}`, animations: 'disabled' });
}

const tiers = [
  { tier: 1, name: 'Mia ✨', gift: ROSE, count: 1, ms: 250 },
  { tier: 2, name: '李小龙', gift: CORGI, count: 1, ms: 350 },
  { tier: 3, name: 'محمد', gift: GALAXY, count: 1, ms: 700 },
  { tier: 4, name: 'Zerody Tester', gift: LION, count: 1, ms: 1100 },
];

/** Full quality (what a real GPU shows) and light (a slow GPU, or quality=light), side by side. */
const modes = [
  { quality: 'high', suffix: '' },
  { quality: 'light', suffix: '-light' },
];

for (const t of tiers) {
  for (const m of modes) {
    test(`tier ${t.tier}, quality=${m.quality}`, async ({ page }) => {
      await page.setViewportSize({ width: 1280, height: 720 });
      await openAlerts(page, server, `&duration=10&position=bottom&quality=${m.quality}`);
      await page.addStyleTag({ content: BACKDROP });
      server.send(
        gift({ id: `t${t.tier}`, user: `u${t.tier}`, name: t.name, ...t.gift, count: t.count }),
      );
      await shoot(page, `alerts-tier-${t.tier}${m.suffix}.png`, t.ms);
    });
  }
}

const themes = [
  { theme: 'glow', extra: '' },
  { theme: 'neon', extra: '&font=display&position=top-right' },
  { theme: 'candy', extra: '&font=rounded&position=bottom-left' },
  { theme: 'minimal', extra: '&position=top-left&accent=4fd1c5' },
];

for (const t of themes) {
  for (const m of modes) {
    test(`theme ${t.theme}, quality=${m.quality}`, async ({ page }) => {
      await page.setViewportSize({ width: 1280, height: 720 });
      await openAlerts(
        page,
        server,
        `&theme=${t.theme}&duration=10&min=50${t.extra}&quality=${m.quality}`,
      );
      await page.addStyleTag({ content: BACKDROP });
      server.send(gift({ id: 'a', user: 'a', name: 'Zerody Tester', ...GALAXY }));
      const streak = { user: 'b', name: 'Ana Lúcia 🌸', ...CORGI, streak: 's1', end: false };
      server.send(gift({ id: 'b1', ...streak, count: 1 }));
      server.send(gift({ id: 'b2', ...streak, count: 7 }));
      server.send(gift({ id: 'c', user: 'c', name: 'שירה', ...ROSE }));
      await expect(page.locator('.gg-callout')).toHaveCount(3);
      await shoot(page, `alerts-theme-${t.theme}${m.suffix}.png`, 600);
    });
  }
}

test('vertical 9:16 (1080x1920 at half size) with a live combo', async ({ page }) => {
  await page.setViewportSize({ width: 540, height: 960 });
  await openAlerts(page, server, '&theme=neon&duration=10&scale=0.9&position=bottom&quality=high');
  await page.addStyleTag({ content: BACKDROP });
  const streak = { user: 'v', name: 'NightOwl 🦉', ...ROSE, streak: 'v1', end: false };
  for (const count of [1, 12, 48]) server.send(gift({ id: `v${count}`, ...streak, count }));
  server.send(gift({ id: 'l', user: 'l', name: 'Kenji 健二', ...LION }));
  await expect(page.locator('.gg-callout')).toHaveCount(2);
  await shoot(page, 'alerts-vertical.png', 900);
});

test('a gift battle seen after the source was hidden: a calm "+N more" summary', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openAlerts(page, server, '&duration=4&maxqueue=100&position=bottom-right&quality=high');
  await page.addStyleTag({ content: BACKDROP });
  const obsVisible = (visible: boolean) =>
    page.evaluate(
      (v) =>
        window.dispatchEvent(
          new CustomEvent('obsSourceVisibleChanged', { detail: { visible: v } }),
        ),
      visible,
    );
  await obsVisible(false);
  const fans = ['Ava', 'Ben', 'Chloé', 'Dmitri', 'Emi', 'Farah', 'Gus', 'Hana'];
  for (let i = 0; i < 60; i++) {
    const big = i === 17 ? LION : i % 5 === 0 ? GALAXY : CORGI;
    server.send(gift({ id: `b${i}`, user: `u${i}`, name: `${fans[i % 8]} ${i}`, ...big }));
  }
  await expect.poll(async () => (await hook(page)).queue.waiting).toBe(60);
  // Hidden longer than the backlog gap (8 s).
  await page.clock.runFor(8_500);
  await obsVisible(true);
  await expect(page.locator('.gg-callout--summary')).toHaveCount(1);
  await shoot(page, 'alerts-summary.png', 900);
});

test('an alert rule: a Lion plays its own clip with its own words', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const clip = readFileSync(new URL('../../docs/media/bloom.webm', import.meta.url));
  const rules = {
    v: 1,
    rules: [
      {
        name: 'Lion',
        when: { gift: 'Lion' },
        then: { media: 'bloom.webm', text: '{name} set the stage in bloom!' },
      },
    ],
  };
  await page.route(/\/overlays\/rules\/[^/]+$/, (route) =>
    route.request().url().endsWith('.json')
      ? route.fulfill({ body: JSON.stringify(rules), contentType: 'application/json' })
      : route.fulfill({ body: clip, contentType: 'video/webm' }),
  );
  await openAlerts(page, server, '&rules=rules/rules.json&duration=10&quality=high');
  await page.addStyleTag({ content: BACKDROP });
  server.send(gift({ id: 'm1', user: 'm1', name: 'Kenji 健二', ...LION }));
  await expect(page.locator('.gg-callout')).toHaveCount(1);
  await expect
    .poll(() => page.locator('video.gg-media').evaluate((v: HTMLVideoElement) => v.readyState))
    .toBeGreaterThanOrEqual(2);
  // The clip is the Lion's whole look (no stage effect): its callout settles, the video plays on.
  await page.clock.runFor(700);
  await page.screenshot({ path: 'docs/img/alerts-rule-media.png', animations: 'disabled' });
});
