import { z } from 'zod/mini';
import { FEED_URLS } from '../../core/config/choices';
import type { ValueScale } from '../../core/event/value';
import { deliver } from '../deliver';
import { createSocketFeed, type SocketFeedDeps } from '../socket/socketFeed';
import { mapTikTok } from './mapTikTok';
import type { Feed } from '../feed';
import { describeIssues } from '../../core/zodIssues';
import { drop, type MapResult } from '../../wire/mapResult';

/**
 * TikTok LIVE through TikFinity's local event WebSocket. Frames are `{"event", "data"}` where
 * `data` has tiktok-live-connector's flat v1 shape (2.x nested shapes are accepted too, for services
 * that forward them raw). TikFinity sends no heartbeat, so a quiet stream is never taken for a dead
 * socket: no silence watchdog here; a half-open socket is left to the browser's TCP timeouts.
 */

/** Longest event name accepted. */
const EVENT_MAX = 64;

const envelope = z.object({
  event: z.string().check(z.maxLength(EVENT_MAX)),
  data: z.unknown(),
});

/** A decoded frame: its envelope, then the TikTok mapping. */
export function mapTikFinityJson(json: unknown, scale: ValueScale, receivedAt: number): MapResult {
  const frame = envelope.safeParse(json);
  if (!frame.success) return drop('bad-shape', `tikfinity ${describeIssues(frame.error)}`);
  return mapTikTok(frame.data.event, frame.data.data, scale, receivedAt);
}

export function createTikfinityFeed(options: { url?: string } & SocketFeedDeps): Feed {
  const url = options.url ?? FEED_URLS.tikfinity;
  return createSocketFeed('tikfinity', url, options, (json, receivedAt, sink) =>
    deliver(mapTikFinityJson(json, options.scale, receivedAt), sink),
  );
}
