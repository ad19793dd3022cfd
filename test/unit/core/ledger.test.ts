import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  mergeEntry,
  mergeInto,
  mergeLedgers,
  type Ledger,
  type LedgerEntry,
} from '../../../src/core/session/ledger';
import { supportersOf, totalsOf } from '../../../src/core/session/supporters';
import type { GiftSession } from '../../../src/core/session/GiftSession';
import { follow, oneOffGift, roseStreak, sub } from '../../fixtures/core/events';
import { giftArbitrary, giftDeliveries, tiktokUser } from './giftStream';
import { board, feed, session } from './helpers';

const entryArb: fc.Arbitrary<LedgerEntry> = fc.record({
  user: fc.record({
    key: fc.constantFrom('tiktok:1', 'tiktok:2'),
    name: fc.constantFrom('Ann', 'Bo', 'Cy'),
    login: fc.constantFrom('ann', 'bo'),
    platform: fc.constantFrom('tiktok' as const, 'twitch' as const),
  }),
  milli: fc.nat(1e6),
  items: fc.nat(99),
  coins: fc.nat(999),
  bits: fc.nat(999),
  first: fc.nat(1e4),
  last: fc.nat(1e4),
});
const ledgerArb: fc.Arbitrary<Ledger> = fc
  .array(fc.tuple(fc.constantFrom('e:tiktok:1', 'e:tiktok:2', 'c:k', 'f:tiktok:1'), entryArb))
  .map((pairs) => {
    const ledger: Ledger = new Map();
    mergeInto(ledger, pairs);
    return ledger;
  });

const plain = (ledger: Ledger) => [...ledger].sort(([a], [b]) => (a < b ? -1 : 1));

describe('the ledger merge', () => {
  it('is commutative, associative and idempotent', () => {
    fc.assert(
      fc.property(ledgerArb, ledgerArb, ledgerArb, (a, b, c) => {
        expect(plain(mergeLedgers(a, b))).toEqual(plain(mergeLedgers(b, a)));
        expect(plain(mergeLedgers(mergeLedgers(a, b), c))).toEqual(
          plain(mergeLedgers(a, mergeLedgers(b, c))),
        );
        expect(plain(mergeLedgers(a, a))).toEqual(plain(a));
      }),
    );
  });

  it('keeps the larger amount of an entry and its first and last times', () => {
    const user = { key: 'tiktok:1', name: 'Ann', login: 'ann', platform: 'tiktok' as const };
    const a = { user, milli: 5, items: 1, coins: 5, bits: 0, first: 10, last: 20 };
    const b = {
      user: { ...user, name: 'Annie' },
      milli: 9,
      items: 2,
      coins: 9,
      bits: 0,
      first: 15,
      last: 30,
    };
    expect(mergeEntry(a, b)).toEqual({ ...b, first: 10 });
  });

  it('refuses new keys past its capacity, and still merges known ones', () => {
    const ledger: Ledger = new Map();
    const user = { key: 'u', name: 'U', login: 'u', platform: 'custom' as const };
    const entry = { user, milli: 1, items: 1, coins: 0, bits: 0, first: 0, last: 0 };
    expect(mergeInto(ledger, [['e:custom:1', entry]], 1).refused).toBe(0);
    const next = mergeInto(
      ledger,
      [
        ['e:custom:2', entry],
        ['e:custom:1', { ...entry, milli: 2 }],
      ],
      1,
    );
    expect(next).toEqual({ changed: ['e:custom:1'], refused: 1 });
  });
});

/** A page's ledger saves, in chunks the server receives in any order (some twice). */
function saves(page: GiftSession, chunk: number): [string, LedgerEntry][][] {
  const all = page.drainLedger();
  const out: [string, LedgerEntry][][] = [];
  for (let i = 0; i < all.length; i += chunk) out.push(all.slice(i, i + chunk));
  return out;
}

describe('two pages saving one session', () => {
  it('never lose or double a gift, whatever each saw and in whatever order the saves land', () => {
    fc.assert(
      fc.property(
        fc.array(giftArbitrary, { minLength: 1, maxLength: 8 }),
        fc.array(fc.boolean(), { minLength: 60, maxLength: 60 }),
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.nat(), { minLength: 40, maxLength: 40 }),
        (gifts, seenByB, chunk, order) => {
          const worths = gifts.map((g, n) => giftDeliveries(g, n));
          const events = worths.flatMap((w) => w.events);
          const a = session({ role: 'alerts' });
          const b = session({ role: 'board' });
          feed(a, events);
          // The board page missed some deliveries (opened late, reloaded).
          feed(
            b,
            events.filter((_, i) => seenByB[i % seenByB.length]),
          );
          a.tick(1e9);
          b.tick(1e9);
          const batches = [...saves(a, chunk), ...saves(b, chunk)];
          const shuffled = batches.map((batch, i) => ({
            batch,
            key: order[i % order.length] ?? 0,
          }));
          shuffled.sort((x, y) => x.key - y.key);
          const server: Ledger = new Map();
          for (const { batch } of shuffled) mergeInto(server, batch);
          // One batch arrives twice (a retried save).
          if (batches[0]) mergeInto(server, batches[0]);

          const truth = new Map<string, number>();
          for (const w of worths) truth.set(w.user, (truth.get(w.user) ?? 0) + w.points);
          const got = supportersOf(server).gifters.map((g) => [g.key, g.points] as const);
          expect(new Map(got)).toEqual(new Map([...truth].filter(([, points]) => points > 0)));
          const totals = totalsOf(supportersOf(server).gifters);
          expect(totals.gifts).toBe(worths.reduce((sum, w) => sum + w.gifts, 0));
          expect(totals.coins).toBe(worths.reduce((sum, w) => sum + w.coins, 0));
        },
      ),
    );
  });

  it('a fresh page takes the server copy in: the same board, and a replay counts nothing', () => {
    const first = session({ role: 'board' });
    const events = [
      oneOffGift({ id: 'lion', sender: tiktokUser(1), coins: 29999 }),
      ...roseStreak({
        idPrefix: 'r',
        groupId: 'g',
        counts: [1, 5, 30],
        end: true,
        sender: tiktokUser(2),
      }),
      follow({ id: 'f1', sender: tiktokUser(3) }),
      sub({ id: 's1', tier: '1' }),
    ];
    feed(first, events);
    const server: Ledger = new Map();
    mergeInto(server, first.drainLedger());

    const fresh = session({ role: 'board' });
    fresh.adopt([...server], { likes: 0 }, 10_000);
    fresh.adopt([...server], { likes: 0 }, 10_000);
    expect(board(fresh)).toEqual(board(first));
    feed(fresh, events, 20_000);
    expect(board(fresh)).toEqual(board(first));
    expect(fresh.goalValue('follows')).toBe(1);
    expect(fresh.goalValue('coins')).toBe(first.goalValue('coins'));
  });

  it('lists supporters once each: gifters by value, then subscribers, then followers', () => {
    const page = session();
    feed(page, [
      follow({ id: 'f1', sender: tiktokUser(1) }),
      follow({ id: 'f2', sender: tiktokUser(2) }),
      oneOffGift({ id: 'g1', sender: tiktokUser(2), coins: 5 }),
      oneOffGift({ id: 'g2', sender: tiktokUser(3), coins: 50 }),
    ]);
    const { gifters, subscribers, followers } = supportersOf(page.drainLedger());
    expect(gifters.map((g) => [g.name, g.points])).toEqual([
      ['T3', 50],
      ['T2', 5],
    ]);
    expect(subscribers).toEqual([]);
    expect(followers.map((f) => f.name)).toEqual(['T1']);
  });
});
