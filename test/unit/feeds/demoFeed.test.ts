import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CoreEvent } from '../../../src/core/event/events';
import { DEFAULT_SCALE } from '../../../src/core/event/value';
import { createDemoFeed } from '../../../src/feeds/demo/demoFeed';
import type { FeedSink } from '../../../src/feeds/feed';
import type { FeedStatus } from '../../../src/core/event/events';

function recorder() {
  const events: CoreEvent[] = [];
  const statuses: FeedStatus[] = [];
  const drops: string[] = [];
  const notes: string[] = [];
  const sink: FeedSink = {
    event: (e) => events.push(e),
    status: (s) => statuses.push(s),
    drop: (r) => drops.push(r),
    note: (r) => notes.push(r),
  };
  return { sink, events, statuses, drops, notes };
}

describe('the demo feed', () => {
  beforeEach(() => vi.useFakeTimers({ now: 1_700_000_000_000 }));
  afterEach(() => vi.useRealTimers());

  it('delivers TikTok gifts through the real TikTok mapping, live from the start', () => {
    const rec = recorder();
    const stop = createDemoFeed({ seed: 7, rate: 120, scale: DEFAULT_SCALE }).start(rec.sink);
    vi.advanceTimersByTime(60_000);
    stop();
    expect(rec.statuses).toEqual(['live']);
    expect(rec.drops).toEqual([]);
    const gifts = rec.events.filter((e) => e.kind === 'gift');
    expect(gifts.length).toBeGreaterThan(100);
    expect(gifts.every((g) => g.platform === 'tiktok' && g.sender.key.startsWith('tiktok:'))).toBe(
      true,
    );
    expect(gifts.some((g) => g.combo !== null && g.final)).toBe(true);
    expect(gifts.some((g) => g.combo === null && g.final)).toBe(true);
  });

  it('replays the same events for the same seed', () => {
    const a = recorder();
    const b = recorder();
    const stopA = createDemoFeed({ seed: 9, rate: 60, scale: DEFAULT_SCALE }).start(a.sink);
    vi.advanceTimersByTime(30_000);
    stopA();
    vi.setSystemTime(1_700_000_000_000);
    const stopB = createDemoFeed({ seed: 9, rate: 60, scale: DEFAULT_SCALE }).start(b.sink);
    vi.advanceTimersByTime(30_000);
    stopB();
    expect(b.events).toEqual(a.events);
  });

  it('leaves no timer behind when stopped', () => {
    const rec = recorder();
    const stop = createDemoFeed({ seed: 1, rate: 600, scale: DEFAULT_SCALE }).start(rec.sink);
    vi.advanceTimersByTime(5_000);
    stop();
    expect(vi.getTimerCount()).toBe(0);
    const seen = rec.events.length;
    vi.advanceTimersByTime(60_000);
    expect(rec.events.length).toBe(seen);
  });
});
