import { describe, expect, it } from 'vitest';
import { preferServerSnapshot } from '../../../src/app/serverSession';
import { storageKey } from '../../../src/core/session/persist';
import type { SessionAnswer } from '../../../src/wire/sessionAnswers';
import { oneOffGift } from '../../fixtures/core/events';
import { tiktokUser } from '../core/giftStream';
import { MemoryStore, board, feed, session } from '../core/helpers';

const KEY = storageKey('test', 'board');

/** A store holding what a board page that counted `coins` saved at `savedAt`. */
function saved(coins: number, savedAt: number): MemoryStore {
  const store = new MemoryStore();
  const page = session({ role: 'board' }, store);
  feed(page, [oneOffGift({ id: `g${coins}`, sender: tiktokUser(1), coins })]);
  page.save(savedAt);
  return store;
}

function answer(from: MemoryStore): SessionAnswer {
  const snapshot: unknown = JSON.parse(from.get(KEY) ?? 'null');
  return { name: 'test', created: 0, updated: 0, likes: 0, ledger: [], snapshot };
}

describe("the server's copy of a page's snapshot", () => {
  it('is taken when the page has none, or an older one', () => {
    const server = answer(saved(500, 9_000));
    const empty = new MemoryStore();
    preferServerSnapshot(server, empty, 'test', 'board');
    expect(board(session({ role: 'board' }, empty))).toEqual([['T1', 500]]);
    const older = saved(20, 1_000);
    const replaced = preferServerSnapshot(server, older, 'test', 'board');
    expect(board(session({ role: 'board' }, older))).toEqual([['T1', 500]]);
    // What the older copy counted is taken in by the larger total, never added twice.
    const page = session({ role: 'board' }, older);
    page.adopt(replaced, { likes: 0 }, 10_000);
    expect(board(page)).toEqual([['T1', 500]]);
  });

  it('keeps a gifter only the older copy had', () => {
    const server = answer(saved(500, 9_000));
    const older = new MemoryStore();
    const before = session({ role: 'board' }, older);
    feed(before, [oneOffGift({ id: 'lost', sender: tiktokUser(2), coins: 70 })]);
    before.save(1_000);
    const replaced = preferServerSnapshot(server, older, 'test', 'board');
    const page = session({ role: 'board' }, older);
    page.adopt(replaced, { likes: 0 }, 10_000);
    expect(board(page)).toEqual([
      ['T1', 500],
      ['T2', 70],
    ]);
  });

  it("is left when the page's own is newer, or when it is not a snapshot", () => {
    const newer = saved(20, 20_000);
    preferServerSnapshot(answer(saved(500, 9_000)), newer, 'test', 'board');
    expect(board(session({ role: 'board' }, newer))).toEqual([['T1', 20]]);
    preferServerSnapshot({ ...answer(newer), snapshot: { v: 7 } }, newer, 'test', 'board');
    expect(board(session({ role: 'board' }, newer))).toEqual([['T1', 20]]);
  });
});
