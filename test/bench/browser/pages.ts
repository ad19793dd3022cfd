import { expect, type Page } from '@playwright/test';
import type { FeedServer } from '../../servers/feedServer';
import { PROBE_SCRIPT, type Probe } from './probe';
import type { AlertsHook } from '../../../src/app/debugHook';

export const BASELINE_URL = (port: number) => `http://localhost:${port}/baseline.html`;

export function alertsHook(page: Page): Promise<AlertsHook> {
  return page.evaluate(() => {
    const bag = (window as unknown as { __giftglow: { alerts: AlertsHook } }).__giftglow;
    return JSON.parse(JSON.stringify(bag.alerts)) as AlertsHook;
  });
}

export function probe(page: Page): Promise<Probe> {
  return page.evaluate(() => (window as unknown as { __bench: Probe }).__bench);
}

/** The long tasks the probe has seen so far, and a fresh count from now on. */
export function takeLongTasks(page: Page): Promise<Probe['longTasks']> {
  return page.evaluate(() => {
    const bench = (window as unknown as { __bench: Probe }).__bench;
    const tasks = bench.longTasks;
    bench.longTasks = [];
    return tasks;
  });
}

export async function openPage(
  page: Page,
  server: FeedServer,
  path: string,
  params: string,
): Promise<void> {
  await page.addInitScript(PROBE_SCRIPT);
  const before = server.accepted();
  await page.goto(`${path}?source=ws&ws=${encodeURIComponent(server.url)}&issues=hide${params}`);
  await expect(page.locator('html')).toHaveAttribute('data-feed', 'live', { timeout: 20_000 });
  while (server.accepted() <= before) await new Promise((wake) => setTimeout(wake, 20));
}

/** Frames drawn per second, counted in the page over `ms` by `counter` (an expression). */
export function fpsIn(
  page: Page,
  counter: string,
  ms: number,
): Promise<{ fps: number; frames: number; ms: number }> {
  return page.evaluate(
    async ({ counter, ms }) => {
      const read = new Function(`return (${counter});`) as () => number;
      const f0 = read();
      const t0 = performance.now();
      await new Promise((wake) => setTimeout(wake, ms));
      const frames = read() - f0;
      const took = performance.now() - t0;
      return { fps: Math.round((frames / took) * 10000) / 10, frames, ms: Math.round(took) };
    },
    { counter, ms },
  );
}

export const ALERTS_FRAMES = 'window.__giftglow.alerts.frames';
export const BASELINE_FRAMES = 'window.__baseline.frames()';

/** Waits until nothing waits, plays or shows (the last callout has left); returns when (Date.now()). */
export async function untilQuiet(page: Page, timeout = 120_000): Promise<number> {
  await page.waitForFunction(
    () => {
      const h = (window as unknown as { __giftglow: { alerts: AlertsHook } }).__giftglow.alerts;
      return (
        h.queue.waiting === 0 &&
        h.queue.playing === 0 &&
        h.callouts === 0 &&
        !h.running &&
        h.activeEffects === 0
      );
    },
    undefined,
    { timeout, polling: 50 },
  );
  return Date.now();
}

/** Waits until the queue has nothing waiting or playing (callouts may still be leaving). */
export async function untilDrained(page: Page, timeout = 120_000): Promise<number> {
  await page.waitForFunction(
    () => {
      const q = (window as unknown as { __giftglow: { alerts: AlertsHook } }).__giftglow.alerts
        .queue;
      return q.waiting === 0 && q.playing === 0;
    },
    undefined,
    { timeout, polling: 50 },
  );
  return Date.now();
}

export type { AlertsHook };
