import { describe, expect, it } from 'vitest';
import { Board, type BoardUser } from '../../../src/core/session/Board';
import { RecentMap } from '../../../src/core/RecentMap';

const user = (id: string, login = id): BoardUser => ({
  key: `tiktok:${id}`,
  name: id.toUpperCase(),
  login,
  platform: 'tiktok',
});
const names = (board: Board, n = 10) => board.top(n).map((r) => `${r.rank}.${r.name}=${r.value}`);

describe('Board', () => {
  it('ranks by total, ties going to whoever reached the total first', () => {
    const b = new Board();
    b.add(user('a'), 5000);
    b.add(user('b'), 10000);
    b.add(user('a'), 5000); // a reaches 10 after b
    b.add(user('c'), 10000); // c reaches 10 after a
    expect(names(b)).toEqual(['1.B=10', '2.A=10', '3.C=10']);
  });

  it('moves a gifter up as their total grows, past a full top cache', () => {
    const b = new Board({ cacheSize: 2 });
    for (const [id, milli] of [
      ['a', 3],
      ['b', 2],
      ['c', 1],
    ] as const)
      b.add(user(id), milli * 1000);
    expect(names(b, 2)).toEqual(['1.A=3', '2.B=2']);
    b.add(user('c'), 5000);
    expect(names(b, 2)).toEqual(['1.C=6', '2.A=3']);
    expect(names(b, 3)).toEqual(['1.C=6', '2.A=3', '3.B=2']);
  });

  it('ignores additions of nothing', () => {
    const b = new Board();
    b.add(user('a'), 0);
    b.add(user('b'), -5);
    expect(b.size).toBe(0);
  });

  it('leaves hidden logins out of top() (case-insensitive) but keeps their totals', () => {
    const b = new Board({ hide: ['Streamer'] });
    b.add(user('s', 'streamer'), 99000);
    b.add(user('v'), 1000);
    expect(names(b)).toEqual(['1.V=1']);
    expect(b.totalOf('tiktok:s')).toBe(99);
  });

  it('restores persisted rows in rank order, and later additions keep ranking', () => {
    const b = new Board();
    b.add(user('a'), 1000);
    b.add(user('b'), 2000);
    const copy = new Board();
    copy.restore(b.entries(10));
    copy.add(user('c'), 1000);
    expect(names(copy)).toEqual(['1.B=2', '2.A=1', '3.C=1']);
  });

  it('returns no rows for top(0) and never more than it has', () => {
    const b = new Board();
    b.add(user('a'), 1000);
    expect(b.top(0)).toEqual([]);
    expect(b.top(5)).toHaveLength(1);
  });
});

describe('RecentMap', () => {
  it('remembers at least its newest `capacity` keys and at most twice that', () => {
    const m = new RecentMap<number>(100);
    for (let i = 0; i < 1000; i++) {
      m.set(`k${i}`, i);
      for (let back = 0; back < Math.min(100, i + 1); back += 7)
        expect(m.get(`k${i - back}`)).toBe(i - back);
      expect(m.size).toBeLessThanOrEqual(200);
    }
    expect(m.has('k0')).toBe(false);
  });

  it('tells whether an added key is new, in either generation', () => {
    const m = new RecentMap<true>(2);
    expect([m.add('a', true), m.add('a', true)]).toEqual([true, false]);
    m.add('b', true); // a and b move to the older generation
    expect([m.add('a', true), m.add('b', true), m.add('c', true)]).toEqual([false, false, true]);
    expect(m.size).toBe(3);
  });

  it('keeps a key written again among the newest, with its latest value', () => {
    const m = new RecentMap<number>(2);
    m.set('a', 1);
    m.set('b', 2); // a and b move to the older generation
    m.set('a', 3);
    m.set('c', 4); // a and c become the older generation; b is dropped
    m.set('d', 5);
    expect([m.get('a'), m.has('b'), m.get('c'), m.get('d')]).toEqual([3, false, 4, 5]);
    expect(m.newest(2)).toEqual([
      ['c', 4],
      ['d', 5],
    ]);
  });
});
