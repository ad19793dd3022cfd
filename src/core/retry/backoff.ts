/**
 * Full-jitter exponential backoff (AWS Architecture Blog, "Exponential Backoff and Jitter"):
 * the n-th retry waits a random time in [floor, min(cap, base * 2^n)). Jitter spreads the
 * reconnects of many overlays after a server restart; the floor keeps even an unlucky draw from
 * turning into a tight loop. One rule for the overlay's feeds and the hub's TikTok connections.
 */
export interface BackoffOptions {
  /** First ceiling, ms. */
  baseMs: number;
  /** Largest wait, ms (30 s: a streamer should not wait longer to see a feed come back). */
  capMs: number;
  /** Smallest wait, ms. */
  floorMs: number;
  /** A connection that stayed up this long resets the backoff to its first step. */
  stableMs: number;
}

export const DEFAULT_BACKOFF: Readonly<BackoffOptions> = Object.freeze({
  baseMs: 1000,
  capMs: 30_000,
  floorMs: 250,
  stableMs: 15_000,
});

/** The wait before retry number `attempt` (0 for the first retry). */
export function backoffDelay(
  attempt: number,
  /** A number in [0, 1) (Math.random in production; a fixed draw in tests). */
  random: () => number,
  options: BackoffOptions,
): number {
  const ceiling = Math.min(options.capMs, options.baseMs * 2 ** Math.min(attempt, 30));
  const jittered = Math.floor(random() * ceiling);
  return Math.min(options.capMs, Math.max(options.floorMs, jittered));
}
