import { describe, expect, it } from 'vitest';
import { goalKey, goalProgress, type GoalSpec } from '../../../src/core/session/goal';
import {
  bombHeader,
  bombPart,
  cheer,
  follow,
  like,
  oneOffGift,
  roseStreak,
  streakStep,
  sub,
  tiktokSender,
  twitchSender,
} from '../../fixtures/core/events';
import { MemoryStore, feed, session } from './helpers';

const MIA = tiktokSender('1', 'mia', 'Mia');
const LEO = tiktokSender('2', 'leo', 'Leo');

const goals = (s: ReturnType<typeof session>) =>
  Object.fromEntries(
    (['points', 'coins', 'likes', 'follows', 'gifts'] as const).map((k) => [k, s.goalValue(k)]),
  );

describe('the session goal counts', () => {
  it('count a finished Rose streak once: its last cumulative count, in gifts, coins and points', () => {
    const s = session();
    feed(s, roseStreak({ idPrefix: 'r', groupId: 'g1', counts: [1, 4, 9, 12], end: true }));
    expect(goals(s)).toEqual({ points: 12, coins: 12, likes: 0, follows: 0, gifts: 12 });
  });

  it('count nothing of an open streak until it ends or goes silent', () => {
    const s = session();
    feed(s, roseStreak({ idPrefix: 'r', groupId: 'g1', counts: [2, 5], end: false }));
    expect(s.goalValue('gifts')).toBe(0);
    s.tick(60_000);
    expect(goals(s)).toMatchObject({ points: 5, coins: 5, gifts: 5 });
  });

  it('add only the difference when a late streak step raises a timed-out streak', () => {
    const s = session();
    const step = (id: string, count: number, end: boolean) =>
      streakStep({ id, groupId: 'g', count, end, coins: 5 });
    s.ingest(step('a', 3, false), 1000);
    s.tick(20_000);
    expect(goals(s)).toMatchObject({ points: 15, coins: 15, gifts: 3 });
    s.ingest(step('b', 7, true), 21_000);
    expect(goals(s)).toMatchObject({ points: 35, coins: 35, gifts: 7 });
  });

  it('count a gift bomb once whether its header comes first or last', () => {
    const s = session();
    const spec = { sender: twitchSender('9', 'puff', 'Puff'), tier: '1' as const };
    feed(s, [
      bombHeader({ ...spec, id: 'h1', community: 'c1', count: 3 }),
      ...[1, 2, 3].map((i) => bombPart({ ...spec, id: `p1${i}`, community: 'c1' })),
      ...[1, 2].map((i) => bombPart({ ...spec, id: `p2${i}`, community: 'c2' })),
      bombHeader({ ...spec, id: 'h2', community: 'c2', count: 2 }),
    ]);
    expect(goals(s)).toMatchObject({ points: 2500, coins: 0, gifts: 5 });
  });

  it('count a cheer and a sub as one gift each, worth their points, and no coins', () => {
    const s = session();
    feed(s, [cheer({ id: 'c', bits: 250 }), sub({ id: 's', tier: '1', months: 7 })]);
    expect(goals(s)).toMatchObject({ points: 750, coins: 0, gifts: 2 });
  });

  it("count likes as TikTok's likeCount per like event, a repeated event once", () => {
    const s = session();
    const taps = like({ id: 'l1', count: 15 });
    feed(s, [taps, like({ id: 'l2', count: 3, sender: LEO }), taps]);
    expect(s.goalValue('likes')).toBe(18);
  });

  it('count a follow once per user per session, however often it is sent', () => {
    const s = session();
    feed(s, [
      follow({ id: 'f1', sender: MIA }),
      follow({ id: 'f2', sender: MIA }),
      follow({ id: 'f3', sender: LEO }),
    ]);
    expect(s.goalValue('follows')).toBe(2);
  });

  it('tell its listeners when a like or a follow counted', () => {
    const s = session();
    let calls = 0;
    s.subscribe(() => calls++);
    feed(s, [like({ id: 'l', count: 2 }), follow({ id: 'f' }), follow({ id: 'f-again' })]);
    expect(calls).toBe(2);
  });

  it('keep every count, the followers and the celebrations across a reload', () => {
    const store = new MemoryStore();
    const first = session({}, store);
    feed(first, [
      oneOffGift({ id: 'lion', coins: 29999, sender: MIA }),
      like({ id: 'l', count: 40 }),
      follow({ id: 'f', sender: LEO }),
    ]);
    first.markCelebrated('coins:10000:0:', 1);
    first.save(10_000);
    const second = session({}, store);
    expect(goals(second)).toEqual(goals(first));
    expect(second.celebrated('coins:10000:0:')).toBe(1);
    feed(second, [follow({ id: 'f-after-reload', sender: LEO })]);
    expect(second.goalValue('follows')).toBe(1);
  });

  it('start the points goal of a session saved before goals from its board', () => {
    const store = new MemoryStore();
    const old = session({}, store);
    feed(old, [oneOffGift({ id: 'lion', coins: 100 })]);
    old.save(5_000);
    const key = [...store.data.keys()][0]!;
    const { tally: _tally, ...before } = JSON.parse(store.data.get(key)!);
    store.set(key, JSON.stringify(before));
    expect(session({}, store).goalValue('points')).toBe(100);
  });
});

const spec = (over: Partial<GoalSpec> = {}): GoalSpec => ({
  kind: 'points',
  target: 1000,
  start: 0,
  repeat: false,
  ...over,
});

describe('goal progress', () => {
  it('shows current / target and a whole percent, rounded down', () => {
    expect(goalProgress(spec({ target: 100 }), 57)).toEqual({
      value: 57,
      target: 100,
      fill: 0.57,
      percent: 57,
      level: 0,
    });
    expect(goalProgress(spec(), 999.999).percent).toBe(99);
  });

  it('adds goalstart to what the session counted', () => {
    expect(goalProgress(spec({ start: 400 }), 100)).toMatchObject({ value: 500, percent: 50 });
  });

  it('stays full past the target without repeat', () => {
    expect(goalProgress(spec(), 2350)).toEqual({
      value: 2350,
      target: 1000,
      fill: 1,
      percent: 235,
      level: 1,
    });
  });

  it('rolls over to the next multiple with repeat, and holds a reached round full', () => {
    const repeat = spec({ repeat: true });
    expect(goalProgress(repeat, 2350)).toEqual({
      value: 2350,
      target: 3000,
      fill: 0.35,
      percent: 35,
      level: 2,
    });
    expect(goalProgress(repeat, 2350, 2)).toMatchObject({ target: 2000, fill: 1, percent: 100 });
    expect(goalProgress(repeat, 999, 1)).toMatchObject({ target: 1000, percent: 99 });
  });

  it('names each goal setting apart, so a new target celebrates on its own', () => {
    expect(goalKey(spec())).not.toBe(goalKey(spec({ target: 2000 })));
    expect(goalKey(spec())).not.toBe(goalKey(spec({ kind: 'coins' })));
    expect(goalKey(spec())).toBe(goalKey(spec()));
  });
});
