import type { Page } from '@playwright/test';

/**
 * Counts the page's requestAnimationFrame callbacks from its first script on, under Playwright's
 * fake clock: an idle check reads the count, plays a stretch of time at once with
 * `page.clock.runFor` (every frame and timer due in it fires; a page that keeps a frame loop gets
 * about 60 frames a second) and expects no frame between. Call before the page is opened.
 *
 * The clock is installed here, before the counter: the clock replaces requestAnimationFrame, so a
 * counter wrapped around the browser's own would never be called and would always read 0.
 */
export async function countAnimationFrames(page: Page): Promise<() => Promise<number>> {
  await page.clock.install();
  await page.addInitScript(() => {
    const w = window as unknown as { __rafCalls: number };
    w.__rafCalls = 0;
    const raf = window.requestAnimationFrame.bind(window);
    window.requestAnimationFrame = (callback) =>
      raf((t) => {
        w.__rafCalls++;
        callback(t);
      });
  });
  return () => page.evaluate(() => (window as unknown as { __rafCalls: number }).__rafCalls);
}
