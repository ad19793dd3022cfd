import type { Page } from '@playwright/test';

/**
 * Stops the clock of every page and frame of the test before they open: timers, animation frames,
 * Date and performance.now then move only when the test calls `page.clock.runFor`, so a picture
 * shows the same moment of its animation on every run, however slow the machine.
 */
export async function stopClock(page: Page): Promise<void> {
  // pauseAt only jumps forward: to the next whole minute, reached at once (no page is open yet).
  await page.clock.pauseAt(Math.ceil(Date.now() / 60_000 + 1) * 60_000);
}
