import { expect, test, type Browser } from '@playwright/test';
import { loadavg } from 'node:os';
import { BASELINE_PORT } from '../playwright.bench.config';
import { startFeedServer, type FeedServer } from '../../servers/feedServer';
import { alertsPage, costOf, LION, oneAlert, ROSE, sleep } from './alertCost';
import { cpuOver } from './cdp';
import { burstTraffic, play } from './gifts';
import {
  ALERTS_FRAMES,
  alertsHook,
  BASELINE_FRAMES,
  BASELINE_URL,
  untilDrained,
  untilQuiet,
} from './pages';
import { writeSection } from './results';

/**
 * Animation cost (issue 13): CPU of the renderer + GPU processes while alerts play, beside the empty
 * full-screen stage and about:blank measured in the same run. One page open at a time, so every
 * renderer second counted is that page's. Recorded in bench-results/browser.json (section `cost`);
 * nothing here asserts a timing.
 */

test.describe.configure({ mode: 'serial' });

const RUN = Date.now().toString(36);

/** A page that is open and left alone for `ms`: its CPU per second. */
async function still(browser: Browser, url: string, counter: string | null, ms = 5000) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  if (counter) await page.waitForFunction(counter);
  await sleep(1000);
  const read = () => (counter ? page.evaluate(counter) : Promise.resolve(0)) as Promise<number>;
  const f0 = await read();
  const cpu = await cpuOver(browser, ms);
  const frames = (await read()) - f0;
  await context.close();
  return costOf(cpu, frames);
}

/** Where the time goes: one tier-4 alert with one thing changed at a time. */
const VARIANTS: { label: string; params: string; css?: string }[] = [
  { label: 'quality=high (full effects, full resolution)', params: '&quality=high' },
  { label: 'quality=light', params: '&quality=light' },
  {
    label: 'quality=light, fps=60 (no cap below the display rate)',
    params: '&quality=light&fps=60',
  },
  {
    label: 'callouts hidden (effects alone)',
    params: '',
    css: '.gg-callouts { display: none !important; }',
  },
  {
    label: 'canvas hidden (callouts alone; effects still drawn, not composited)',
    params: '',
    css: '.gg-stage { visibility: hidden !important; }',
  },
  {
    label: 'the whole canvas shown (no box around the effects)',
    params: '',
    css:
      '.gg-stage { left: 0 !important; top: 0 !important; width: 100% !important; height: 100% !important; }' +
      ' .gg-stage canvas { left: 0 !important; top: 0 !important; }',
  },
  {
    label: 'callouts without CSS animations',
    params: '',
    css: '.gg-callout, .gg-count { animation: none !important; transition: none !important; }',
  },
  {
    label: 'callouts without shadows',
    params: '',
    css: '.gg-callout, .gg-name { box-shadow: none !important; text-shadow: none !important; }',
  },
];

test('animation cost: CPU while alerts play, beside the empty stage and about:blank', async ({
  browser,
}) => {
  test.setTimeout(400_000);
  const feed = await startFeedServer();
  try {
    const blank = await still(browser, 'about:blank', null);
    const stage = await still(browser, BASELINE_URL(BASELINE_PORT), BASELINE_FRAMES);
    const tier4 = await oneAlert(browser, feed, LION);
    const tier1 = await oneAlert(browser, feed, ROSE);

    // The same 1,000-gift burst as the burst scenario (same seed), to the alerts page alone.
    const { page, close } = await alertsPage(browser, feed, '');
    const plan = burstTraffic(`c${RUN}`);
    const f0 = await page.evaluate(ALERTS_FRAMES);
    let drainMs = 0;
    const burstCpu = await cpuOver(browser, 0, async () => {
      const sent = await play(plan.events, (frame) => feed.send(frame));
      drainMs = (await untilDrained(page)) - sent.startedAt;
    });
    const burstFrames = ((await page.evaluate(ALERTS_FRAMES)) as number) - (f0 as number);
    const burstQuality = (await alertsHook(page)).quality;
    await untilQuiet(page);
    await close();

    const variants = [];
    for (const v of VARIANTS)
      variants.push({ label: v.label, ...(await oneAlert(browser, feed, LION, v.params, v.css)) });

    writeSection('cost', {
      loadavg: loadavg().map((l) => Math.round(l * 100) / 100),
      blank,
      stage,
      tier4,
      tier1,
      burst: { ...costOf(burstCpu, burstFrames), drainMs, quality: burstQuality },
      variants,
    });
    expect(tier4.frames).toBeGreaterThan(0);
  } finally {
    await feed.close();
  }
});
