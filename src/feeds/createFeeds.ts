import { valueScaleOf, type Config } from '../core/config/config';
import type { ValueScale } from '../core/event/value';
import type { BackoffOptions } from '../core/retry/backoff';
import { createDemoFeed } from './demo/demoFeed';
import { createTikfinityFeed } from './tiktok/tikfinityFeed';
import { createTikTokLiveFeed } from './tiktok/tiktokLiveFeed';
import type { Random } from './socket/random';
import { systemTimers, type Timers } from './socket/timers';
import type { Feed } from './feed';
import { lazyFeed } from './lazyFeed';
import { createWsFeed } from './protocol/protocolFeed';
import { unavailableFeed } from './unavailableFeed';

export interface FeedDeps {
  /** Wall clock (ms); ignored when `timers` is given (timers.now is the clock then). */
  clock?: () => number;
  /** Defaults to the config's own scale (coin=, bit=, tier1= ...). */
  scale?: ValueScale;
  timers?: Timers;
  random?: Random;
  backoff?: BackoffOptions;
  /** The hub's URL when `hub=` is not set: the serving page's own /hub (see hubUrl.ts). */
  hubUrl?: string;
}

/**
 * One feed per configured source, in the order given (`source=tiktok,twitch`). A source whose
 * address is missing (tiktok without tiktok=, twitch without channel, ws without ws=) is skipped: parseParams already
 * reported it to the streamer as a ConfigIssue.
 */
export function createFeeds(config: Config, deps: FeedDeps = {}): Feed[] {
  const feeds: Feed[] = [];
  const shared = sharedDeps(config, deps);
  for (const source of new Set(config.source)) {
    if (source === 'demo') {
      const { seed, rate } = config;
      feeds.push(createDemoFeed({ seed, rate, scale: shared.scale, clock: shared.timers.now }));
    } else if (source === 'tiktok' && config.tiktok) {
      const hubUrl = config.hub ?? deps.hubUrl;
      feeds.push(createTikTokLiveFeed({ username: config.tiktok, hubUrl, ...shared }));
    } else if (source === 'tikfinity') {
      feeds.push(createTikfinityFeed({ url: config.tikfinity, ...shared }));
    } else if (source === 'ws' && config.ws) {
      feeds.push(createWsFeed({ url: config.ws, ...shared }));
    } else if (source === 'hub') {
      const url = config.hub ?? deps.hubUrl;
      // A test alert from the hub is just a protocol v1 frame: the same feed as source=ws.
      if (url) feeds.push({ ...createWsFeed({ url, ...shared }), name: 'hub' });
      else feeds.push(unavailableFeed('hub', 'no hub here: open the overlay from npm start'));
    } else if (source === 'twitch' && config.channel) {
      const channel = config.channel;
      feeds.push(
        lazyFeed('twitch', async () => {
          const { createTwitchFeed } = await import('./twitch/twitchFeed');
          return createTwitchFeed({ channel, irc: config.irc, ...shared });
        }),
      );
    }
  }
  return feeds;
}

/** What every feed shares: the scale, one clock and its timers, the random source and backoff. */
function sharedDeps(config: Config, deps: FeedDeps) {
  const clock = deps.clock;
  const timers = deps.timers ?? (clock ? { ...systemTimers, now: clock } : systemTimers);
  const scale = deps.scale ?? valueScaleOf(config);
  return { scale, timers, random: deps.random, backoff: deps.backoff };
}
