import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AlertQueue, type Alert } from '../../../src/core/alerts/AlertQueue';
import {
  BATTLE_MS,
  battleLength,
  battleRoom,
  CATCH_UP_MS,
  endedCount,
  LONG_STREAK,
  playsEffect,
  ROLL_CALL,
  type BattleAlert,
} from '../../../src/core/alerts/battle';
import { TIER_LENGTH } from '../../../src/core/alerts/tiers';
import type { Rule } from '../../../src/core/rules/ruleFormat';
import { moment, OPTIONS } from './queueMoments';

const calm: BattleAlert = { waiting: 0, slots: 3, tier: 1, first: false, ended: 0 };

describe('a gift battle stays calm: the effect rule', () => {
  const cases: [string, Partial<BattleAlert>, boolean][] = [
    ['no backlog: every full alert plays', { waiting: 2, tier: 1 }, true],
    ['a backlog: a small gift is thanked by its callout alone', { waiting: 3, tier: 1 }, false],
    ['a backlog: tier 2 from a gifter seen before, callout alone', { waiting: 3, tier: 2 }, false],
    ['a short backlog: a first gift from tier 2 plays', { waiting: 5, tier: 2, first: true }, true],
    ['a short backlog: a first gift of tier 1, callout alone', { waiting: 5, first: true }, false],
    [
      'a long backlog: a first tier-2 gift, callout alone',
      { waiting: 6, tier: 2, first: true },
      false,
    ],
    ['a short backlog: a big gift (tier 3) plays', { waiting: 5, tier: 3 }, true],
    ['a long backlog: tier 3, callout alone', { waiting: 6, tier: 3 }, false],
    ['a long backlog: tier 4 plays', { waiting: 50, tier: 4 }, true],
    ['a long backlog: the end of a long streak plays', { waiting: 50, ended: LONG_STREAK }, true],
    ['a long backlog: a streak one short of long, callout alone', { waiting: 50, ended: 9 }, false],
    ['one slot: a second waiting gift is a backlog', { waiting: 1, slots: 1 }, false],
    [
      'a backlog: a Lion while another effect plays, callout alone',
      { waiting: 3, tier: 4, effects: 1 },
      false,
    ],
    [
      'a backlog: a long streak end while an effect plays, callout alone',
      { waiting: 9, ended: 12, effects: 1 },
      false,
    ],
    ['no backlog: a Lion beside another effect plays', { waiting: 2, tier: 4, effects: 2 }, true],
  ];
  it.each(cases)('%s', (_, over, plays) => {
    expect(playsEffect({ ...calm, ...over })).toBe(plays);
  });

  it('counts only finished moments as an ended streak', () => {
    const moments = [moment({ id: 'a', count: 12, final: false }), moment({ id: 'b', count: 3 })];
    expect(endedCount({ moments })).toBe(3);
    expect(endedCount({ moments: [] })).toBe(0);
  });

  it('plays at the battle pace only while a backlog waits, never longer than its own length', () => {
    expect(battleLength(4000, 2, 3)).toBe(4000);
    expect(battleLength(4000, 3, 3)).toBe(BATTLE_MS);
    expect(battleLength(800, 30, 3)).toBe(800);
  });

  it('lets half the catch-up bound wait, at the battle pace on every slot', () => {
    expect(battleRoom(3, 20)).toBe(10);
    expect(battleRoom(3, 4)).toBe(4);
    expect(battleRoom(1, 100)).toBe(3);
  });
});

describe('a gift battle plays one effect at a time', () => {
  it("thanks a second Lion of a battle by its callout while the first one's effect plays", () => {
    const q = new AlertQueue({ ...OPTIONS, slots: 3, maxLength: 20 });
    for (let i = 0; i < 8; i++)
      q.push(moment({ id: `l${i}`, userKey: `u${i}`, value: 29_999, gift: 'Lion' }), 0);
    const started = q.advance(0).started;
    expect(started.map((a) => a.tier)).toEqual([4, 4, 4]);
    expect(started.map((a) => a.calm)).toEqual([false, true, true]);
  });
});

describe('a gift battle and the alert rules (issue 23)', () => {
  it("lets a rule's own effect win over the battle rule; the rest of the battle stays calm", () => {
    const rules: Rule[] = [{ name: 'rose pops', when: { gift: 'Rose' }, then: { effect: 1 } }];
    const q = new AlertQueue({ ...OPTIONS, slots: 3, maxLength: 20, min: 0, rules });
    for (let i = 0; i < 12; i++)
      q.push(moment({ id: `c${i}`, gift: i % 2 ? 'Rose' : 'Cap', value: 150 - i }), 0);
    const started = q.advance(0).started;
    expect(started.map((a) => [a.moments[0]?.gift, a.calm])).toEqual([
      ['Cap', true],
      ['Rose', false],
      ['Cap', true],
    ]);
  });
});

/** A burst: gifts from `gifters` people within one second, some of them streaks still climbing. */
const burst = fc.record({
  gifters: fc.integer({ min: 1, max: 300 }),
  gifts: fc.array(
    fc.record({
      who: fc.nat(299),
      at: fc.integer({ min: 0, max: 1000 }),
      value: fc.oneof(fc.integer({ min: 1, max: 300 }), fc.constantFrom(1000, 29_999)),
      streak: fc.option(fc.nat(20), { nil: undefined }),
      count: fc.integer({ min: 1, max: 30 }),
      final: fc.boolean(),
    }),
    { minLength: 1, maxLength: 600 },
  ),
  duration: fc.integer({ min: 1000, max: 10_000 }),
  maxLength: fc.integer({ min: 1, max: 100 }),
});

describe('a gift battle: catch-up and roll calls', () => {
  it('names every gifter of a burst in a callout or a summary, and nothing waits 10 s after it (or one alert length)', () => {
    fc.assert(
      fc.property(burst, ({ gifters, gifts, duration, maxLength }) => {
        const q = new AlertQueue({ ...OPTIONS, slots: 3, durationMs: duration, maxLength, min: 0 });
        const named = new Set<string>();
        const sent = new Set<string>();
        const note = (alerts: Alert[]) => {
          for (const a of alerts) {
            for (const name of a.summary?.names ?? []) named.add(name);
            for (const m of a.moments) named.add(m.name);
            if (a.summary) expect(a.summary.names.length).toBeLessThanOrEqual(ROLL_CALL);
          }
        };
        const sorted = [...gifts].sort((a, b) => a.at - b.at);
        let last = 0;
        for (const g of sorted) {
          const who = g.who % gifters;
          const name = `gifter ${who}`;
          sent.add(name);
          const id = g.streak === undefined ? `g${sent.size}-${g.at}` : `s${who}-${g.streak}`;
          q.push(
            moment({
              id,
              userKey: `u${who}`,
              name,
              value: g.value,
              count: g.count,
              final: g.streak === undefined || g.final,
            }),
            g.at,
          );
          note(q.advance(g.at).started);
          last = g.at;
        }
        let now = last;
        // Without a backlog a gift waits at most for a slot: one alert's own length.
        const bound = Math.max(CATCH_UP_MS, TIER_LENGTH[4] * duration);
        while (now < last + bound) note(q.advance((now += 50)).started);
        const waiting = q.waitingCount;
        for (let i = 0; i < 400 && q.playingCount + q.waitingCount > 0; i++)
          note(q.advance((now += 500)).started);
        expect(waiting).toBe(0);
        expect([...sent].filter((n) => !named.has(n))).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
