import type { ValueScale } from '../../core/event/value';
import type { Feed, FeedSink } from '../feed';
import type { BackoffOptions } from '../../core/retry/backoff';
import { openSocket, type SocketFactory, type SocketHandle } from './openSocket';
import type { Random } from './random';
import { systemTimers, type Timers } from './timers';

/** What every raw-WebSocket feed (tikfinity, ws, hub) takes besides its URL. */
export interface SocketFeedDeps {
  scale: ValueScale;
  timers?: Timers;
  random?: Random;
  createSocket?: SocketFactory;
  backoff?: BackoffOptions;
}

/** What a socket feed does with one JSON frame, stamped with the time it arrived. */
export type ReadJson = (
  json: unknown,
  receivedAt: number,
  sink: FeedSink,
  socket: SocketHandle,
) => void;

/**
 * A feed that is one kept-alive WebSocket (openSocket: frame gate, reconnects, statuses): each
 * frame that parsed as JSON goes to `read`. Unset deps stay unset: openSocket has the defaults.
 */
export function createSocketFeed(
  name: string,
  url: string,
  deps: SocketFeedDeps,
  read: ReadJson,
): Feed {
  const { timers, random, createSocket, backoff } = deps;
  const now = (timers ?? systemTimers).now;
  return {
    name,
    start(sink) {
      const socket = openSocket({
        url,
        sink,
        timers,
        random,
        createSocket,
        backoff,
        onJson: (json) => read(json, now(), sink, socket),
      });
      return () => socket.stop();
    },
  };
}
