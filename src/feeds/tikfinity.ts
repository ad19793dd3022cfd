import { z } from 'zod/mini';
import type { ValueScale } from '../core/value';
import { deliver } from './deliver';
import { openSocket } from './socket';
import { socketDeps, type SocketFeedDeps } from './socketFeed';
import { StreakKeys } from './streakKeys';
import { mapTikTok } from './tiktok';
import { systemTimers } from './timers';
import type { Feed } from './types';
import { describeIssues, drop, type MapResult } from './wire';
import { isRecord } from './wireRead';

/**
 * TikTok LIVE through TikFinity's local event WebSocket. Frames are `{"event", "data"}` where
 * `data` has tiktok-live-connector's flat v1 shape (2.x nested shapes are accepted too, for relays
 * that forward them raw). TikFinity sends no heartbeat, so a quiet stream is never taken for a dead
 * socket: no silence watchdog here; a half-open socket is left to the browser's TCP timeouts.
 */

export const TIKFINITY_DEFAULT_URL = 'ws://localhost:21213/';

/** Longest event name accepted. */
const EVENT_MAX = 64;

export const envelope = z.object({
  event: z.string().check(z.maxLength(EVENT_MAX)),
  data: z.unknown(),
});

/**
 * The envelope read plainly: what `envelope` accepts, or undefined (then the schema says what is
 * wrong). zod's parse of it cost ~0.4 µs per frame, as much as the gift's own reading.
 */
export function readEnvelope(json: unknown): { event: string; data: unknown } | undefined {
  // The schema wants the key, whatever its value.
  if (!isRecord(json) || !('data' in json)) return undefined;
  const event = json.event;
  return typeof event === 'string' && event.length <= EVENT_MAX
    ? { event, data: json.data }
    : undefined;
}

/** A decoded frame: its envelope, then the TikTok mapping (`keys`: the connection's, see mapTikTok). */
export function mapTikFinityJson(
  json: unknown,
  scale: ValueScale,
  receivedAt: number,
  keys?: StreakKeys,
): MapResult {
  let frame = readEnvelope(json);
  if (!frame) {
    // The schema refuses what the reader refused (test/unit/feeds/readers.test.ts) and says why.
    const parsed = envelope.safeParse(json);
    if (!parsed.success) return drop('bad-shape', `tikfinity ${describeIssues(parsed.error)}`);
    frame = parsed.data;
  }
  return mapTikTok(frame.event, frame.data, scale, receivedAt, keys);
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
        onJson(json) {
          deliver(mapTikFinityJson(json, options.scale, now(), keys), sink);
        },
      });
      return () => handle.stop();
    },
  };
}
