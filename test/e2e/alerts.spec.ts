import { expect, test, type Page } from '@playwright/test';
import { CAP, gift, GALAXY, hook, LION, openAlerts, ROSE, untilIdle } from './alertsFeed';
import { countAnimationFrames } from './animationFrames';
import { closeServersAfterEach, feedServer } from './localServers';

/**
 * The built alerts page against a local feed server (Giftglow protocol) and the seeded demo feed.
 * What a viewer sees is read from `.gg-callout`; what the renderer does from
 * `window.__giftglow.alerts` (frames, display objects, textures, effects, DOM nodes).
 */

closeServersAfterEach();

/**
 * Non-transparent pixels the canvas shows right now (callouts hidden, transparent page). At rest the
 * stage's box is empty: nothing of the canvas shows.
 */
async function canvasInk(page: Page): Promise<number> {
  const stage = page.locator('.gg-stage');
  const box = await stage.boundingBox();
  if (!box || box.width * box.height === 0) return 0;
  await page.addStyleTag({ content: '.gg-callouts { visibility: hidden !important; }' });
  const png = await stage.screenshot({ omitBackground: true });
  const ink = await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const g = c.getContext('2d')!;
    g.drawImage(img, 0, 0);
    const data = g.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i]! > 16) n++;
    return n;
  }, png.toString('base64'));
  await page.addStyleTag({ content: '.gg-callouts { visibility: visible !important; }' });
  return ink;
}

test('thanks a right-to-left gifter by name without reordering the sentence', async ({ page }) => {
  const server = await feedServer();
  await openAlerts(
    page,
    server,
    '&template=' + encodeURIComponent('Thank you {name} for {count}x {gift}!'),
  );
  server.send(gift({ id: 'm1', user: 'u1', name: 'محمد', ...LION }));
  const callout = page.locator('.gg-callout').first();
  await expect(callout.locator('bdi.gg-name')).toHaveText('محمد');
  await expect(callout.locator('.gg-text')).toHaveText('Thank you محمد for 1x Lion!');
  await expect(callout).toHaveClass(/gg-tier-4/);
  await expect(page.locator('[aria-live="polite"]')).toHaveCount(1);
});

test('shows a name made of markup as text, never as markup', async ({ page }) => {
  const server = await feedServer();
  await openAlerts(page, server);
  const name = '<img src=x onerror="window.__pwned=1">';
  server.send(gift({ id: 'm1', user: 'u1', name, ...GALAXY }));
  await expect(page.locator('.gg-callout .gg-name').first()).toContainText('<img');
  await expect(page.locator('.gg-callout img')).toHaveCount(0);
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
});

test('a streak is one callout whose counter climbs live and ends once', async ({ page }) => {
  const server = await feedServer();
  await openAlerts(page, server);
  const step = (count: number, end: boolean) =>
    server.send(
      gift({
        id: `s${count}${end ? '-end' : ''}`,
        user: 'ann',
        name: 'Ann',
        ...ROSE,
        count,
        streak: 'g1',
        end,
      }),
    );
  step(1, false);
  const callout = page.locator('.gg-callout').first();
  await expect(callout.locator('.gg-name')).toHaveText('Ann');
  for (const count of [3, 7, 12]) {
    step(count, false);
    await expect(callout.locator('.gg-count')).toHaveText(`x${count}`);
    await expect(callout).toHaveAttribute('data-live', 'true');
  }
  step(12, true);
  await expect(callout).toHaveAttribute('data-live', 'false');
  await untilIdle(page);
  const added = await page.evaluate(
    () => (window as unknown as { __added: Record<string, number> }).__added,
  );
  expect(Object.values(added)).toEqual([1]);
});

test('an idle page requests no animation frames, and wakes at once for the next gift', async ({
  page,
}) => {
  const rafs = await countAnimationFrames(page);
  const server = await feedServer();
  await openAlerts(page, server, '&duration=1');
  server.send(gift({ id: 'a', user: 'u1', name: 'Ann', ...LION }));
  await expect.poll(async () => (await hook(page)).frames).toBeGreaterThan(3);
  await untilIdle(page);
  const framesAtRest = (await hook(page)).frames;
  const before = await rafs();
  await page.clock.runFor(2_000);
  expect((await rafs()) - before).toBe(0);
  expect((await hook(page)).frames).toBe(framesAtRest);
  server.send(gift({ id: 'b', user: 'u2', name: 'Bo', ...CAP }));
  await expect.poll(async () => (await hook(page)).frames).toBeGreaterThan(framesAtRest);
  await expect(page.locator('.gg-callout .gg-name')).toHaveText('Bo');
});

test('stops drawing while OBS hides the source and summarises the backlog on return', async ({
  page,
}) => {
  const rafs = await countAnimationFrames(page);
  const server = await feedServer();
  await openAlerts(page, server, '&duration=1&maxqueue=100');
  server.send(gift({ id: 'first', user: 'u0', name: 'First', ...GALAXY }));
  await expect.poll(async () => (await hook(page)).running).toBe(true);
  await page.evaluate(() =>
    window.dispatchEvent(
      new CustomEvent('obsSourceVisibleChanged', { detail: { visible: false } }),
    ),
  );
  await expect.poll(async () => (await hook(page)).running).toBe(false);
  for (let i = 0; i < 40; i++)
    server.send(gift({ id: `h${i}`, user: `u${i + 1}`, name: `Fan ${i}`, ...CAP }));
  await expect.poll(async () => (await hook(page)).queue.waiting).toBe(40);
  const before = await rafs();
  // Hidden longer than the backlog gap (8 s, timed on Date.now, which the fake clock moves): what
  // piled up is summarised, not played one by one.
  await page.clock.runFor(8_500);
  expect((await rafs()) - before).toBe(0);
  await page.evaluate(() =>
    window.dispatchEvent(new CustomEvent('obsSourceVisibleChanged', { detail: { visible: true } })),
  );
  await expect(page.locator('.gg-callout--summary .gg-count')).toHaveText('+38');
  const h = await hook(page);
  expect(h.queue.summarised).toBe(38);
  expect(h.queue.started).toBeLessThanOrEqual(5);
});

test('counts of display objects, textures and DOM nodes stay flat after many alerts', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const server = await feedServer();
  await openAlerts(page, server, '&duration=1&maxqueue=100');
  const gifts = [ROSE, CAP, GALAXY, LION];
  const wave = (from: number, n: number) => {
    for (let i = from; i < from + n; i++) {
      server.send(gift({ id: `w${i}`, user: `u${i}`, name: `Fan ${i} 🎉`, ...gifts[i % 4]! }));
    }
  };
  const played = async (n: number) => {
    await expect.poll(async () => (await hook(page)).queue.pushed, { timeout: 20_000 }).toBe(n);
    await untilIdle(page);
  };
  wave(0, 12);
  await played(12);
  const before = await hook(page);
  for (let w = 1; w <= 3; w++) {
    wave(w * 100, 24);
    await played(12 + 24 * w);
  }
  const after = await hook(page);
  expect(after.queue.started).toBeGreaterThanOrEqual(before.queue.started + 72);
  expect(after.displayObjects).toBe(before.displayObjects);
  expect(after.textures).toBe(before.textures);
  expect(after.domNodes).toBe(before.domNodes);
  expect(after.pooledSprites).toBeLessThanOrEqual(1500);
});

test('the canvas draws the effect, and again after the WebGL context was lost', async ({
  page,
}) => {
  const server = await feedServer();
  await openAlerts(page, server, '&duration=3');
  server.send(gift({ id: 'l1', user: 'u1', name: 'Leo', ...LION }));
  await expect.poll(async () => (await hook(page)).frames).toBeGreaterThan(5);
  expect(await canvasInk(page)).toBeGreaterThan(500);
  await untilIdle(page);
  expect(await canvasInk(page)).toBe(0);
  const canvas = page.locator('.gg-stage canvas');
  // Asked for now: a lost context hands out no extensions.
  const lose = await canvas.evaluateHandle((el: HTMLCanvasElement) =>
    (el.getContext('webgl2') ?? el.getContext('webgl'))!.getExtension('WEBGL_lose_context')!,
  );
  // Each step waits for the canvas's own event, not for time.
  const step = (call: 'loseContext' | 'restoreContext', event: string) =>
    canvas.evaluate(
      (el, [ext, call, event]) =>
        new Promise<void>((done) => {
          el.addEventListener(event, () => done(), { once: true });
          ext[call]();
        }),
      [lose, call, event] as const,
    );
  await step('loseContext', 'webglcontextlost');
  expect((await hook(page)).contextLosses).toBe(1);
  // Restored as soon as Chromium allows, as it restores by itself after a GPU reset: in a later task
  // than the lost event. It reads the listeners' preventDefault (Pixi's) only once that event's
  // dispatch is over, and refuses a restore asked for before: the context would then stay lost.
  await step('restoreContext', 'webglcontextrestored');
  const framesRestored = (await hook(page)).frames;
  server.send(gift({ id: 'l2', user: 'u2', name: 'Lea', ...LION }));
  await expect.poll(async () => (await hook(page)).frames).toBeGreaterThan(framesRestored);
  await expect.poll(() => canvasInk(page)).toBeGreaterThan(500);
});

test('the seeded demo thanks its gifters by name and plays effects', async ({ page }) => {
  await page.goto('overlays/alerts.html?source=demo&seed=7&rate=600');
  const names = page.locator('.gg-callout .gg-name');
  await expect(names.first()).not.toHaveText('');
  await expect.poll(async () => (await hook(page)).frames).toBeGreaterThan(5);
  expect((await hook(page)).queue.started).toBeGreaterThan(0);
});

test('chimes with sound=on and lets every note go when it ends', async ({ page }) => {
  const server = await feedServer();
  await openAlerts(page, server, '&sound=on&volume=30');
  // OBS starts Chromium with --autoplay-policy=no-user-gesture-required; here a click stands in.
  await page.mouse.click(5, 5);
  server.send(gift({ id: 'l', user: 'u', name: 'Leo', ...LION }));
  await expect.poll(async () => (await hook(page)).audioNotes).toBeGreaterThan(0);
  await expect.poll(async () => (await hook(page)).audioNotes, { timeout: 10_000 }).toBe(0);
});

test('follows a resize in the middle of an animation', async ({ page }) => {
  const server = await feedServer();
  // quality=high: a tier-4 celebration rains confetti over the whole screen.
  await openAlerts(page, server, '&duration=3&quality=high');
  server.send(gift({ id: 'l', user: 'u', name: 'Leo', ...LION }));
  await expect.poll(async () => (await hook(page)).frames).toBeGreaterThan(3);
  await page.setViewportSize({ width: 540, height: 960 });
  const canvas = page.locator('.gg-stage canvas');
  await expect.poll(async () => (await canvas.boundingBox())?.width).toBe(540);
  expect((await canvas.boundingBox())?.height).toBe(960);
  // What shows of it follows the effect, laid out again inside the new screen.
  await expect
    .poll(async () => {
      const box = await page.locator('.gg-stage').boundingBox();
      return box !== null && box.x >= 0 && box.x + box.width <= 540 && box.y + box.height <= 960;
    })
    .toBe(true);
  await expect.poll(() => canvasInk(page)).toBeGreaterThan(500);
  await untilIdle(page);
});

test('loads the gift picture only from TikTok image hosts, and falls back when it fails', async ({
  page,
}) => {
  const server = await feedServer();
  const asked: string[] = [];
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  // One red pixel, served as if by TikTok's CDN (nothing leaves the machine).
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
    'base64',
  );
  await page.route(/^https:\/\/(p19-webcast\.tiktokcdn\.com|evil\.example)\//, (route) => {
    const url = route.request().url();
    asked.push(url);
    if (url.endsWith('broken.png')) return route.fulfill({ status: 404 });
    return route.fulfill({
      status: 200,
      contentType: 'image/png',
      headers: { 'access-control-allow-origin': '*' },
      body: png,
    });
  });
  await openAlerts(page, server, '&duration=2');
  const cdn = 'https://p19-webcast.tiktokcdn.com/img/';
  const send = (id: string, image: string) =>
    server.send(gift({ id, user: id, name: id, ...GALAXY, image }));
  send('ok', `${cdn}galaxy.png`);
  send('broken', `${cdn}broken.png`);
  send('evil', 'https://evil.example/tracker.png');
  await expect.poll(() => asked.length).toBe(2);
  await expect.poll(() => canvasInk(page)).toBeGreaterThan(500);
  await untilIdle(page);
  expect(asked.some((u) => u.includes('evil.example'))).toBe(false);
  expect(pageErrors).toEqual([]);
});

/** A box-shadow with a blur radius above 0 (x and y offsets, then the blur). */
const BLURRED = /(-?[\d.]+px\s+){2}[1-9][\d.]*px/;

test('a small alert shows only as much of the canvas as its effect, and light mode says so', async ({
  page,
}) => {
  const server = await feedServer();
  await openAlerts(page, server, '&duration=5&quality=light&fps=30');
  await expect(page.locator('.gg-alerts')).toHaveClass(/gg-quality-light/);
  server.send(gift({ id: 'r', user: 'u', name: 'Rosa', ...ROSE }));
  // Read while the callout is surely on screen (a loaded machine makes the checks below slow).
  const shadow = await page.locator('.gg-callout').evaluate((el) => getComputedStyle(el).boxShadow);
  expect(shadow).not.toMatch(BLURRED);
  await expect.poll(async () => (await hook(page)).frames).toBeGreaterThan(3);
  const h = await hook(page);
  expect(h.quality).toBe('light');
  expect(h.fpsCap).toBe(30);
  const box = await page.locator('.gg-stage').boundingBox();
  const view = page.viewportSize()!;
  expect(box!.width * box!.height).toBeLessThan((view.width * view.height) / 3);
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(view.width);
  await expect.poll(() => canvasInk(page)).toBeGreaterThan(200);
  await untilIdle(page);
});

test('quality=high keeps full effects and glowing callouts even on a slow GPU', async ({
  page,
}) => {
  const server = await feedServer();
  await openAlerts(page, server, '&quality=high');
  await expect(page.locator('.gg-alerts')).toHaveClass(/gg-quality-full/);
  server.send(gift({ id: 'l', user: 'u', name: 'Leo', ...LION }));
  await expect.poll(async () => (await hook(page)).frames).toBeGreaterThan(3);
  expect((await hook(page)).quality).toBe('full');
  const shadow = await page.locator('.gg-callout').evaluate((el) => getComputedStyle(el).boxShadow);
  expect(shadow).toMatch(BLURRED);
});
