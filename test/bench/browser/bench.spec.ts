import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { PAGES } from '../budgets';
import { pageBundle } from '../bundle';
import { BASELINE_PORT } from '../playwright.bench.config';
import { startFeedServer, type FeedServer } from '../../servers/feedServer';
import { cpuOver, memoryCounts, type MemoryCounts } from './cdp';
import { burstTraffic, GIFTS, play, traffic } from './gifts';
import {
  ALERTS_FRAMES,
  alertsHook,
  BASELINE_FRAMES,
  BASELINE_URL,
  fpsIn,
  openPage,
  probe,
  takeLongTasks,
  untilDrained,
  untilQuiet,
  type AlertsHook,
} from './pages';
import { machine, percentile, resetResults, writeSection } from './results';

/**
 * The browser bench (issue 7): the built alerts and board pages in headless Chromium at 1920x1080
 * with software WebGL, fed by a local WebSocket server in this process. Every figure is recorded in
 * bench-results/browser.json beside a baseline from the same run; nothing here asserts a timing
 * (the report marks budgets PASS/MISS). It only fails when a scenario cannot run at all.
 */

test.describe.configure({ mode: 'serial' });

const RUN = Date.now().toString(36);
const servers: FeedServer[] = [];

async function server(): Promise<FeedServer> {
  const s = await startFeedServer();
  servers.push(s);
  return s;
}

test.beforeAll(({ browser }) => {
  resetResults();
  writeSection('machine', machine(browser));
});

test.afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

const sleep = (ms: number) => new Promise((wake) => setTimeout(wake, ms));

test('baseline: an empty PixiJS stage drawing every frame', async ({ page }) => {
  await page.goto(BASELINE_URL(BASELINE_PORT));
  await page.waitForFunction(() => '__baseline' in window);
  await sleep(1000);
  const renderer = await page.evaluate(
    () => (window as unknown as { __baseline: { renderer: string } }).__baseline.renderer,
  );
  const samples = [];
  for (let i = 0; i < 3; i++) samples.push(await fpsIn(page, BASELINE_FRAMES, 2000));
  const fps = percentile(
    samples.map((s) => s.fps),
    50,
  );
  writeSection('baseline', { renderer, fps, samples, viewport: page.viewportSize() });
  expect(fps).toBeGreaterThan(0);
});

test('burst: 1,000 gifts within one second, then idle', async ({ browser }) => {
  const feed = await server();
  const session = `bench-burst-${RUN}`;
  // Two OBS sources, as a streamer runs them: the alerts page and a board page, each its own window.
  const boardContext = await browser.newContext({ viewport: { width: 600, height: 800 } });
  const board = await boardContext.newPage();
  await openPage(board, feed, 'overlays/board.html', `&session=${session}&top=20`);
  const context = await browser.newContext();
  const alerts = await context.newPage();
  await openPage(alerts, feed, 'overlays/alerts.html', `&session=${session}`);
  expect(await alerts.evaluate(() => document.visibilityState)).toBe('visible');
  await sleep(1000);

  const plan = burstTraffic(`b${RUN}`);
  // The page's first alert pays one-off costs (shaders compiled by software GL, textures drawn):
  // measured apart, so the burst shows a battle in a stream that has already had a gift.
  const warm = { id: `b${RUN}warm`, name: 'Warm Up' };
  // Long tasks so far are the page's own start (scripts, the stage, warmUp): not the first alert's.
  const startTasks = await takeLongTasks(alerts);
  const cap = { id: '6104', name: 'Cap', coins: 99 };
  feed.send(
    JSON.stringify({
      v: 1,
      type: 'gift',
      id: `b${RUN}-warm`,
      platform: 'tiktok',
      user: warm,
      gift: cap,
      count: 1,
    }),
  );
  plan.totals.set(`tiktok:${warm.id}`, 99);
  await untilQuiet(alerts);
  const firstAlert = await takeLongTasks(alerts);
  const before = await alertsHook(alerts);
  const during = fpsIn(alerts, ALERTS_FRAMES, 1000);
  const after5 = fpsIn(alerts, ALERTS_FRAMES, 5000);
  const sent = await play(plan.events, (frame) => feed.send(frame));
  const fps = await during;
  const fps5 = await after5;
  const drainedAt = await untilDrained(alerts);
  const quietAt = await untilQuiet(alerts);
  const end = await alertsHook(alerts);
  const tasks = (await probe(alerts)).longTasks;

  const boardCheck = await checkBoard(board, plan.totals, session);
  writeSection('burst', {
    gifts: plan.gifts,
    gifters: plan.totals.size,
    sendMs: sent.endedAt - sent.startedAt,
    fps,
    fpsFirst5s: fps5,
    longTasks: {
      count: tasks.length,
      longestMs: Math.round(Math.max(0, ...tasks.map((t) => t.duration))),
    },
    startLongTasks: startTasks.map((t) => Math.round(t.duration)),
    firstAlertLongTasks: firstAlert.map((t) => Math.round(t.duration)),
    drainMs: drainedAt - sent.startedAt,
    quietMs: quietAt - sent.startedAt,
    queue: { ...end.queue, pushedBefore: before.queue.pushed },
    board: boardCheck,
  });
  await boardContext.close();

  // Idle: the last alert has ended; the alerts page alone, then about:blank, measured the same way.
  await sleep(1000);
  const framesBefore = (await alertsHook(alerts)).frames;
  await alerts.evaluate(
    () => ((window as unknown as { __bench: { raf: number } }).__bench.raf = 0),
  );
  const idleCpu = await cpuOver(browser, 10_000);
  const idleRaf = (await probe(alerts)).raf;
  const idleFrames = (await alertsHook(alerts)).frames - framesBefore;
  const blankContext = await browser.newContext();
  const blank = await blankContext.newPage();
  await blank.goto('about:blank');
  await blank.evaluate(() => {
    const w = window as unknown as { __raf: number };
    w.__raf = 0;
    const raf = window.requestAnimationFrame.bind(window);
    window.requestAnimationFrame = (cb) => raf((t) => (w.__raf++, cb(t)));
  });
  await context.close();
  await sleep(1000);
  const blankCpu = await cpuOver(browser, 10_000);
  const blankRaf = await blank.evaluate(() => (window as unknown as { __raf: number }).__raf);
  await blankContext.close();
  writeSection('idle', {
    seconds: Math.round(idleCpu.seconds * 10) / 10,
    alerts: { rafPerSecond: idleRaf / idleCpu.seconds, framesDrawn: idleFrames, cpu: idleCpu },
    blank: { rafPerSecond: blankRaf / blankCpu.seconds, cpu: blankCpu },
  });
});

/** The board page's rows against the totals sent, and its stored session against every gifter. */
async function checkBoard(board: Page, totals: Map<string, number>, session: string) {
  const expected = [...totals.values()].sort((a, b) => b - a);
  const read = () =>
    board.locator('li.gg-row').evaluateAll((rows) =>
      rows.map((r) => ({
        user: r.getAttribute('data-user') ?? '',
        value: Number(r.getAttribute('data-value')),
      })),
    );
  const judge = (rows: { user: string; value: number }[]) => {
    const wrong = rows.filter((r) => totals.get(r.user) !== r.value);
    const topValues = rows.map((r) => r.value);
    const topRight =
      topValues.length === Math.min(20, expected.length) &&
      topValues.every((v, i) => v === expected[i]);
    return { wrong, topRight };
  };
  let rows = await read();
  for (let i = 0; i < 50 && !(judge(rows).wrong.length === 0 && judge(rows).topRight); i++) {
    await sleep(200);
    rows = await read();
  }
  const { wrong, topRight } = judge(rows);
  await sleep(1500); // the session is saved at most once a second
  const stored = await board.evaluate((session) => {
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i) ?? '';
      if (key.includes(`:${session}:`) && key.endsWith(':board')) return localStorage.getItem(key);
    }
    return null;
  }, session);
  let storedRows = 0;
  let storedWrong = -1;
  if (stored) {
    const snapshot = JSON.parse(stored) as { rows: { key: string; milli: number }[] };
    storedRows = snapshot.rows.length;
    storedWrong = 0;
    for (const [user, value] of totals) {
      const row = snapshot.rows.find((r) => r.key === user);
      if (!row || row.milli !== value * 1000) storedWrong++;
    }
  }
  return {
    shownRows: rows.length,
    shownExact: wrong.length === 0 && topRight,
    shownWrong: wrong.slice(0, 5),
    sentTotal: [...totals.values()].reduce((a, b) => a + b, 0),
    storedRows,
    storedWrong,
    exact: wrong.length === 0 && topRight && storedWrong === 0 && storedRows === totals.size,
  };
}

test('latency: socket frame to visible callout, empty queue, 50 gifts', async ({ page }) => {
  const feed = await server();
  await openPage(page, feed, 'overlays/alerts.html', `&session=bench-latency-${RUN}&duration=1`);
  await sleep(500);
  const sentAt = new Map<string, number>();
  const gift = (i: number) =>
    JSON.stringify({
      v: 1,
      type: 'gift',
      id: `lat-${RUN}-${i}`,
      platform: 'tiktok',
      user: { id: `lat${i}`, login: `lat${i}`, name: `Latency ${i}` },
      gift: { id: '6104', name: 'Cap', coins: 99 },
      count: 1,
    });
  for (let i = 0; i <= 50; i++) {
    // An empty queue: nothing waits and a callout slot is free.
    await page.waitForFunction(
      () => {
        const q = (window as unknown as { __giftglow: { alerts: AlertsHook } }).__giftglow.alerts
          .queue;
        return q.waiting === 0 && q.playing < 3;
      },
      undefined,
      { polling: 20 },
    );
    await sleep(100 + (i % 5) * 37); // not in step with the page's frames
    sentAt.set(`Latency ${i}`, Date.now());
    feed.send(gift(i));
  }
  await untilQuiet(page);
  const callouts = (await probe(page)).callouts;
  const lat = (pick: (c: (typeof callouts)[number]) => number) =>
    callouts
      .filter((c) => sentAt.has(c.name) && c.name !== 'Latency 0')
      .map((c) => pick(c) - sentAt.get(c.name)!);
  const painted = lat((c) => c.painted);
  const inserted = lat((c) => c.inserted);
  const first = callouts.find((c) => c.name === 'Latency 0');
  writeSection('latency', {
    gifts: painted.length,
    firstGiftMs: first ? first.painted - sentAt.get('Latency 0')! : null,
    painted: {
      p50: percentile(painted, 50),
      p95: percentile(painted, 95),
      max: Math.max(...painted),
    },
    inserted: {
      p50: percentile(inserted, 50),
      p95: percentile(inserted, 95),
      max: Math.max(...inserted),
    },
  });
  expect(painted.length).toBe(50);
});

test('soak: 50,000 gifts at an accelerated rate', async ({ page }) => {
  // Not a timing budget: on a shared machine (load 10+) the soak's queue drains take minutes.
  test.setTimeout(600_000);
  const feed = await server();
  await openPage(page, feed, 'overlays/alerts.html', `&session=bench-soak-${RUN}`);
  await sleep(500);
  const points: {
    label: string;
    gifts: number;
    settleMs: number;
    hook: AlertsHook;
    memory: MemoryCounts;
  }[] = [];
  const measure = async (label: string, gifts: number, settleMs: number) => {
    points.push({
      label,
      gifts,
      settleMs,
      hook: await alertsHook(page),
      memory: await memoryCounts(page),
    });
  };
  await measure('loaded', 0, 0);
  // Each gift's art is drawn once, on its first alert, and cached (an LRU of 16). Play every kind
  // once first, so the soak compares caches at their steady size instead of watching a rare Lion
  // arrive late and counting its first texture as growth.
  for (const [i, g] of GIFTS.entries()) {
    feed.send(
      JSON.stringify({
        v: 1,
        type: 'gift',
        id: `s${RUN}-art-${i}`,
        platform: 'tiktok',
        user: { id: `s${RUN}-art-${i}`, name: `Art ${i}` },
        gift: { id: g.id, name: g.name, coins: g.coins },
      }),
    );
    feed.send(
      JSON.stringify({
        v: 1,
        type: 'cheer',
        id: `s${RUN}-art-c${i}`,
        platform: 'twitch',
        user: { id: `s${RUN}-art-c${i}` },
        bits: 100 * (i + 1),
      }),
    );
    await untilQuiet(page, 60_000);
  }
  // A warm-up of 20,000 gifts first puts all 1,000 gifters on the board and fills the session's
  // bounded id cache (it keeps 20,000 to 40,000 recent ids, renewed every 20,000). The soak's points
  // then sit 20,000 gifts apart, at the same fill of that cache: growth between them is a leak.
  const phases = [
    { label: 'warm-up', events: 20_000 },
    { label: 'start', events: 10_000 },
    { label: 'middle', events: 20_000 },
    { label: 'end', events: 20_000 },
  ];
  const rate = 5_000;
  let gifts = 0;
  let sendMs = 0;
  for (const [i, phase] of phases.entries()) {
    const plan = traffic({
      seed: 11 + i,
      events: phase.events,
      spanMs: (phase.events / rate) * 1000,
      gifters: 1000,
      streakShare: 0.2,
      prefix: `s${RUN}-${i}`,
      userPrefix: `s${RUN}`,
    });
    const sent = await play(plan.events, (frame) => feed.send(frame), 5);
    sendMs += sent.endedAt - sent.startedAt;
    gifts += plan.gifts;
    const quietAt = await untilQuiet(page, 180_000);
    await measure(phase.label, gifts - 20_000, quietAt - sent.endedAt);
  }
  const end = await alertsHook(page);
  writeSection('soak', {
    gifts,
    warmup: phases[0]?.events ?? 0,
    ratePerSecond: Math.round(gifts / (sendMs / 1000)),
    points,
    queue: end.queue,
  });
  expect(gifts).toBe(70_000);
});

test('bundle: gzip size of what each page loads at start', () => {
  const dist = join(import.meta.dirname, '..', '..', '..', 'dist');
  writeSection(
    'bundle',
    PAGES.map((spec) => ({
      ...pageBundle(dist, spec.page, spec.eager),
      label: spec.label,
      jsBudget: spec.jsBudget,
    })),
  );
});
