import type { Browser } from '@playwright/test';
import { type FeedServer } from '../../servers/feedServer';
import { cpuOver, type CpuUse } from './cdp';
import { alertsHook, openPage, untilQuiet } from './pages';

/**
 * One alert's cost on a fresh alerts page (the animation-cost scenario and the A/B bench): CPU of
 * the renderer + GPU processes from the gift sent until its callout has left the screen.
 */

const RUN = Date.now().toString(36);
export const LION = { id: '6369', name: 'Lion', coins: 29999 }; // tier 4 with the default tiers
export const ROSE = { id: '5655', name: 'Rose', coins: 1 }; // tier 1
export const sleep = (ms: number) => new Promise((wake) => setTimeout(wake, ms));

let n = 0;
const giftFrame = (gift: { id: string; name: string; coins: number }) =>
  JSON.stringify({
    v: 1,
    type: 'gift',
    id: `c${RUN}-${++n}`,
    platform: 'tiktok',
    user: { id: `c${RUN}u${n}`, name: `Cost Tester ${n}` },
    gift,
    count: 1,
  });

/** What one window of CPU cost, per second and in all. */
export interface Cost {
  seconds: number;
  cpu: CpuUse;
  /** Frames the page drew (PixiJS frames for the alerts page, ticks for the empty stage). */
  frames: number;
}

export const costOf = (cpu: CpuUse, frames: number): Cost => ({
  seconds: Math.round(cpu.seconds * 100) / 100,
  cpu,
  frames,
});

/**
 * A fresh alerts page with `params` (and bench-only `css`), warmed by one alert (`warm`, a Rose
 * unless said); `origin` serves the build (default: this one, the config's baseURL).
 */
export async function alertsPage(
  browser: Browser,
  feed: FeedServer,
  params: string,
  css?: string,
  origin = '',
  warm = ROSE,
) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const session = `&session=cost-${RUN}-${++n}${params}`;
  await openPage(page, feed, `${origin}overlays/alerts.html`, session);
  if (css) await page.addStyleTag({ content: css });
  // The page's first alert pays one-off costs (shader compiles, textures drawn): not measured.
  feed.send(giftFrame(warm));
  await untilQuiet(page);
  await sleep(500);
  return { page, close: () => context.close() };
}

/** CPU from the moment one gift is sent until its callout has left the screen. */
export async function oneAlert(
  browser: Browser,
  feed: FeedServer,
  gift: typeof LION,
  params = '',
  css?: string,
  origin = '',
  warm = ROSE,
): Promise<Cost & { quality: string }> {
  const { page, close } = await alertsPage(browser, feed, params, css, origin, warm);
  const f0 = (await alertsHook(page)).frames;
  const cpu = await cpuOver(browser, 0, async () => {
    feed.send(giftFrame(gift));
    await page.waitForFunction(() => {
      const h = (window as unknown as { __giftglow: { alerts: { callouts: number } } }).__giftglow;
      return h.alerts.callouts > 0;
    });
    await untilQuiet(page);
  });
  const hook = await alertsHook(page);
  await close();
  return { ...costOf(cpu, hook.frames - f0), quality: hook.quality };
}
