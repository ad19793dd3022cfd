import { WebSocket } from 'ws';
import { DEFAULT_SCALE } from '../../src/core/event/value';
import type { SocketFactory } from '../../src/feeds/socket/openSocket';
import { createTikTokLiveFeed } from '../../src/feeds/tiktok/tiktokLiveFeed';
import { clockMs } from './benchChild';

/**
 * The page side of the TikTok bench: the page's own feed code (createTikTokLiveFeed, the socket
 * feed under it, the one TikTok reader) on a `ws` socket to the hub's `/hub/tiktok?user=`,
 * delivering into a sink that stamps when each event arrived: "the page's sink". In a page that
 * sink is the session (dedupe, streaks, board); here it only stamps, so what is timed is the path
 * from the socket to the core event.
 */

const nodeSocket: SocketFactory = (url) => new WebSocket(url) as never;

export interface PageSide {
  /** Resolves when the hub says the LIVE is on (the page's badge would say live). */
  live: Promise<void>;
  /** When each event reached the sink (clockMs), by its id (TikTok's msgId). */
  arrived: Map<string, number>;
  /** Drops the page counted, as `reason: detail`. */
  drops: string[];
  /** Resolves true once `count` events have arrived, false after `timeoutMs` without them. */
  until(count: number, timeoutMs: number): Promise<boolean>;
  stop(): void;
}

export function pageSide(hubUrl: string, username: string): PageSide {
  const arrived = new Map<string, number>();
  const drops: string[] = [];
  let wanted = Infinity;
  let done = (): void => undefined;
  let isLive = (): void => undefined;
  const live = new Promise<void>((resolve) => (isLive = resolve));
  const feed = createTikTokLiveFeed({
    username,
    hubUrl,
    scale: DEFAULT_SCALE,
    createSocket: nodeSocket,
  });
  const stop = feed.start({
    event(event) {
      arrived.set(event.id, clockMs());
      if (arrived.size >= wanted) done();
    },
    status(status) {
      if (status === 'live') isLive();
    },
    drop: (reason, detail) => void drops.push(`${reason}: ${detail ?? ''}`),
    note: () => undefined,
  });
  return {
    live,
    arrived,
    drops,
    until(count, timeoutMs) {
      wanted = count;
      return new Promise((resolve) => {
        const timer = setTimeout(() => resolve(false), timeoutMs);
        done = () => {
          clearTimeout(timer);
          resolve(true);
        };
        if (arrived.size >= wanted) done();
      });
    },
    stop,
  };
}
