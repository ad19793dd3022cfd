import { seeded } from './machine';

/**
 * TikFinity text frames for the core bench, with every field of the connector's flat sample
 * (test/fixtures/feeds/tiktok.ts: picture URLs as long as TikTok's signed ones, describe,
 * receiver...), ~740 characters: the parser pays for what a real frame carries, not only for the
 * fields Giftglow reads.
 */

const PICTURE =
  'https://p16-sign-va.tiktokcdn.com/tos-maliva-avt-0068/7310f8d0c5f1e2a3b4c5d6e7f8a9b0c1~c5_100x100.webp?x-expires=1662058800&x-signature=abcdefghijklmnopqrstuvwxyz0%3D';
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
  return JSON.stringify({
    event: 'gift',
    data: {
      giftId: g.giftId,
      repeatCount: g.repeatCount,
      repeatEnd: g.repeatEnd,
      groupId: String(g.groupId),
      userId: String(USER_BASE + BigInt(g.user)),
      uniqueId: `viewer${g.user}`,
      nickname: `Viewer ${g.user}`,
      profilePictureUrl: PICTURE,
      followRole: g.user % 3,
      isModerator: false,
      msgId: String(g.msgId),
      createTime: '1661887134397',
      describe: `Sent ${g.giftName}`,
      giftType: g.giftType,
      diamondCount: g.coins,
      giftName: g.giftName,
      giftPictureUrl: GIFT_PICTURE(g.giftId),
      timestamp: 1661887134397,
      receiverUserId: '7087613897129493510',
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
