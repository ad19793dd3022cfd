import { describe, expect, it } from 'vitest';
import type { CoreEvent } from '../../../src/core/event/events';
import { ZERODY, cheer, oneOffGift, roseStreak } from '../../fixtures/core/events';
import { board, feed, session } from './helpers';

/** Test alerts (`test: true`): thanked like real gifts, kept off the board unless counted. */
const asTest = <E extends CoreEvent>(event: E): E => ({ ...event, test: true });

describe('a test alert', () => {
  it('is shown with its full value (so it animates like the real gift) but never reaches the board', () => {
    const s = session();
    const moment = s.ingest(asTest(oneOffGift({ id: 'test-lion' })), 1);
    expect(moment).toMatchObject({ name: 'Zerody Tester', value: 29999, callout: true });
    expect(board(s)).toEqual([]);
    expect(s.gifters).toBe(0);
  });

  it('climbs a test Rose streak and ends it, without counting it', () => {
    const s = session();
    const steps = roseStreak({ idPrefix: 't', groupId: 'g1', counts: [1, 5, 12], end: true });
    const moments = feed(s, steps.map(asTest));
    expect(moments.map((m) => m && [m.count, m.final])).toEqual([
      [1, false],
      [5, false],
      [12, true],
    ]);
    expect(board(s)).toEqual([]);
  });

  it('finishes a silent test streak after the timeout, still off the board', () => {
    const s = session();
    feed(s, roseStreak({ idPrefix: 't', groupId: 'g2', counts: [1, 4], end: false }).map(asTest));
    const done = s.tick(60_000);
    expect(done.map((m) => [m.count, m.final])).toEqual([[4, true]]);
    expect(board(s)).toEqual([]);
  });

  it('leaves a real gifter with the same id exactly where they were', () => {
    const s = session();
    s.ingest(cheer({ id: 'real', bits: 100, sender: ZERODY }), 1);
    s.ingest(asTest(cheer({ id: 'fake', bits: 5000, sender: ZERODY })), 2);
    expect(board(s)).toEqual([['Zerody Tester', 100]]);
  });

  it('counts on the board in a rehearsal session (counttests=on)', () => {
    const s = session({ countTests: true });
    s.ingest(asTest(oneOffGift({ id: 'test-lion' })), 1);
    expect(board(s)).toEqual([['Zerody Tester', 29999]]);
  });
});
