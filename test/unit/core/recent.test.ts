import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RecentMap } from '../../../src/core/recent';
import { fnv1a, RecentSet } from '../../../src/core/recentSet';

/** Operations on a set of ids drawn from a small pool, so repeats and rotations both happen. */
const operations = fc.array(
  fc.record({
    op: fc.constantFrom('add' as const, 'has' as const),
    key: fc.oneof(fc.nat(40).map(String), fc.string({ maxLength: 4 })),
  }),
  { maxLength: 300 },
);

/** RecentSet must answer exactly like the two-generation RecentMap it replaces in dedupe. */
function replay(
  capacity: number,
  ops: { op: 'add' | 'has'; key: string }[],
  hash?: (key: string) => number,
) {
  const set = new RecentSet(capacity, hash);
  const model = new RecentMap<true>(capacity);
  for (const { op, key } of ops) {
    if (op === 'add') expect(set.add(key)).toBe(model.add(key, true));
    else expect(set.has(key)).toBe(model.has(key));
    expect(set.size).toBe(model.size);
  }
  expect(set.newest(capacity)).toEqual(model.newest(capacity).map(([key]) => key));
  expect(set.newest(1_000)).toEqual(model.newest(1_000).map(([key]) => key));
}

describe('the set of recent event ids', () => {
  it('answers like the two-generation map for any sequence of adds and lookups', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), operations, (capacity, ops) =>
        replay(capacity, ops),
      ),
    );
  });

  it('still tells keys apart when every key has the same hash (long probe runs)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), operations, (capacity, ops) =>
        replay(capacity, ops, () => 7),
      ),
    );
  });

  it('counts a 64-bit id once among 50,000 others and forgets the oldest generation whole', () => {
    const set = new RecentSet(20_000);
    const id = (n: number) => String(7137749190944230150n + BigInt(n));
    for (let n = 0; n < 50_000; n++) expect(set.add(id(n))).toBe(true);
    // 50,000 ids with a capacity of 20,000: ids 40,000.. are current, 20,000.. previous.
    expect(set.size).toBe(30_000);
    expect(set.add(id(49_999))).toBe(false);
    expect(set.add(id(20_000))).toBe(false);
    expect(set.add(id(19_999))).toBe(true);
  });

  it('hashes like FNV-1a over UTF-16 code units', () => {
    expect(fnv1a('')).toBe(0x811c9dc5 | 0);
    expect(fnv1a('a')).toBe(0xe40c292c | 0);
    expect(fnv1a('foobar')).toBe(0xbf9cf968 | 0);
  });
});
