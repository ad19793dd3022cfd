import { describe, expect, it } from 'vitest';
import {
  ZERODY,
  oneOffGift,
  roseStreak,
  streakStep,
  tiktokSender,
} from '../../fixtures/core/events';
import { board, feed, session } from './helpers';

const rose = (counts: number[], end = true, groupId = '1661887131074') =>
  roseStreak({ idPrefix: `m${groupId}-`, groupId, counts, end });

describe('TikTok streaks', () => {
  it('counts a finished Rose streak of 30 once, with its last cumulative count', () => {
    const s = session();
    feed(s, rose([1, 5, 12, 30]));
    expect(board(s)).toEqual([['Zerody Tester', 30]]);
  });

  it('shows the streak live as one moment whose count grows, final at the end marker', () => {
    const s = session();
    const moments = feed(s, rose([1, 5, 30]));
    expect(moments.map((m) => [m?.id, m?.count, m?.value, m?.final])).toEqual([
      ['tiktok:6813181309701719620:5655:1661887131074', 1, 1, false],
      ['tiktok:6813181309701719620:5655:1661887131074', 5, 5, false],
      ['tiktok:6813181309701719620:5655:1661887131074', 30, 30, true],
    ]);
    expect(moments[2]?.startedAt).toBe(1000);
  });

  it('puts nothing on the board while the streak is still running', () => {
    const s = session();
    feed(s, rose([1, 5], false));
    expect(board(s)).toEqual([]);
  });

  it('counts a single Rose, which fires a step and an end marker, as 1', () => {
    const s = session();
    feed(s, rose([1, 1]));
    expect(board(s)).toEqual([['Zerody Tester', 1]]);
  });

  it.each([
    ['steps out of order', [1, 12, 5, 30]],
    ['a step delivered twice under another id', [1, 5, 5, 30]],
    ['the end marker first', [30, 1, 5]],
  ])('changes nothing for %s', (_, counts) => {
    const s = session();
    const steps = counts.map((count, i) =>
      streakStep({ id: `x${i}`, groupId: 'g', count, end: count === 30 }),
    );
    feed(s, steps);
    s.tick(100_000);
    expect(board(s)).toEqual([['Zerody Tester', 30]]);
  });

  it('drops a stale step as "stale" and returns null', () => {
    const s = session();
    const [a, b, c] = rose([1, 5, 3], false);
    feed(s, [a!, b!]);
    expect(s.ingest(c!, 3000)).toBeNull();
    expect(s.drops).toEqual({ stale: 1 });
  });

  it('finishes a streak whose end marker never arrives after the silence timeout, with its last count', () => {
    const s = session({ streakTimeoutMs: 8000 });
    feed(s, rose([1, 5, 17], false)); // last step at 3000
    expect(s.tick(10_999)).toEqual([]);
    const done = s.tick(11_000);
    expect(done.map((m) => [m.count, m.value, m.final])).toEqual([[17, 17, true]]);
    expect(board(s)).toEqual([['Zerody Tester', 17]]);
  });

  it('adds only the difference when a higher step arrives after a timeout closed the streak', () => {
    const s = session();
    feed(s, rose([1, 5], false));
    s.tick(60_000);
    const late = s.ingest(
      streakStep({ id: 'late', groupId: '1661887131074', count: 9, end: true }),
      61_000,
    );
    expect([late?.count, late?.value, late?.final]).toEqual([9, 9, true]);
    expect(board(s)).toEqual([['Zerody Tester', 9]]);
  });

  it('ignores a repeated end marker and late lower steps after a streak closed', () => {
    const s = session();
    feed(s, rose([1, 5, 10]));
    const again = streakStep({ id: 'again', groupId: '1661887131074', count: 10, end: true });
    const lower = streakStep({ id: 'lower', groupId: '1661887131074', count: 4, end: false });
    expect(s.ingest(again, 9000)).toBeNull();
    expect(s.ingest(lower, 9001)).toBeNull();
    expect(board(s)).toEqual([['Zerody Tester', 10]]);
  });

  it('counts a non-streak Lion at once, without an end marker', () => {
    const s = session();
    const [moment] = feed(s, [oneOffGift({ id: '7137749190944230150' })]);
    expect([moment?.final, moment?.value, moment?.gift, moment?.giftId]).toEqual([
      true,
      29999,
      'Lion',
      '6369',
    ]);
    expect(board(s)).toEqual([['Zerody Tester', 29999]]);
  });

  it('keeps two streaks of the same gift (different groupId) apart', () => {
    const s = session();
    feed(s, [...rose([1, 10], true, 'g1'), ...rose([1, 3], true, 'g2')]);
    expect(board(s)).toEqual([['Zerody Tester', 13]]);
  });

  it('keeps two users streaking the same gift apart', () => {
    const s = session();
    const other = tiktokSender('42', 'kim', 'Kim');
    feed(s, [
      ...roseStreak({ idPrefix: 'a', groupId: 'g', counts: [1, 4], end: true }),
      ...roseStreak({ idPrefix: 'b', groupId: 'g', counts: [1, 7], end: true, sender: other }),
    ]);
    expect(board(s)).toEqual([
      ['Kim', 7],
      ['Zerody Tester', 4],
    ]);
  });

  it('names the board row after the latest name seen for the user', () => {
    const s = session();
    feed(s, [oneOffGift({ id: 'a' }), oneOffGift({ id: 'b', sender: { ...ZERODY, name: 'Zed' } })]);
    expect(board(s)).toEqual([['Zed', 59998]]);
  });
});
