import type { Page } from '@playwright/test';

/**
 * Counts the page's requestAnimationFrame callbacks from its first script on: an idle check reads
 * the count twice and expects no frame between. Call before the page is opened.
 */
export async function countAnimationFrames(page: Page): Promise<() => Promise<number>> {
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
