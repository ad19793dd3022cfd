import { describe, expect, it } from 'vitest';
import type { Feed } from '../../../src/feeds/feed';
import { lazyFeed } from '../../../src/feeds/lazyFeed';
import { unavailableFeed } from '../../../src/feeds/unavailableFeed';
import { recordingSink } from './recordingSink';

/** A loaded feed that says live on start and records its stop. */
function loadedFeed(stopped: string[]): Feed {
  return {
    name: 'loaded',
    start(sink) {
      sink.status('live');
      return () => stopped.push('loaded');
    },
  };
}

describe('a feed whose code is fetched on start', () => {
  it('says connecting until its code arrives, then runs it; its stop stops the loaded feed', async () => {
    const stopped: string[] = [];
    const rec = recordingSink();
    const stop = lazyFeed('x', async () => loadedFeed(stopped)).start(rec.sink);
    expect(rec.statuses.map((s) => s.status)).toEqual(['connecting']);
    await rec.until(() => rec.last() === 'live');
    stop();
    expect(stopped).toEqual(['loaded']);
  });

  it('reports code that cannot be loaded as offline, without throwing', async () => {
    const rec = recordingSink();
    lazyFeed('twitch', () => Promise.reject(new Error('chunk gone'))).start(rec.sink);
    await rec.until(() => rec.last() === 'offline');
    expect(rec.statuses.at(-1)?.detail).toBe('cannot load the twitch feed: Error: chunk gone');
  });

  it('neither runs nor reports anything once stopped before its code arrived', async () => {
    const stopped: string[] = [];
    const rec = recordingSink();
    let arrive: (feed: Feed) => void = () => undefined;
    const stop = lazyFeed('x', () => new Promise<Feed>((done) => (arrive = done))).start(rec.sink);
    stop();
    arrive(loadedFeed(stopped));
    await new Promise((wake) => setTimeout(wake, 10));
    expect(rec.statuses.map((s) => s.status)).toEqual(['connecting']);
  });
});

describe('a feed that cannot run here', () => {
  it('says offline and why, and stops without complaint', () => {
    const rec = recordingSink();
    const stop = unavailableFeed('hub', 'no hub here').start(rec.sink);
    expect(rec.statuses).toEqual([{ status: 'offline', detail: 'no hub here' }]);
    expect(stop).not.toThrow();
  });
});
