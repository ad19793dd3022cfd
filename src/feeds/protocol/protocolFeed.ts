import { z } from 'zod/mini';
import { deliver } from '../deliver';
import { mapProtocolFrame, PROTOCOL_VERSION } from '../../wire/protocol';
import { openSocket } from '../socket/openSocket';
import { socketDeps, type SocketFeedDeps } from '../socket/socketDeps';
import { systemTimers } from '../socket/timers';
import type { Feed } from '../feed';

/**
 * Giftglow's own protocol over a WebSocket (docs/feed-protocol.md). A sender that promises
 * heartbeats (`{"v":1,"type":"heartbeat","every":5000}`) arms the silence watchdog: three missed
 * beats and the socket is replaced. Without heartbeats a quiet socket is left alone.
 */

const heartbeat = z.object({
  v: z.literal(PROTOCOL_VERSION),
  type: z.literal('heartbeat'),
  every: z.int().check(z.minimum(1000), z.maximum(300_000)),
});

export function createWsFeed(options: { url: string } & SocketFeedDeps): Feed {
  const now = (options.timers ?? systemTimers).now;
  return {
    name: 'ws',
    start(sink) {
      const handle = openSocket({
        url: options.url,
        sink,
        ...socketDeps(options),
        onJson(json) {
          const beat = heartbeat.safeParse(json);
          if (beat.success) {
            handle.expectHeartbeat(beat.data.every * 3);
            return;
          }
          for (const result of mapProtocolFrame(json, options.scale, now())) deliver(result, sink);
        },
      });
      return () => handle.stop();
    },
  };
}
