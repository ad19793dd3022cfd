import { DOLL, LION, ROSE, type GiftKind, type Viewer } from '../fixtures/feeds/tiktok/connector';
import { gift, type Draft } from '../servers/tiktokMessages';
import { seeded } from './machine';

/**
 * The gifts of the TikTok bench (test/bench/tiktok.ts), as push frames of the fake of TikTok: every
 * other frame holds one message, the others ten (TikTok batches what arrives together). A busy
 * LIVE: eight viewers at a time run Rose or doll streaks (steps with a cumulative count, then
 * the repeatEnd message), and one message in ten is a gift sent once. Seeded: the same frames
 * every run. Only drafts are made here; the fake encodes each when it sends it.
 */

export const BATCHES = [1, 10] as const;

/** Gifts sent once (type 2: no streak): the Lion, and a Galaxy. */
const ONE_OFF: GiftKind[] = [
  LION,
  {
    ...LION,
    id: 11046,
    name: 'Galaxy',
    coins: 1000,
    image: LION.image.replace(
      '4fb89af2082a290b37d704e20f4fe729',
      '79a02148079526539f7599150da9fd28',
    ),
  },
];

const VIEWERS = 500;
const STREAKS_AT_ONCE = 8;
const LONGEST_STREAK = 40;

function viewer(n: number): Viewer {
  const id = String(6_813_181_309_701_719_620n + BigInt(n * 7919));
  const picture = `https://p16-sign-va.tiktokcdn.com/tos-maliva-avt-0068/${id.slice(-8)}~c5_100x100`;
  return {
    userId: id,
    uniqueId: `viewer.${n}`,
    nickname: `Viewer ${n}`,
    pictures: [`${picture}.webp`, `${picture}.jpeg`],
  };
}

interface Streak {
  from: Viewer;
  gift: GiftKind;
  groupId: string;
  length: number;
  step: number;
}

/** `frames` push frames (batch sizes alternating 1 and 10, from 1), as lists of drafts. */
export function traffic(frames: number, seed: number): Draft[][] {
  const random = seeded(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const viewers = Array.from({ length: VIEWERS }, (_, n) => viewer(n));
  let groups = 1_700_000_000_000 + seed * 1_000_000;
  const streak = (): Streak => ({
    from: pick(viewers),
    gift: random() < 0.8 ? ROSE : DOLL,
    groupId: String(++groups),
    length: 1 + Math.floor(random() * LONGEST_STREAK),
    step: 0,
  });
  const streaks = Array.from({ length: STREAKS_AT_ONCE }, streak);

  function next(): Draft {
    if (random() < 0.1) return gift({ gift: pick(ONE_OFF), from: pick(viewers) });
    const slot = Math.floor(random() * streaks.length);
    const s = streaks[slot]!;
    if (s.step === s.length) {
      // The streak's last message repeats its count with repeatEnd; a new viewer takes the slot.
      streaks[slot] = streak();
      return gift({
        gift: s.gift,
        from: s.from,
        repeatCount: s.length,
        repeatEnd: true,
        groupId: s.groupId,
      });
    }
    s.step += 1;
    return gift({ gift: s.gift, from: s.from, repeatCount: s.step, groupId: s.groupId });
  }

  return Array.from({ length: frames }, (_, i) =>
    Array.from({ length: BATCHES[i % BATCHES.length]! }, next),
  );
}
