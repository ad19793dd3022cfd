import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { pngBytes, wavBytes } from '../helpers/mediaSamples';
import { DATA_DIR } from '../playwright.config';
import { freshSession } from './freshSession';
import { hubToken } from './hubToken';
import { COUNTERS_SCRIPT, gift, hook, LION, ROSE, untilIdle } from './alertsFeed';
import { countAnimationFrames } from './animationFrames';
import { closeServersAfterEach, feedServer } from './localServers';
import type { FeedServer } from '../servers/feedServer';

/**
 * The alerts page with alert rules (issue 23): a rule's clip, sound and text, the default look for
 * what no rule matches, a bad rule shown while the others play, and rules pushed by the hub applied
 * on an open page. A static host's rules file and media are served by `page.route`; the hub's are
 * the e2e server's own (its data folder, rules saved with the token). What plays is read from
 * `.gg-media`, the callouts and `window.__giftglow.alerts`.
 */

closeServersAfterEach();

const saveRules = (request: APIRequestContext, body: string) =>
  request.put('hub/rules', {
    headers: { Authorization: `Bearer ${hubToken()}`, 'Content-Type': 'application/json' },
    data: body,
  });

const HUB_MEDIA = resolve(import.meta.dirname, '../..', DATA_DIR, 'media');

// The e2e server's hub keeps what a test saved: every test ends with no saved rules and no clip.
test.afterEach(async ({ request }) => {
  expect((await saveRules(request, rulesFile())).status()).toBe(200);
  rmSync(resolve(HUB_MEDIA, 'lion.webm'), { force: true });
});

const CLIP = readFileSync(new URL('../fixtures/media/lion.webm', import.meta.url));
const MEDIA: Record<string, { body: Buffer; type: string }> = {
  'lion.webm': { body: CLIP, type: 'video/webm' },
  'roar.wav': { body: wavBytes(4000), type: 'audio/wav' },
  'heart.png': { body: pngBytes(64, 48), type: 'image/png' },
};

const LION_RULE = {
  name: 'Lion',
  when: { gift: 'Lion' },
  then: { media: 'lion.webm', sound: { file: 'roar.wav', volume: 80 } },
};
const rulesFile = (...rules: unknown[]) => JSON.stringify({ v: 1, rules });

/** Serves `files` (name → body) under the URL `folder` matches, as a static host would. */
async function serveFolder(page: Page, folder: RegExp, files: Record<string, string | Buffer>) {
  const asked: string[] = [];
  await page.route(folder, (route) => {
    const name = decodeURIComponent(new URL(route.request().url()).pathname.split('/').pop()!);
    asked.push(name);
    const media = MEDIA[name];
    const body = files[name] ?? media?.body;
    if (body === undefined) return route.fulfill({ status: 404, body: 'not found' });
    return route.fulfill({
      body,
      contentType: name.endsWith('.json') ? 'application/json' : media?.type,
    });
  });
  return asked;
}

async function open(page: Page, server: FeedServer, params: string): Promise<void> {
  await page.addInitScript(COUNTERS_SCRIPT);
  // A session of this test's own: the server keeps every session's gift ids (issue 24).
  const session = `&session=${freshSession()}`;
  await page.goto(`overlays/alerts.html?source=ws&ws=${server.url}${session}${params}`);
  await server.waitForClients(1);
  // OBS starts Chromium with --autoplay-policy=no-user-gesture-required; here a click stands in.
  await page.mouse.click(5, 5);
}

test('a rule "Lion: my clip and my sound" plays both, and a Rose still gets its effect', async ({
  page,
}) => {
  const rafs = await countAnimationFrames(page);
  const server = await feedServer();
  const asked = await serveFolder(page, /\/overlays\/rules\/[^/]+$/, {
    'rules.json': rulesFile(LION_RULE),
  });
  await open(page, server, '&rules=rules/rules.json&sound=on&volume=40&duration=2&issues=hide');
  await expect.poll(async () => (await hook(page)).rules.rules).toBe(1);
  expect(asked).toEqual(['rules.json']); // nothing else until an alert needs it

  server.send(gift({ id: 'l1', user: 'u1', name: 'Leo', ...LION }));
  const clip = page.locator('.gg-media');
  await expect(clip).toBeVisible();
  await expect(clip).toHaveJSProperty('tagName', 'VIDEO');
  await expect(clip).toHaveAttribute('data-file', 'lion.webm');
  await expect
    .poll(async () => (await hook(page)).media[0]?.readyState ?? 0)
    .toBeGreaterThanOrEqual(2);
  const t0 = (await hook(page)).media[0]!.currentTime;
  await expect.poll(async () => (await hook(page)).media[0]?.currentTime ?? 0).toBeGreaterThan(t0);
  await expect
    .poll(async () => (await hook(page)).sounds.played.map((s) => s.file))
    .toEqual(['roar.wav']);
  expect((await hook(page)).sounds.played[0]!.seconds).toBeGreaterThan(0);
  // The clip is the Lion's whole look: no stage effect of its own.
  expect((await hook(page)).activeEffects).toBe(0);
  await expect(page.locator('.gg-callout', { hasText: 'Leo' })).toBeVisible();

  server.send(gift({ id: 'r1', user: 'u2', name: 'Rosa', ...ROSE }));
  await expect(page.locator('.gg-callout', { hasText: 'Rosa' })).toBeVisible();
  await expect.poll(async () => (await hook(page)).activeEffects).toBeGreaterThan(0);
  await expect(page.locator('.gg-media')).toHaveCount(1);

  // After the alerts end: no media element, no video, and not one animation frame asked for.
  await untilIdle(page);
  await expect(page.locator('.gg-media, video')).toHaveCount(0);
  const before = await rafs();
  await page.clock.runFor(2_000);
  expect((await rafs()) - before).toBe(0);
});

test('a clip that comes after the last alert has left shows and plays like the first', async ({
  page,
}) => {
  // The callouts' list, emptied, once took the media layer out of the page with it: the next
  // clip was loaded and decoded off screen and never played (found by the media bench).
  const server = await feedServer();
  await serveFolder(page, /\/overlays\/rules\/[^/]+$/, {
    'rules.json': rulesFile({ name: 'Lion', when: { gift: 'Lion' }, then: { media: 'lion.webm' } }),
  });
  await open(page, server, '&rules=rules/rules.json&duration=1&issues=hide');
  await expect.poll(async () => (await hook(page)).rules.rules).toBe(1);
  // Ids of their own: the e2e server's session keeps every gift id it counted, across tests.
  const run = Date.now().toString(36);
  for (const name of ['Leo', 'Lia']) {
    const id = `again-${run}-${name}`;
    server.send(gift({ id, user: id, name, ...LION }));
    const clip = page.locator('video.gg-media');
    await expect(clip).toBeVisible();
    await expect
      .poll(() => clip.evaluate((v: HTMLVideoElement) => v.currentTime))
      .toBeGreaterThan(0);
    await untilIdle(page);
    await expect(page.locator('.gg-media, video')).toHaveCount(0);
  }
});

test('picture alerts that have ended leave no DOM nodes behind once garbage is collected', async ({
  page,
}) => {
  // Chromium kept an <img> that lost its src after leaving the page, with its fallback nodes.
  const server = await feedServer();
  await serveFolder(page, /\/overlays\/rules\/[^/]+$/, {
    'rules.json': rulesFile({ name: 'Rose', when: { gift: 'Rose' }, then: { media: 'heart.png' } }),
  });
  await open(page, server, '&rules=rules/rules.json&duration=1&issues=hide');
  await expect.poll(async () => (await hook(page)).rules.rules).toBe(1);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  const nodesAfterGc = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    return ((await cdp.send('Memory.getDOMCounters')) as { nodes: number }).nodes;
  };
  let n = 0;
  const run = Date.now().toString(36);
  const pictures = async (count: number) => {
    for (let i = 0; i < count; i++) {
      const id = `gc-${run}-${++n}`;
      server.send(gift({ id, user: id, name: `Rosa ${n}`, ...ROSE }));
      await expect(page.locator('img.gg-media')).toBeVisible();
      await untilIdle(page);
    }
  };
  await pictures(2); // the first alerts build what every alert reuses
  const before = await nodesAfterGc();
  await pictures(4);
  expect(await nodesAfterGc()).toBeLessThanOrEqual(before);
  await expect(page.locator('.gg-media, img')).toHaveCount(0);
});

test('a bad rule is shown on the page with its reason while the other rules play', async ({
  page,
}) => {
  const server = await feedServer();
  const broken = { name: 'Broken', when: { gift: 'Rose' }, then: { media: '../secret.png' } };
  const heart = {
    name: 'Cap',
    when: { gift: 'Cap' },
    then: { media: 'heart.png', text: 'Hats off, {name}!' },
  };
  await serveFolder(page, /\/overlays\/rules\/[^/]+$/, {
    'rules.json': rulesFile(broken, heart, LION_RULE),
  });
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await open(page, server, '&rules=rules/rules.json');
  const problems = page.getByRole('alert', { name: 'Giftglow settings problems' });
  await expect(problems).toContainText('rule 1 "Broken"');
  await expect(problems).toContainText('then.media');
  expect(errors.filter((e) => e.includes('rule 1 "Broken"'))).toHaveLength(1);

  server.send(
    gift({ id: 'c1', user: 'u1', name: 'Hana', giftId: '6104', giftName: 'Cap', coins: 99 }),
  );
  await expect(page.locator('.gg-callout .gg-text').first()).toHaveText('Hats off, Hana!');
  const picture = page.locator('img.gg-media');
  await expect(picture).toBeVisible();
  await expect(picture).toHaveJSProperty('naturalWidth', 64);
  server.send(gift({ id: 'l1', user: 'u2', name: 'Leo', ...LION }));
  await expect(page.locator('video.gg-media')).toBeVisible();
});

test('a media file that cannot be loaded leaves the callout and its effect, and is logged once', async ({
  page,
}) => {
  const server = await feedServer();
  const gone = { name: 'Gone', when: { gift: 'Lion' }, then: { media: 'missing.webm' } };
  await serveFolder(page, /\/overlays\/rules\/[^/]+$/, { 'rules.json': rulesFile(gone) });
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await open(page, server, '&rules=rules/rules.json&issues=hide');
  await expect.poll(async () => (await hook(page)).rules.rules).toBe(1);
  server.send(gift({ id: 'l1', user: 'u1', name: 'Leo', ...LION }));
  server.send(gift({ id: 'l2', user: 'u2', name: 'Lia', ...LION }));
  await expect(page.locator('.gg-callout', { hasText: 'Lia' })).toBeVisible();
  await expect.poll(async () => (await hook(page)).activeEffects).toBeGreaterThan(0);
  await expect(page.locator('.gg-media')).toHaveCount(0);
  expect(errors.filter((e) => e.includes('missing.webm'))).toHaveLength(1);
});

test("the hub's saved rules apply on an already open page, and a saved change arrives with no reload", async ({
  page,
  request,
}) => {
  // The real hub of the e2e server: its media folder holds the clip, its rules are saved with the token.
  mkdirSync(HUB_MEDIA, { recursive: true });
  writeFileSync(resolve(HUB_MEDIA, 'lion.webm'), CLIP);
  const save = async (...rules: unknown[]) =>
    expect((await saveRules(request, rulesFile(...rules))).status()).toBe(200);
  await save({ name: 'Lion', when: { gift: 'Lion' }, then: { media: 'lion.webm' } });
  const server = await feedServer();
  await open(page, server, '&issues=hide&duration=1');
  await page.evaluate(() => ((window as { __samePage?: boolean }).__samePage = true));
  await expect
    .poll(async () => (await hook(page)).rules)
    .toMatchObject({ from: 'hub', rules: 1, socket: 'live' });

  server.send(gift({ id: 'l1', user: 'u1', name: 'Leo', ...LION }));
  const clip = page.locator('video.gg-media');
  await expect(clip).toBeVisible();
  await expect
    .poll(async () => (await hook(page)).media[0]?.readyState ?? 0)
    .toBeGreaterThanOrEqual(2);
  await untilIdle(page);

  const version = (await hook(page)).rules.version;
  await save({
    name: 'Lion',
    when: { gift: 'Lion' },
    then: { text: 'ROAR for {name}!', effect: 2 },
  });
  await expect.poll(async () => (await hook(page)).rules.version).toBe(version + 1);
  server.send(gift({ id: 'l2', user: 'u2', name: 'Lia', ...LION }));
  await expect(page.locator('.gg-callout .gg-text').first()).toHaveText('ROAR for Lia!');
  await expect(page.locator('.gg-callout').first()).toHaveClass(/gg-tier-2/);
  await expect.poll(async () => (await hook(page)).activeEffects).toBeGreaterThan(0);
  await expect(page.locator('.gg-media')).toHaveCount(0);
  expect(await page.evaluate(() => (window as { __samePage?: boolean }).__samePage)).toBe(true);
});
