import { expect, test, type Browser } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { startFeedServer, type FeedServer } from '../../servers/feedServer';
import { cpuOver, memoryCounts } from './cdp';
import {
  MEDIA_PROBE,
  mediaCounts,
  mediaShown,
  processRss,
  serveRules,
  untilNoMedia,
  type Rule,
} from './mediaPages';
import { LION, oneAlert, ROSE, sleep } from './alertCost';
import { alertsHook, fpsIn, openPage } from './pages';
import { AB_PORT } from '../playwright.bench.config';
import { AB_COMMIT_FILE } from '../ab/paths';
import { writeSection } from './results';

/**
 * Media alerts (issue 23, "Cost"): a rule's WebM clip against the tier-4 effect it replaces, each
 * on a fresh page, alternating A/B; the idle page after a clip; and a soak of 500 media alerts
 * (WebM, PNG, GIF) with the counts a media leak would grow. Recorded in bench-results/browser.json
 * (section `media`); the only assertions are that the media played and left.
 */

test.describe.configure({ mode: 'serial' });

const RUN = Date.now().toString(36);
const HEART = { id: '5487', name: 'Finger Heart', coins: 5 };

let n = 0;
/** A gift from a new gifter, or from one of `regulars` gifters who come back (the soak's). */
const giftFrame = (gift: typeof LION, regulars?: number) => {
  const who = regulars === undefined ? ++n : (++n % regulars) + 1;
  return JSON.stringify({
    v: 1,
    type: 'gift',
    id: `m${RUN}-${n}`,
    platform: 'tiktok',
    user: { id: `m${RUN}u${who}`, name: `Media Tester ${who}` },
    gift,
    count: 1,
  });
};
/**
 * The soak's gifters: 24 regulars, so the board stops growing after the warm-up and what the soak
 * measures is the media (540 new gifters would add 540 board rows: data, not a leak).
 */
const REGULARS = 24;

/** A: the Lion plays a clip instead of its effect. B: no rule for the Lion, its tier-4 effect. */
const RULES: Record<string, Rule[]> = {
  'media.json': [{ name: 'Lion clip', when: { gift: 'Lion' }, then: { media: 'clip.webm' } }],
  // The e2e suite's small clip (160x120, 24 fps): how the cost scales with the clip.
  'small.json': [{ name: 'Lion clip', when: { gift: 'Lion' }, then: { media: 'lion.webm' } }],
  'effect.json': [{ name: 'Rose picture', when: { gift: 'Rose' }, then: { media: 'heart.png' } }],
  'soak.json': [
    { name: 'Lion clip', when: { gift: 'Lion' }, then: { media: 'clip.webm', duration: 1 } },
    { name: 'Rose picture', when: { gift: 'Rose' }, then: { media: 'heart.png', duration: 1 } },
    { name: 'Heart', when: { gift: 'Finger Heart' }, then: { media: 'spark.gif', duration: 1 } },
  ],
};

async function alertsPage(browser: Browser, feed: FeedServer, rules: string, params = '') {
  const context = await browser.newContext();
  const page = await context.newPage();
  await serveRules(page, RULES);
  await page.addInitScript(MEDIA_PROBE);
  await openPage(
    page,
    feed,
    'overlays/alerts.html',
    `&session=media-${RUN}-${++n}&rules=rules/${rules}${params}`,
  );
  await expect.poll(async () => (await alertsHook(page)).rules.rules).toBe(RULES[rules]!.length);
  return { page, close: () => context.close() };
}

/**
 * One Lion alert on a fresh page, CPU from the gift's frame until its callout and media are gone.
 * A first Lion pays the one-off costs (the clip's first load and decoder, the effect's shaders).
 */
async function oneLion(browser: Browser, feed: FeedServer, rules: string) {
  const { page, close } = await alertsPage(browser, feed, rules);
  try {
    feed.send(giftFrame(LION));
    await untilNoMedia(page);
    await sleep(500);
    const f0 = (await alertsHook(page)).frames;
    let played = 0;
    const cpu = await cpuOver(browser, 0, async () => {
      feed.send(giftFrame(LION));
      await page.waitForFunction(() => {
        const h = (window as unknown as { __giftglow: { alerts: { callouts: number } } })
          .__giftglow;
        return h.alerts.callouts > 0;
      });
      if (rules !== 'effect.json') {
        // The clip really plays: a decoded frame, and time moving on.
        await expect
          .poll(async () => (await alertsHook(page)).media[0]?.currentTime ?? 0)
          .toBeGreaterThan(0.2);
        played = (await alertsHook(page)).media[0]?.currentTime ?? 0;
      }
      await untilNoMedia(page);
    });
    const hook = await alertsHook(page);
    // Idle after the alert ended: no animation frame asked for, no media element left.
    let idle = null;
    if (rules !== 'effect.json') {
      await sleep(1000);
      const raf = await fpsIn(page, 'window.__bench.raf', 3000);
      idle = { rafPerSecond: raf.fps, ...(await mediaCounts(page)) };
    }
    return {
      seconds: Math.round(cpu.seconds * 100) / 100,
      cpu,
      frames: hook.frames - f0,
      quality: hook.quality,
      shown: await mediaShown(page),
      played,
      idle,
    };
  } finally {
    await close();
  }
}

/**
 * With `GIFTGLOW_BENCH_AB=1` (the baseline commit's build served beside this one, as `npm run
 * bench:ab` does): one Lion's tier-4 effect on the baseline build, measured like `oneLion`'s
 * effect side (a first Lion pays the one-off costs). The effect the issue's "today's effects"
 * meant, before issue 25 made tier 4 cheaper, in the same run as the clip.
 */
async function baselineLion(browser: Browser, feed: FeedServer) {
  const origin = `http://localhost:${AB_PORT}/`;
  const cost = await oneAlert(browser, feed, LION, '', undefined, origin, LION);
  return { ...cost, played: 0, idle: null };
}

const AB = process.env.GIFTGLOW_BENCH_AB === '1' && existsSync(AB_COMMIT_FILE);

test('media alert cost: one WebM clip vs one tier-4 effect, A/B on fresh pages', async ({
  browser,
}) => {
  test.setTimeout(600_000);
  const feed = await startFeedServer();
  try {
    type Lion = Awaited<ReturnType<typeof oneLion>>;
    type Baseline = Awaited<ReturnType<typeof baselineLion>>;
    type Got = { media: Lion; effect: Lion; small: Lion; baseline?: Baseline };
    const rounds: ({ order: string; loadavg: number } & Got)[] = [];
    const sides = AB
      ? (['media', 'effect', 'small', 'baseline'] as const)
      : (['media', 'effect', 'small'] as const);
    for (let i = 0; i < 3; i++) {
      // Each side first once, then in turn: drift in the machine's load falls on every side.
      const order = sides.map((_, k) => sides[(i + k) % sides.length]!);
      const got = {} as Got;
      for (const side of order)
        if (side === 'baseline') got.baseline = await baselineLion(browser, feed);
        else got[side] = await oneLion(browser, feed, `${side}.json`);
      rounds.push({ order: order.join('-'), loadavg: loadavg()[0] ?? 0, ...got });
    }
    writeSection('media', {
      loadavg: loadavg().map((l) => Math.round(l * 100) / 100),
      clip: { file: 'bench-clip.webm', width: 480, height: 480, fps: 30, seconds: 3 },
      small: { file: 'lion.webm', width: 160, height: 120, fps: 24, seconds: 2 },
      baselineCommit: AB ? readFileSync(AB_COMMIT_FILE, 'utf8').trim() : undefined,
      rounds,
    });
    for (const r of rounds) {
      expect(r.media.shown.VIDEO).toBe(2);
      expect(r.media.played).toBeGreaterThan(0);
      expect(r.media.idle!.ggMedia + r.media.idle!.videos).toBe(0);
      expect(r.small.shown.VIDEO).toBe(2);
      expect(r.effect.shown.VIDEO + r.effect.shown.IMG).toBe(0);
    }
  } finally {
    await feed.close();
  }
});

test('media soak: 500 media alerts (WebM, PNG, GIF), counts at rest flat', async ({ browser }) => {
  test.setTimeout(900_000);
  const feed = await startFeedServer();
  const { page, close } = await alertsPage(browser, feed, 'soak.json', '&duration=1&maxqueue=100');
  try {
    const mix = [LION, ROSE, LION, HEART]; // half clips, a quarter each PNG and GIF
    let sent = 0;
    const pointAt = async (label: string) => {
      await untilNoMedia(page, 300_000);
      await sleep(1000);
      return {
        label,
        alerts: sent,
        shown: await mediaShown(page),
        hook: await alertsHook(page),
        memory: await memoryCounts(page),
        media: await mediaCounts(page),
        rssKb: await processRss(browser),
      };
    };
    const points: Awaited<ReturnType<typeof pointAt>>[] = [];
    const measure = async (label: string) => void points.push(await pointAt(label));
    const play = async (count: number) => {
      // Batches the queue holds without folding, each started before the next: in a gift battle
      // at most 10 wait one by one and the rest fold into a roll call (core/alerts/battle.ts),
      // which would thank them with no media at all.
      for (let left = count; left > 0;) {
        const batch = Math.min(9, left);
        for (let i = 0; i < batch; i++) feed.send(giftFrame(mix[sent++ % mix.length]!, REGULARS));
        left -= batch;
        // Every gift of the batch arrived (pushed) and started: only then the next batch.
        await page.waitForFunction(
          (all) => {
            const { queue } = (
              window as unknown as {
                __giftglow: { alerts: { queue: { waiting: number; pushed: number } } };
              }
            ).__giftglow.alerts;
            return queue.pushed >= all && queue.waiting === 0;
          },
          sent,
          { timeout: 300_000, polling: 100 },
        );
      }
    };
    const t0 = Date.now();
    await play(40); // warm-up: every file loaded and decoded, caches at their steady size
    await measure('start');
    await play(250);
    await measure('middle');
    await play(250);
    await measure('end');
    writeSection('mediaSoak', {
      loadavg: loadavg().map((l) => Math.round(l * 100) / 100),
      seconds: Math.round((Date.now() - t0) / 1000),
      warmup: 40,
      points,
    });
    const end = points.at(-1)!;
    expect(end.shown.VIDEO + end.shown.IMG).toBe(sent);
    expect(end.media.ggMedia + end.media.videos).toBe(0);
  } finally {
    await close();
    await feed.close();
  }
});
