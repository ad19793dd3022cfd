import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Moment } from '../../../src/core/alerts/moment';
import { createLog } from '../../../src/app/log';
import { startSessionLoop } from '../../../src/app/sessionLoop';
import { oneOffGift, roseStreak } from '../../fixtures/core/events';
import { session } from '../core/helpers';

describe('startSessionLoop', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
    delete (globalThis as { __giftglow?: unknown }).__giftglow;
  });

  function loop() {
    const s = session({ streakTimeoutMs: 5_000 });
    const moments: Moment[] = [];
    const lines: string[] = [];
    const running = startSessionLoop({
      session: s,
      clock: () => Date.now(),
      log: createLog(
        () => 0,
        (line: string) => lines.push(line),
      ),
      moment: (moment) => moments.push(moment),
    });
    return { s, moments, lines, running };
  }

  it('hands on the moment of each event, and logs the duplicate it drops', () => {
    const { moments, lines, running } = loop();
    const lion = oneOffGift({ id: 'l1' });
    running.ingest(lion);
    running.ingest({ ...lion });
    expect(moments.map((m) => m.gift)).toEqual(['Lion']);
    expect(lines).toEqual(['[giftglow] session: dropped a delivery (duplicate)']);
    running.stop();
  });

  it('finishes a silent streak on its tick, and ticks no more once stopped', () => {
    const { s, moments, running } = loop();
    for (const step of roseStreak({ idPrefix: 'r', groupId: 'g', counts: [1, 5], end: false }))
      running.ingest(step);
    expect(moments.map((m) => m.final)).toEqual([false, false]);
    vi.advanceTimersByTime(6_000);
    expect(moments.at(-1)?.final).toBe(true);
    const tick = vi.spyOn(s, 'tick');
    running.stop();
    vi.advanceTimersByTime(5_000);
    expect(tick).not.toHaveBeenCalled();
  });
});
