import type { Page } from '@playwright/test';
import type { SessionHook } from '../../src/app/sessionMonitor';

/** `window.__giftglow.session` as the page publishes it: what the session dropped, and its gifters. */
export function sessionHook(page: Page): Promise<SessionHook> {
  return page.evaluate(() => {
    const h = (window as unknown as { __giftglow: { session: SessionHook } }).__giftglow.session;
    return JSON.parse(JSON.stringify(h)) as SessionHook;
  });
}
