import { afterEach, describe, expect, it, vi } from 'vitest';
import { BoardModel } from '../../../../src/ui/board/boardModel.svelte';
import { oneOffGift, tiktokSender } from '../../../fixtures/core/events';
import { session } from '../../core/helpers';

/** A board over a real session, with timers the test moves by hand; counts what the page draws. */
function setup(size = 5) {
  vi.useFakeTimers();
  const s = session({});
  const model = new BoardModel(s, { size, refreshMs: 250, highlightMs: 1000 });
  let tops = 0;
  const top = s.top.bind(s);
  s.top = (n: number) => {
    tops++;
    return top(n);
  };
  const stop = model.start();
  let n = 0;
  const give = (user: string, coins: number) =>
    s.ingest(oneOffGift({ id: `g${++n}`, coins, sender: tiktokSender(user, user, user) }), n);
  return { s, model, stop, give, tops: () => tops, top };
}

const shown = (model: BoardModel) => model.rows.map((r) => `${r.name} ${r.value}`);

afterEach(() => {
  vi.useRealTimers();
});

describe('BoardModel', () => {
  it('shows the first change at once and highlights it', () => {
    const { model, stop, give } = setup();
    give('ada', 10);
    expect(shown(model)).toEqual(['ada 10']);
    expect(model.changed).toBe(model.rows[0]!.key);
    expect(model.busy).toBe(false);
    vi.advanceTimersByTime(1000);
    expect(model.changed).toBeNull();
    stop();
  });

  it('in a battle redraws at most every 250 ms, and ends on the exact board', () => {
    const { model, stop, give, tops, top } = setup(3);
    const before = tops();
    // 1,000 gifts over one second from 50 gifters.
    for (let i = 0; i < 1000; i++) {
      give(`u${i % 50}`, (i % 7) + 1);
      vi.advanceTimersByTime(1);
    }
    // Gifts faster than the board redraws: it says so (its rows jump instead of moving)...
    expect(model.busy).toBe(true);
    vi.advanceTimersByTime(250);
    // ...until one wait passes with nothing new.
    vi.advanceTimersByTime(250);
    expect(model.busy).toBe(false);
    // One at once, then one at the end of each 250 ms wait: 5 in all, not 1,000.
    expect(tops() - before).toBeLessThanOrEqual(6);
    expect(model.rows).toEqual(top(3));
    stop();
  });

  it('a gift after a still spell shows at once again', () => {
    const { model, stop, give } = setup();
    give('ada', 10);
    give('bo', 20);
    expect(shown(model)).toEqual(['ada 10']);
    vi.advanceTimersByTime(250);
    expect(shown(model)).toEqual(['bo 20', 'ada 10']);
    vi.advanceTimersByTime(600);
    give('cy', 30);
    expect(shown(model)).toEqual(['cy 30', 'bo 20', 'ada 10']);
    stop();
  });

  it('stops following the session when stopped, with nothing left to fire', () => {
    const { model, stop, give } = setup();
    give('ada', 10);
    give('bo', 20);
    stop();
    vi.advanceTimersByTime(5000);
    expect(shown(model)).toEqual(['ada 10']);
    expect(vi.getTimerCount()).toBe(0);
  });
});
