import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CoreEvent, Sender } from '../../../src/core/events';
import { GOAL_KINDS, type GoalKind } from '../../../src/core/goal';
import {
  bombHeader,
  bombPart,
  follow,
  like,
  oneOffGift,
  streakStep,
  tiktokSender,
  twitchSender,
} from '../../fixtures/core/events';
import { MemoryStore, session } from './helpers';

const TIER_POINTS = { '1': 500, '2': 1000, '3': 2500 } as const;

const thing = fc.oneof(
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
  fc.record({ type: fc.constant('like' as const), user: fc.nat(5), count: fc.nat(40) }),
  fc.record({ type: fc.constant('follow' as const), user: fc.nat(5) }),
);
type Thing = typeof thing extends fc.Arbitrary<infer T> ? T : never;
type Goals = Record<GoalKind, number>;

const tiktokUser = (i: number): Sender => tiktokSender(`${1000 + i}`, `t${i}`, `T${i}`);
const twitchUser = (i: number): Sender => twitchSender(`${2000 + i}`, `w${i}`, `W${i}`);

/** The deliveries of one thing and what it truly adds to each goal (follows: who followed). */
function deliveries(
  t: Thing,
  n: number,
): { events: CoreEvent[]; adds: Omit<Goals, 'follows'>; follower?: string } {
  const none = { points: 0, coins: 0, likes: 0, gifts: 0 };
  switch (t.type) {
    case 'streak': {
      const counts = [...t.steps].sort((a, b) => a - b);
      const sender = tiktokUser(t.user);
      const last = counts[counts.length - 1] ?? 0;
      const events = counts.map((count, i) =>
        streakStep({
          id: `g${n}s${i}`,
          sender,
          groupId: `${n}`,
          count,
          coins: t.coins,
          end: t.end && i === counts.length - 1,
        }),
      );
      return {
        events,
        adds: { ...none, points: t.coins * last, coins: t.coins * last, gifts: last },
      };
    }
    case 'bomb': {
      const sender = twitchUser(t.user);
      const parts = t.header ? Math.min(t.parts, t.size) : Math.max(1, t.parts);
      const spec = { sender, tier: t.tier, community: `c${n}` };
      const events: CoreEvent[] = Array.from({ length: parts }, (_, i) =>
        bombPart({ ...spec, id: `g${n}p${i}` }),
      );
      if (t.header) events.push(bombHeader({ ...spec, id: `g${n}h`, count: t.size }));
      const subs = t.header ? t.size : parts;
      return { events, adds: { ...none, points: TIER_POINTS[t.tier] * subs, gifts: subs } };
    }
    case 'oneoff': {
      const events = [
        oneOffGift({ id: `g${n}`, sender: tiktokUser(t.user), coins: t.coins, count: t.count }),
      ];
      const coins = t.coins * t.count;
      return { events, adds: { ...none, points: coins, coins, gifts: t.count } };
    }
    case 'like':
      return {
        events: [like({ id: `l${n}`, count: t.count, sender: tiktokUser(t.user) })],
        adds: { ...none, likes: t.count },
      };
    case 'follow': {
      const sender = tiktokUser(t.user);
      return { events: [follow({ id: `f${n}`, sender })], adds: none, follower: sender.key };
    }
  }
}

describe('goal invariants', () => {
  it('each goal equals the sum of what was counted, under any reordering, duplication, timing and reload', () => {
    fc.assert(
      fc.property(
        fc.array(thing, { minLength: 1, maxLength: 14 }),
        fc.array(fc.nat(), { maxLength: 20 }),
        fc.array(fc.integer({ min: 0, max: 20_000 }), { minLength: 1, maxLength: 40 }),
        fc.infiniteStream(fc.double({ min: 0, max: 1, noNaN: true })),
        fc.nat(60),
        (things, duplicates, gaps, order, reloadAt) => {
          const expected: Goals = { points: 0, coins: 0, likes: 0, follows: 0, gifts: 0 };
          const followers = new Set<string>();
          let all: CoreEvent[] = [];
          things.forEach((t, n) => {
            const { events, adds, follower } = deliveries(t, n);
            for (const k of Object.keys(adds) as (keyof typeof adds)[]) expected[k] += adds[k];
            if (follower) followers.add(follower);
            all = all.concat(events);
          });
          expected.follows = followers.size;
          for (const d of duplicates) all.push(all[d % all.length]!);
          const keyed = all.map((event) => ({ event, key: order.next().value as number }));
          keyed.sort((a, b) => a.key - b.key);

          // An OBS reload somewhere in the middle: save, then a new session from storage.
          const store = new MemoryStore();
          let s = session({}, store);
          let now = 0;
          keyed.forEach(({ event }, i) => {
            if (i === reloadAt % keyed.length) {
              s.save(now);
              s = session({}, store);
            }
            now += Math.min(gaps[i % gaps.length]!, Math.floor(55_000 / keyed.length));
            s.ingest(event, now);
            s.tick(now);
          });
          s.tick(now + 60_000);
          const goals = Object.fromEntries(GOAL_KINDS.map((k) => [k, s.goalValue(k)]));
          expect(goals).toEqual(expected);
          // The points goal is exactly what the board ranks.
          const board = s.top(100).reduce((sum, row) => sum + row.value, 0);
          expect(s.goalValue('points')).toBe(board);
        },
      ),
      { numRuns: 300 },
    );
  });
});
