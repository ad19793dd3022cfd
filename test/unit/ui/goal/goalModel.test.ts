import { describe, expect, it, vi } from 'vitest';
import type { GoalSpec } from '../../../../src/core/session/goal';
import { GoalModel } from '../../../../src/ui/goal/goalModel.svelte';
import { oneOffGift } from '../../../fixtures/core/events';
import { MemoryStore, session } from '../../core/helpers';

const spec = (over: Partial<GoalSpec> = {}): GoalSpec => ({
  kind: 'coins',
  target: 100,
  start: 0,
  repeat: false,
  ...over,
});

/** A model over a real session, with timers the test moves by hand. */
function setup(goal: GoalSpec, store = new MemoryStore()) {
  vi.useFakeTimers();
  const s = session({}, store);
  const model = new GoalModel(s, goal, { title: '', celebrateMs: 1000, refreshMs: 100 });
  const stop = model.start();
  let n = 0;
  const give = (coins: number) => s.ingest(oneOffGift({ id: `g${++n}-${coins}`, coins }), n);
  return { s, model, stop, give, store };
}

describe('GoalModel', () => {
  it('names the goal after what counts when no title is given', () => {
    const { model, stop } = setup(spec({ kind: 'follows' }));
    expect(model.title).toBe('Follower goal');
    stop();
    vi.useRealTimers();
  });

  it('celebrates once when the goal is reached, and stays full after', () => {
    const { model, stop, give } = setup(spec());
    give(60);
    expect([model.progress.percent, model.celebrations]).toEqual([60, 0]);
    vi.advanceTimersByTime(100);
    give(40);
    expect([model.celebrating, model.celebrations]).toEqual([1, 1]);
    vi.advanceTimersByTime(1000);
    give(500);
    expect([model.celebrating, model.celebrations, model.progress.fill]).toEqual([0, 1, 1]);
    stop();
    vi.useRealTimers();
  });

  it('does not celebrate again after a reload of the same session', () => {
    const first = setup(spec());
    first.give(150);
    expect(first.model.celebrations).toBe(1);
    first.s.save(10);
    first.stop();
    const again = setup(spec(), first.store);
    expect(again.model.progress.value).toBe(150);
    expect([again.model.celebrating, again.model.celebrations]).toEqual([0, 0]);
    again.stop();
    vi.useRealTimers();
  });

  it('celebrates a new target on its own', () => {
    const first = setup(spec());
    first.give(150);
    first.s.save(10);
    first.stop();
    const bigger = setup(spec({ target: 120 }), first.store);
    expect(bigger.model.celebrations).toBe(1);
    bigger.stop();
    vi.useRealTimers();
  });

  it('with repeat, holds the reached round full while celebrating, then rolls over', () => {
    const { model, stop, give } = setup(spec({ repeat: true }));
    give(250);
    expect(model.celebrating).toBe(2);
    expect(model.progress).toMatchObject({ target: 200, fill: 1, percent: 100 });
    vi.advanceTimersByTime(999);
    expect(model.progress.target).toBe(200);
    vi.advanceTimersByTime(1);
    expect(model.progress).toMatchObject({ target: 300, percent: 50 });
    expect([model.celebrating, model.celebrations]).toEqual([0, 1]);
    give(50);
    expect([model.celebrating, model.celebrations]).toEqual([3, 2]);
    stop();
    vi.useRealTimers();
  });

  it('in a battle moves at most once per wait, says it is busy, and ends on the exact count', () => {
    const { model, stop, give } = setup(spec({ target: 100_000 }));
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) {
      give(3);
      seen.add(model.progress.value);
      vi.advanceTimersByTime(1);
    }
    expect(model.busy).toBe(true);
    // One value at once, then one per 100 ms wait: 11 at most, not 1,000.
    expect(seen.size).toBeLessThanOrEqual(11);
    vi.advanceTimersByTime(200);
    expect(model.progress.value).toBe(3000);
    expect(model.busy).toBe(false);
    stop();
    vi.useRealTimers();
  });

  it('stops following the session and clears its timer when stopped', () => {
    const { model, stop, give } = setup(spec());
    give(100);
    stop();
    expect(vi.getTimerCount()).toBe(0);
    give(100);
    expect(model.progress.value).toBe(100);
    vi.useRealTimers();
  });
});
