/**
 * What a TikTok connection (TikTokLink.ts) asks of the library, and what it is told: a port with
 * two calls, answered with values, never with a throw. The real one is tiktokLibrary.ts (the only
 * file that imports tiktok-live-connector); tests script their own.
 */

/** Why a look-up or a connection failed, sorted by what the link does next. */
export type FailureKind =
  /** TikTok has no account of that name. */
  | 'not-found'
  /** The sign server refuses for now (HTTP 429). */
  | 'rate-limited'
  /** The sign server wants a key for this (HTTP 401, 402, 403). */
  | 'needs-key'
  /** The sign server fails (5xx, an answer that cannot be read, a timeout, no network). */
  | 'sign-unreachable'
  /** TikTok refuses this computer: DEVICE_BLOCKED, a captcha, an 18+ LIVE that needs a login. */
  | 'blocked'
  /** The room is not LIVE (the library's UserOfflineError). */
  | 'offline'
  /** The library could not be loaded. */
  | 'library'
  /** Anything else (a socket that did not open in time, every look-up failing). */
  | 'other';

export interface Failure {
  ok: false;
  kind: FailureKind;
  /** For people, short; never holds the sign key. */
  detail: string;
  /** What a 429 asked for (its Retry-After), in ms. */
  retryAfterMs?: number;
}

export type Check = { ok: true; live: boolean } | Failure;

/** An open connection to a LIVE: `close` lets it go (its socket and its listeners). */
export type Connected = { ok: true; close(): void } | Failure;

/** What an open connection tells its link, until it is closed. */
export interface SessionListener {
  /** An event to pass on to the overlays (gift, like, follow, share, subNotify). */
  event(name: string, data: unknown): void;
  /** Any frame from TikTok's socket: the link's silence watchdog. */
  activity(): void;
  /** The streamer ended the LIVE (the library then closes its socket itself). */
  streamEnd(): void;
  /** The socket closed or broke. */
  dropped(detail: string): void;
  /** Something the library reported that no call is waiting for: counted. */
  error(detail: string): void;
}

export interface TikTokPort {
  /** Whether a look-up is a request to the sign server (then it counts against the hourly bound). */
  readonly lookupCostsSign: boolean;
  /** Is the account LIVE now? */
  check(): Promise<Check>;
  /** Opens a connection (one sign request) to the LIVE the last check found. */
  connect(listener: SessionListener): Promise<Connected>;
}

/** Loads the library on first use; a port for one username. May reject: the link copes. */
export type OpenTikTok = (username: string) => Promise<TikTokPort>;

export function failure(kind: FailureKind, detail: string, retryAfterMs?: number): Failure {
  return retryAfterMs === undefined
    ? { ok: false, kind, detail }
    : { ok: false, kind, detail, retryAfterMs };
}
