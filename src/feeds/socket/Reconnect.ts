import { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from '../../core/retry/backoff';
import { systemRandom, type Random } from './random';
import type { TimerHandle, Timers } from './timers';
import type { FeedSink } from '../feed';

/** How a feed retries; each unset option has its default (Math.random, DEFAULT_BACKOFF, 5). */
export interface RetryOptions {
  random?: Random;
  backoff?: BackoffOptions;
  /** After this many failed attempts in a row the status says 'offline' (retries go on). */
  offlineAfter?: number;
}

/** The connection a feed keeps alive: how to open one and how to let it go. */
export interface Connection {
  sink: Pick<FeedSink, 'status'>;
  timers: Timers;
  /** Opens a new connection: the first attempt and every retry. */
  connect(): void;
  /** Lets go of the current connection (its socket, listeners and timers), if there is one. */
  detach(): void;
}

/**
 * The one reconnect rule of every feed: a lost connection is let go, then retried after a
 * full-jitter backoff that grows with each attempt and starts over once a connection stayed up
 * `stableMs`. The status says why and when the next attempt comes: 'retrying', or 'offline' after
 * `offlineAfter` attempts in a row that never came up. One retry timer at a time.
 */
export class Reconnect {
  readonly #connection: Connection;
  readonly #random: Random;
  readonly #backoff: BackoffOptions;
  readonly #offlineAfter: number;
  #attempt = 0;
  #failures = 0;
  #upSince: number | null = null;
  #retry: TimerHandle | null = null;
  #stopped = false;

  constructor(connection: Connection, options: RetryOptions = {}) {
    this.#connection = connection;
    this.#random = options.random ?? systemRandom;
    this.#backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.#offlineAfter = options.offlineAfter ?? 5;
  }

  /** Makes the first attempt; returns the stop (no more retries, the connection let go). */
  start(): () => void {
    this.#connection.sink.status('connecting');
    this.#connection.connect();
    return () => {
      this.#stopped = true;
      this.#clearRetry();
      this.#connection.detach();
    };
  }

  /** Whether the current connection came up (and has not been lost since). */
  get isUp(): boolean {
    return this.#upSince !== null;
  }

  /** The connection came up: live, and the failures in a row are over. */
  up(): void {
    this.#upSince = this.#connection.timers.now();
    this.#failures = 0;
    this.#connection.sink.status('live');
  }

  /** The connection is gone, or never came up: let it go and retry after the next backoff step. */
  lost(detail: string): void {
    if (this.#stopped) return;
    const { timers, sink } = this.#connection;
    this.#connection.detach();
    const upSince = this.#upSince;
    this.#upSince = null;
    if (upSince === null) this.#failures += 1;
    else if (timers.now() - upSince >= this.#backoff.stableMs) this.#attempt = 0;
    const delay = backoffDelay(this.#attempt, this.#random, this.#backoff);
    this.#attempt += 1;
    const status = this.#failures >= this.#offlineAfter ? 'offline' : 'retrying';
    sink.status(status, `${detail}; retrying in ${Math.ceil(delay / 1000)} s`);
    this.#clearRetry();
    this.#retry = timers.setTimeout(() => {
      this.#retry = null;
      if (!this.#stopped) this.#connection.connect();
    }, delay);
  }

  #clearRetry(): void {
    if (this.#retry !== null) this.#connection.timers.clearTimeout(this.#retry);
    this.#retry = null;
  }
}
