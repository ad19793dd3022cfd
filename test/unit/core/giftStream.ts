import fc from 'fast-check';
import type { CoreEvent, Sender } from '../../../src/core/event/events';
import {
  bombHeader,
  bombPart,
  oneOffGift,
  streakStep,
  tiktokSender,
  twitchSender,
} from '../../fixtures/core/events';

/**
 * Random gifts for the property tests (board totals, goals): TikTok streaks with cumulative steps,
 * Twitch gift bombs with or without their header, one-off gifts. `giftDeliveries` gives the
 * deliveries of one gift and what it is truly worth.
 */

const TIER_POINTS = { '1': 500, '2': 1000, '3': 2500 } as const;

export const giftArbitrary = fc.oneof(
  fc.record({
    type: fc.constant('streak' as const),
    user: fc.nat(3),
    coins: fc.integer({ min: 1, max: 99 }),
    steps: fc.uniqueArray(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 6 }),
    end: fc.boolean(),
  }),
  fc.record({
    type: fc.constant('bomb' as const),
    user: fc.nat(3),
    tier: fc.constantFrom('1' as const, '2' as const, '3' as const),
    size: fc.integer({ min: 1, max: 5 }),
    parts: fc.integer({ min: 0, max: 5 }),
    header: fc.boolean(),
  }),
  fc.record({
    type: fc.constant('oneoff' as const),
    user: fc.nat(3),
    coins: fc.integer({ min: 1, max: 30000 }),
    count: fc.integer({ min: 1, max: 5 }),
  }),
);
export type GiftSpec = typeof giftArbitrary extends fc.Arbitrary<infer G> ? G : never;

export const tiktokUser = (i: number): Sender => tiktokSender(`${1000 + i}`, `t${i}`, `T${i}`);
const twitchUser = (i: number): Sender => twitchSender(`${2000 + i}`, `w${i}`, `W${i}`);

/** What one gift truly adds: points on the board, TikTok coins, and gifts (items). */
export interface GiftWorth {
  events: CoreEvent[];
  user: string;
  points: number;
  coins: number;
  gifts: number;
}

export function giftDeliveries(g: GiftSpec, n: number): GiftWorth {
  switch (g.type) {
    case 'streak': {
      const counts = [...g.steps].sort((a, b) => a - b);
      const sender = tiktokUser(g.user);
      const last = counts[counts.length - 1] ?? 0;
      const events = counts.map((count, i) =>
        streakStep({
          id: `g${n}s${i}`,
          sender,
          groupId: `${n}`,
          count,
          coins: g.coins,
          end: g.end && i === counts.length - 1,
        }),
      );
      const coins = g.coins * last;
      return { events, user: sender.key, points: coins, coins, gifts: last };
    }
    case 'bomb': {
      const sender = twitchUser(g.user);
      const parts = g.header ? Math.min(g.parts, g.size) : Math.max(1, g.parts);
      const spec = { sender, tier: g.tier, community: `c${n}` };
      const events: CoreEvent[] = Array.from({ length: parts }, (_, i) =>
        bombPart({ ...spec, id: `g${n}p${i}` }),
      );
      if (g.header) events.push(bombHeader({ ...spec, id: `g${n}h`, count: g.size }));
      const subs = g.header ? g.size : parts;
      return {
        events,
        user: sender.key,
        points: TIER_POINTS[g.tier] * subs,
        coins: 0,
        gifts: subs,
      };
    }
    case 'oneoff': {
      const sender = tiktokUser(g.user);
      const events = [oneOffGift({ id: `g${n}`, sender, coins: g.coins, count: g.count })];
      const coins = g.coins * g.count;
      return { events, user: sender.key, points: coins, coins, gifts: g.count };
    }
  }
}
