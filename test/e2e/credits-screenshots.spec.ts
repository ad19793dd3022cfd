import { expect, test } from '@playwright/test';
import type { LedgerEntry } from '../../src/core/session/ledger';
import type { SessionAnswer } from '../../src/wire/sessionAnswers';
import { countAnimationFrames } from './animationFrames';

/**
 * The credits roll's picture for the README, over a dark "stream" backdrop (the page itself is
 * transparent). Run with UPDATE_SCREENSHOTS=1; look at it before committing. The session comes
 * from a stand-in answer of `/hub/sessions`, and the page's clock is stopped mid-roll.
 */
test.skip(!process.env.UPDATE_SCREENSHOTS, 'set UPDATE_SCREENSHOTS=1 to refresh docs/img');

const BACKDROP = `html { background:
  radial-gradient(ellipse at 20% 80%, #2b3a55 0%, transparent 55%),
  radial-gradient(ellipse at 85% 20%, #3d2346 0%, transparent 50%),
  linear-gradient(160deg, #141824, #0c0f16) !important; }`;

type Who = [key: string, name: string, platform: 'tiktok' | 'twitch'];
const entry = ([key, name, platform]: Who, milli: number, at: number): LedgerEntry => ({
  user: { key, name, login: name.toLowerCase().replace(/\W/g, ''), platform },
  milli,
  items: 1,
  coins: 0,
  bits: 0,
  first: at,
  last: at,
});
const gifters: [Who, number][] = [
  [['tiktok:1', 'Mia ✨', 'tiktok'], 29_999],
  [['twitch:2', 'NightOwl', 'twitch'], 12_500],
  [['tiktok:3', '李小龙', 'tiktok'], 5_000],
  [['twitch:4', 'CkPuffin', 'twitch'], 1_500],
  [['tiktok:5', 'Leo', 'tiktok'], 300],
];
const followers: Who[] = [
  ['tiktok:6', 'أحمد', 'tiktok'],
  ['tiktok:7', 'Rosa', 'tiktok'],
  ['twitch:8', 'pixelpanda', 'twitch'],
];
const answer: SessionAnswer = {
  name: 'shot-credits',
  created: 0,
  updated: 0,
  likes: 0,
  snapshot: null,
  ledger: [
    ...gifters.map(([who, points], i): [string, LedgerEntry] => [
      `e:${who[2]}:g${i}`,
      entry(who, points * 1000, i),
    ]),
    ...followers.map((who, i): [string, LedgerEntry] => [`f:${who[0]}`, entry(who, 0, i)]),
  ],
};

test('credits roll', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await countAnimationFrames(page);
  await page.route('**/hub/sessions/**', (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify(answer) }),
  );
  await page.goto('overlays/credits.html?session=shot-credits&theme=glow');
  await page.addStyleTag({ content: BACKDROP });
  await expect(page.locator('.gg-credits-name')).toHaveCount(8);
  await page.clock.runFor(11_000);
  await page.screenshot({ path: 'docs/img/credits.png' });
});
