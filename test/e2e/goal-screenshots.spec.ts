import { expect, test, type Page } from '@playwright/test';
import { follow, gift, like, streak } from '../helpers/protocol';
import type { FeedServer } from '../servers/feedServer';
import { closeServersAfterEach, feedServer } from './localServers';
import { freshSession } from './freshSession';
import { stopClock } from './stoppedClock';

/**
 * Pictures of the goal bar for the README, over a dark "stream" backdrop (the page itself is
 * transparent). Run with UPDATE_SCREENSHOTS=1; look at them before committing. The page's clock
 * stands still (stoppedClock.ts): a celebration's timer cannot end it before its picture.
 */
test.skip(!process.env.UPDATE_SCREENSHOTS, 'set UPDATE_SCREENSHOTS=1 to refresh docs/img');
closeServersAfterEach();

const BACKDROP = `html { background:
  radial-gradient(ellipse at 20% 80%, #2b3a55 0%, transparent 55%),
  radial-gradient(ellipse at 85% 20%, #3d2346 0%, transparent 50%),
  linear-gradient(160deg, #141824, #0c0f16) !important; }`;

const fans = ['Mia ✨', '李小龙', 'NightOwl 🦉', 'Leo', 'أحمد'].map((name, i) => ({
  id: `${3000 + i}`,
  name,
}));

async function openGoal(
  page: Page,
  server: FeedServer,
  params: string,
  size: { width: number; height: number },
) {
  await page.setViewportSize(size);
  await stopClock(page);
  await page.goto(
    `overlays/goal.html?source=ws&ws=${server.url}&session=${freshSession()}&status=hide${params}`,
  );
  await page.addStyleTag({ content: BACKDROP });
  await expect(page.locator('html')).toHaveAttribute('data-feed', 'live');
  await server.waitForClients(1);
}

function send(server: FeedServer, ...frames: unknown[]) {
  for (const frame of frames) server.send(JSON.stringify(frame));
}

/**
 * Until the bar shows `value`: gifts this close together are drawn together once the goal's wait
 * has passed (ui/paced.ts), and the page's clock stands still, so it is moved on by hand; then one
 * more wait, so the bar is no longer busy.
 */
async function settled(page: Page, value: number) {
  const bar = page.locator('.gg-goal');
  await expect
    .poll(async () => {
      await page.clock.runFor(1100);
      return bar.getAttribute('data-value');
    })
    .toBe(String(value));
  await page.clock.runFor(1100);
}

/** The picture with the fill's transition (CSS) played to its end. */
async function shoot(page: Page, file: string) {
  await page.screenshot({ path: `docs/img/${file}`, animations: 'disabled' });
}

const themes = [
  {
    theme: 'glow',
    params: '&goal=10000&goaltitle=Giveaway%20at%2010k%20coins&goalkind=coins',
    shows: 5840,
  },
  { theme: 'neon', params: '&goal=50000&goalkind=likes', shows: 31870 },
  { theme: 'candy', params: '&goal=100&goalkind=follows&goaltitle=New%20friends', shows: 73 },
  { theme: 'minimal', params: '&goal=250&goalkind=gifts&goaltitle=Rose%20rain', shows: 161 },
];

for (const { theme, params, shows } of themes) {
  test(`the goal bar in the ${theme} theme, 600x80`, async ({ page }) => {
    const server = await feedServer();
    await openGoal(page, server, `${params}&theme=${theme}`, { width: 600, height: 80 });
    if (theme === 'glow') send(server, gift(fans[1]!, 29, 200), ...streak(fans[0]!, 1, [10, 40]));
    if (theme === 'neon')
      send(
        server,
        ...Array.from({ length: 10 }, (_, i) => like(fans[i % 5]!, shows / 10 - (i === 0 ? 0 : 0))),
      );
    if (theme === 'candy')
      send(
        server,
        ...Array.from({ length: 5 }, (_, i) => follow({ id: `${4000 + i}` })),
        ...Array.from({ length: 68 }, (_, i) => follow({ id: `${5000 + i}` })),
      );
    if (theme === 'minimal') send(server, ...streak(fans[2]!, 1, [30, 99, 161]));
    await settled(page, shows);
    await shoot(page, `goal-${theme}.png`);
  });
}

test('the goal as a thermometer in a tall source', async ({ page }) => {
  const server = await feedServer();
  await openGoal(page, server, '&goal=5000&goaltitle=Stream%20goal&accent=39ff88&theme=neon', {
    width: 200,
    height: 560,
  });
  send(server, gift(fans[0]!, 1999), gift(fans[3]!, 1500));
  await settled(page, 3499);
  await shoot(page, 'goal-thermometer.png');
});

test('the goal celebrating as it is reached', async ({ page }) => {
  const server = await feedServer();
  await openGoal(page, server, '&goal=1000&goaltitle=Lion%20goal&goalrepeat=on', {
    width: 600,
    height: 80,
  });
  send(server, gift(fans[0]!, 990));
  await settled(page, 990);
  await page.evaluate(() => document.getAnimations().forEach((a) => a.finish()));
  send(server, gift(fans[4]!, 10));
  await expect(page.locator('.gg-goal')).toHaveClass(/gg-goal--celebrating/);
  // The celebration is CSS, on the real clock: every animation stopped 700 ms in.
  await page.evaluate(() =>
    document.getAnimations().forEach((a) => {
      a.pause();
      a.currentTime = 700;
    }),
  );
  await page.screenshot({ path: 'docs/img/goal-celebrating.png' });
});
