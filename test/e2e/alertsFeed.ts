import { expect, type Page } from '@playwright/test';
import type { FeedServer } from '../servers/feedServer';
import type { AlertsHook } from '../../src/app/debugHook';
import { freshSession } from './freshSession';

/** Giftglow-protocol frames for the alerts specs: a test says who gives what, nothing else. */
export function gift(options: {
  id: string;
  user: string;
  name: string;
  giftId: string;
  giftName: string;
  coins: number;
  count?: number;
  streak?: string;
  end?: boolean;
  image?: string;
}): string {
  return JSON.stringify({
    v: 1,
    id: options.id,
    platform: 'tiktok',
    type: 'gift',
    user: { id: options.user, name: options.name },
    gift: {
      id: options.giftId,
      name: options.giftName,
      coins: options.coins,
      ...(options.image ? { image: options.image } : {}),
    },
    count: options.count ?? 1,
    ...(options.streak ? { streak: options.streak, end: options.end ?? true } : {}),
  });
}

export const LION = { giftId: '6369', giftName: 'Lion', coins: 29999 };
export const ROSE = { giftId: '5655', giftName: 'Rose', coins: 1 };
export const GALAXY = { giftId: '5886', giftName: 'Galaxy', coins: 1000 };
export const CAP = { giftId: '6104', giftName: 'Cap', coins: 99 };

/** Counts the callouts ever added per key (idle checks count frames with animationFrames.ts). */
export const COUNTERS_SCRIPT = `
  window.__added = {};
  new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) {
      if (n.nodeType === 1 && n.classList.contains('gg-callout')) {
        const k = n.getAttribute('data-key');
        window.__added[k] = (window.__added[k] || 0) + 1;
      }
    }
  }).observe(document, { childList: true, subtree: true });
`;

export function hook(page: Page): Promise<AlertsHook> {
  return page.evaluate(() => {
    const h = (window as unknown as { __giftglow: { alerts: AlertsHook } }).__giftglow.alerts;
    return JSON.parse(JSON.stringify(h)) as AlertsHook;
  });
}

export async function openAlerts(page: Page, server: FeedServer, params = ''): Promise<void> {
  await page.addInitScript(COUNTERS_SCRIPT);
  await page.goto(
    `overlays/alerts.html?source=ws&ws=${server.url}&issues=hide${params}&session=${freshSession()}`,
  );
  await server.waitForClients(1);
}

/** Waits until nothing plays: no frames drawn, no effect, callout, waiting alert or media element. */
export async function untilIdle(page: Page): Promise<void> {
  await expect
    .poll(
      async () => {
        const h = await hook(page);
        return (
          h.running ||
          h.activeEffects > 0 ||
          h.callouts > 0 ||
          h.queue.waiting > 0 ||
          h.media.length > 0
        );
      },
      { timeout: 40_000 },
    )
    .toBe(false);
}
