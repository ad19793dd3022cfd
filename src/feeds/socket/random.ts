/**
 * The random source a feed draws from (backoff jitter), passed in so tests replay exactly (the
 * style guide's "time and randomness are parameters"). Math.random is the default.
 */

/** A number in [0, 1). */
export type Random = () => number;

export const systemRandom: Random = () => Math.random();
