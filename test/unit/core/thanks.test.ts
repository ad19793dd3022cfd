import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { thanksFilter } from '../../../src/core/alerts/thanks';
import { milestoneOf } from '../../../src/core/session/Thanked';
import type { CoreEvent, RaidEvent, ShareEvent } from '../../../src/core/event/events';
import { follow, like, tiktokSender, twitchSender } from '../../fixtures/core/events';
import { board, feed, MemoryStore, session } from './helpers';

const MIA = tiktokSender('1', 'mia', 'Mia');
const LEO = tiktokSender('2', 'leo', 'Leo');
const share = (id: string, sender = MIA): ShareEvent => ({
  ...follow({ id, sender }),
  kind: 'share',
});
const likes = (id: string, count: number, total?: number, sender = MIA): CoreEvent =>
  total === undefined ? like({ id, count, sender }) : { ...like({ id, count, sender }), total };
const raid = (id: string, viewers: number): RaidEvent => ({
  ...follow({ id, sender: twitchSender('9', 'bigstreamer', 'BigStreamer') }),
  platform: 'twitch',
  kind: 'raid',
  viewers,
});
const shown = (moments: readonly ({ id: string; count: number } | null)[]) =>
  moments.flatMap((m) => (m ? [[m.id, m.count]] : []));

describe('thanksFilter (the alerts page parameters)', () => {
  it.each<[string, { follows: boolean; shares: boolean; likes: number }, string[]]>([
    [
      'everything on',
      { follows: true, shares: true, likes: 1000 },
      ['gift', 'follow', 'share', 'like', 'raid'],
    ],
    [
      'follows=off',
      { follows: false, shares: true, likes: 1000 },
      ['gift', 'share', 'like', 'raid'],
    ],
    [
      'shares=off',
      { follows: true, shares: false, likes: 1000 },
      ['gift', 'follow', 'like', 'raid'],
    ],
    ['likes=0', { follows: true, shares: true, likes: 0 }, ['gift', 'follow', 'share', 'raid']],
  ])('with %s shows %j', (_, params, kinds) => {
    const shows = thanksFilter(params);
    const all = ['gift', 'follow', 'share', 'like', 'raid'] as const;
    expect(all.filter((kind) => shows({ kind }))).toEqual(kinds);
  });
});

describe('the session thanks', () => {
  it("a user's first follow once, however often they follow", () => {
    const s = session();
    const moments = feed(s, [
      follow({ id: 'f1', sender: MIA }),
      follow({ id: 'f2', sender: MIA }),
      follow({ id: 'f3', sender: LEO }),
    ]);
    expect(moments.map((m) => m?.id ?? null)).toEqual(['f1', null, 'f3']);
    expect(s.goalValue('follows')).toBe(2);
    expect(s.drops).toEqual({});
  });

  it("a user's first share once", () => {
    const s = session();
    const moments = feed(s, [share('s1'), share('s2'), share('s3', LEO)]);
    expect(moments.map((m) => m?.id ?? null)).toEqual(['s1', null, 's3']);
  });

  it('a test follow or share every time (a rehearsal), remembering nothing', () => {
    const s = session();
    const test = <T extends CoreEvent>(e: T): T => ({ ...e, test: true });
    const moments = feed(s, [
      test(follow({ id: 't1', sender: MIA })),
      test(follow({ id: 't2', sender: MIA })),
      test(share('t3')),
      test(share('t4')),
      follow({ id: 'real', sender: MIA }),
    ]);
    expect(moments.every((m) => m !== null)).toBe(true);
  });

  it('no follow or share again after a reload', () => {
    const store = new MemoryStore();
    const first = session({}, store);
    feed(first, [follow({ id: 'f1', sender: MIA }), share('s1', LEO)]);
    first.save(10_000);
    const second = session({}, store);
    expect(feed(second, [follow({ id: 'f2', sender: MIA }), share('s2', LEO)])).toEqual([
      null,
      null,
    ]);
  });

  it('no like at all without a like step (likes=0), but every like still counts', () => {
    const s = session();
    expect(feed(s, [likes('l1', 50, 5000), likes('l2', 50)])).toEqual([null, null]);
    expect(s.goalValue('likes')).toBe(100);
  });

  it("a like milestone by the room's total: the liker who crossed it, the milestone as count", () => {
    const s = session({ likeStep: 1000 });
    const moments = feed(s, [
      likes('a', 15, 980),
      likes('b', 30, 1010, LEO),
      likes('c', 20, 1030),
      likes('d', 2500, 3530),
    ]);
    // d crossed 2,000 and 3,000 at once: one moment, the highest.
    expect(shown(moments)).toEqual([
      ['b', 1000],
      ['d', 3000],
    ]);
    expect(moments[1]?.name).toBe('Leo');
    expect(moments[1]?.gift).toBe('Likes');
    expect(board(s)).toEqual([]);
  });

  it("a like milestone by the session's counted likes when the platform sends no total", () => {
    const s = session({ likeStep: 100 });
    const moments = feed(s, [likes('a', 60), likes('b', 60), likes('c', 60), likes('d', 60)]);
    expect(shown(moments)).toEqual([
      ['b', 100],
      ['d', 200],
    ]);
  });

  it('never the milestone the room was already past when the page opened', () => {
    const s = session({ likeStep: 1000 });
    expect(feed(s, [likes('a', 10, 52_340)])).toEqual([null]);
  });

  it('no milestone twice, after a reload or from an older total arriving late', () => {
    const store = new MemoryStore();
    const first = session({ likeStep: 1000 }, store);
    expect(shown(feed(first, [likes('a', 20, 1005)]))).toEqual([['a', 1000]]);
    first.save(10_000);
    const second = session({ likeStep: 1000 }, store);
    expect(feed(second, [likes('b', 10, 1002), likes('late', 10, 1001)])).toEqual([null, null]);
    expect(shown(feed(second, [likes('c', 1000, 2002)]))).toEqual([['c', 2000]]);
  });

  it('a raid as a moment with its size as count and a tier by size', () => {
    const s = session();
    const [small, big] = feed(s, [raid('r1', 12), raid('r2', 640)]);
    expect([small?.gift, small?.count, small?.tier]).toEqual(['Raid', 12, 2]);
    expect([big?.count, big?.tier]).toEqual([640, 4]);
    expect(board(s)).toEqual([]);
  });
});

describe('milestoneOf', () => {
  it.each<[number, number, number, number | null]>([
    [999, 10, 1000, null],
    [1000, 10, 1000, 1000],
    [1009, 10, 1000, 1000],
    [1010, 10, 1000, null],
    [5001, 4002, 1000, 5000],
    [500, 500, 0, null],
    [0, 0, 1000, null],
  ])('total %i after %i likes, step %i: %s', (total, count, step, milestone) => {
    expect(milestoneOf(total, count, step)).toBe(milestone);
  });
});

describe('thank-you properties', () => {
  const step = fc.integer({ min: 1, max: 500 });
  const taps = fc.array(fc.record({ user: fc.nat(4), count: fc.integer({ min: 1, max: 700 }) }), {
    maxLength: 60,
  });

  it('thanks each like milestone at most once, rising, and only one the room reached', () => {
    fc.assert(
      fc.property(step, taps, fc.nat(5000), fc.nat(60), (n, events, start, reloadAt) => {
        const store = new MemoryStore();
        let s = session({ likeStep: n }, store);
        let total = start;
        const thanked: number[] = [];
        events.forEach((e, i) => {
          if (i === reloadAt) {
            s.save(0);
            s = session({ likeStep: n }, store);
          }
          total += e.count;
          const m = s.ingest(likes(`l${i}`, e.count, total, tiktokSender(`${e.user}`, '', '')), i);
          if (m) thanked.push(m.count);
        });
        for (const [i, milestone] of thanked.entries()) {
          expect(milestone % n).toBe(0);
          expect(milestone).toBeLessThanOrEqual(total);
          if (i > 0) expect(milestone).toBeGreaterThan(thanked[i - 1]!);
        }
      }),
    );
  });

  it("thanks each user's follow and share at most once, across a reload", () => {
    const act = fc.record({ user: fc.nat(5), share: fc.boolean() });
    fc.assert(
      fc.property(fc.array(act, { maxLength: 40 }), fc.nat(40), (acts, reloadAt) => {
        const store = new MemoryStore();
        let s = session({}, store);
        const seen = new Set<string>();
        acts.forEach((a, i) => {
          if (i === reloadAt) {
            s.save(0);
            s = session({}, store);
          }
          const sender = tiktokSender(`${a.user}`, `u${a.user}`, `U${a.user}`);
          const event = a.share ? share(`e${i}`, sender) : follow({ id: `e${i}`, sender });
          const key = `${a.share ? 'share' : 'follow'}:${a.user}`;
          expect(s.ingest(event, i) !== null).toBe(!seen.has(key));
          seen.add(key);
        });
      }),
    );
  });
});
