import { heartbeatEvery } from '../../wire/heartbeat';
import type { SocketHandle } from './openSocket';

/**
 * A protocol v1 heartbeat arms the socket's silence watchdog: three missed beats and the socket is
 * replaced (docs/feed-protocol.md). True when `json` was a heartbeat (nothing more to read in it).
 */
export function armOnHeartbeat(json: unknown, socket: SocketHandle): boolean {
  const every = heartbeatEvery(json);
  if (every === null) return false;
  socket.expectHeartbeat(every * 3);
  return true;
}
