import { PROTOCOL_VERSION, type ProtocolEventInput } from '../../src/wire/protocol';

/**
 * Builders for Giftglow feed-protocol v1 frames (docs/feed-protocol.md), for e2e and the bench.
 * Typed by the protocol's own schema: a frame the overlay would refuse does not compile.
 */
export interface User {
  id: string;
  login?: string;
  name?: string;
}

type Event<T extends ProtocolEventInput['type']> = Extract<ProtocolEventInput, { type: T }>;

let next = 0;
const id = (prefix: string) => `${prefix}-${++next}`;

export function gift(
  user: User,
  coins: number,
  count = 1,
  extra: Partial<Event<'gift'>> = {},
): Event<'gift'> {
  return {
    v: PROTOCOL_VERSION,
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
export function streak(
  user: User,
  coins: number,
  counts: number[],
  giftName = 'Rose',
): Event<'gift'>[] {
  const key = id('streak');
  return counts.map((count, i) => ({
    v: PROTOCOL_VERSION,
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

export function cheer(user: User, bits: number): Event<'cheer'> {
  return { v: PROTOCOL_VERSION, type: 'cheer', id: id('c'), platform: 'twitch', user, bits };
}

/** A gift bomb: the header announcing `count` subs and one part per sub, in the order given. */
export function bomb(
  user: User,
  count: number,
  tier: '1' | '2' | '3' = '1',
): { header: Event<'giftsub'>; parts: Event<'giftsub'>[] } {
  const key = id('bomb');
  const header: Event<'giftsub'> = {
    v: PROTOCOL_VERSION,
    type: 'giftsub',
    id: id('h'),
    platform: 'twitch',
    user,
    tier,
    count,
    bomb: key,
  };
  const parts = Array.from({ length: count }, (_, i): Event<'giftsub'> => ({
    v: PROTOCOL_VERSION,
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
export function like(user: User, count: number): Event<'like'> {
  return { v: PROTOCOL_VERSION, type: 'like', id: id('l'), platform: 'tiktok', user, count };
}

export function follow(user: User): Event<'follow'> {
  return { v: PROTOCOL_VERSION, type: 'follow', id: id('f'), platform: 'tiktok', user };
}
