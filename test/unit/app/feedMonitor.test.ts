// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { watchFeeds, type FeedCounts, type FeedState } from '../../../src/app/feedMonitor';
import { createLog } from '../../../src/app/log';

function monitor() {
  const states: FeedState[] = [];
  const lines: string[] = [];
  const root = document.createElement('html');
  const feeds = watchFeeds({
    log: createLog(
      () => 0,
      (line: string) => lines.push(line),
    ),
    root,
    state: (state) => states.push(state),
  });
  return { feeds, states, lines, root };
}

describe('watchFeeds', () => {
  afterEach(() => {
    delete (globalThis as { __giftglow?: unknown }).__giftglow;
  });

  it('shows the worst status of all feeds, and why, on the page and in data-feed', () => {
    const { feeds, states, lines, root } = monitor();
    const tiktok = feeds.watch('tikfinity');
    const twitch = feeds.watch('twitch');
    feeds.publish();
    expect(states.at(-1)).toEqual({ status: 'connecting', detail: '' });
    tiktok.status('live');
    twitch.status('offline', 'no such channel');
    expect(states.at(-1)).toEqual({ status: 'offline', detail: 'no such channel' });
    expect(root.dataset.feed).toBe('offline');
    twitch.status('live');
    expect(states.at(-1)).toEqual({ status: 'live', detail: '' });
    expect(root.dataset.feed).toBe('live');
    expect(lines).toEqual(['[giftglow] twitch feed offline: no such channel']);
    feeds.stop();
  });

  it('counts dropped frames and degraded events on window.__giftglow.feed, logs them, and unpublishes', () => {
    const { feeds, lines } = monitor();
    const ws = feeds.watch('ws');
    ws.drop('oversized', '70000 chars');
    ws.drop('oversized');
    ws.note('name-cut');
    const bag = () => (globalThis as { __giftglow?: { feed?: FeedCounts } }).__giftglow;
    expect(bag()?.feed).toEqual({ drops: { oversized: 2 }, notes: { 'name-cut': 1 } });
    expect(lines).toEqual([
      '[giftglow] ws: dropped a frame (oversized): 70000 chars',
      '[giftglow] ws: kept an event with name-cut',
    ]);
    feeds.stop();
    expect(bag()?.feed).toBeUndefined();
  });
});
