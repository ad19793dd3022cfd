import { expect, test, type Page } from '@playwright/test';
import { FLAT_LION, roseStreak, tikfinityFrame } from '../fixtures/feeds/tiktok';
import * as lines from '../fixtures/feeds/twitchLines';
import { closeServersAfterEach, fakeTwitch, feedServer } from './localServers';
import { freshSession } from './freshSession';

/**
 * The built pages against local feed servers: real browser WebSocket, real tmi.js in the page.
 * Totals are read from the board's `li.gg-row[data-user][data-value]`, the feed state from
 * `<html data-feed>`, what a viewer reads from `.gg-callout`.
 */

const ZERODY = 'tiktok:6813181309701719620';
closeServersAfterEach();

function row(page: Page, user: string) {
  return page.locator(`li.gg-row[data-user="${user}"]`);
}

async function expectLive(page: Page) {
  await expect(page.locator('html')).toHaveAttribute('data-feed', 'live');
}

test.describe('source=tikfinity', () => {
  test('shows a finished Rose streak once and a Lion at once, with exact totals', async ({
    page,
  }) => {
    const server = await feedServer();
    await page.goto(
      `overlays/board.html?source=tikfinity&tikfinity=${server.url}&session=${freshSession()}`,
    );
    await expectLive(page);
    for (const step of roseStreak()) server.send(tikfinityFrame('gift', step));
    server.send(tikfinityFrame('gift', FLAT_LION));
    await expect(row(page, ZERODY)).toHaveAttribute('data-value', String(3 + 29999));
    await expect(page.locator('li.gg-row')).toHaveCount(1);
  });

  test('thanks the gifter by name in a callout on the alerts page', async ({ page }) => {
    const server = await feedServer();
    await page.goto(
      `overlays/alerts.html?source=tikfinity&tikfinity=${server.url}&session=${freshSession()}`,
    );
    await expectLive(page);
    server.send(tikfinityFrame('gift', FLAT_LION));
    const callout = page.locator('.gg-callout').first();
    await expect(callout.locator('.gg-name').first()).toHaveText('Zerody Tester');
    await expect(callout.locator('.gg-gift').first()).toHaveText('Lion');
  });

  test('drops bad frames and keeps the same connection', async ({ page }) => {
    const server = await feedServer();
    await page.goto(
      `overlays/board.html?source=tikfinity&tikfinity=${server.url}&session=${freshSession()}`,
    );
    await expectLive(page);
    server.send(Buffer.from([0xde, 0xad, 0xbe, 0xef]));
    server.send('{"event": "gift", "data": ');
    server.send(`"${'x'.repeat(70_000)}"`);
    server.send(JSON.stringify({ hello: 'world' }));
    server.send(
      tikfinityFrame('gift', { ...FLAT_LION, msgId: 'nobody', userId: null, uniqueId: null }),
    );
    server.send(tikfinityFrame('gift', { ...FLAT_LION, msgId: 'huge', repeatCount: 1e12 }));
    server.send(tikfinityFrame('gift', FLAT_LION));
    await expect(row(page, ZERODY)).toHaveAttribute('data-value', '29999');
    await expectLive(page);
    expect(server.accepted()).toBe(1);
  });

  test('survives a server restart mid-streak without a lost or double-counted gift', async ({
    page,
  }) => {
    const server = await feedServer();
    await page.goto(
      `overlays/board.html?source=tikfinity&tikfinity=${server.url}&session=${freshSession()}`,
    );
    await expectLive(page);
    const [one, two, three, end] = roseStreak();
    server.send(tikfinityFrame('gift', one));
    server.send(tikfinityFrame('gift', FLAT_LION));
    await expect(row(page, ZERODY)).toHaveAttribute('data-value', '29999');
    await server.restart({ downMs: 300 });
    await expect(page.locator('html')).not.toHaveAttribute('data-feed', 'live');
    await server.waitForClients(1);
    await expectLive(page);
    expect(server.clients()).toBe(1);
    // The connector replays recent messages on reconnect: the Lion again, then the rest.
    for (const frame of [FLAT_LION, one, two, three, end])
      server.send(tikfinityFrame('gift', frame));
    await expect(row(page, ZERODY)).toHaveAttribute('data-value', String(29999 + 3));
    expect(server.accepted()).toBe(2);
  });
});

test.describe('source=ws (Giftglow protocol)', () => {
  test('ranks gifts, cheers and gift subs from one feed', async ({ page }) => {
    const server = await feedServer();
    await page.goto(`overlays/board.html?source=ws&ws=${server.url}&session=${freshSession()}`);
    await expectLive(page);
    const ann = { id: '1', name: 'Ann' };
    const bob = { id: '2', name: 'Bob' };
    server.send(
      JSON.stringify([
        { v: 1, type: 'gift', id: 'g1', user: ann, gift: { id: 'rose', coins: 1 }, count: 7 },
        { v: 1, type: 'cheer', id: 'c1', user: bob, bits: 250 },
        { v: 1, type: 'cheer', id: 'bad', user: bob, bits: -1 },
        { v: 2, type: 'cheer', id: 'future', user: bob, bits: 5 },
      ]),
    );
    server.send(
      JSON.stringify({
        v: 1,
        type: 'giftsub',
        id: 'b1',
        user: ann,
        tier: '1',
        count: 2,
        bomb: 'x',
      }),
    );
    server.send(
      JSON.stringify({ v: 1, type: 'giftsub', id: 'b2', user: ann, bomb: 'x', part: true }),
    );
    server.send(JSON.stringify({ v: 1, type: 'follow', id: 'f1', user: { id: '3', name: 'Cy' } }));
    await expect(row(page, 'custom:1')).toHaveAttribute('data-value', String(7 + 1000));
    await expect(row(page, 'custom:2')).toHaveAttribute('data-value', '250');
    await expect(row(page, 'custom:3')).toHaveCount(0);
  });
});

test.describe('source=twitch (real tmi.js in the page)', () => {
  test('counts a gift bomb once and a cheer, from replayed real lines', async ({ page }) => {
    const irc = await fakeTwitch();
    await page.goto(
      `overlays/board.html?source=twitch&channel=spirodonfl&irc=${irc.url}&session=${freshSession()}`,
    );
    expect(await irc.joined()).toBe('#spirodonfl');
    await expectLive(page);
    expect(irc.received).toContain('PASS SCHMOOPIIE');
    irc.send(lines.BOMB_HEADER, lines.BOMB_BODY, lines.CHEER_100);
    await expect(row(page, 'twitch:611203908')).toHaveAttribute('data-value', '2500');
    await expect(row(page, 'twitch:12345678')).toHaveAttribute('data-value', '100');
  });

  test('shows the worst status while one of two sources is down, then live', async ({ page }) => {
    const irc = await fakeTwitch();
    const tiktok = await feedServer();
    await tiktok.close();
    const query = `source=tikfinity,twitch&channel=spirodonfl&irc=${irc.url}&tikfinity=${tiktok.url}`;
    await page.goto(`overlays/board.html?${query}&session=${freshSession()}`);
    await irc.joined();
    await expect(page.locator('html')).toHaveAttribute('data-feed', /retrying|offline/);
    await expect(page.locator('.gg-status')).toBeVisible();
    const back = await feedServer({ port: tiktok.port });
    await expect(page.locator('html')).toHaveAttribute('data-feed', 'live', { timeout: 15_000 });
    back.send(tikfinityFrame('gift', FLAT_LION));
    irc.send(lines.CHEER_1);
    await expect(row(page, ZERODY)).toHaveAttribute('data-value', '29999');
    await expect(row(page, 'twitch:36175310')).toHaveAttribute('data-value', '1');
  });
});
