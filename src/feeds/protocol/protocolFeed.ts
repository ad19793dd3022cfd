import { deliver } from '../deliver';
import { heartbeatEvery } from '../../wire/heartbeat';
import { mapProtocolFrame } from '../../wire/protocol';
import { openSocket } from '../socket/openSocket';
import { socketDeps, type SocketFeedDeps } from '../socket/socketDeps';
import { systemTimers } from '../socket/timers';
import type { Feed } from '../feed';

/**
 * Giftglow's own protocol over a WebSocket (docs/feed-protocol.md). A sender that promises
 * heartbeats (`{"v":1,"type":"heartbeat","every":5000}`) arms the silence watchdog: three missed
 * beats and the socket is replaced. Without heartbeats a quiet socket is left alone.
 */

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
          const every = heartbeatEvery(json);
          if (every !== null) {
            handle.expectHeartbeat(every * 3);
            return;
          }
          for (const result of mapProtocolFrame(json, options.scale, now())) deliver(result, sink);
        },
      });
      return () => handle.stop();
    },
  };
}
