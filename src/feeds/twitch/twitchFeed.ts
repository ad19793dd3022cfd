import { FEED_URLS } from '../../core/config/params';
import tmi from 'tmi.js';
import type { ValueScale } from '../../core/event/value';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from '../socket/backoff';
import { deliver } from '../deliver';
import {
  systemRandom,
  systemTimers,
  type Random,
  type TimerHandle,
  type Timers,
} from '../socket/timers';
import { mapTmiEvent, TWITCH_EVENTS } from './mapTmiEvent';
import type { Feed, FeedSink } from '../feed';

/**
 * Twitch chat through tmi.js: anonymous and read-only (no token, ever: tmi.js logs in as
 * justinfanNNNN). The only file in src/ that imports tmi.js; fromConfig.ts loads it with a dynamic
 * import() so the alerts bundle carries tmi.js only when a Twitch source is configured.
 *
 * Reconnects are ours, not tmi.js's: each attempt gets a fresh client with `reconnect: false`,
 * so backoff, timers and status follow the same rules as the other feeds. tmi.js keeps its own
 * PING/PONG watchdog (a PING every 60 s, closed after 10 s without PONG), which ends as a
 * 'disconnected' event here.
 */

export interface TwitchFeedOptions {
  channel: string;
  /** IRC WebSocket URL; only for self-hosting and tests. */
  irc?: string;
  scale: ValueScale;
  timers?: Timers;
  random?: Random;
  backoff?: BackoffOptions;
  /** A client that has not joined the channel after this long is replaced. */
  joinTimeoutMs?: number;
  /** After this many failed attempts in a row the status says 'offline' (retries go on). */
  offlineAfter?: number;
}

/** `irc=` as tmi.js wants it: `ws://127.0.0.1:4000` -> {server, port: 4000, secure: false}. */
export function ircConnection(irc: string): { server: string; port: number; secure: boolean } {
  const url = new URL(irc);
  const secure = url.protocol === 'wss:';
  if (!secure && url.protocol !== 'ws:') throw new Error(`irc must be a ws:// or wss:// URL`);
  const port = url.port === '' ? (secure ? 443 : 80) : Number(url.port);
  return { server: url.hostname, port, secure };
}

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

export function createTwitchFeed(options: TwitchFeedOptions): Feed {
  return {
    name: 'twitch',
    start(sink) {
      const irc = options.irc ?? FEED_URLS.irc;
      let connection: ReturnType<typeof ircConnection>;
      try {
        connection = ircConnection(irc);
      } catch (error) {
        // A malformed URL will not get better by retrying.
        sink.status('offline', `cannot use irc=${irc}: ${String(error)}`);
        return () => undefined;
      }
      return startTwitch(options, connection, sink);
    },
  };
}

function startTwitch(
  options: TwitchFeedOptions,
  connection: ReturnType<typeof ircConnection>,
  sink: FeedSink,
): () => void {
  const timers = options.timers ?? systemTimers;
  const random = options.random ?? systemRandom;
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  let client: tmi.Client | null = null;
  let stopped = false;
  let attempt = 0;
  let failures = 0;
  let joinedAt: number | null = null;
  let retry: TimerHandle | null = null;
  let joinTimer: TimerHandle | null = null;

  function retire(): void {
    if (joinTimer !== null) timers.clearTimeout(joinTimer);
    joinTimer = null;
    const old = client;
    client = null;
    if (old === null) return;
    old.removeAllListeners();
    // tmi.js answers a server RECONNECT with an uncancellable setTimeout(connect) (client.js,
    // case 'RECONNECT'): a retired client must never come back as a second socket.
    old.connect = () => Promise.reject(new Error('retired'));
    old.disconnect().catch(() => undefined);
  }

  function connect(): void {
    retry = null;
    if (stopped) return;
    const fresh = new tmi.Client({
      options: { skipUpdatingEmotesets: true, joinInterval: 300 },
      connection: { ...connection, reconnect: false },
      channels: [options.channel],
      logger: silent,
    });
    client = fresh;
    for (const name of TWITCH_EVENTS) {
      fresh.on(name as 'cheer', (...args: unknown[]) => {
        try {
          deliver(mapTmiEvent(name, args, options.scale, timers.now()), sink);
        } catch (error) {
          sink.drop('handler-error', String(error));
        }
      });
    }
    fresh.on('join', (_channel, _user, self) => {
      if (!self || client !== fresh) return;
      if (joinTimer !== null) timers.clearTimeout(joinTimer);
      joinTimer = null;
      joinedAt = timers.now();
      failures = 0;
      sink.status('live');
    });
    fresh.on('disconnected', (reason) => {
      if (client === fresh) lost(String(reason || 'disconnected'));
    });
    joinTimer = timers.setTimeout(() => lost('no join'), options.joinTimeoutMs ?? 15_000);
    fresh.connect().catch(() => undefined); // failures arrive as 'disconnected'
  }

  function lost(detail: string): void {
    if (stopped) return;
    retire();
    if (joinedAt !== null && timers.now() - joinedAt >= backoff.stableMs) attempt = 0;
    if (joinedAt === null) failures += 1;
    joinedAt = null;
    const delay = backoffDelay(attempt, random, backoff);
    attempt += 1;
    const status = failures >= (options.offlineAfter ?? 5) ? 'offline' : 'retrying';
    sink.status(status, `${detail}; retrying in ${Math.ceil(delay / 1000)} s`);
    retry = timers.setTimeout(connect, delay);
  }

  sink.status('connecting');
  connect();
  return () => {
    stopped = true;
    if (retry !== null) timers.clearTimeout(retry);
    retry = null;
    retire();
  };
}
