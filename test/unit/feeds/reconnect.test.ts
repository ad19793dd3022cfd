import { describe, expect, it } from 'vitest';
import { DEFAULT_BACKOFF } from '../../../src/core/retry/backoff';
import { Reconnect, type RetryOptions } from '../../../src/feeds/socket/Reconnect';
import { ManualTimers } from './manualTimers';
import { recordingSink } from './recordingSink';

/** A Reconnect over a connection that only records what it was asked to do. */
function reconnect(options: RetryOptions = { random: () => 0.999 }) {
  const timers = new ManualTimers();
  const rec = recordingSink();
  const calls: string[] = [];
  const policy = new Reconnect(
    {
      sink: rec.sink,
      timers,
      connect: () => calls.push('connect'),
      detach: () => calls.push('detach'),
    },
    options,
  );
  return { policy, timers, rec, calls, stop: policy.start() };
}

describe('the reconnect policy', () => {
  it('says connecting and makes the first attempt at once, then live when it comes up', () => {
    const { policy, rec, calls, timers } = reconnect();
    expect(rec.statuses).toEqual([{ status: 'connecting', detail: undefined }]);
    expect(calls).toEqual(['connect']);
    expect(policy.isUp).toBe(false);
    policy.up();
    expect(policy.isUp).toBe(true);
    expect(rec.last()).toBe('live');
    expect(timers.pending()).toEqual([]);
  });

  it('lets the connection go, says why and when it retries, and retries when the timer fires', () => {
    const { policy, rec, calls, timers } = reconnect({ random: () => 0.5 });
    policy.lost('closed (1006)');
    expect(calls).toEqual(['connect', 'detach']);
    expect(rec.statuses.at(-1)).toEqual({
      status: 'retrying',
      detail: 'closed (1006); retrying in 1 s',
    });
    expect(timers.pending()).toEqual([500]);
    timers.fireNext();
    expect(calls).toEqual(['connect', 'detach', 'connect']);
  });

  it('draws one random number per retry and doubles the ceiling each time (full jitter)', () => {
    const draws: number[] = [];
    const { policy, timers } = reconnect({
      random: () => {
        draws.push(0.999);
        return 0.999;
      },
    });
    const delays: number[] = [];
    for (let i = 0; i < 7; i++) {
      policy.lost('down');
      delays.push(timers.fireNext());
    }
    expect(delays).toEqual([999, 1998, 3996, 7992, 15984, 29970, 29970]);
    expect(draws).toHaveLength(7);
  });

  it('rounds the wait up to whole seconds in the status', () => {
    const { policy, rec } = reconnect({ random: () => 0.999 });
    policy.lost('connect timeout');
    expect(rec.statuses.at(-1)?.detail).toBe('connect timeout; retrying in 1 s');
    policy.lost('connect timeout');
    expect(rec.statuses.at(-1)?.detail).toBe('connect timeout; retrying in 2 s');
  });

  it('says offline after offlineAfter failed attempts in a row, retrying all the same', () => {
    const { policy, rec, timers } = reconnect({ random: () => 0.5, offlineAfter: 3 });
    for (let i = 0; i < 4; i++) {
      policy.lost('refused');
      timers.fireNext();
    }
    expect(rec.statuses.map((s) => s.status)).toEqual([
      'connecting',
      'retrying',
      'retrying',
      'offline',
      'offline',
    ]);
  });

  it('defaults to offline after five failures', () => {
    const { policy, rec, timers } = reconnect({ random: () => 0.5 });
    for (let i = 0; i < 5; i++) {
      policy.lost('refused');
      timers.fireNext();
    }
    expect(rec.statuses.map((s) => s.status).slice(-2)).toEqual(['retrying', 'offline']);
  });

  it('counts a connection that came up as no failure: the failures in a row start over', () => {
    const { policy, rec, timers } = reconnect({ random: () => 0.5, offlineAfter: 2 });
    policy.lost('refused');
    timers.fireNext();
    policy.up();
    policy.lost('closed');
    expect(rec.last()).toBe('retrying');
    timers.fireNext();
    policy.lost('refused');
    expect(rec.last()).toBe('retrying');
    timers.fireNext();
    policy.lost('refused');
    expect(rec.last()).toBe('offline');
  });

  it('starts the backoff over after a connection stayed up stableMs, not before', () => {
    const { policy, timers } = reconnect({ random: () => 0.999 });
    policy.lost('refused');
    timers.fireNext();
    policy.lost('refused');
    timers.fireNext();
    policy.up();
    timers.pass(DEFAULT_BACKOFF.stableMs - 1);
    policy.lost('closed');
    expect(timers.pending()).toEqual([3996]);
    timers.fireNext();
    policy.up();
    timers.pass(DEFAULT_BACKOFF.stableMs);
    policy.lost('closed');
    expect(timers.pending()).toEqual([999]);
  });

  it('takes its backoff from the options', () => {
    const backoff = { baseMs: 100, capMs: 300, floorMs: 50, stableMs: 1000 };
    const { policy, timers } = reconnect({ random: () => 0.999, backoff });
    const delays: number[] = [];
    for (let i = 0; i < 4; i++) {
      policy.lost('down');
      delays.push(timers.fireNext());
    }
    expect(delays).toEqual([99, 199, 299, 299]);
  });

  it('stops: no retry left pending, the connection let go, later losses ignored', () => {
    const { policy, rec, calls, timers, stop } = reconnect();
    policy.lost('closed');
    expect(timers.pending()).toHaveLength(1);
    stop();
    expect(timers.pending()).toEqual([]);
    expect(calls).toEqual(['connect', 'detach', 'detach']);
    const seen = rec.statuses.length;
    policy.lost('closed');
    expect(rec.statuses).toHaveLength(seen);
    expect(timers.pending()).toEqual([]);
  });
});
