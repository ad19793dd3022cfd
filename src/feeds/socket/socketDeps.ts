import type { ValueScale } from '../../core/event/value';
import type { BackoffOptions } from './backoff';
import type { SocketFactory } from './openSocket';
import type { Random } from './random';
import type { Timers } from './timers';

/** What every raw-WebSocket feed (tikfinity, ws) takes besides its URL. */
export interface SocketFeedDeps {
  scale: ValueScale;
  timers?: Timers;
  random?: Random;
  createSocket?: SocketFactory;
  backoff?: BackoffOptions;
}

/** The socket's share of a socket feed's deps (unset ones stay unset: openSocket has defaults). */
export function socketDeps({ timers, random, createSocket, backoff }: SocketFeedDeps) {
  return { timers, random, createSocket, backoff };
}
