import { describe, expect, it } from 'vitest';
import { ZERODY, bombPart, cheer, oneOffGift, roseStreak } from '../../fixtures/core/events';
import { storageKey, type KeyValueStore } from '../../../src/core/session/persist';
import { MemoryStore, board, feed, session } from './helpers';

const KEY = storageKey('test', 'alerts');

describe('session persistence', () => {
  it('namespaces storage per session and page: giftglow:v1:<session>:<role>', () => {
    expect(storageKey('late-show', 'board')).toBe('giftglow:v1:late-show:board');
  });

  it('keeps the board across a reload, and a replay of the same events counts nothing twice', () => {
    const store = new MemoryStore();
    const events = [oneOffGift({ id: 'a' }), cheer({ id: 'b', bits: 300 })];
    const before = session({}, store);
    feed(before, events);
    expect(before.save(5000)).toBe(true);

    const after = session({}, store);
    feed(after, events);
    expect(board(after)).toEqual([
      ['Zerody Tester', 29999],
      ['ronni', 300],
    ]);
    expect(after.drops).toEqual({ duplicate: 2 });
  });

  it('keeps an open streak across a reload and finishes it once', () => {
    const store = new MemoryStore();
    const steps = roseStreak({ idPrefix: 's', groupId: 'g', counts: [1, 5, 9, 12], end: true });
    const before = session({}, store);
    feed(before, steps.slice(0, 2));
    before.save(3000);

    const after = session({}, store);
    const moments = feed(after, steps, 4000);
    expect(moments.map((m) => m?.count ?? null)).toEqual([null, null, 9, 12]);
    expect(board(after)).toEqual([['Zerody Tester', 12]]);
  });

  it('loads an open streak saved before alert rules (no coins, no bomb) and shows its coins', () => {
    const store = new MemoryStore();
    const steps = roseStreak({ idPrefix: 's', groupId: 'g', counts: [1, 5, 9], end: true });
    const before = session({}, store);
    expect(feed(before, steps.slice(0, 2)).map((m) => m?.coins)).toEqual([1, 5]);
    before.save(3000);
    // What an older version wrote: its moments had neither field.
    const saved = JSON.parse(store.get(KEY)!) as { open: { moment: Record<string, unknown> }[] };
    for (const open of saved.open) {
      delete open.moment.coins;
      delete open.moment.bomb;
    }
    store.set(KEY, JSON.stringify(saved));
    const after = session({}, store);
    expect(after.storageProblem).toBeNull();
    const [last] = feed(after, steps.slice(2), 4000);
    expect([last?.count, last?.coins, last?.bomb]).toEqual([9, 9, false]);
  });

  it('remembers closed combos across a reload: a late bomb part counts nothing again', () => {
    const store = new MemoryStore();
    const before = session({}, store);
    feed(before, [bombPart({ id: 'p0' })]);
    before.tick(20_000);
    before.save(20_000);
    const after = session({}, store);
    expect(board(after)).toEqual([['CkPuffin', 500]]);
    // A header announcing 1 sub is what was counted: nothing to add.
    expect(
      after.ingest(
        {
          ...bombPart({ id: 'p0' }),
          id: 'other',
          combo: { key: 'twitch:bomb:611203908:1', role: 'total' },
        },
        21_000,
      ),
    ).toBeNull();
  });

  it('saves from tick() no more often than the save interval, and only when something changed', () => {
    const store = new MemoryStore();
    let writes = 0;
    const counting: KeyValueStore = {
      ...store,
      get: (k) => store.get(k),
      remove: (k) => store.remove(k),
      set: (k, v) => (writes++, store.set(k, v)),
    };
    const s = session({ limits: { saveIntervalMs: 2000 } }, counting);
    s.ingest(oneOffGift({ id: 'a' }), 100);
    s.tick(1000);
    expect(writes).toBe(0);
    s.tick(2000);
    expect(writes).toBe(1);
    s.tick(9000);
    expect(writes).toBe(1);
  });

  it.each([
    ['corrupt JSON', '{"v":1,"rows":['],
    ['another version', JSON.stringify({ v: 99, rows: [] })],
    ['the wrong shape', JSON.stringify({ v: 1, rows: 'lots' })],
  ])('starts fresh in memory from %s and says so once', (_, saved) => {
    const store = new MemoryStore();
    store.set(KEY, saved);
    const s = session({}, store);
    feed(s, [oneOffGift({ id: 'a' })]);
    expect(s.storageProblem).toMatch(/fresh board/);
    expect(board(s)).toEqual([['Zerody Tester', 29999]]);
  });

  it('keeps going in memory when storage throws on read and write', () => {
    const broken: KeyValueStore = {
      get: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      set: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
      remove: () => undefined,
    };
    const s = session({}, broken);
    feed(s, [oneOffGift({ id: 'a' })]);
    expect(s.save(9000)).toBe(false);
    expect(board(s)).toEqual([['Zerody Tester', 29999]]);
    expect(s.storageProblem).toMatch(/Storage is not available \(SecurityError\)/);
  });

  it('reports a full storage on save and keeps counting', () => {
    const store = new MemoryStore();
    const full: KeyValueStore = {
      get: (k) => store.get(k),
      remove: (k) => store.remove(k),
      set: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    };
    const s = session({}, full);
    feed(s, [oneOffGift({ id: 'a' })]);
    expect(s.save(9000)).toBe(false);
    expect(s.storageProblem).toMatch(/could not be saved \(QuotaExceededError\)/);
    feed(s, [oneOffGift({ id: 'b' })]);
    expect(board(s)).toEqual([['Zerody Tester', 59998]]);
  });

  it("never touches another overlay's keys", () => {
    const store = new MemoryStore();
    store.set('other-overlay:settings', '{"keep":true}');
    store.set(storageKey('test', 'board'), 'board page data');
    const s = session({}, store);
    feed(s, [oneOffGift({ id: 'a' })]);
    s.save(9000);
    expect(store.get('other-overlay:settings')).toBe('{"keep":true}');
    expect(store.get(storageKey('test', 'board'))).toBe('board page data');
    expect(Array.from(store.data.keys()).sort()).toEqual([
      'giftglow:v1:test:alerts',
      'giftglow:v1:test:board',
      'other-overlay:settings',
    ]);
  });

  it('sanitises names read back from storage (shared by every page of the origin)', () => {
    const store = new MemoryStore();
    const s = session({}, store);
    feed(s, [oneOffGift({ id: 'a', sender: { ...ZERODY, name: 'Zed' } })]);
    s.save(1);
    store.set(KEY, store.get(KEY)!.replace('"Zed"', '"\\u202eZed\\u200b"'));
    expect(board(session({}, store))).toEqual([['Zed', 29999]]);
  });

  it('persists only the best rows when the board is huge (limit persistRows)', () => {
    const store = new MemoryStore();
    const s = session({ limits: { persistRows: 2 } }, store);
    feed(
      s,
      [1, 2, 3].map((coins) =>
        oneOffGift({
          id: `${coins}`,
          coins,
          sender: { ...ZERODY, key: `tiktok:${coins}`, id: `${coins}`, name: `U${coins}` },
        }),
      ),
    );
    s.save(9000);
    expect(board(session({}, store))).toEqual([
      ['U3', 3],
      ['U2', 2],
    ]);
  });
});
