import { deliver } from '../deliver';
import { mapProtocolFrame } from '../../wire/protocol';
import { armOnHeartbeat } from '../socket/armOnHeartbeat';
import { createSocketFeed, type SocketFeedDeps } from '../socket/socketFeed';
import type { Feed } from '../feed';

/**
 * Giftglow's own protocol over a WebSocket (docs/feed-protocol.md). A sender that promises
 * heartbeats (`{"v":1,"type":"heartbeat","every":5000}`) arms the silence watchdog: three missed
 * beats and the socket is replaced. Without heartbeats a quiet socket is left alone.
 */

export function createWsFeed(options: { url: string } & SocketFeedDeps): Feed {
  return createSocketFeed('ws', options.url, options, (json, receivedAt, sink, socket) => {
    if (armOnHeartbeat(json, socket)) return;
    for (const result of mapProtocolFrame(json, options.scale, receivedAt)) deliver(result, sink);
  });
}
