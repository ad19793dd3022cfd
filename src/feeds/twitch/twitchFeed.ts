import { FEED_URLS } from '../../core/config/choices';
import tmi from 'tmi.js';
import type { ValueScale } from '../../core/event/value';
import { deliver } from '../deliver';
import { dropOnThrow } from '../dropOnThrow';
import { Reconnect, type RetryOptions } from '../socket/Reconnect';
import { systemTimers, type TimerHandle, type Timers } from '../socket/timers';
import { mapTmiEvent, TWITCH_EVENTS } from './mapTmiEvent';
import type { Feed, FeedSink } from '../feed';

/**
 * Twitch chat through tmi.js: anonymous and read-only (no token, ever: tmi.js logs in as
 * justinfanNNNN). The only file in src/ that imports tmi.js; createFeeds.ts loads it with a dynamic
 * import() so the alerts bundle carries tmi.js only when a Twitch source is configured.
 *
 * Reconnects are ours, not tmi.js's: each attempt gets a fresh client with `reconnect: false`,
 * so backoff, timers and status follow the same rule as the other feeds (Reconnect.ts). tmi.js
 * keeps its own PING/PONG watchdog (a PING every 60 s, closed after 10 s without PONG), which ends
 * as a 'disconnected' event here.
 */

export interface TwitchFeedOptions extends RetryOptions {
  channel: string;
  /** IRC WebSocket URL; only for self-hosting and tests. */
  irc?: string;
  scale: ValueScale;
  timers?: Timers;
  /** A client that has not joined the channel after this long is replaced. */
  joinTimeoutMs?: number;
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
  let client: tmi.Client | null = null;
  let joinTimer: TimerHandle | null = null;

  function clearJoinTimer(): void {
    if (joinTimer !== null) timers.clearTimeout(joinTimer);
    joinTimer = null;
  }

  function retire(): void {
    clearJoinTimer();
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
    const fresh = new tmi.Client({
      options: { skipUpdatingEmotesets: true, joinInterval: 300 },
      connection: { ...connection, reconnect: false },
      channels: [options.channel],
      logger: silent,
    });
    client = fresh;
    for (const name of TWITCH_EVENTS) {
      fresh.on(name as 'cheer', (...args: unknown[]) => {
        dropOnThrow(sink, () =>
          deliver(mapTmiEvent(name, args, options.scale, timers.now()), sink),
        );
      });
    }
    fresh.on('join', (_channel, _user, self) => {
      if (!self || client !== fresh) return;
      clearJoinTimer();
      reconnect.up();
    });
    fresh.on('disconnected', (reason) => {
      if (client === fresh) reconnect.lost(String(reason || 'disconnected'));
    });
    joinTimer = timers.setTimeout(() => reconnect.lost('no join'), options.joinTimeoutMs ?? 15_000);
    fresh.connect().catch(() => undefined); // failures arrive as 'disconnected'
  }

  const reconnect = new Reconnect({ sink, timers, connect, detach: retire }, options);
  return reconnect.start();
}
