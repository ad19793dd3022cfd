import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RecentMap } from '../../../src/core/RecentMap';

/** Keys drawn from a small pool, so repeats and rotations both happen. */
const keys = fc.array(fc.oneof(fc.nat(40).map(String), fc.string({ maxLength: 4 })), {
  maxLength: 300,
});

describe('RecentMap (bounded "seen recently")', () => {
  it('answers add() like an unbounded set for the newest `capacity` keys, in at most twice that', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), keys, (capacity, stream) => {
        const map = new RecentMap<true>(capacity);
        const firsts: string[] = []; // keys in the order add() first took them
        for (const key of stream) {
          const recent = firsts.slice(-capacity).includes(key);
          const added = map.add(key, true);
          // A key among the newest `capacity` is never taken twice; an older one may be forgotten.
          if (recent) expect(added).toBe(false);
          if (!firsts.includes(key)) expect(added).toBe(true);
          if (added) firsts.push(key);
          expect(map.size).toBeLessThanOrEqual(2 * capacity);
        }
      }),
    );
  });

  it('forgets a deleted key in either generation', () => {
    const map = new RecentMap<number>(2);
    map.set('old', 1);
    map.set('older', 2); // rotates: both now in the previous generation
    map.set('new', 3);
    map.delete('old');
    map.delete('new');
    expect([map.has('old'), map.has('older'), map.has('new')]).toEqual([false, true, false]);
  });

  it('counts a 64-bit id once among 50,000 others and forgets the oldest generation whole', () => {
    const map = new RecentMap<true>(20_000);
    const id = (n: number) => String(7137749190944230150n + BigInt(n));
    for (let n = 0; n < 50_000; n++) expect(map.add(id(n), true)).toBe(true);
    // 50,000 ids with a capacity of 20,000: ids 40,000.. are current, 20,000.. previous.
    expect(map.size).toBe(30_000);
    expect(map.add(id(49_999), true)).toBe(false);
    expect(map.add(id(20_000), true)).toBe(false);
    expect(map.add(id(19_999), true)).toBe(true);
  });

  it('lists the newest entries, older generation first', () => {
    const map = new RecentMap<number>(2);
    for (const [i, key] of ['a', 'b', 'c'].entries()) map.set(key, i);
    expect(map.newest(10)).toEqual([
      ['a', 0],
      ['b', 1],
      ['c', 2],
    ]);
    expect(map.newest(2)).toEqual([
      ['b', 1],
      ['c', 2],
    ]);
  });
});
