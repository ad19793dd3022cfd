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

/** Copies only the options that are set (exactOptionalPropertyTypes-friendly). */
export function socketDeps(deps: SocketFeedDeps) {
  const picked: {
    timers?: Timers;
    random?: Random;
    createSocket?: SocketFactory;
    backoff?: BackoffOptions;
  } = {};
  if (deps.timers) picked.timers = deps.timers;
  if (deps.random) picked.random = deps.random;
  if (deps.createSocket) picked.createSocket = deps.createSocket;
  if (deps.backoff) picked.backoff = deps.backoff;
  return picked;
}
