import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from '@playwright/test';
import { pngBytes } from '../../helpers/mediaSamples';
import { processCpu } from './cdp';
import { untilQuiet, type AlertsHook } from './pages';

/**
 * What the media bench (media.spec.ts, issue 23) serves and reads: a static host's rules files and
 * media under /overlays/rules/ (page.route, as test/e2e/alert-rules.spec.ts does), a probe that
 * counts the `.gg-media` elements the page ever showed, and the counts a media leak would grow.
 */

const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/media/${name}`, import.meta.url));

/** VP9 clips with alpha (480x480 and 160x120) and a 96x96 animated GIF: fixtures/media/make.sh. */
const FILES: Record<string, { body: Buffer; type: string }> = {
  'clip.webm': { body: fixture('bench-clip.webm'), type: 'video/webm' },
  'lion.webm': { body: fixture('lion.webm'), type: 'video/webm' },
  'spark.gif': { body: fixture('bench-spark.gif'), type: 'image/gif' },
  'heart.png': { body: pngBytes(256, 256), type: 'image/png' },
};

export type Rule = { name: string; when: { gift: string }; then: Record<string, unknown> };

/** Serves `rules` (file name → rules) and the media files under /overlays/rules/ of `page`. */
export async function serveRules(page: Page, rules: Record<string, Rule[]>): Promise<void> {
  await page.route(/\/overlays\/rules\/[^/]+$/, (route) => {
    const name = decodeURIComponent(new URL(route.request().url()).pathname.split('/').pop()!);
    const list = rules[name];
    if (list) return route.fulfill({ json: { v: 1, rules: list } });
    const file = FILES[name];
    if (!file) return route.fulfill({ status: 404, body: 'not found' });
    return route.fulfill({ body: file.body, contentType: file.type });
  });
}

/** Counts every `.gg-media` element inserted, by tag (installed before the page's scripts). */
export const MEDIA_PROBE = `(() => {
  const shown = { VIDEO: 0, IMG: 0 };
  window.__mediaShown = shown;
  new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) {
      if (n.nodeType === 1 && n.classList.contains('gg-media')) shown[n.tagName] = (shown[n.tagName] || 0) + 1;
    }
  }).observe(document, { childList: true, subtree: true });
})();`;

export function mediaShown(page: Page): Promise<{ VIDEO: number; IMG: number }> {
  return page.evaluate(
    () => (window as unknown as { __mediaShown: { VIDEO: number; IMG: number } }).__mediaShown,
  );
}

/** Waits until nothing waits, plays or shows (untilQuiet), and no media is left on the page. */
export async function untilNoMedia(page: Page, timeout = 120_000): Promise<void> {
  await untilQuiet(page, timeout);
  await page.waitForFunction(
    () =>
      (window as unknown as { __giftglow: { alerts: AlertsHook } }).__giftglow.alerts.media
        .length === 0 && document.getElementsByClassName('gg-media').length === 0,
    undefined,
    { timeout, polling: 50 },
  );
}

/** Media elements anywhere in the document, and the Blink counters a media leak would grow. */
export async function mediaCounts(page: Page) {
  const elements = await page.evaluate(() => ({
    videos: document.getElementsByTagName('video').length,
    images: document.getElementsByTagName('img').length,
    ggMedia: document.getElementsByClassName('gg-media').length,
  }));
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Performance.enable');
    const { metrics } = (await cdp.send('Performance.getMetrics')) as {
      metrics: { name: string; value: number }[];
    };
    const of = (name: string) => metrics.find((m) => m.name === name)?.value ?? -1;
    return {
      ...elements,
      resources: of('Resources'),
      layoutObjects: of('LayoutObjects'),
      arrayBuffers: of('ArrayBufferContents'),
    };
  } finally {
    await cdp.detach();
  }
}

/**
 * Resident memory (VmRSS, kB) of Chromium's renderer and GPU processes, from /proc: where decoded
 * frames and decoders live. Linux only; null elsewhere.
 */
export async function processRss(browser: Browser): Promise<number | null> {
  const cdp = await browser.newBrowserCDPSession();
  try {
    let kb = 0;
    for (const [pid, { type }] of await processCpu(cdp)) {
      if (type !== 'renderer' && type.toLowerCase() !== 'gpu') continue;
      const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => null);
      const line = status?.match(/^VmRSS:\s+(\d+)/m);
      if (!line) return null;
      kb += Number(line[1]);
    }
    return kb;
  } finally {
    await cdp.detach();
  }
}
