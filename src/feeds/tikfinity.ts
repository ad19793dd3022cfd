import { z } from 'zod/mini';
import type { ValueScale } from '../core/value';
import { deliver } from './deliver';
import { openSocket } from './socket';
import { socketDeps, type SocketFeedDeps } from './socketFeed';
import { StreakKeys } from './streakKeys';
import { mapTikTok } from './tiktok';
import { scanTikFinityFrame } from './tiktokText';
import { systemTimers } from './timers';
import type { Feed } from './types';
import { describeIssues, drop, type MapResult } from './wire';

/**
 * TikTok LIVE through TikFinity's local event WebSocket. Frames are `{"event", "data"}` where
 * `data` has tiktok-live-connector's flat v1 shape (2.x nested shapes are accepted too, for relays
 * that forward them raw). TikFinity sends no heartbeat, so a quiet stream is never taken for a dead
 * socket: no silence watchdog here; a half-open socket is left to the browser's TCP timeouts.
 * A text frame is first read by scanTikFinityFrame (no JSON.parse: the hot path of a gift storm);
 * only what it is not sure of goes through JSON.parse and the envelope, with the same results.
 */

export const TIKFINITY_DEFAULT_URL = 'ws://localhost:21213/';

const envelope = z.object({ event: z.string().check(z.maxLength(64)), data: z.unknown() });

/** The general path: a parsed frame, its envelope, then the TikTok mapping (`keys`: mapTikTok's). */
export function mapTikFinityJson(
  json: unknown,
  scale: ValueScale,
  receivedAt: number,
  keys?: StreakKeys,
): MapResult {
  const frame = envelope.safeParse(json);
  if (!frame.success) return drop('bad-shape', `tikfinity ${describeIssues(frame.error)}`);
  return mapTikTok(frame.data.event, frame.data.data, scale, receivedAt, keys);
}

export function createTikfinityFeed(options: { url?: string } & SocketFeedDeps): Feed {
  const url = options.url ?? TIKFINITY_DEFAULT_URL;
  const now = (options.timers ?? systemTimers).now;
  return {
    name: 'tikfinity',
    start(sink) {
      const keys = new StreakKeys();
      const handle = openSocket({
        url,
        sink,
        ...socketDeps(options),
        onText(text) {
          const frame = scanTikFinityFrame(text);
          if (frame === undefined) return false;
          deliver(mapTikTok(frame.event, frame.data, options.scale, now(), keys), sink);
          return true;
        },
        onJson(json) {
          deliver(mapTikFinityJson(json, options.scale, now(), keys), sink);
        },
      });
      return () => handle.stop();
    },
  };
}
