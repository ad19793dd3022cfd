/** Builders for Giftglow feed-protocol v1 frames (docs/feed-protocol.md), for e2e and the bench. */
export interface User {
  id: string;
  login?: string;
  name?: string;
}

let next = 0;
const id = (prefix: string) => `${prefix}-${++next}`;

export function gift(user: User, coins: number, count = 1, extra: Record<string, unknown> = {}) {
  return {
    v: 1,
    type: 'gift',
    id: id('g'),
    platform: 'tiktok',
    user,
    gift: { id: '5655', name: 'Rose', coins },
    count,
    ...extra,
  };
}

/** A TikTok-style streak: cumulative steps, the last one ending it. */
export function streak(user: User, coins: number, counts: number[], giftName = 'Rose') {
  const key = id('streak');
  return counts.map((count, i) => ({
    v: 1,
    type: 'gift',
    id: id('s'),
    platform: 'tiktok',
    user,
    gift: { id: '5655', name: giftName, coins },
    count,
    streak: key,
    end: i === counts.length - 1,
  }));
}

export function cheer(user: User, bits: number) {
  return { v: 1, type: 'cheer', id: id('c'), platform: 'twitch', user, bits };
}

/** A gift bomb: the header announcing `count` subs and one part per sub, in the order given. */
export function bomb(user: User, count: number, tier: '1' | '2' | '3' = '1') {
  const key = id('bomb');
  const header = {
    v: 1,
    type: 'giftsub',
    id: id('h'),
    platform: 'twitch',
    user,
    tier,
    count,
    bomb: key,
  };
  const parts = Array.from({ length: count }, (_, i) => ({
    v: 1,
    type: 'giftsub',
    id: id('p'),
    platform: 'twitch',
    user,
    tier,
    bomb: key,
    part: true,
    recipient: `viewer${i}`,
  }));
  return { header, parts };
}

/** A TikTok like event: `count` taps in one event (its likeCount). */
export function like(user: User, count: number) {
  return { v: 1, type: 'like', id: id('l'), platform: 'tiktok', user, count };
}

export function follow(user: User) {
  return { v: 1, type: 'follow', id: id('f'), platform: 'tiktok', user };
}
