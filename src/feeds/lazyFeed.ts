import type { Feed, FeedSink } from './feed';

/**
 * A feed whose code is fetched on start. stop() before the chunk arrives cancels the start;
 * a chunk that fails to load (offline page, moved build) is reported, not thrown.
 */
export function lazyFeed(name: string, load: () => Promise<Feed>): Feed {
  return {
    name,
    start(sink: FeedSink) {
      let stopped = false;
      let stop: (() => void) | null = null;
      sink.status('connecting');
      load().then(
        (feed) => {
          if (!stopped) stop = feed.start(sink);
        },
        (error: unknown) => {
          if (!stopped) sink.status('offline', `cannot load the ${name} feed: ${String(error)}`);
        },
      );
      return () => {
        stopped = true;
        stop?.();
      };
    },
  };
}
