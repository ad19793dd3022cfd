import type { BackoffOptions } from '../../core/retry/backoff.ts';

/** How long a TikTok connection (TikTokLink.ts) waits in each state before it tries again. */
export interface LinkTiming {
  /** Not LIVE, or the LIVE ended: checked again after a random wait in [min, max] (jitter). */
  idleMs: readonly [number, number];
  /** No account of that name: checked again, rarely (it may be a new account). */
  notFoundMs: number;
  /** A 429 is retried no sooner than its Retry-After and never sooner than this. */
  rateLimitFloorMs: number;
  /** A 429 without a Retry-After. */
  rateLimitMs: number;
  /** The sign server wants a key: nothing changes until one is set. */
  needsKeyMs: number;
  /** TikTok blocks this computer or asks for a captcha. */
  blockedMs: number;
  /** The library could not be loaded. */
  libraryMs: number;
  /** The sign server fails, and any other failed attempt: 30 s growing to 10 min. */
  failure: BackoffOptions;
  /** The socket dropped while LIVE: soon, growing to a minute. */
  drop: BackoffOptions;
  /** A LIVE's socket this silent is taken for dropped (a stalled socket is never reported). */
  silenceMs: number;
  /** A look-up or a connect that has not answered by then has failed. */
  callTimeoutMs: number;
  /** Sign requests per hour, per username, at most. */
  signPerHour: number;
  /** No wait is shorter: no path to a new attempt is a tight loop. */
  floorMs: number;
}

const MIN = 60_000;

export const LINK_TIMING: Readonly<LinkTiming> = Object.freeze({
  idleMs: [3 * MIN, 5 * MIN] as const,
  notFoundMs: 10 * MIN,
  rateLimitFloorMs: MIN,
  rateLimitMs: 10 * MIN,
  needsKeyMs: 10 * MIN,
  blockedMs: 15 * MIN,
  libraryMs: 10 * MIN,
  failure: { baseMs: 30_000, capMs: 10 * MIN, floorMs: 30_000, stableMs: 5 * MIN },
  drop: { baseMs: 2_000, capMs: MIN, floorMs: 2_000, stableMs: MIN },
  silenceMs: 2 * MIN,
  callTimeoutMs: MIN,
  signPerHour: 12,
  floorMs: 2_000,
});
