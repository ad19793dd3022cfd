import { MAX_FRAME_CHARS, readFrame } from '../../wire/textFrame';
import { dropOnThrow } from '../dropOnThrow';
import { Reconnect, type RetryOptions } from './Reconnect';
import { systemTimers, type TimerHandle, type Timers } from './timers';
import type { FeedSink } from '../feed';

/**
 * One live WebSocket per source, kept alive: reconnect as Reconnect.ts says, a connect
 * timeout, an optional silence watchdog, and a frame gate that drops bad frames without ever
 * closing the socket. Only one socket exists at a time: a new one is made only after the old one
 * is detached and closed, and events from a detached socket are ignored.
 */

/** The part of the browser WebSocket (and of Node's `ws`) this module uses. */
export interface SocketLike {
  binaryType: string;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number; reason: string }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  close(code?: number, reason?: string): void;
}

export type SocketFactory = (url: string) => SocketLike;

export const browserSocket: SocketFactory = (url) => new WebSocket(url) as unknown as SocketLike;

export interface SocketOptions extends RetryOptions {
  url: string;
  sink: Pick<FeedSink, 'status' | 'drop'>;
  /** A text frame that parsed as JSON. May throw: that is counted as a drop, not a disconnect. */
  onJson(json: unknown): void;
  createSocket?: SocketFactory;
  timers?: Timers;
  maxFrameChars?: number;
  /** A socket that has not opened after this long is abandoned and retried. */
  connectTimeoutMs?: number;
}

export interface SocketHandle {
  /** Arms the silence watchdog: only for protocols that promise heartbeats (TikFinity has none). */
  expectHeartbeat(silenceMs: number): void;
  stop(): void;
}

export function openSocket(options: SocketOptions): SocketHandle {
  const timers = options.timers ?? systemTimers;
  const create = options.createSocket ?? browserSocket;
  const { sink } = options;
  let socket: SocketLike | null = null;
  let silenceMs: number | null = null;
  const timer: Record<'connect' | 'silence', TimerHandle | null> = { connect: null, silence: null };

  function clear(name: keyof typeof timer): void {
    const handle = timer[name];
    if (handle !== null) timers.clearTimeout(handle);
    timer[name] = null;
  }

  function arm(name: keyof typeof timer, ms: number, run: () => void): void {
    clear(name);
    timer[name] = timers.setTimeout(() => {
      timer[name] = null;
      run();
    }, ms);
  }

  function detach(): void {
    const old = socket;
    socket = null;
    clear('connect');
    clear('silence');
    if (old === null) return;
    old.onopen = old.onmessage = old.onclose = old.onerror = null;
    try {
      old.close(1000, 'giftglow: closing');
    } catch {
      // Closing a socket that never opened may throw in some runtimes; it is gone either way.
    }
  }

  function connect(): void {
    let ws: SocketLike;
    try {
      ws = create(options.url);
    } catch (error) {
      // A malformed URL will not get better by retrying.
      sink.status('offline', `cannot open ${options.url}: ${String(error)}`);
      return;
    }
    socket = ws;
    ws.binaryType = 'arraybuffer';
    arm('connect', options.connectTimeoutMs ?? 10_000, () => reconnect.lost('connect timeout'));
    ws.onopen = () => {
      if (socket !== ws) return;
      clear('connect');
      reconnect.up();
      watch();
    };
    ws.onmessage = (event) => {
      if (socket !== ws) return;
      watch();
      receive(event.data);
    };
    ws.onclose = (event) => {
      if (socket === ws)
        reconnect.lost(`closed (${event.code}${event.reason ? ` ${event.reason}` : ''})`);
    };
    // An error is always followed by close; nothing to do here but not to crash.
    ws.onerror = () => undefined;
  }

  function receive(data: unknown): void {
    const frame = readFrame(data, options.maxFrameChars ?? MAX_FRAME_CHARS);
    if (!frame.ok) {
      sink.drop(frame.reason, frame.detail);
      return;
    }
    dropOnThrow(sink, () => options.onJson(frame.json));
  }

  function watch(): void {
    if (silenceMs === null || socket === null || !reconnect.isUp) return;
    const limit = silenceMs;
    arm('silence', limit, () => reconnect.lost(`silent for ${Math.round(limit / 1000)} s`));
  }

  const reconnect = new Reconnect({ sink, timers, connect, detach }, options);
  const stop = reconnect.start();
  return {
    expectHeartbeat(ms) {
      silenceMs = ms;
      watch();
    },
    stop,
  };
}
