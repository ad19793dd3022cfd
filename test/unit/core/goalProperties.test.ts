import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CoreEvent } from '../../../src/core/event/events';
import { GOAL_KINDS, type GoalKind } from '../../../src/core/session/Tally';
import { follow, like } from '../../fixtures/core/events';
import { giftArbitrary, giftDeliveries, tiktokUser } from './giftStream';
import { MemoryStore, session } from './helpers';

const thing = fc.oneof(
  giftArbitrary,
  fc.record({ type: fc.constant('like' as const), user: fc.nat(5), count: fc.nat(40) }),
  fc.record({ type: fc.constant('follow' as const), user: fc.nat(5) }),
);
type Thing = typeof thing extends fc.Arbitrary<infer T> ? T : never;
type Goals = Record<GoalKind, number>;

/** The deliveries of one thing and what it truly adds to each goal (follows: who followed). */
function deliveries(
  t: Thing,
  n: number,
): { events: CoreEvent[]; adds: Omit<Goals, 'follows'>; follower?: string } {
  const none = { points: 0, coins: 0, likes: 0, gifts: 0 };
  switch (t.type) {
    case 'like':
      return {
        events: [like({ id: `l${n}`, count: t.count, sender: tiktokUser(t.user) })],
        adds: { ...none, likes: t.count },
      };
    case 'follow': {
      const sender = tiktokUser(t.user);
      return { events: [follow({ id: `f${n}`, sender })], adds: none, follower: sender.key };
    }
    default: {
      const { events, points, coins, gifts } = giftDeliveries(t, n);
      return { events, adds: { ...none, points, coins, gifts } };
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
