import { describe, expect, it, vi } from 'vitest';
import {
  ANONYMOUS_GIFTER,
  ZERODY,
  roseStreak,
  singleGiftSub,
  cheer,
  follow,
  oneOffGift,
  sub,
  tiktokSender,
  twitchSender,
} from '../../fixtures/core/events';
import { sessionOptions } from '../../../src/core/session/sessionOptions';
import { parseParams } from '../../../src/core/config/config';
import { MemoryStore, board, feed, session } from './helpers';

describe('GiftSession', () => {
  it('counts an event delivered twice (same platform and id) once, and says why it dropped one', () => {
    const s = session();
    const lion = oneOffGift({ id: '7137749190944230150' });
    expect(s.ingest(lion, 1)).not.toBeNull();
    expect(s.ingest({ ...lion }, 2)).toBeNull();
    expect(s.drops).toEqual({ duplicate: 1 });
    expect(board(s)).toEqual([['Zerody Tester', 29999]]);
  });

  it('keeps ids of different platforms apart', () => {
    const s = session();
    feed(s, [cheer({ id: '1', bits: 100 }), oneOffGift({ id: '1', coins: 5 })]);
    expect(s.top(5).map((r) => r.value)).toEqual([100, 5]);
  });

  it('ranks coins, bits and subs on one scale', () => {
    const s = session();
    feed(s, [
      cheer({ id: 'c', bits: 600 }),
      sub({ id: 's', tier: '3', sender: twitchSender('9', 'tiery', 'Tiery') }),
      oneOffGift({ id: 'g', coins: 100, name: 'Confetti', giftId: '5585' }),
    ]);
    expect(board(s)).toEqual([
      ['Tiery', 2500],
      ['ronni', 600],
      ['Zerody Tester', 100],
    ]);
  });

  it('shows follows with value 0 and never ranks them', () => {
    const s = session();
    const [moment] = feed(s, [follow({ id: 'f' })]);
    expect([moment?.kind, moment?.value, moment?.gift, moment?.final]).toEqual([
      'follow',
      0,
      'Follow',
      true,
    ]);
    expect(board(s)).toEqual([]);
  });

  it('breaks ties by who reached the total first', () => {
    const s = session();
    const a = tiktokSender('1', 'a', 'Ann');
    const b = tiktokSender('2', 'b', 'Bob');
    feed(s, [
      oneOffGift({ id: '1', sender: b, coins: 10 }),
      oneOffGift({ id: '2', sender: a, coins: 10 }),
    ]);
    expect(board(s)).toEqual([
      ['Bob', 10],
      ['Ann', 10],
    ]);
  });

  it('drops events with a negative or non-finite value as invalid', () => {
    const s = session();
    expect(s.ingest({ ...cheer({ id: 'x', bits: 1 }), value: Number.NaN }, 1)).toBeNull();
    expect(s.ingest({ ...cheer({ id: 'y', bits: 1 }), value: -5 }, 1)).toBeNull();
    expect(s.ingest({ ...cheer({ id: 'z', bits: 1 }), value: 1e12 }, 1)).toBeNull();
    expect(s.drops).toEqual({ invalid: 3 });
    expect(board(s)).toEqual([]);
  });

  it('never masks or skips the anonymous gifter, whatever the blocklist says', () => {
    const s = session({ block: ['anon'], blockAction: 'skip' });
    const [moment] = feed(s, [singleGiftSub({ id: 'a', sender: ANONYMOUS_GIFTER })]);
    expect([moment?.name, moment?.callout]).toEqual(['Anonymous', true]);
  });

  it('matches the blocklist on the login too', () => {
    const s = session({ block: ['spam'] });
    const [moment] = feed(s, [
      oneOffGift({ id: 'x', sender: tiktokSender('5', 'spam_bot_5', 'Friendly') }),
    ]);
    expect(moment?.name).toBe('F•••');
  });

  it('keeps a blocked streak without callout on every step (blockaction=skip)', () => {
    const s = session({ block: ['zerody'], blockAction: 'skip' });
    const moments = feed(
      s,
      roseStreak({ idPrefix: 's', groupId: 'g', counts: [1, 2, 3], end: true }),
    );
    expect(moments.map((m) => m?.callout)).toEqual([false, false, false]);
    expect(board(s)).toEqual([['Z•••', 3]]);
  });

  it('shows like milestones and raids without ranking them, even when they carry a combo', () => {
    const s = session({ likeStep: 10 });
    const like = {
      ...follow({ id: 'l' }),
      kind: 'like' as const,
      count: 15,
      combo: { key: 'likes', role: 'total' as const },
    };
    const [moment] = feed(s, [like]);
    // 15 likes counted in this session pass the milestone of 10: the moment says "10 likes".
    expect([moment?.id, moment?.gift, moment?.count, moment?.value]).toEqual(['l', 'Likes', 10, 0]);
    expect(board(s)).toEqual([]);
  });

  it('sanitises names: markup stays text, bidi overrides go', () => {
    const s = session();
    const evil = tiktokSender('7', 'evil', '\u202E<b onclick=x>hi</b>');
    const [moment] = feed(s, [oneOffGift({ id: 'e', sender: evil })]);
    expect(moment?.name).toBe('<b onclick=x>hi</b>');
  });

  it('masks a blocked name ("b4d w0rd" matches "badword") but still counts the gift', () => {
    const s = session({ block: ['badword'] });
    const rude = tiktokSender('8', 'user8', 'b4d w0rd guy');
    const [moment] = feed(s, [oneOffGift({ id: 'r', sender: rude, coins: 5 })]);
    expect([moment?.name, moment?.callout]).toEqual(['B•••', true]);
    expect(board(s)).toEqual([['B•••', 5]]);
  });

  it('skips the callout of a blocked name when blockaction=skip, still counting, masked on the board', () => {
    const s = session({ block: ['badword'], blockAction: 'skip' });
    const rude = tiktokSender('8', 'badword_fan', 'Nice Name');
    const [moment] = feed(s, [oneOffGift({ id: 'r', sender: rude, coins: 5 })]);
    expect(moment?.callout).toBe(false);
    expect(board(s)).toEqual([['N•••', 5]]);
  });

  it('keeps hidden logins off top() while still counting them', () => {
    const s = session({ hide: ['ZerodyTester'] });
    feed(s, [oneOffGift({ id: 'a' }), cheer({ id: 'b', bits: 5 })]);
    expect(board(s)).toEqual([['ronni', 5]]);
    expect(s.gifters).toBe(2);
  });

  it('notifies subscribers when the board or a goal count changes, not for a drop, and stops after unsubscribe', () => {
    const s = session();
    const listener = vi.fn();
    const stop = s.subscribe(listener);
    const lion = oneOffGift({ id: 'a' });
    s.ingest(lion, 1);
    s.ingest(lion, 2);
    expect(listener).toHaveBeenCalledTimes(1);
    // A follow counts towards a follower goal, once per user.
    s.ingest(follow({ id: 'f' }), 3);
    s.ingest(follow({ id: 'f2' }), 3);
    expect(listener).toHaveBeenCalledTimes(2);
    stop();
    s.ingest(oneOffGift({ id: 'b' }), 4);
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('survives a throwing subscriber and counts it', () => {
    const s = session();
    s.subscribe(() => {
      throw new Error('boom');
    });
    expect(s.ingest(oneOffGift({ id: 'a' }), 1)).not.toBeNull();
    expect(s.drops).toEqual({ 'listener-error': 1 });
  });

  it('updates a row name when the user shows up under a new name, even with a follow', () => {
    const s = session();
    const listener = vi.fn();
    feed(s, [oneOffGift({ id: 'a' })]);
    s.subscribe(listener);
    s.ingest(follow({ id: 'f', sender: { ...ZERODY, name: 'Zed 2' } }), 5);
    expect(board(s)).toEqual([['Zed 2', 29999]]);
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it("adds to a restored gifter's total and shows their new name after a reload", () => {
    const store = new MemoryStore();
    const before = session({}, store);
    feed(before, [oneOffGift({ id: 'a', coins: 10 })]);
    before.save(5000);
    const after = session({}, store);
    const renamed = { ...ZERODY, name: 'Zed 2' };
    feed(after, [follow({ id: 'f', sender: renamed })]);
    expect(board(after)).toEqual([['Zed 2', 10]]);
    feed(after, [oneOffGift({ id: 'b', coins: 5, sender: renamed }), cheer({ id: 'c', bits: 1 })]);
    expect(board(after)).toEqual([
      ['Zed 2', 15],
      ['ronni', 1],
    ]);
  });

  it('still renames a gifter after 25,000 other senders went through the name cache', () => {
    const s = session();
    feed(s, [oneOffGift({ id: 'first', coins: 10 })]);
    const others = Array.from({ length: 25_000 }, (_, i) =>
      follow({ id: `f${i}`, sender: tiktokSender(`${i}`, `viewer${i}`, `Viewer ${i}`) }),
    );
    feed(s, others);
    feed(s, [oneOffGift({ id: 'again', coins: 1, sender: { ...ZERODY, name: 'Zed 2' } })]);
    expect(board(s)).toEqual([['Zed 2', 11]]);
  });

  it('keeps fractional factors exact (coin=0.1, 3 gifts of 1 coin is 0.3)', () => {
    const s = session();
    feed(
      s,
      [0, 1, 2].map((i) => ({ ...oneOffGift({ id: `${i}`, coins: 1 }), value: 0.1 })),
    );
    expect(board(s)).toEqual([['Zerody Tester', 0.3]]);
  });

  it('builds its options from the URL config', () => {
    const { config } = parseParams(
      'session=late-show&streak=3&block=foo&blockaction=skip&hide=me&likes=1000',
    );
    expect(sessionOptions(config, 'board')).toEqual({
      session: 'late-show',
      role: 'board',
      streakTimeoutMs: 3000,
      block: ['foo'],
      blockAction: 'skip',
      hide: ['me'],
      countTests: false,
      likeStep: 1000,
    });
  });
});
