import type { ValueScale } from '../../core/event/value';
import { DemoScript } from './DemoScript';
import { deliver } from '../deliver';
import { mapTikTok } from '../tiktok/mapTikTok';
import type { Feed, FeedSink } from '../feed';

export interface DemoFeedOptions {
  seed: number;
  /** Gifts (or streaks) started per minute. */
  rate: number;
  scale: ValueScale;
  /** Wall clock in ms; the demo's frames carry it as their create time. */
  clock?: () => number;
  timers?: Pick<typeof globalThis, 'setTimeout' | 'clearTimeout'>;
}

/**
 * The built-in demo: a seeded TikTok LIVE whose TikFinity-style frames go through the same TikTok
 * mapping as a real feed, so the demo shows exactly what the core makes of real payloads.
 * One timer, set to the next due frame; frames that fell due while the page was hidden (timers are
 * throttled there) arrive together when it comes back, as they would from a real feed.
 */
export function createDemoFeed(options: DemoFeedOptions): Feed {
  const clock = options.clock ?? (() => Date.now());
  const timers = options.timers ?? globalThis;
  return {
    name: 'demo',
    start(sink: FeedSink) {
      const script = new DemoScript({ seed: options.seed, rate: options.rate, start: clock() });
      let timer: ReturnType<typeof setTimeout> | undefined;
      let stopped = false;
      const schedule = () => {
        timer = timers.setTimeout(pump, Math.max(0, script.nextAt() - clock()));
      };
      const pump = () => {
        const now = clock();
        for (const { frame } of script.take(now)) {
          deliver(mapTikTok(frame.event, frame.data, options.scale, now), sink);
        }
        if (!stopped) schedule();
      };
      sink.status('live');
      schedule();
      return () => {
        stopped = true;
        if (timer !== undefined) timers.clearTimeout(timer);
      };
    },
  };
}
