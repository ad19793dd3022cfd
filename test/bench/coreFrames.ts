import {
  giftFrame as connectorFrame,
  giftListEntry,
  ROSE,
} from '../fixtures/feeds/tiktok/connector';
import { seeded } from './machine';

/**
 * TikFinity text frames for the core bench, as the real producer makes them: one gift frame from
 * tiktok-live-connector v1's own code (test/fixtures/feeds/tiktok/connector.ts: every key it emits,
 * the compatibility object and the gift list's entry included, ~2,000 characters), then each frame
 * of the stream is that object with its ids, counts and gift changed. The parser pays for what a
 * real frame carries, not only for the fields Giftglow reads.
 */

const TEMPLATE = connectorFrame({ msgId: '7137749190944230150', gift: ROSE }).data;

const GIFT_PICTURE = (id: number) =>
  `https://p19-webcast.tiktokcdn.com/img/maliva/webcast-va/${id.toString(16).padStart(32, 'a')}~tplv-obj.png`;

const USER_BASE = 6813181309701719620n;

interface Gift {
  user: number;
  msgId: bigint;
  giftId: number;
  giftName: string;
  giftType: 1 | 2;
  coins: number;
  repeatCount: number;
  repeatEnd: boolean;
  groupId: number;
}

export function giftFrame(g: Gift): string {
  const image = GIFT_PICTURE(g.giftId);
  return JSON.stringify({
    event: 'gift',
    data: {
      ...TEMPLATE,
      giftId: g.giftId,
      repeatCount: g.repeatCount,
      repeatEnd: g.repeatEnd,
      groupId: String(g.groupId),
      userId: String(USER_BASE + BigInt(g.user)),
      uniqueId: `viewer${g.user}`,
      nickname: `Viewer ${g.user}`,
      followRole: g.user % 3,
      msgId: String(g.msgId),
      gift: {
        gift_id: g.giftId,
        repeat_count: g.repeatCount,
        repeat_end: g.repeatEnd ? 1 : 0,
        gift_type: g.giftType,
      },
      describe: `sent ${g.giftName}`,
      giftType: g.giftType,
      diamondCount: g.coins,
      giftName: g.giftName,
      giftPictureUrl: image,
      extendedGiftInfo: giftListEntry({
        id: g.giftId,
        name: g.giftName,
        coins: g.coins,
        type: g.giftType,
        image,
      }),
    },
  });
}

/** One Lion from each of `gifters` viewers: a board that already holds all of them. */
export function* everyoneOnce(gifters: number): Generator<string> {
  for (let user = 0; user < gifters; user++) {
    yield giftFrame({
      user,
      msgId: 1000000000000000000n + BigInt(user),
      giftId: 6369,
      giftName: 'Lion',
      giftType: 2,
      coins: 29999,
      repeatCount: 1,
      repeatEnd: false,
      groupId: 1000 + user,
    });
  }
}

/**
 * A live stream from `gifters` viewers picked uniformly (no favourite gifter keeps the caches
 * warm): Rose streaks with cumulative steps and an end marker missing one time in ten, one-off
 * gifts, and ~3% replays of a recent frame (a reconnect).
 */
export function* stream(gifters: number, seed: number): Generator<string> {
  const rnd = seeded(seed);
  const recent: string[] = [];
  let msgId = 7137749190944230150n;
  let group = 1661887131074;
  const open: { user: number; groupId: number; count: number; length: number; end: boolean }[] = [];
  for (;;) {
    if (recent.length > 0 && rnd() < 0.03) {
      yield recent[Math.floor(rnd() * recent.length)]!;
      continue;
    }
    const user = Math.floor(rnd() * gifters);
    if (open.length < 50 && rnd() < 0.2) {
      const length = 1 + Math.floor(rnd() * 20);
      open.push({ user, groupId: group++, count: 0, length, end: rnd() < 0.9 });
    }
    const streak = open.length > 0 && rnd() < 0.7 ? open[Math.floor(rnd() * open.length)]! : null;
    let text: string;
    if (streak) {
      streak.count++;
      const last = streak.count >= streak.length;
      if (last) open.splice(open.indexOf(streak), 1);
      if (last && !streak.end) continue; // the end marker that never arrives
      text = giftFrame({
        user: streak.user,
        msgId: msgId++,
        giftId: 5655,
        giftName: 'Rose',
        giftType: 1,
        coins: 1,
        repeatCount: streak.count,
        repeatEnd: last,
        groupId: streak.groupId,
      });
    } else {
      text = giftFrame({
        user,
        msgId: msgId++,
        giftId: 6369,
        giftName: 'Lion',
        giftType: 2,
        coins: 1 + Math.floor(rnd() * 300),
        repeatCount: 1,
        repeatEnd: false,
        groupId: group++,
      });
    }
    recent.push(text);
    if (recent.length > 200) recent.shift();
    yield text;
  }
}

export function take(source: Iterator<string>, n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(source.next().value as string);
  return out;
}
