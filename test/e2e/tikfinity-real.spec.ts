import { freshSession } from './freshSession';
import { expect, test, type Page } from '@playwright/test';
import { NESTED_23_END } from '../fixtures/feeds/tiktok';
import {
  giftFrame,
  LION,
  ROSE,
  streakFrames,
  wire,
  ZERODY,
  type TikFinityFrame,
} from '../fixtures/feeds/tiktok/connector';
import { closeServersAfterEach, feedServer } from './localServers';

/**
 * The built board and alerts pages fed by a local WebSocket server that sends TikFinity frames made
 * by tiktok-live-connector v1.2.3's own code (test/fixtures/feeds/tiktok/connector.ts): what a
 * streamer running TikFinity sees. Totals from `li.gg-row[data-value]`, names from `.gg-callout`.
 */

closeServersAfterEach();

const USER = `tiktok:${ZERODY.userId}`;
const row = (page: Page, user = USER) => page.locator(`li.gg-row[data-user="${user}"]`);

async function open(page: Page, overlay: 'board' | 'alerts', extra = '') {
  const server = await feedServer();
  // A session of this test's own: the server keeps every session (issue 24), `default` included.
  const session = `&session=${freshSession()}`;
  await page.goto(
    `overlays/${overlay}.html?source=tikfinity&tikfinity=${server.url}${session}${extra}`,
  );
  await expect(page.locator('html')).toHaveAttribute('data-feed', 'live');
  return (frames: TikFinityFrame[]) => {
    for (const frame of frames) server.send(wire(frame));
  };
}

const rose30 = (end: boolean) =>
  streakFrames({ gift: ROSE, steps: 30, end, firstMsgId: 7137749190944300000n });
const lion = giftFrame({ msgId: '7137749190944230999', gift: LION, groupId: '1661887139000' });

test.describe('TikFinity frames from the real connector', () => {
  test('a Rose streak of 30 with its end counts 30, once', async ({ page }) => {
    const send = await open(page, 'board');
    send(rose30(true));
    await expect(row(page)).toHaveAttribute('data-value', '30');
    // A marker that arrives later (a replay) changes nothing.
    send(rose30(true).slice(-1));
    send([lion]);
    await expect(row(page)).toHaveAttribute('data-value', String(30 + 29_999));
    await expect(page.locator('li.gg-row')).toHaveCount(1);
  });

  test('steps without an end finish after the silence timeout', async ({ page }) => {
    const send = await open(page, 'board', '&streak=1');
    send(rose30(false));
    await expect(row(page)).toHaveAttribute('data-value', '30');
  });

  test('a Lion counts 29,999 at once, and the same msgId twice counts once', async ({ page }) => {
    const send = await open(page, 'board');
    send([lion, lion]);
    await expect(row(page)).toHaveAttribute('data-value', '29999');
    send([giftFrame({ msgId: '7137749190944231111', gift: ROSE, repeatEnd: true })]);
    await expect(row(page)).toHaveAttribute('data-value', '30000');
  });

  test('a 5,000-character nickname still counts its gift and shows a bounded name', async ({
    page,
  }) => {
    const send = await open(page, 'board');
    send([
      giftFrame({
        msgId: '7137749190944232222',
        gift: LION,
        from: { ...ZERODY, nickname: 'W'.repeat(5_000) },
      }),
    ]);
    await expect(row(page)).toHaveAttribute('data-value', '29999');
    const shown = (await row(page).locator('.gg-name').innerText()).trim();
    expect(shown.length).toBeLessThanOrEqual(24);
    expect(shown.startsWith('WWW')).toBe(true);
    const counts = await page.evaluate(
      () => (window as { __giftglow?: { feed?: unknown } }).__giftglow?.feed,
    );
    expect(counts).toEqual({ drops: {}, notes: { 'long-name': 1 } });
  });

  test('the callout names the gifter and the gift', async ({ page }) => {
    const send = await open(page, 'alerts');
    send([lion]);
    const callout = page.locator('.gg-callout').first();
    await expect(callout.locator('.gg-name').first()).toHaveText('Zerody Tester');
    await expect(callout.locator('.gg-gift').first()).toHaveText('Lion');
  });
});

test.describe('connector 2.3+ frames (HAND-MADE from the field table)', () => {
  const step = (count: number, end: boolean, id: number) => ({
    event: 'gift',
    data: {
      ...NESTED_23_END,
      common: { ...NESTED_23_END.common, msgId: String(7137749190944240000n + BigInt(id)) },
      repeatCount: count,
      repeatEnd: end ? 1 : 0,
    },
  });

  test('a streak counts once at its end, a repeat counts nothing, the callout names the gifter', async ({
    page,
  }) => {
    const send = await open(page, 'alerts', '&board=on');
    const frames = [step(1, false, 1), step(2, false, 2), step(4, false, 3), step(4, true, 4)];
    send([...frames, frames[3]!]);
    await expect(row(page)).toHaveAttribute('data-value', String(4 * 25));
    await expect(page.locator('.gg-callout .gg-name').first()).toHaveText('Zerody Tester');
  });
});
